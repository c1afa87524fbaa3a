/** The readable form of check results: what was decided, then why, in a few lines. */
import type { CheckResult } from './check-command';

/**
 * Pages are untrusted: a title or name holding terminal escape sequences must not drive
 * the user's terminal. Control characters (but the report's own newlines) become "�".
 */
function printable(text: string): string {
  return text.replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, '\uFFFD');
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

function describeOriginal(o: NonNullable<CheckResult['original']>): string {
  const who = [o.author, o.publisher].filter(Boolean).join(', ');
  return `«${o.title}» (${[o.lang, who].filter(Boolean).join(', ')})${o.url ? ` ${o.url}` : ''}`;
}

/** Shared names and numbers, in order, each once, at most `max` of them. */
function sharedLabels(r: CheckResult, max = 12): string {
  const seen = new Set<string>();
  for (const s of r.evidence?.shared ?? []) {
    if (s.label && !seen.has(s.label)) seen.add(s.label);
  }
  const list = [...seen];
  return list.slice(0, max).join(', ') + (list.length > max ? `, … (${list.length} in all)` : '');
}

export function formatCheck(r: CheckResult): string {
  return printable(report(r));
}

function report(r: CheckResult): string {
  const lang = r.pageLang ? ` [${r.pageLang}]` : '';
  const lines: string[] = [];
  const score = r.score === null ? '' : ` — score ${r.score.toFixed(2)}`;
  if (r.verdict === 'none') {
    lines.push(`${r.file}${lang}: no known original${r.note ? ` (${r.note})` : score ? ` (best${score.slice(2)})` : ''}`);
    return lines.join('\n');
  }
  const o = r.original!;
  lines.push(
    r.verdict === 'translation'
      ? `${r.file}${lang}: TRANSLATED COPY of ${describeOriginal(o)}${score}`
      : `${r.file}${lang}: the known original ${describeOriginal(o)}${score}`,
  );
  if (r.listed) lines.push(`  listed in the pack as a known copy (seen ${r.listed.seen})${r.listed.note ? `: ${r.listed.note}` : ''}`);
  const e = r.evidence;
  if (e) {
    const shared = sharedLabels(r);
    if (shared) lines.push(`  shared names and numbers, in order: ${shared}`);
    if (e.links.length) {
      const links = e.links.slice(0, 8).map((l) => `¶${l.pagePara + 1}↔¶${l.originalPara + 1}`).join(' ');
      lines.push(`  paragraphs aligned (page↔original): ${links}${e.links.length > 8 ? ` … (${e.links.length})` : ''}`);
    }
    const facts = [`original covered ${pct(e.coverage)}`, `page explained ${pct(e.containment)}`];
    if (e.lengthCorrelation !== null) facts.push(`paragraph lengths correlate ${e.lengthCorrelation.toFixed(2)}`);
    if (e.lengthRatio !== null) facts.push(`length ratio ${e.lengthRatio.toFixed(2)}`);
    lines.push(`  ${facts.join(' · ')}`);
  }
  return lines.join('\n');
}
