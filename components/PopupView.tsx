import type { ComponentChildren } from 'preact';
import type { CheckMode } from '@/utils/check-mode';
import type { Formatters } from '@/utils/ui/format';
import type { Translate } from '@/utils/ui/i18n';
import type { VerdictText } from '@/utils/ui/describe-verdict';
import type { TabVerdict } from '@/utils/verdict';
import { CheckModeToggle } from './CheckModeToggle';
import { EvidenceDetails } from './EvidenceDetails';
import { OriginalSource } from './OriginalSource';
import { VerdictSummary } from './VerdictSummary';

export interface PopupViewProps {
  verdict: TabVerdict | null;
  text: VerdictText;
  t: Translate;
  fmt: Formatters;
  /** When given, the footer offers "check only when I click". */
  mode?: CheckMode;
  onMode?: (mode: CheckMode) => void;
  /** The fact-checker's controls (components/PopupWorkflow), under the verdict. */
  children?: ComponentChildren;
}

/** The whole popup: the sentence first, the rest on demand. */
export function PopupView({ verdict, text, t, fmt, mode, onMode, children }: PopupViewProps) {
  const matched = verdict && (verdict.state === 'translation' || verdict.state === 'original') ? verdict : null;
  return (
    <main class="popup">
      <header class="popup__header">
        <img src="/icon/32.png" width={16} height={16} alt="" />
        <h1>{t('extName')}</h1>
      </header>
      <VerdictSummary text={text} />
      {matched?.original && <OriginalSource original={matched.original} t={t} />}
      {matched?.evidence && <EvidenceDetails evidence={matched.evidence} t={t} fmt={fmt} />}
      {children}
      <footer class="popup__footer">
        {t('privacyNote')}
        {mode && onMode && <CheckModeToggle mode={mode} onChange={onMode} t={t} />}
      </footer>
    </main>
  );
}
