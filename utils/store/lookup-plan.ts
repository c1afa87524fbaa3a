/**
 * Which of a page's retrieval keys a lookup reads. The engine's ranking weighs a shared
 * key by its rarity (IDF), so the rarest keys carry most of the ranking: a name or a
 * number filed under a handful of originals says far more than a year filed under
 * thousands. Reading the rarest keys first, within a budget of requests and of posting
 * entries, keeps a lookup's cost flat as the store grows: at 100,000 originals, reading
 * every key of a long page means over a million posting entries; this plan reads at most
 * LOOKUP_MAX_POSTINGS (bench/speed measures the recall this keeps at scale).
 * Keys no original is filed under cost nothing: they are never requested.
 */

/** Posting lists read per lookup at most: each is one IndexedDB request. */
export const LOOKUP_MAX_KEYS = 64;
/** Posting entries read per lookup at most (the rarest keys first)... */
export const LOOKUP_MAX_POSTINGS = 10_000;
/** ...except that the few rarest keys are always read, however common they are. */
export const LOOKUP_MIN_KEYS = 4;

/**
 * The keys to read, rarest first (ties in the page's order). `frequency(key)` is how
 * many originals are filed under the key.
 */
export function planLookup(
  keys: readonly number[],
  frequency: (key: number) => number,
  maxKeys = LOOKUP_MAX_KEYS,
  maxPostings = LOOKUP_MAX_POSTINGS,
): number[] {
  const known: Array<{ key: number; n: number; at: number }> = [];
  const seen = new Set<number>();
  keys.forEach((key, at) => {
    if (seen.has(key)) return;
    seen.add(key);
    const n = frequency(key);
    if (n > 0) known.push({ key, n, at });
  });
  known.sort((a, b) => a.n - b.n || a.at - b.at);
  const out: number[] = [];
  let entries = 0;
  for (const { key, n } of known) {
    if (out.length >= maxKeys) break;
    if (out.length >= LOOKUP_MIN_KEYS && entries + n > maxPostings) break;
    out.push(key);
    entries += n;
  }
  return out;
}
