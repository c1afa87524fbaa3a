/**
 * A Latin reading of any alphabetic script, so that «Обама», «Ομπάμα», «オバマ» and
 * «Obama» can meet. Letters of the scripts in the generated table get any-ascii's
 * reading; Hangul syllables are composed algorithmically; Latin letters lose their
 * diacritics (by decomposition, with a few letters that have none mapped by hand). What has no reading here (Han, symbols) is kept as it is.
 */
import { TRANSLIT_RANGES } from './translit-table';

let table: Map<number, string> | null = null;

function readings(): Map<number, string> {
  if (table) return table;
  table = new Map();
  for (const [start, joined] of TRANSLIT_RANGES) {
    const readings = joined.includes('|') ? joined.split('|') : [...joined].map((c) => (c === '_' ? '' : c));
    readings.forEach((latin, i) => table!.set(start + i, latin));
  }
  return table;
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

/** Lower-case Latin reading of a word in any alphabetic script. */
export function toLatin(word: string): string {
  const map = readings();
  let out = '';
  for (const ch of word.toLowerCase()) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out += ch;
    else if (cp < 0x250 || (cp >= 0x1e00 && cp <= 0x1eff)) out += latinLetter(ch);
    else if (cp >= 0xac00 && cp <= 0xd7a3) out += hangul(cp);
    else {
      const latin = map.get(cp);
      if (latin !== undefined) out += latin;
      else if (/\p{M}/u.test(ch)) continue; // a combining mark with no reading of its own
      else out += ch;
    }
  }
  return out;
}
