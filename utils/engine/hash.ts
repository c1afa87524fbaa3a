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

/**
 * 32-bit SimHash (Charikar; Manku et al. 2007) of word bigrams: near-identical texts
 * land a few bits apart, a translation of the same text about 16 bits apart.
 */
export function simhash(words: string[]): number {
  const votes = new Int32Array(32);
  for (let i = 0; i + 1 < words.length; i++) {
    const h = hash32(words[i] + ' ' + words[i + 1]);
    for (let b = 0; b < 32; b++) votes[b] += (h >>> b) & 1 ? 1 : -1;
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
