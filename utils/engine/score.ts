/**
 * The calibrated score: a logistic function of the alignment's features, so 0.5 means
 * "as likely a translation as not" in every language.
 */
export interface Features {
  /** Distinct anchors aligned in order. */
  distinct: number;
  /** Share of the original's distinct anchors, within the aligned span, that align. */
  covOrig: number;
  /** Share of the page's distinct anchors, within the aligned span, that align. */
  covPage: number;
  /** Share of chain steps that move a few anchors ahead in both texts at once. */
  local: number;
  /** How much of the original the aligned span covers (0..1). */
  spanOrig: number;
}

export function scoreFeatures(f: Features): number {
  if (f.distinct < 2) return 0;
  const z = -6 + 1.2 * Math.log(f.distinct) * 2 + 3 * f.local + 2 * f.covOrig + 1 * f.covPage;
  return 1 / (1 + Math.exp(-z));
}
