import { useState } from 'preact/hooks';
import type { ActionResult, OriginalEntry } from '@/utils/management';
import type { OriginalMeta } from '@/utils/original-meta';
import type { DateFormatters } from '@/utils/ui/dates';
import type { Formatters } from '@/utils/ui/format';
import type { Translate } from '@/utils/ui/i18n';
import type { LanguageName } from '@/utils/ui/language-names';
import { ORIGINAL_SORTS, searchOriginals, sortOriginals, type OriginalSort } from '@/utils/ui/originals-view';
import { OriginalItem } from './OriginalItem';

export interface OriginalsSectionProps {
  originals: OriginalEntry[] | null;
  onSave: (id: string, meta: OriginalMeta) => Promise<ActionResult>;
  onDelete: (original: OriginalEntry) => void;
  locale: string;
  t: Translate;
  fmt: Formatters;
  dates: DateFormatters;
  names: LanguageName;
}

const SORT_KEYS: Record<OriginalSort, string> = { newest: 'sortNewest', title: 'sortTitle', publisher: 'sortPublisher', translations: 'sortTranslations' };

/** Known originals: search, sort, and each with its translations. */
export function OriginalsSection({ originals, onSave, onDelete, locale, t, fmt, dates, names }: OriginalsSectionProps) {
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<OriginalSort>('newest');
  const shown = originals ? sortOriginals(searchOriginals(originals, query), sort, locale) : [];
  return (
    <section id="originals" class="section" aria-labelledby="originals-heading">
      <h2 id="originals-heading">{t('originalsHeading')}</h2>
      <div class="toolbar">
        <div class="field">
          <label for="originals-search">{t('searchLabel')}</label>
          <input id="originals-search" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="originals-sort">{t('sortLabel')}</label>
          <select id="originals-sort" value={sort} onChange={(e) => setSort(e.currentTarget.value as OriginalSort)}>
            {ORIGINAL_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(SORT_KEYS[s])}
              </option>
            ))}
          </select>
        </div>
      </div>
      {originals === null ? (
        <p class="muted">{t('loading')}</p>
      ) : (
        <>
          <p class="muted" role="status">
            {t('originalsCount', fmt.count(shown.length), fmt.count(originals.length))}
          </p>
          {shown.length === 0 ? (
            <p class="muted">{t('originalsEmpty')}</p>
          ) : (
            <ul class="originals">
              {shown.map((o, i) => (
                <OriginalItem key={o.id} original={o} index={i} onSave={onSave} onDelete={onDelete} t={t} dates={dates} names={names} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
