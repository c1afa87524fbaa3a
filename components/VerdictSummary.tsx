import type { VerdictText } from '@/utils/ui/describe-verdict';

export interface VerdictSummaryProps {
  text: VerdictText;
}

/** The one sentence, and how sure the engine is. Announced when it changes. */
export function VerdictSummary({ text }: VerdictSummaryProps) {
  return (
    <section class={`verdict verdict--${text.tone}`} role="status" aria-live="polite">
      <p class="verdict__sentence">{text.sentence}</p>
      {text.confidence && <p class="verdict__confidence">{text.confidence}</p>}
    </section>
  );
}
