import { useState } from 'preact/hooks';
import type { ActionResult, DecisionChoice } from '@/utils/management';
import { errorKey } from '@/utils/ui/action-text';
import type { Translate } from '@/utils/ui/i18n';
import type { OriginalInfo } from '@/utils/verdict';

export interface DismissedNoteProps {
  dismissed: OriginalInfo[];
  decide: (originalId: string, decision: DecisionChoice) => Promise<ActionResult>;
  onDecided: () => void;
  t: Translate;
}

/** "You marked this page as not a copy of «…»", with undo, per original. */
export function DismissedNote({ dismissed, decide, onDecided, t }: DismissedNoteProps) {
  const [error, setError] = useState<string | null>(null);
  const undo = async (id: string) => {
    const r = await decide(id, 'undecided');
    if (r.ok) onDecided();
    else setError(t(errorKey(r.error)));
  };
  return (
    <section class="workflow dismissed">
      {dismissed.map((o) => (
        <p key={o.id} class="dismissed__item">
          <span>{t('dismissedNote', o.title)}</span>{' '}
          <button type="button" class="button button--quiet" onClick={() => undo(o.id)}>
            {t('undoButton')}
          </button>
        </p>
      ))}
      {error && <p class="form__error" role="alert">{error}</p>}
    </section>
  );
}
