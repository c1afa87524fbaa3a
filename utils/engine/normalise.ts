/**
 * Text normalisation: one canonical form of a paragraph before anything is read from it.
 * NFKC folds full-width and compatibility forms (１２ → 12, ﬁ → fi); every script's
 * digits become ASCII; zero-width and control characters go; white space is one space.
 */
import { asciiDigits } from './digits';
import type { Script } from './types';

const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;
const SPACES = /[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;

/** The longest paragraph read, in characters: caps the cost of a pathological page. */
export const MAX_PARAGRAPH_CHARS = 20_000;

export function normaliseText(text: string): string {
  const capped = text.length > MAX_PARAGRAPH_CHARS ? text.slice(0, MAX_PARAGRAPH_CHARS) : text;
  return asciiDigits(capped.normalize('NFKC').replace(INVISIBLE, '')).replace(SPACES, ' ').trim();
}

const SCRIPT_TESTS: Array<[Script, RegExp]> = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['han', /\p{Script=Han}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['thai', /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u],
  ['indic', /[\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}]/u],
  ['armenian', /\p{Script=Armenian}/u],
  ['georgian', /\p{Script=Georgian}/u],
];

/** The script of one letter. */
export function scriptOf(ch: string): Script {
  for (const [script, test] of SCRIPT_TESTS) if (test.test(ch)) return script;
  return 'other';
}

/**
 * The dominant script of a text, from a sample of its letters. Japanese counts as
 * 'kana' as soon as kana are a real share of the letters, since its Han is mixed in.
 */
export function dominantScript(text: string): Script {
  const counts = new Map<Script, number>();
  let seen = 0;
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    const s = scriptOf(ch);
    counts.set(s, (counts.get(s) ?? 0) + 1);
    if (++seen >= 4000) break;
  }
  if ((counts.get('kana') ?? 0) > seen * 0.1) return 'kana';
  let best: Script = 'other';
  let most = 0;
  for (const [s, n] of counts) if (n > most) [best, most] = [s, n];
  return best;
}

/** Scripts whose letters have no upper and lower case: names cannot be told by a capital. */
export function isCaseless(script: Script): boolean {
  return script !== 'latin' && script !== 'cyrillic' && script !== 'greek' && script !== 'armenian';
}
