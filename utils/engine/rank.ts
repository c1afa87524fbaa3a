/**
 * Candidate ranking: of the originals sharing keys with a page, which deserve the
 * (costlier) alignment. Each shared key counts by its rarity among the registered
 * originals (inverse document frequency), so the 3-consonant skeleton of a common word
 * or a year shared by thousands counts for little, and a rare name or number for much.
 * The store (IndexedDB) and the in-memory index rank with this same function.
 */

/** Originals verified per page at most: the best-ranked by shared keys. */
export const MAX_CANDIDATES = 12;

/** Postings of one looked-up key: the originals filed under it. */
export interface Posting<Id> {
  key: number;
  ids: readonly Id[];
}

export function rankCandidates<Id>(
  postings: Iterable<Posting<Id>>,
  totalOriginals: number,
  max = MAX_CANDIDATES,
  keyCount?: (id: Id) => number,
): Id[] {
  const score = new Map<Id, number>();
  const n = Math.max(1, totalOriginals);
  for (const { ids } of postings) {
    if (ids.length === 0) continue;
    const idf = Math.log(1 + n / ids.length);
    for (const id of ids) score.set(id, (score.get(id) ?? 0) + idf);
  }
  if (keyCount) {
    // An original filed under many keys meets a noisy page (every word a candidate, in
    // scripts without capitals) more often by chance: damp by its key count (as BM25 does
    // by document length).
    for (const [id, s] of score) score.set(id, s / Math.sqrt(Math.max(8, keyCount(id))));
  }
  return [...score.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, max)
    .map(([id]) => id);
}
