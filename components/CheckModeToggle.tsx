import type { CheckMode } from '@/utils/check-mode';
import type { Translate } from '@/utils/ui/i18n';

export interface CheckModeToggleProps {
  mode: CheckMode;
  onChange: (mode: CheckMode) => void;
  t: Translate;
}

/** "Check pages only when I click": off by default; on, no page is read until asked. */
export function CheckModeToggle({ mode, onChange, t }: CheckModeToggleProps) {
  return (
    <label class="mode">
      <input type="checkbox" checked={mode === 'click'} onChange={(e) => onChange(e.currentTarget.checked ? 'click' : 'auto')} />
      <span>{t('checkModeClick')}</span>
    </label>
  );
}
