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

export function rankCandidates<Id>(postings: Iterable<Posting<Id>>, totalOriginals: number, max = MAX_CANDIDATES): Id[] {
  const score = new Map<Id, number>();
  const n = Math.max(1, totalOriginals);
  for (const { ids } of postings) {
    if (ids.length === 0) continue;
    const idf = Math.log(1 + n / ids.length);
    for (const id of ids) score.set(id, (score.get(id) ?? 0) + idf);
  }
  return [...score.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, max)
    .map(([id]) => id);
}
