/**
 * The documented rule for the baselines' thresholds.
 *
 * Split: a page belongs to the calibration split when FNV-1a(id) mod 4 = 0 (about a
 * quarter of the articles, the same ids in every language, on any corpus). Only the
 * cross-language sets read from the corpus files are used (never the original language's
 * file, never the generated --variants sets), so the threshold does not depend on the
 * command's options.
 *
 * Rule: the cross-language threshold is the one maximising F1 on that split, where a
 * page is flagged when its best score reaches the threshold, a true positive is a flag
 * with the right original, and a false positive a flag of a page with no original or with
 * the wrong one. The threshold is placed midway between the chosen score and the next
 * lower one. The same-language case (a page in the original's language) uses a fixed high
 * threshold, SAME_TEXT_THRESHOLD: the same text scores about 1, a translation far lower.
 *
 * The reported figures cover all pages, calibration split included; the split's share is
 * printed so that the optimism this adds can be judged.
 */
import { fnv1a } from '../variants';
import type { CorpusArticle, QuerySet } from '../corpus';
import type { CalibrationSample } from './types';

export const CALIBRATION_MOD = 4;
export const SAME_TEXT_THRESHOLD = 0.9;

export function inCalibrationSplit(id: string): boolean {
  return fnv1a(id) % CALIBRATION_MOD === 0;
}

/** The calibration samples of a corpus: cross-language file sets, calibration ids only. */
export function calibrationSamples(sets: readonly QuerySet[], registered: ReadonlySet<string>): CalibrationSample[] {
  const out: CalibrationSample[] = [];
  for (const s of sets) {
    if (s.source !== 'file' || s.sameLanguage) continue;
    for (const a of s.articles) {
      if (inCalibrationSplit(a.id)) out.push({ article: a, expectedId: registered.has(a.id) ? a.id : null });
    }
  }
  return out;
}

/** The best original for a page and its score. */
export interface Scored {
  id: string | null;
  score: number;
}

/** The threshold maximising F1 (see the file's comment), with the F1 reached. */
export function bestF1Threshold(
  scored: readonly { best: Scored; expectedId: string | null }[],
): { threshold: number; f1: number } {
  const positives = scored.filter((s) => s.expectedId !== null).length;
  const points = scored
    .map((s) => ({ score: s.best.score, good: s.expectedId !== null && s.best.id === s.expectedId }))
    .sort((a, b) => b.score - a.score);
  let tp = 0;
  let fp = 0;
  let best = { threshold: Number.POSITIVE_INFINITY, f1: 0 };
  for (let i = 0; i < points.length; i++) {
    if (points[i].good) tp++;
    else fp++;
    // Only between distinct scores: a threshold flags every page with an equal score.
    if (i + 1 < points.length && points[i + 1].score === points[i].score) continue;
    const f1 = positives + fp ? (2 * tp) / (tp + fp + positives) : 0;
    if (f1 > best.f1) {
      const next = i + 1 < points.length ? points[i + 1].score : 0;
      best = { threshold: (points[i].score + next) / 2, f1 };
    }
  }
  return best;
}

/** Whether two languages are the same (primary subtags), null when either is unknown. */
export function sameLang(a: string | null | undefined, b: string | null | undefined): boolean | null {
  if (!a || !b) return null;
  const p = (x: string) => x.trim().toLowerCase().split(/[-_]/)[0];
  return p(a) === p(b);
}

/**
 * The baselines' decision: a page in the original's language is 'original' when its
 * score reaches SAME_TEXT_THRESHOLD; a page in another language is 'translation' when
 * its score reaches the cross-language threshold. With a language unknown, a score at or
 * above SAME_TEXT_THRESHOLD means the same text, otherwise the cross-language rule applies.
 */
export function decideKind(
  page: CorpusArticle,
  originalLang: string | null,
  score: number,
  crossThreshold: number,
): 'translation' | 'original' | 'none' {
  const same = sameLang(page.lang, originalLang);
  if (same === true) return score >= SAME_TEXT_THRESHOLD ? 'original' : 'none';
  if (same === null && score >= SAME_TEXT_THRESHOLD) return 'original';
  return score >= crossThreshold ? 'translation' : 'none';
}
