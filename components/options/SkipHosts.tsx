import { useState } from 'preact/hooks';
import { normaliseHost } from '@/utils/store/settings';
import type { Translate } from '@/utils/ui/i18n';

export interface SkipHostsProps {
  hosts: string[];
  onChange: (hosts: string[]) => void;
  t: Translate;
}

/** The sites never checked: a list with remove buttons, and a field to add one. */
export function SkipHosts({ hosts, onChange, t }: SkipHostsProps) {
  const [draft, setDraft] = useState('');
  const [invalid, setInvalid] = useState(false);
  const add = (e: Event) => {
    e.preventDefault();
    const host = normaliseHost(draft);
    if (!host) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setDraft('');
    if (!hosts.includes(host)) onChange([...hosts, host]);
  };
  return (
    <fieldset class="group">
      <legend>{t('skipHeading')}</legend>
      {hosts.length === 0 ? (
        <p class="muted">{t('skipEmpty')}</p>
      ) : (
        <ul class="hosts">
          {hosts.map((h) => (
            <li key={h}>
              <span>{h}</span>
              <button type="button" class="button button--quiet" onClick={() => onChange(hosts.filter((x) => x !== h))}>
                {t('skipRemove', h)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="inline-form" onSubmit={add} noValidate>
        <div class="field">
          <label for="skip-add">{t('skipAddLabel')}</label>
          <input
            id="skip-add"
            type="text"
            value={draft}
            autoComplete="off"
            spellcheck={false}
            aria-invalid={invalid ? 'true' : undefined}
            aria-describedby={invalid ? 'skip-add-problem' : undefined}
            onInput={(e) => setDraft(e.currentTarget.value)}
          />
          {invalid && (
            <p id="skip-add-problem" class="field__problem" role="alert">
              {t('skipInvalid')}
            </p>
          )}
        </div>
        <button type="submit" class="button">
          {t('skipAdd')}
        </button>
      </form>
    </fieldset>
  );
}
