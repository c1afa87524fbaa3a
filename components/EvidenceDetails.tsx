import type { Evidence } from '@/utils/engine';
import type { Formatters } from '@/utils/ui/format';
import type { Translate } from '@/utils/ui/i18n';

export interface EvidenceDetailsProps {
  evidence: Evidence;
  t: Translate;
  fmt: Formatters;
  /** Distinct names and numbers listed at most. */
  maxLabels?: number;
}

function distinctLabels(evidence: Evidence): Array<{ label: string; kind: 'num' | 'name' }> {
  const seen = new Set<string>();
  const out: Array<{ label: string; kind: 'num' | 'name' }> = [];
  for (const s of evidence.shared) {
    if (!s.label || seen.has(s.label)) continue;
    seen.add(s.label);
    out.push({ label: s.label, kind: s.kind });
  }
  return out;
}

/** Why the engine thinks so, one click away: shared anchors, aligned paragraphs, coverage. */
export function EvidenceDetails({ evidence, t, fmt, maxLabels = 40 }: EvidenceDetailsProps) {
  const labels = distinctLabels(evidence);
  const shown = labels.slice(0, maxLabels);
  const links = [...evidence.links].sort((a, b) => a.pagePara - b.pagePara || a.originalPara - b.originalPara);
  return (
    <details class="evidence">
      <summary>{t('evidenceToggle')}</summary>
      <div class="evidence__body">
        <h2>{t('evidenceShared')}</h2>
        {shown.length ? (
          <ul class="chips" aria-label={t('evidenceShared')}>
            {shown.map((l) => (
              <li key={l.label} class={`chip chip--${l.kind}`}>
                {l.label}
              </li>
            ))}
            {labels.length > shown.length && <li class="chip chip--more">{t('evidenceSharedMore', fmt.count(labels.length - shown.length))}</li>}
          </ul>
        ) : (
          <p>{t('evidenceNoShared')}</p>
        )}
        {links.length > 0 && (
          <>
            <h2>{t('evidenceParagraphs')}</h2>
            <ol class="links">
              {links.map((l) => (
                <li key={`${l.pagePara}:${l.originalPara}`}>
                  <span>{t('evidenceLink', fmt.count(l.pagePara + 1), fmt.count(l.originalPara + 1))}</span>
                  <span class="links__count">{t('evidenceLinkAnchors', fmt.count(l.anchors))}</span>
                </li>
              ))}
            </ol>
          </>
        )}
        <ul class="measures">
          <li>{t('evidenceCoverage', fmt.percent(evidence.coverage))}</li>
          <li>{t('evidenceContainment', fmt.percent(evidence.containment))}</li>
          {evidence.lengthCorrelation !== null && <li>{t('evidenceLengths', fmt.score(evidence.lengthCorrelation))}</li>}
        </ul>
      </div>
    </details>
  );
}
