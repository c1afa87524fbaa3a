/**
 * The folded form of a word for table lookups (concepts.ts): lower case, without
 * diacritics, one apostrophe. "Německu" and "nemecku", "Россия" and "россия" fold alike,
 * so a page's spelling and CLDR's agree whatever the keyboard or the case.
 */
const MARKS = /\p{M}/gu;

/**
 * Characters folded the slow way (case, then decomposition without its marks). Greek's
 * final sigma is a plain sigma: case is folded letter by letter, and ΣΟΣ must fold as σος.
 */
function foldChar(ch: string): string {
  return ch.toLowerCase().normalize('NFD').replace(MARKS, '').replace(/’/g, "'").replace(/ς/g, 'σ');
}

// Each UTF-16 unit's fold, computed the first time it is met: folding a word is then a
// table walk, not a normalisation (this runs on most words of every page). FOLD1 holds a
// fold of one unit (0: not computed yet; SPECIAL: none or several units, kept in SPECIALS).
const FOLD1 = new Uint16Array(0x10000);
const SPECIAL = 0xffff;
const SPECIALS = new Map<number, string>();

/** The fold of one UTF-16 unit (not a surrogate): one unit, or a string in SPECIALS. */
function fold1(c: number): number {
  let f = FOLD1[c];
  if (f === 0) {
    const s = foldChar(String.fromCharCode(c));
    if (s.length === 1 && s.charCodeAt(0) !== SPECIAL && s.charCodeAt(0) !== 0) f = s.charCodeAt(0);
    else {
      f = SPECIAL;
      SPECIALS.set(c, s);
    }
    FOLD1[c] = f;
  }
  return f;
}

export function foldConcept(word: string): string {
  let ascii = true;
  for (let i = 0; i < word.length && ascii; i++) ascii = word.charCodeAt(i) < 0x80;
  if (ascii) return word.toLowerCase();
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return foldChar(word); // astral characters: the slow way
    const f = fold1(c);
    out += f === SPECIAL ? SPECIALS.get(c)! : String.fromCharCode(f);
  }
  return out;
}

/**
 * FNV-1a hashes of a word's folded form and of that form less its last one and two
 * UTF-16 units, computed in one pass without building the folded string: a cheap test
 * (a bit set, concepts.ts) tells most words apart from every table entry before any
 * string is made or looked up.
 */
export interface FoldHashes {
  /** UTF-16 length of the folded form. */
  length: number;
  whole: number;
  less1: number;
  less2: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * One step of the fold hash (`foldHashes(...).whole`): `h` after the UTF-16 unit `c`, not
 * ASCII and not a surrogate. The tokenizer folds every non-ASCII word as it reads it.
 */
export function foldStep(h: number, c: number): number {
  const f = fold1(c);
  if (f !== SPECIAL) return Math.imul(h ^ f, FNV_PRIME);
  const s = SPECIALS.get(c)!;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), FNV_PRIME);
  return h;
}

export function foldHashes(word: string, out: FoldHashes, start = 0, end = word.length): FoldHashes {
  let h = FNV_OFFSET;
  let h1 = FNV_OFFSET; // the hash one unit ago
  let h2 = FNV_OFFSET; // two units ago
  let n = 0;
  for (let i = start; i < end; i++) {
    let c = word.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 65 && c <= 90) c += 32;
    } else {
      if (c >= 0xd800 && c <= 0xdfff) return hashString(foldConcept(word.slice(start, end)), out); // astral: the slow way
      c = fold1(c);
      if (c === SPECIAL) {
        const s = SPECIALS.get(word.charCodeAt(i))!;
        for (let k = 0; k < s.length; k++) {
          h2 = h1;
          h1 = h;
          h = Math.imul(h ^ s.charCodeAt(k), FNV_PRIME);
          n++;
        }
        continue;
      }
    }
    h2 = h1;
    h1 = h;
    h = Math.imul(h ^ c, FNV_PRIME);
    n++;
  }
  out.length = n;
  out.whole = h >>> 0;
  out.less1 = n >= 1 ? h1 >>> 0 : 0;
  out.less2 = n >= 2 ? h2 >>> 0 : 0;
  return out;
}

/** The same hashes of a string already folded. */
export function hashString(folded: string, out: FoldHashes): FoldHashes {
  let h = FNV_OFFSET;
  let h1 = FNV_OFFSET;
  let h2 = FNV_OFFSET;
  for (let i = 0; i < folded.length; i++) {
    h2 = h1;
    h1 = h;
    h = Math.imul(h ^ folded.charCodeAt(i), FNV_PRIME);
  }
  out.length = folded.length;
  out.whole = h >>> 0;
  out.less1 = folded.length >= 1 ? h1 >>> 0 : 0;
  out.less2 = folded.length >= 2 ? h2 >>> 0 : 0;
  return out;
}
