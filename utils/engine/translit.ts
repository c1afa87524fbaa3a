/**
 * A Latin reading of any alphabetic script, so that «Обама», «Ομπάμα», «オバマ» and
 * «Obama» can meet. Letters of the scripts in the generated table get any-ascii's
 * reading; Hangul syllables are composed algorithmically; Latin letters lose their
 * diacritics (by decomposition, with a few letters that have none mapped by hand). Han characters get their Mandarin reading when they are among those a translator spells
 * foreign names with (奥巴马 → aobama); what has no reading here (other Han, symbols) is kept as it is.
 */
import { TRANSLIT_HAN, TRANSLIT_RANGES } from './translit-table';

let table: Map<number, string> | null = null;

function readings(): Map<number, string> {
  if (table) return table;
  table = new Map();
  for (const [start, joined] of TRANSLIT_RANGES) {
    const readings = joined.includes('|') ? joined.split('|') : [...joined].map((c) => (c === '_' ? '' : c));
    readings.forEach((latin, i) => table!.set(start + i, latin));
  }
  addHan(table, TRANSLIT_HAN); // one reference: a minifier may copy a constant string to each
  return table;
}

/** "丁ding七qi…": a character (one UTF-16 unit), then its a–z reading. */
function addHan(table: Map<number, string>, han: string): void {
  for (let i = 0; i < han.length; ) {
    const cp = han.charCodeAt(i++);
    let j = i;
    while (j < han.length && han.charCodeAt(j) >= 97 && han.charCodeAt(j) <= 122) j++;
    table.set(cp, han.slice(i, j));
    i = j;
  }
}

// Latin letters that have no decomposition into a base letter and a mark.
const LATIN_SPECIAL: Record<string, string> = {
  ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ŋ: 'ng', ħ: 'h', ŧ: 't', ſ: 's', ĸ: 'k',
};

function latinLetter(ch: string): string {
  const special = LATIN_SPECIAL[ch];
  if (special) return special;
  return ch.normalize('NFD').replace(/[^a-z]/g, '');
}

// Revised Romanization of Korean jamo (initial, medial, final).
const L = 'g kk n d tt r m b pp s ss  j jj ch k t p h'.split(' ');
const V = 'a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i'.split(' ');
const T = ' k k ks n nj nh d l lg lm lb ls lt lp lh m b bs s ss ng j ch k t p h'.split(' ');

function hangul(cp: number): string {
  const s = cp - 0xac00;
  return L[Math.floor(s / 588)] + V[Math.floor((s % 588) / 28)] + T[s % 28];
}

// Each BMP code point's reading, found the first time it is met (names recur, and their
// letters more so): a table walk, not a decomposition per letter. READING_OF holds the
// reading's place in READINGS plus one (0: not computed yet); a typed array, since a
// sparse array of 65,536 places would be a dictionary.
const READING_OF = new Uint16Array(0x10000);
const READINGS: string[] = [];
const READING_INDEX = new Map<string, number>();

/** The Latin reading of one lower-case code point ('' for a mark without one; itself when none). */
export function latinReading(cp: number): string {
  if (cp < 0x80) return String.fromCharCode(cp);
  if (cp >= 0x10000) return readingOf(cp);
  const k = READING_OF[cp];
  if (k !== 0) return READINGS[k - 1];
  const r = readingOf(cp);
  let i = READING_INDEX.get(r);
  if (i === undefined) {
    i = READINGS.push(r) - 1;
    READING_INDEX.set(r, i);
  }
  READING_OF[cp] = i + 1;
  return r;
}

function readingOf(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if (cp < 0x250 || (cp >= 0x1e00 && cp <= 0x1eff)) return latinLetter(ch);
  if (cp >= 0xac00 && cp <= 0xd7a3) return hangul(cp);
  const latin = readings().get(cp);
  if (latin !== undefined) return latin;
  return /\p{M}/u.test(ch) ? '' : ch; // a combining mark with no reading of its own
}

/**
 * Whether a Han character is one translators spell foreign names with (it has a reading
 * in the table: translit-table.ts TRANSLIT_HAN).
 */
export function isNameHan(cp: number): boolean {
  return cp >= 0x3400 && readings().has(cp);
}

/** Lower-case Latin reading of a word in any alphabetic script. */
export function toLatin(word: string): string {
  const lower = word.toLowerCase();
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const cp = lower.codePointAt(i)!;
    if (cp > 0xffff) i++;
    out += latinReading(cp);
  }
  return out;
}
