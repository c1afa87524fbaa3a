/**
 * Retrieval keys: which originals are worth comparing with a page at all. An original is
 * indexed under its distinct anchor keys, numbers and names by their precise form, names
 * also by their phonetic skeleton (to be found from another script). A page looks up
 * its own. Both sides use the same key space, so an inverted index (IndexedDB
 * multiEntry, or a Map) answers with the originals sharing something with the page.
 */
import type { Fingerprint } from './types';

/** Phonetic keys live above the 24-bit precise ones. */
export const COARSE_BASE = 0x1000000;
/** Keys an original is indexed under at most. */
export const MAX_INDEX_KEYS = 48;
/** Keys a page looks up at most. */
export const MAX_LOOKUP_KEYS = 160;

function distinctKeys(fp: Fingerprint, max: number): number[] {
  // Rarer-looking anchors first: long numbers (not years) and names, in text order.
  const seen = new Set<number>();
  const strong: number[] = [];
  const weak: number[] = [];
  for (let i = 0; i < fp.keys.length; i++) {
    const k = fp.keys[i];
    if (seen.has(k)) continue;
    seen.add(k);
    (fp.kinds[i] === 'name' ? strong : weak).push(k);
    if (fp.kinds[i] === 'name' && fp.coarse[i]) {
      const c = COARSE_BASE + fp.coarse[i];
      if (!seen.has(c)) {
        seen.add(c);
        weak.push(c);
      }
    }
  }
  return [...strong, ...weak].slice(0, max);
}

/** Keys an original is filed under. */
export function indexKeys(fp: Fingerprint): number[] {
  return distinctKeys(fp, MAX_INDEX_KEYS);
}

/** Keys a page is looked up by. */
export function lookupKeys(fp: Fingerprint): number[] {
  return distinctKeys(fp, MAX_LOOKUP_KEYS);
}
