import { useState } from 'preact/hooks';
import type { ActionResult, DraftResult } from '@/utils/management';
import type { OriginalMeta } from '@/utils/original-meta';
import { errorKey } from '@/utils/ui/action-text';
import type { Translate } from '@/utils/ui/i18n';
import { MetaForm } from './MetaForm';

export interface RegisterOriginalProps {
  loadDraft: () => Promise<DraftResult>;
  register: (meta: OriginalMeta) => Promise<ActionResult>;
  /** Called after a successful registration (the popup reloads the verdict). */
  onRegistered: () => void;
  t: Translate;
}

type Step = { kind: 'idle' } | { kind: 'loading' } | { kind: 'form'; draft: OriginalMeta; busy: boolean; error: string | null };

/** "Register this page as an original": one button, then the pre-filled form. */
export function RegisterOriginal({ loadDraft, register, onRegistered, t }: RegisterOriginalProps) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [message, setMessage] = useState<string | null>(null);

  const start = async () => {
    setMessage(null);
    setStep({ kind: 'loading' });
    const r = await loadDraft();
    if (r.ok) setStep({ kind: 'form', draft: r.draft, busy: false, error: null });
    else {
      setStep({ kind: 'idle' });
      setMessage(t(errorKey(r.error)));
    }
  };

  const submit = async (meta: OriginalMeta) => {
    if (step.kind !== 'form') return;
    setStep({ ...step, draft: meta, busy: true, error: null });
    const r = await register(meta);
    if (r.ok) {
      setStep({ kind: 'idle' });
      setMessage(t('registered'));
      onRegistered();
    } else setStep({ kind: 'form', draft: meta, busy: false, error: t(errorKey(r.error)) });
  };

  return (
    <section class="workflow register" aria-labelledby="register-heading">
      {step.kind === 'form' ? (
        <>
          <h2 id="register-heading" class="workflow__heading">
            {t('registerButton')}
          </h2>
          <p class="workflow__intro">{t('registerIntro')}</p>
          <MetaForm
            idPrefix="register"
            initial={step.draft}
            submitLabel={t('registerSubmit')}
            busy={step.busy}
            error={step.error}
            onSubmit={submit}
            onCancel={() => setStep({ kind: 'idle' })}
            t={t}
          />
        </>
      ) : (
        <button type="button" id="register-heading" class="button" onClick={start} disabled={step.kind === 'loading'}>
          {step.kind === 'loading' ? t('registerLoading') : t('registerButton')}
        </button>
      )}
      {message && (
        <p class="workflow__message" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
