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
export const MAX_INDEX_KEYS = 64;
/** Keys a page looks up at most. */
export const MAX_LOOKUP_KEYS = 400;

function distinctKeys(fp: Fingerprint, max: number): number[] {
  // In text order: the beginning of an article is what every copy keeps (a partial copy
  // stops early; a paywall cuts the end).
  const seen = new Set<number>();
  const out: number[] = [];
  const add = (k: number) => {
    if (out.length < max && !seen.has(k)) {
      seen.add(k);
      out.push(k);
    }
  };
  for (let i = 0; i < fp.keys.length && out.length < max; i++) {
    add(fp.keys[i]);
    if (fp.kinds[i] === 'name' && fp.coarse[i]) add(COARSE_BASE + fp.coarse[i]);
  }
  return out;
}

/** Keys an original is filed under. */
export function indexKeys(fp: Fingerprint): number[] {
  return distinctKeys(fp, MAX_INDEX_KEYS);
}

/** Keys a page is looked up by. */
export function lookupKeys(fp: Fingerprint): number[] {
  return distinctKeys(fp, MAX_LOOKUP_KEYS);
}
