import { useState } from 'preact/hooks';
import type { ActionResult, DecisionChoice as Decision } from '@/utils/management';
import { errorKey } from '@/utils/ui/action-text';
import type { Translate } from '@/utils/ui/i18n';
import type { TabVerdict } from '@/utils/verdict';

export interface CopyDecisionProps {
  /** A verdict flagging the page as a translated copy of `original`. */
  verdict: TabVerdict & { original: NonNullable<TabVerdict['original']> };
  decide: (originalId: string, decision: Decision, note?: string | null) => Promise<ActionResult>;
  onDecided: () => void;
  t: Translate;
}

/**
 * On a flagged page: "Confirmed translation" (with an optional note) or "Not a copy". On a
 * page already filed as a confirmed copy: its note, and undo.
 */
export function CopyDecision({ verdict, decide, onDecided, t }: CopyDecisionProps) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = verdict.original.id;

  const act = async (decision: Decision) => {
    setBusy(true);
    setError(null);
    const r = await decide(id, decision, decision === 'undecided' ? null : note);
    setBusy(false);
    if (r.ok) onDecided();
    else setError(t(errorKey(r.error)));
  };

  if (verdict.confirmed) {
    return (
      <section class="workflow decision decision--done">
        <p class="workflow__intro">{t('confirmedFiled')}</p>
        {verdict.note && <p class="decision__note">{t('confirmedNote', verdict.note)}</p>}
        <div class="actions">
          <button type="button" class="button button--quiet" onClick={() => act('undecided')} disabled={busy}>
            {t('undoDecision')}
          </button>
        </div>
        {error && <p class="form__error" role="alert">{error}</p>}
      </section>
    );
  }
  return (
    <section class="workflow decision">
      <p class="workflow__intro">{t('decisionQuestion')}</p>
      <div class="field">
        <label for="decision-note">{t('decisionNoteLabel')}</label>
        <textarea id="decision-note" rows={2} maxLength={1000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </div>
      <div class="actions">
        <button type="button" class="button button--alert" onClick={() => act('confirmed')} disabled={busy}>
          {t('confirmButton')}
        </button>
        <button type="button" class="button" onClick={() => act('dismissed')} disabled={busy}>
          {t('dismissButton')}
        </button>
      </div>
      {error && <p class="form__error" role="alert">{error}</p>}
    </section>
  );
}
