/**
 * What the `by-url-key` index files an original under: a 52-bit hash of its canonical
 * address, not the address itself. An IndexedDB index entry holds its key in full — in
 * Chromium as UTF-16, beside the original's id — and news addresses run to about 90
 * characters: indexed as text, an original's address cost about 350 bytes on disk, a
 * third of the budget of a whole original (docs/performance.md). A hash is a number of 8
 * bytes; the few originals that share one are told apart by their stored address.
 */
import { hash64 } from '../pack/id';

/** The index key of a canonical address (canonicalUrl's output). */
export function urlKeyOf(canonical: string): number {
  // 13 of hash64's 16 hex digits: 52 bits, exactly representable as a number.
  return parseInt(hash64(canonical).slice(0, 13), 16);
}
