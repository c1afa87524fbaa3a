/**
 * Structure (Gale & Church 1993): a translation keeps the article's paragraphs and
 * sentences and their relative lengths, whatever the language. Two length sequences are
 * aligned by dynamic programming with 1–1, 2–1, 1–2 moves and skips; the cost of a pair
 * is how far its length ratio strays from the texts' ratio. Copy sites insert things
 * (related links, ads) more often than they drop them, so a skipped page segment costs
 * less than a skipped original one, and the original's tail past the end of the page is
 * free (a partial copy). Null when either text has too few segments to have a shape.
 */

const SKIP_PAGE = 0.6;
/** Skipping a page segment that looks inserted (see match.ts): cheaper, not free. */
const SKIP_INSERTED = 0.4;
const SKIP_ORIG = 1.0;
const MERGE = 0.35;
/** Segments of the original compared at most. */
const MAX_ORIG = 64;
/** Segments of the page compared at most. */
const MAX_PAGE = 128;
/** How far (in segments) an alignment may stray from the diagonal: a band, not a square. */
const BAND = 12;

export interface Structure {
  /** Mean cost per aligned original segment: 0 is the same shape. */
  cost: number;
  /** Original segments aligned. */
  matched: number;
}

function alignLengths(a: number[], b: number[], ratio: number, inserted?: readonly boolean[]): Structure | null {
  const n = a.length;
  const m = b.length;
  const W = m + 1;
  const cost = new Float64Array((n + 1) * W).fill(Infinity);
  const matched = new Int32Array((n + 1) * W);
  // A pair's cost is |log(page + 20) − log(ratio·orig + 20)|, capped at 2: the logs of
  // every segment and of every two adjacent segments are taken once, not per cell.
  const la = new Float64Array(n);
  const la2 = new Float64Array(n);
  const lb = new Float64Array(m);
  const lb2 = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    la[i] = Math.log(ratio * a[i] + 20);
    la2[i] = i + 1 < n ? Math.log(ratio * (a[i] + a[i + 1]) + 20) : 0;
  }
  for (let j = 0; j < m; j++) {
    lb[j] = Math.log(b[j] + 20);
    lb2[j] = j + 1 < m ? Math.log(b[j] + b[j + 1] + 20) : 0;
  }
  const skip = new Float64Array(m);
  for (let j = 0; j < m; j++) skip[j] = inserted?.[j] ? SKIP_INSERTED : SKIP_PAGE;
  // What skipping the page's tail from j on costs (half price: a page may end with extras).
  const tail = new Float64Array(m + 1);
  for (let j = m - 1; j >= 0; j--) tail[j] = tail[j + 1] + skip[j] * 0.5;
  const cap = (d: number) => (d < 0 ? (d < -2 ? 2 : -d) : d > 2 ? 2 : d);
  const relax = (to: number, c: number, mm: number) => {
    if (c < cost[to]) {
      cost[to] = c;
      matched[to] = mm;
    }
  };
  cost[0] = 0;
  const extra = m > n ? m - n : 0;
  for (let i = 0; i <= n; i++) {
    const lo = Math.max(0, i - BAND);
    const hi = Math.min(m, i + BAND + extra);
    for (let j = lo; j <= hi; j++) {
      const at = i * W + j;
      const here = cost[at];
      if (here === Infinity) continue;
      const mm = matched[at];
      if (i < n) relax(at + W, here + SKIP_ORIG, mm);
      if (j < m) relax(at + 1, here + skip[j], mm);
      if (i < n && j < m) relax(at + W + 1, here + cap(lb[j] - la[i]), mm + 1);
      if (i + 1 < n && j < m) relax(at + 2 * W + 1, here + MERGE + cap(lb[j] - la2[i]), mm + 2);
      if (i < n && j + 1 < m) relax(at + W + 2, here + MERGE + cap(lb2[j] - la[i]), mm + 1);
    }
  }
  // End points: the whole original aligned (the page's tail is extra), or the whole page
  // aligned (the original's tail is what a partial copy left out).
  let best = Infinity;
  let bestMatched = 0;
  for (let j = 0; j <= m; j++) {
    const c = cost[n * W + j] + tail[j];
    if (c < best) [best, bestMatched] = [c, matched[n * W + j]];
  }
  for (let i = 0; i <= n; i++) {
    const c = cost[i * W + m];
    if (matched[i * W + m] >= 3 && c < best) [best, bestMatched] = [c, matched[i * W + m]];
  }
  return bestMatched > 0 ? { cost: best / bestMatched, matched: bestMatched } : null;
}

/**
 * The best structural alignment of two length sequences, trying the ratio measured on
 * the aligned anchors, the whole texts' ratio and 1 (the measured ratio is unreliable
 * when few anchors align, and the whole ratio is wrong for a partial copy), and any
 * `extraRatios`. `inserted[j]`: the page's j-th segment looks inserted (cheaper to skip).
 */
export function structureCost(
  orig: number[],
  page: number[],
  ratio: number,
  wholeRatio = ratio,
  inserted?: readonly boolean[],
  extraRatios: readonly number[] = [],
): Structure | null {
  const a = orig.slice(0, MAX_ORIG);
  const b = page.slice(0, MAX_PAGE);
  if (a.length < 3 || b.length < 3) return null;
  let best: Structure | null = null;
  for (const r of new Set([ratio, wholeRatio, 1, ...extraRatios])) {
    if (!(r > 0)) continue;
    const s = alignLengths(a, b, r, inserted);
    if (s && (!best || s.cost < best.cost)) best = s;
  }
  return best;
}
