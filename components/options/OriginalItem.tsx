import { useState } from 'preact/hooks';
import type { ActionResult, OriginalEntry } from '@/utils/management';
import type { OriginalMeta } from '@/utils/original-meta';
import { httpUrl } from '@/utils/page/address';
import { errorKey } from '@/utils/ui/action-text';
import type { DateFormatters } from '@/utils/ui/dates';
import type { Translate } from '@/utils/ui/i18n';
import type { LanguageName } from '@/utils/ui/language-names';
import { MetaForm } from '../MetaForm';

export interface OriginalItemProps {
  original: OriginalEntry;
  /** Unique on the page, for element ids. */
  index: number;
  onSave: (id: string, meta: OriginalMeta) => Promise<ActionResult>;
  onDelete: (original: OriginalEntry) => void;
  t: Translate;
  dates: DateFormatters;
  names: LanguageName;
}

/** A link only to an http(s) address; anything else is shown as plain text. */
function PageLink({ url, label }: { url: string; label?: string }) {
  const href = httpUrl(url);
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {label ?? url}
    </a>
  ) : (
    <span>{url}</span>
  );
}

/** One known original: what it is, where it is, its known translations; edit and delete. */
export function OriginalItem({ original: o, index, onSave, onDelete, t, dates, names }: OriginalItemProps) {
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async (meta: OriginalMeta) => {
    setBusy(true);
    const r = await onSave(o.id, meta);
    setBusy(false);
    if (r.ok) {
      setEditing(false);
      setError(null);
    } else setError(t(errorKey(r.error)));
  };

  const facts = [o.author, o.publisher, names(o.lang) ?? o.lang, dates.day(o.date), t('originalAdded', dates.day(new Date(o.addedAt).toISOString()))].filter(Boolean);
  const headingId = `original-${index}`;
  return (
    <li class="original" aria-labelledby={headingId}>
      {editing ? (
        <MetaForm
          idPrefix={`edit-${index}`}
          initial={o}
          submitLabel={t('save')}
          busy={busy}
          error={error}
          onSubmit={save}
          onCancel={() => {
            setEditing(false);
            setError(null);
          }}
          t={t}
        />
      ) : (
        <>
          <h3 id={headingId} class="original__title">
            {o.title}
          </h3>
          <p class="original__facts">{facts.join(' · ')}</p>
          <div class="actions">
            {o.url && <PageLink url={o.url} label={t('originalLink')} />}
            <button type="button" class="button" onClick={() => setEditing(true)} aria-describedby={headingId}>
              {t('editButton')}
            </button>
            <button type="button" class="button" onClick={() => onDelete(o)} aria-describedby={headingId}>
              {t('deleteButton')}
            </button>
          </div>
        </>
      )}
      <details class="translations">
        <summary>{t('translationsHeading', String(o.translations.length))}</summary>
        {o.translations.length > 0 && (
          <ul>
            {o.translations.map((tr) => (
              <li key={tr.url}>
                <PageLink url={tr.url} />
                <span class="translations__facts">
                  {' '}
                  {[names(tr.lang) ?? tr.lang, t('translationSeen', dates.day(tr.seen))].filter(Boolean).join(' · ')}
                </span>
                {tr.note && <span class="translations__note">{tr.note}</span>}
              </li>
            ))}
          </ul>
        )}
      </details>
    </li>
  );
}
