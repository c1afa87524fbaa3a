/**
 * The calibrated score: a logistic function of the alignment's features, so that one
 * threshold (0.5: as likely a translation as not) serves every language. The weights are
 * fitted by `npm run bench:calibrate` (logistic regression over page × candidate pairs
 * of a corpus) and kept here; the features are all ratios or logs of counts, none of them
 * language-specific.
 */
import type { Structure } from './structure';

export interface Features {
  /** Distinct anchors aligned in order. */
  distinct: number;
  /** How many of them chance alone would give (phonetic matching across scripts). */
  chance: number;
  /** Share of the original's distinct anchors, within the aligned span, that align. */
  covOrig: number;
  /** Share of the page's distinct anchors, within the aligned span, that align. */
  covPage: number;
  /** Share of chain steps that move at most two shared anchors ahead in both texts. */
  local: number;
  /** How much of the original the aligned span covers (0..1). */
  spanOrig: number;
  /** How much of the page the aligned span covers (0..1): a paragraph of an original
   * quoted inside another article covers little of it. */
  spanPage: number;
  /** Of the distinct anchors both texts have, the share the chain keeps in order. */
  order: number;
  /** Paragraph-length alignment (Gale–Church), null without enough paragraphs. */
  structure: Structure | null;
  /** Sentence-length alignment: the same, robust to merged and split paragraphs. */
  sentences: Structure | null;
}

/** Segments counted at most in a shape's evidence: paragraphs, sentences. */
export const PARAGRAPH_CAP = 16;
export const SENTENCE_CAP = 32;

/** How strongly a structural alignment says "same shape": positive below a mean cost of
 * 0.2, growing with the number of segments aligned (capped). */
export function shapeEvidence(s: Structure | null, cap: number): number {
  return s ? (0.2 - s.cost) * Math.log1p(Math.min(s.matched, cap)) : -Infinity;
}

/** The feature vector the weights apply to, in WEIGHTS order. */
export function featureVector(f: Features): number[] {
  const s = f.structure;
  const t = f.sentences;
  // Anchors beyond what chance explains; ratios computed over two or three anchors say
  // little (any two anchors are "in order"), so they count in proportion to that excess.
  const excess = Math.max(0, f.distinct - f.chance);
  const trust = Math.max(0, excess - 1) / (Math.max(0, excess - 1) + 2);
  return [
    Math.log1p(excess),
    f.covOrig * trust,
    f.covPage * trust,
    f.local * trust,
    f.spanOrig,
    f.spanPage,
    f.order * trust,
    // The better of the two shapes: a copy that re-cuts paragraphs keeps its sentences.
    s || t ? Math.max(shapeEvidence(s, PARAGRAPH_CAP), shapeEvidence(t, SENTENCE_CAP)) : 0,
  ];
}

export const FEATURE_NAMES = ['logExcess', 'covOrig', 'covPage', 'local', 'spanOrig', 'spanPage', 'order', 'structure'];

/** Fitted weights (see bench/calibrate.ts), the last one the intercept. */
export const WEIGHTS = [3.634, 5.71, 3.835, 1.704, 2.172, 2.054, 2.083, 4.971, -15.183];

export function logistic(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function scoreFeatures(f: Features, weights: readonly number[] = WEIGHTS): number {
  if (f.distinct < 2) return 0;
  const x = featureVector(f);
  let z = weights[x.length];
  for (let i = 0; i < x.length; i++) z += weights[i] * x[i];
  return logistic(z);
}

/**
 * The highest score `f` could reach whatever its structure: the best shape there is
 * (every segment aligned at no cost). Below the threshold, the structure's dynamic
 * programming cannot change the verdict and is skipped (match.ts).
 */
export function scoreUpperBound(f: Features, weights: readonly number[] = WEIGHTS): number {
  const bestShape = { cost: 0, matched: Number.MAX_SAFE_INTEGER };
  return Math.max(scoreFeatures({ ...f, structure: null, sentences: bestShape }, weights), scoreFeatures({ ...f, structure: null, sentences: null }, weights));
}
