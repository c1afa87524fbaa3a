import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '@/utils/ui/i18n';

export interface ClearDataProps {
  onClear: () => Promise<boolean>;
  t: Translate;
}

/** Clearing takes two deliberate steps; the second button is focused, Cancel is next to it. */
export function ClearData({ onClear, t }: ClearDataProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  // The confirming button takes the focus when it appears (autofocus only works on load).
  useEffect(() => {
    if (asking) confirmButton.current?.focus();
  }, [asking]);
  const confirm = async () => {
    setBusy(true);
    await onClear();
    setBusy(false);
    setAsking(false);
  };
  return (
    <fieldset class="group">
      <legend>{t('clearHeading')}</legend>
      <p class="muted">{t('clearExplain')}</p>
      {asking ? (
        <div class="confirm" role="group" aria-labelledby="clear-ask">
          <p id="clear-ask" class="confirm__question">
            {t('clearAsk')}
          </p>
          <div class="actions">
            <button type="button" class="button button--alert" ref={confirmButton} onClick={confirm} disabled={busy}>
              {t('clearConfirm')}
            </button>
            <button type="button" class="button" onClick={() => setAsking(false)} disabled={busy}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="button" onClick={() => setAsking(true)}>
          {t('clearButton')}
        </button>
      )}
    </fieldset>
  );
}
