/**
 * The engine's candidate ranking (`rankCandidates`, utils/engine/rank.ts), computed
 * straight from stored posting lists: the same scores, summed in the same order, the
 * same ties broken the same way (first seen first), the same top `max` — but without a
 * Map entry and an array element per posting entry, and without sorting every original
 * seen to keep a dozen. A lookup at 100,000 originals reads up to 10,000 posting
 * entries: the engine's general version spends milliseconds on them, this one tens of
 * microseconds. tests/unit/store-scale-index.test.ts holds the two to the same answers.
 */

import { decodePostingInto } from './postings';

export interface StoredPosting {
  key: number;
  /** The posting list as stored (postings.ts: ascending seqs, varint deltas). */
  bytes: Uint8Array;
}

/** Seqs up to this use flat arrays indexed by seq; past it (a store with a long history), a Map. */
const DENSE_LIMIT = 1 << 22;

let scores = new Float64Array(0);
let firstSeen = new Uint32Array(0);

/**
 * The `max` best seqs, best first: each list's seqs gain log(1 + N / list length), then
 * every score is divided by √max(8, keys filed under that original).
 */
export function rankStoredPostings(lists: readonly StoredPosting[], totalOriginals: number, max: number, keyCount: (seq: number) => number): number[] {
  if (max <= 0) return [];
  const n = Math.max(1, totalOriginals);
  const seqs: number[] = [];
  const touched: number[] = [];
  let dense = true;
  const sparse = new Map<number, number>();
  for (const { bytes } of lists) {
    decodePostingInto(bytes, seqs);
    if (seqs.length === 0) continue;
    const idf = Math.log(1 + n / seqs.length);
    for (const seq of seqs) {
      if (dense && seq >= DENSE_LIMIT) {
        // Move what was gathered so far to the Map, in the order it was first seen.
        dense = false;
        for (const s of touched) {
          sparse.set(s, scores[s]);
          scores[s] = 0;
          firstSeen[s] = 0;
        }
      }
      if (dense) {
        if (seq >= scores.length) {
          const size = Math.min(DENSE_LIMIT, Math.max(seq + 1, scores.length * 2, 1024));
          const grown = new Float64Array(size);
          grown.set(scores);
          scores = grown;
          const seen = new Uint32Array(size);
          seen.set(firstSeen);
          firstSeen = seen;
        }
        if (firstSeen[seq] === 0) {
          touched.push(seq);
          firstSeen[seq] = touched.length;
          scores[seq] = idf;
        } else scores[seq] += idf;
      } else {
        const s = sparse.get(seq);
        if (s === undefined) touched.push(seq);
        sparse.set(seq, (s ?? 0) + idf);
      }
    }
  }
  // The best `max`, kept sorted: by score, then by when first seen.
  const best: Array<{ seq: number; score: number; order: number }> = [];
  touched.forEach((seq, order) => {
    const raw = dense ? scores[seq] : sparse.get(seq)!;
    const score = raw / Math.sqrt(Math.max(8, keyCount(seq)));
    if (best.length === max && !(score > best[max - 1].score)) return;
    let at = best.length;
    while (at > 0 && score > best[at - 1].score) at--;
    best.splice(at, 0, { seq, score, order });
    if (best.length > max) best.pop();
  });
  // Leave the flat arrays clean for the next lookup.
  if (dense) for (const seq of touched) (scores[seq] = 0), (firstSeen[seq] = 0);
  return best.map((b) => b.seq);
}
