import { useState } from 'preact/hooks';
import { checkMeta, META_FIELDS, type MetaField, type MetaProblem, type OriginalMeta } from '@/utils/original-meta';
import { problemKey } from '@/utils/ui/action-text';
import type { Translate } from '@/utils/ui/i18n';

export interface MetaFormProps {
  initial: OriginalMeta;
  submitLabel: string;
  /** Prefix for element ids (two forms may share a page). */
  idPrefix: string;
  busy?: boolean;
  /** An error of the last submission (already in words), shown above the buttons. */
  error?: string | null;
  onSubmit: (meta: OriginalMeta) => void;
  onCancel: () => void;
  t: Translate;
}

const LABELS: Record<MetaField, string> = {
  title: 'fieldTitle', author: 'fieldAuthor', publisher: 'fieldPublisher', url: 'fieldUrl', date: 'fieldDate', lang: 'fieldLang',
};
const TYPES: Partial<Record<MetaField, string>> = { url: 'url', date: 'date' };

/**
 * The metadata of an original, editable: every field labelled, problems said next to the
 * field (and announced), the first field at fault focused. Values are text: never markup.
 */
export function MetaForm({ initial, submitLabel, idPrefix, busy, error, onSubmit, onCancel, t }: MetaFormProps) {
  const [values, setValues] = useState<Record<MetaField, string>>(
    () => Object.fromEntries(META_FIELDS.map((f) => [f, initial[f] ?? ''])) as Record<MetaField, string>,
  );
  const [problems, setProblems] = useState<Partial<Record<MetaField, MetaProblem>>>({});
  const id = (f: MetaField) => `${idPrefix}-${f}`;

  const submit = (e: Event) => {
    e.preventDefault();
    const checked = checkMeta(values);
    if (!checked.ok) {
      setProblems(checked.problems);
      const first = META_FIELDS.find((f) => checked.problems[f]);
      if (first) (document.getElementById(id(first)) as HTMLInputElement | null)?.focus();
      return;
    }
    setProblems({});
    onSubmit(checked.meta);
  };

  return (
    <form class="meta-form" onSubmit={submit} noValidate>
      {META_FIELDS.map((f) => {
        const problem = problems[f];
        return (
          <div class="field" key={f}>
            <label for={id(f)}>
              {t(LABELS[f])}
              {f !== 'title' && <span class="field__optional"> ({t('fieldOptional')})</span>}
            </label>
            <input
              id={id(f)}
              name={f}
              type={TYPES[f] ?? 'text'}
              value={values[f]}
              required={f === 'title'}
              autoComplete="off"
              spellcheck={false}
              aria-invalid={problem ? 'true' : undefined}
              aria-describedby={problem ? `${id(f)}-problem` : undefined}
              onInput={(e) => setValues({ ...values, [f]: e.currentTarget.value })}
            />
            {problem && (
              <p class="field__problem" id={`${id(f)}-problem`} role="alert">
                {t(problemKey(problem))}
              </p>
            )}
          </div>
        );
      })}
      {error && (
        <p class="form__error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" class="button" onClick={onCancel} disabled={busy}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
