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

/** Words a SimHash reads at most: enough to tell a text, bounded in cost. */
export const SIMHASH_MAX_WORDS = 1500;


// Each UTF-16 unit in lower case, computed the first time it is met (0: not yet).
const LOWER1 = new Uint16Array(0x10000);
const LOWER_SPECIAL = new Map<number, string>(); // units whose lower case is not one unit

/**
 * One step of the 32-bit FNV-1a of a text in lower case: `h` after the UTF-16 unit `c`
 * (not ASCII), case-folded unit by unit (so a final capital sigma is a plain sigma).
 * The tokenizer hashes every word of a page as it reads it (tokens.ts): a lower-cased
 * copy of each would cost more than the hash.
 */
export function lowerStep(h: number, c: number): number {
  let l = LOWER1[c];
  if (l === 0) {
    const s = String.fromCharCode(c).toLowerCase();
    if (s.length === 1 && s.charCodeAt(0) !== 0xffff) l = s.charCodeAt(0);
    else {
      l = 0xffff;
      LOWER_SPECIAL.set(c, s);
    }
    LOWER1[c] = l;
  }
  if (l !== 0xffff) return Math.imul(h ^ l, 0x01000193);
  const s = LOWER_SPECIAL.get(c)!;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h;
}

/** 32-bit FNV-1a of `text.slice(start, end)` in lower case (the reference for the tokenizer's). */
export function lowerHash32(text: string, start = 0, end = text.length): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), 0x01000193);
    else h = lowerStep(h, c);
  }
  return h >>> 0;
}

/**
 * 32-bit SimHash (Charikar; Manku et al. 2007) of word bigrams, given the words' hashes
 * (`lowerHash32`): near-identical texts land a few bits apart, a translation of the same
 * text about 16 bits apart.
 */
export function simhash(wordHashes: ArrayLike<number>): number {
  const n = Math.min(wordHashes.length, SIMHASH_MAX_WORDS);
  // Each bit's vote is how many bigram hashes set it: 32 counters kept "vertically" (bit k
  // of plane[j] is bit j of counter k), so adding a hash is a ripple of a few XOR/AND, not
  // 32 additions. A bit is set when more than half of the bigrams set it.
  const planes = new Int32Array(12); // counts up to 4095 > SIMHASH_MAX_WORDS
  let bigrams = 0;
  for (let i = 0; i + 1 < n; i++) {
    // Mix the two word hashes into the bigram's (xorshift-multiply finaliser).
    let h = (wordHashes[i] ^ Math.imul(wordHashes[i + 1], 0x9e3779b1)) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
    let carry = h;
    for (let j = 0; carry !== 0 && j < planes.length; j++) {
      const t = planes[j] & carry;
      planes[j] ^= carry;
      carry = t;
    }
    bigrams++;
  }
  let out = 0;
  for (let b = 0; b < 32; b++) {
    let count = 0;
    for (let j = 0; j < planes.length; j++) count += ((planes[j] >>> b) & 1) << j;
    if (2 * count > bigrams) out |= 1 << b;
  }
  return out >>> 0;
}

export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
