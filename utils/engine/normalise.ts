/**
 * Text normalisation: one canonical form of a paragraph before anything is read from it.
 * NFKC folds full-width and compatibility forms (１２ → 12, ﬁ → fi); every script's
 * digits become ASCII; zero-width and control characters go; white space is one space.
 */
import { asciiDigits } from './digits';
import type { Script } from './types';

const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;
// Runs of white space, or one white space character other than the plain space: a lone
// plain space (by far the most common) is left alone, which keeps this pass cheap.
const SPACES = /[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\n\v\f\r\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;

/** The longest paragraph read, in characters: caps the cost of a pathological page. */
export const MAX_PARAGRAPH_CHARS = 20_000;

export function normaliseText(text: string): string {
  const capped = text.length > MAX_PARAGRAPH_CHARS ? text.slice(0, MAX_PARAGRAPH_CHARS) : text;
  // Most paragraphs are already in normal form: one scan proves it and skips every pass.
  if (isPlain(capped)) return capped.trim();
  return normaliseSlowly(capped);
}

/** The full normalisation, pass by pass (the reference `isPlain` shortcuts). */
export function normaliseSlowly(text: string): string {
  // Invisible characters go first, so a mark they separated from its letter composes.
  return asciiDigits(text.replace(INVISIBLE, '').normalize('NFKC')).replace(SPACES, ' ').trim();
}

// Each UTF-16 unit's class, computed the first time it is met: 1 plain (every pass of
// normaliseSlowly leaves it as it is, wherever it stands), 2 not.
const PLAIN = new Uint8Array(0x10000);
const MARK = /\p{M}/u;

function isPlainUnit(c: number): boolean {
  let k = PLAIN[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    const plain =
      !(c >= 0xd800 && c <= 0xdfff) &&
      ch.normalize('NFKC') === ch &&
      // A mark (or a Hangul vowel or final) may compose with the letter before it.
      !MARK.test(ch) && !(c >= 0x1100 && c <= 0x11ff) &&
      ch.replace(INVISIBLE, '') === ch && asciiDigits(ch) === ch &&
      !/\s/.test(ch);
    PLAIN[c] = k = plain ? 1 : 2;
  }
  return k === 1;
}

/**
 * Whether the text is already normal but for white space at its ends: printable ASCII,
 * single plain spaces, and units that are plain on their own. (NFKC of a string whose
 * every character is stable and starts no composition is the string itself.)
 */
function isPlain(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) continue;
    if (c === 0x20) {
      if (text.charCodeAt(i + 1) === 0x20) return false;
      continue;
    }
    if (c < 0x80 || !isPlainUnit(c)) return false;
  }
  return true;
}

// Script of a letter by code point range (faster than \p{Script=…} tests per letter, and
// this runs on every letter of the sample). Ranges cover the letters of each script's
// main blocks; everything else is 'other'.
const RANGES: Array<[number, number, Script]> = [
  [0x0041, 0x024f, 'latin'], [0x0370, 0x03ff, 'greek'], [0x0400, 0x052f, 'cyrillic'],
  [0x0530, 0x058f, 'armenian'], [0x0590, 0x05ff, 'hebrew'], [0x0600, 0x06ff, 'arabic'],
  [0x0750, 0x077f, 'arabic'], [0x0900, 0x0dff, 'indic'], [0x0e00, 0x0eff, 'thai'],
  [0x10a0, 0x10ff, 'georgian'], [0x1000, 0x109f, 'thai'], [0x1780, 0x17ff, 'thai'],
  [0x1100, 0x11ff, 'hangul'], [0x1e00, 0x1eff, 'latin'], [0x1f00, 0x1fff, 'greek'],
  [0x3040, 0x30ff, 'kana'], [0x31f0, 0x31ff, 'kana'], [0x3130, 0x318f, 'hangul'],
  [0x3400, 0x4dbf, 'han'], [0x4e00, 0x9fff, 'han'], [0xac00, 0xd7af, 'hangul'],
  [0xf900, 0xfaff, 'han'], [0xfb50, 0xfdff, 'arabic'], [0xfe70, 0xfeff, 'arabic'],
  [0xff21, 0xff5a, 'latin'], [0xff66, 0xff9f, 'kana'], [0x20000, 0x2ffff, 'han'],
];

/** The script of one character (its first code point). */
export function scriptOf(ch: string): Script {
  return scriptOfCode(ch.codePointAt(0) ?? 0);
}

/** The script of a code point. */
export function scriptOfCode(cp: number): Script {
  return SCRIPTS[scriptIndexOf(cp)];
}

// Each UTF-16 unit's script (its index in SCRIPTS, plus one), found the first time it is
// met: the readers ask for the script of every letter of a sample, and of every word.
const UNIT_SCRIPT = new Uint8Array(0x10000);

/** The index in SCRIPTS of a code point's script. */
function scriptIndexOf(cp: number): number {
  if (cp >= 0x10000) return SCRIPT_INDEX.get(scriptByRanges(cp))!;
  let k = UNIT_SCRIPT[cp];
  if (k === 0) UNIT_SCRIPT[cp] = k = SCRIPT_INDEX.get(scriptByRanges(cp))! + 1;
  return k - 1;
}

function scriptByRanges(cp: number): Script {
  if (cp < 0x41) return 'other';
  if (cp <= 0x7a) return (cp <= 0x5a || cp >= 0x61) ? 'latin' : 'other';
  for (const [lo, hi, script] of RANGES) if (cp >= lo && cp <= hi) return script;
  return 'other';
}

/** Letters sampled at most to tell a text's script. */
const SCRIPT_SAMPLE = 1500;

/**
 * The dominant script of a text (given whole, or as paragraphs read as if joined), from
 * a sample of its letters. Japanese counts as 'kana' as soon as kana are a real share of
 * the letters, since its Han is mixed in.
 */
export function dominantScript(text: string | readonly string[]): Script {
  const counts = new Int32Array(SCRIPTS.length);
  let seen = 0;
  const parts = typeof text === 'string' ? [text] : text;
  for (let p = 0; p < parts.length && seen < SCRIPT_SAMPLE; p++) seen = countScripts(parts[p], counts, seen);
  if (counts[KANA] > seen * 0.1) return 'kana';
  let best = OTHER;
  for (let s = 0; s < counts.length; s++) if (counts[s] > counts[best]) best = s;
  return counts[best] > 0 ? SCRIPTS[best] : 'other';
}

/** Counts the scripts of the letters of `text` until `seen` reaches the sample's size. */
function countScripts(text: string, counts: Int32Array, seen: number): number {
  for (let i = 0; i < text.length && seen < SCRIPT_SAMPLE; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x41 || (c > 0x5a && c < 0x61) || (c > 0x7a && c < 0xc0)) continue; // ASCII non-letters
    const s = c <= 0x7a ? LATIN : scriptIndexOf(c);
    if (s === OTHER) continue;
    counts[s]++;
    seen++;
  }
  return seen;
}

const SCRIPTS: readonly Script[] = ['other', 'latin', 'cyrillic', 'greek', 'armenian', 'georgian', 'hebrew', 'arabic', 'indic', 'thai', 'kana', 'han', 'hangul'];
const SCRIPT_INDEX = new Map(SCRIPTS.map((s, i) => [s, i]));
const [OTHER, LATIN, KANA] = [0, 1, SCRIPT_INDEX.get('kana')!];

/** Scripts whose letters have no upper and lower case: names cannot be told by a capital. */
export function isCaseless(script: Script): boolean {
  return script !== 'latin' && script !== 'cyrillic' && script !== 'greek' && script !== 'armenian';
}
