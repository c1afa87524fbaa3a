/** FNV-1a over UTF-16 code units, folded to 24 bits: small keys, few collisions. */
export function hash24(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return ((h >>> 24) ^ h) & 0xffffff;
}

/** 32-bit FNV-1a, for the SimHash. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Word bigrams a SimHash reads at most: enough to tell a text, bounded in cost. */
export const SIMHASH_MAX_WORDS = 1500;

/**
 * 32-bit SimHash (Charikar; Manku et al. 2007) of word bigrams: near-identical texts
 * land a few bits apart, a translation of the same text about 16 bits apart.
 */
export function simhash(words: string[]): number {
  const n = Math.min(words.length, SIMHASH_MAX_WORDS);
  const hashes = new Uint32Array(n);
  for (let i = 0; i < n; i++) hashes[i] = hash32(words[i]);
  const votes = new Int32Array(32);
  for (let i = 0; i + 1 < n; i++) {
    // Mix the two word hashes into the bigram's (xorshift-multiply finaliser).
    let h = (hashes[i] ^ Math.imul(hashes[i + 1], 0x9e3779b1)) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
    for (let b = 0; b < 32; b++) votes[b] += ((h >>> b) & 1) * 2 - 1;
  }
  let out = 0;
  for (let b = 0; b < 32; b++) if (votes[b] > 0) out |= 1 << b;
  return out >>> 0;
}

export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
