/**
 * The benchmark's metrics, from the outcome of every query.
 *
 * - positive: the page's id is registered. Expected: kind 'translation' with that id, or
 *   kind 'original' with that id when the set is in the original language.
 *   recall = right answers / positives; wrongOriginal = positives flagged (either kind)
 *   with another id. A positive flagged with the right id but the wrong kind is neither
 *   (counted in `wrongKind`, shown by --diagnose).
 * - negative: the id is not registered. falseFlags = negatives flagged (either kind).
 * - times: per query, milliseconds; median and 99th percentile by nearest rank.
 */
import type { Verdict, VerdictKind } from './baselines/types';

export interface Outcome {
  set: string;
  lang: string;
  articleId: string;
  /** 'none' for a negative. */
  expected: VerdictKind;
  verdict: Verdict;
  ms: number;
}

export interface Row {
  method: string;
  set: string;
  lang: string;
  positives: number;
  /** Share of positives answered right (0..1), null with no positives. */
  recall: number | null;
  wrongOriginal: number;
  negatives: number;
  falseFlags: number;
  medianMs: number | null;
  p99Ms: number | null;
}

export type OutcomeClass = 'hit' | 'miss' | 'wrongOriginal' | 'wrongKind' | 'trueNegative' | 'falseFlag';

export function classify(o: Outcome): OutcomeClass {
  const v = o.verdict;
  if (o.expected === 'none') return v.kind === 'none' ? 'trueNegative' : 'falseFlag';
  if (v.kind === 'none') return 'miss';
  if (v.id !== o.articleId) return 'wrongOriginal';
  return v.kind === o.expected ? 'hit' : 'wrongKind';
}

/** Nearest-rank percentile (p in 0..100) of unsorted values; null when empty. */
export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[Math.min(s.length, rank) - 1];
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const round3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

/** One row from the outcomes of one method on one set (or on everything: the total). */
export function summarise(method: string, set: string, lang: string, outcomes: readonly Outcome[]): Row {
  let positives = 0, hits = 0, wrongOriginal = 0, negatives = 0, falseFlags = 0;
  for (const o of outcomes) {
    const c = classify(o);
    if (o.expected === 'none') {
      negatives++;
      if (c === 'falseFlag') falseFlags++;
    } else {
      positives++;
      if (c === 'hit') hits++;
      else if (c === 'wrongOriginal') wrongOriginal++;
    }
  }
  const ms = outcomes.map((o) => o.ms);
  return {
    method,
    set,
    lang,
    positives,
    recall: positives ? hits / positives : null,
    wrongOriginal,
    negatives,
    falseFlags,
    medianMs: round3(median(ms)),
    p99Ms: round3(percentile(ms, 99)),
  };
}

/** A method's rows: one per set in the order given, then the total over all of them. */
export function methodRows(method: string, bySet: readonly { set: string; lang: string; outcomes: readonly Outcome[] }[]): Row[] {
  const rows = bySet.map((s) => summarise(method, s.set, s.lang, s.outcomes));
  rows.push(summarise(method, 'total', '*', bySet.flatMap((s) => s.outcomes)));
  return rows;
}
