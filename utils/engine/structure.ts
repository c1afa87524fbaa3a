/**
 * Paragraph structure (Gale & Church 1993): a translation keeps the article's paragraphs
 * and their relative lengths, whatever the language. Two length sequences are aligned by
 * dynamic programming with 1–1, 2–1, 1–2 moves and skipped paragraphs (inserted
 * boilerplate, a dropped tail); the cost of a pair is how far its length ratio strays from
 * the texts' own ratio. Null when either text has too few paragraphs to have a shape.
 */

const SKIP = 1.2;
const MERGE = 0.35;
/** Paragraphs (original side) compared at most: the DP is quadratic. */
const MAX_PARAS = 64;

export interface Structure {
  /** Mean cost per aligned original paragraph: 0 is the same shape. */
  cost: number;
  /** Original paragraphs aligned. */
  matched: number;
}

export function structureCost(orig: number[], page: number[], ratio: number): Structure | null {
  const a = orig.slice(0, MAX_PARAS);
  const b = page.slice(0, MAX_PARAS * 2);
  if (a.length < 3 || b.length < 3 || !(ratio > 0)) return null;
  const n = a.length;
  const m = b.length;
  const pair = (x: number, y: number) => Math.min(2, Math.abs(Math.log((y + 20) / (ratio * x + 20))));
  const W = m + 1;
  const cost = new Float64Array((n + 1) * W).fill(Infinity);
  const matched = new Int32Array((n + 1) * W);
  cost[0] = 0;
  // Forward relaxation over the grid; written out without closures (hot loop).
  const step = (from: number, to: number, c: number, mm: number) => {
    if (cost[from] + c < cost[to]) {
      cost[to] = cost[from] + c;
      matched[to] = matched[from] + mm;
    }
  };
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const at = i * W + j;
      if (cost[at] === Infinity) continue;
      if (i < n) step(at, at + W, SKIP, 0);
      if (j < m) step(at, at + 1, SKIP, 0);
      if (i < n && j < m) step(at, at + W + 1, pair(a[i], b[j]), 1);
      if (i + 1 < n && j < m) step(at, at + 2 * W + 1, MERGE + pair(a[i] + a[i + 1], b[j]), 2);
      if (i < n && j + 1 < m) step(at, at + W + 2, MERGE + pair(a[i], b[j] + b[j + 1]), 1);
    }
  }
  // A copy may stop early (paywall) or start late: leftover paragraphs at either end of
  // the page or the original are free, so take the best end point on the last row/column.
  let best = Infinity;
  let bestMatched = 0;
  for (let j = 0; j <= m; j++) {
    const c = cost[n * W + j];
    if (c < best) [best, bestMatched] = [c, matched[n * W + j]];
  }
  for (let i = 0; i <= n; i++) {
    const c = cost[i * W + m]; // the original's tail, past the end of the page: free
    if (c < best) [best, bestMatched] = [c, matched[i * W + m]];
  }
  return bestMatched > 0 ? { cost: best / bestMatched, matched: bestMatched } : null;
}
