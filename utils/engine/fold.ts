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
// table walk, not a normalisation (this runs on most words of every page).
const FOLDED: Array<string | undefined> = [];

export function foldConcept(word: string): string {
  let ascii = true;
  for (let i = 0; i < word.length && ascii; i++) ascii = word.charCodeAt(i) < 0x80;
  if (ascii) return word.toLowerCase();
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return foldChar(word); // astral characters: the slow way
    let f = FOLDED[c];
    if (f === undefined) FOLDED[c] = f = foldChar(word[i]);
    out += f;
  }
  return out;
}
