/**
 * The tokens of a paragraph: numbers (digit groups with the thousands separators of any
 * locale, then decimals) and words (runs of letters and marks, joined by inner
 * apostrophes or hyphens). A hand-written scanner, not a regular expression: it runs on
 * every character of every page, and a match object per token costs more than the
 * reading itself. It gives exactly the tokens of
 *   /(\d{1,3}(?:[ ,.'’]\d{3})+(?!\d)(?:[.,]\d+)?|\d+(?:[.,]\d+)?)|([\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*)/gu
 * (tests/unit/engine/tokens.test.ts checks it against that expression).
 */

import { foldStep } from './fold';
import { lowerStep } from './hash';

const LETTER = /[\p{L}\p{M}]/u;
// Each UTF-16 unit's class, computed the first time it is met: 1 letter or mark, 2 other.
const CLASS = new Uint8Array(0x10000);

function isLetterUnit(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  let k = CLASS[c];
  if (k === 0) CLASS[c] = k = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

/** Length (1 or 2 units) of the letter at `i`, or 0 if none is there. */
function letterAt(p: string, i: number): number {
  const c = p.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = p.codePointAt(i)!;
    return cp > 0xffff && LETTER.test(String.fromCodePoint(cp)) ? 2 : 0;
  }
  return c === c && isLetterUnit(c) ? 1 : 0;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isGroupSeparator = (c: number) => c === 32 || c === 44 || c === 46 || c === 39 || c === 0x2019;

/** End of the number starting at `i` (a digit). */
function numberEnd(p: string, i: number): number {
  const n = p.length;
  let j = i;
  while (j < n && isDigit(p.charCodeAt(j))) j++;
  const lead = j - i;
  // Grouped form: 1–3 digits, then groups of a separator and exactly three digits, not
  // followed by a digit (1 000 000; 1.000,5; 12’345).
  if (lead <= 3) {
    let end = j;
    let groups = 0;
    while (
      end + 3 < n + 0 &&
      isGroupSeparator(p.charCodeAt(end)) &&
      isDigit(p.charCodeAt(end + 1)) && isDigit(p.charCodeAt(end + 2)) && isDigit(p.charCodeAt(end + 3)) &&
      !(end + 4 < n && isDigit(p.charCodeAt(end + 4)))
    ) {
      end += 4;
      groups++;
    }
    // The last group may be followed by a digit only if an earlier one ended cleanly:
    // that is the loop's own condition, so `groups` counts the clean ones.
    if (groups > 0) return decimals(p, end);
  }
  return decimals(p, j);
}

function decimals(p: string, j: number): number {
  const c = p.charCodeAt(j);
  if ((c === 46 || c === 44) && j + 1 < p.length && isDigit(p.charCodeAt(j + 1))) {
    j += 2;
    while (j < p.length && isDigit(p.charCodeAt(j))) j++;
  }
  return j;
}

/** Whether the last word `wordEnd` read has an apostrophe inside (l'OTAN, Libya's). */
let apostrophe = false;
/**
 * The hashes of the last word `wordEnd` read: in lower case (hash.ts `lowerHash32`) and
 * folded (fold.ts `foldHashes(...).whole`; -1 when not computed: a letter outside the BMP).
 */
let lower = 0;
let folded = 0;

const FNV_PRIME = 0x01000193;

/**
 * End of the word starting at `i` (a letter). Hashes the word on the way, in lower case
 * (for the SimHash) and folded (for the calendar test): one pass over its letters, not
 * three. Most words of most pages are plain ASCII letters: those are read here, with one
 * comparison per letter; anything else (a letter beyond ASCII, an inner apostrophe or
 * hyphen) hands over to `wordEndFrom`.
 */
function wordEnd(p: string, i: number): number {
  const n = p.length;
  let j = i;
  let h = 0x811c9dc5;
  for (; j < n; j++) {
    const l = p.charCodeAt(j) | 0x20; // ASCII capitals to lower case; nothing else becomes a–z
    if (l - 97 >>> 0 >= 26) break;
    h = Math.imul(h ^ l, FNV_PRIME);
  }
  if (j < n) {
    const c = p.charCodeAt(j);
    if (c >= 0x80 || c === 39 || c === 45) return wordEndFrom(p, j, h);
  }
  apostrophe = false;
  lower = h >>> 0;
  folded = lower;
  return j;
}

/**
 * `wordEnd` for any word, from `i` on, the letters before `i` being ASCII and hashed into
 * `hashed`. An ASCII word's two hashes are one; the fold is kept apart from the first
 * letter that is not ASCII on.
 */
function wordEndFrom(p: string, i: number, hashed: number): number {
  const n = p.length;
  let j = i;
  let h = hashed;
  let f = 0; // the fold hash, once the word is no longer plain ASCII
  let plain = true;
  let astral = false;
  apostrophe = false;
  for (;;) {
    for (; j < n; j++) {
      let u = p.charCodeAt(j);
      if (u >= 65 && u <= 90) u += 32;
      if (u >= 97 && u <= 122) {
        // ASCII letters, inline
        h = Math.imul(h ^ u, FNV_PRIME);
        if (!plain) f = Math.imul(f ^ u, FNV_PRIME);
        continue;
      }
      if (u < 0x80) break;
      const k = CLASS[u];
      if (k === 2) break;
      if (plain) {
        plain = false;
        f = h;
      }
      if (k !== 1) {
        const l = letterAt(p, j);
        if (!l) break;
        if (l === 2) {
          // A letter outside the BMP: both units hashed, as lowerHash32 does.
          h = lowerStep(lowerStep(h, u), p.charCodeAt(j + 1));
          astral = true;
          j++;
          continue;
        }
      }
      h = lowerStep(h, u);
      f = foldStep(f, u);
    }
    const c = p.charCodeAt(j);
    if ((c === 39 || c === 0x2019 || c === 45) && j + 1 < n && letterAt(p, j + 1)) {
      if (c !== 45) apostrophe = true;
      if (c < 0x80) {
        h = Math.imul(h ^ c, FNV_PRIME);
        if (!plain) f = Math.imul(f ^ c, FNV_PRIME);
      } else {
        if (plain) {
          plain = false;
          f = h;
        }
        h = lowerStep(h, c);
        f = foldStep(f, c);
      }
      j += 1;
    } else break;
  }
  lower = h >>> 0;
  folded = plain ? lower : astral ? -1 : f >>> 0;
  return j;
}

/** The token `nextToken` found last: where it starts and ends, and what it is. */
export const token = {
  start: 0,
  end: 0,
  isNumber: false,
  hasApostrophe: false,
  /** A word's 32-bit FNV-1a in lower case (hash.ts `lowerHash32`); 0 for a number. */
  lower: 0,
  /** A word's fold hash (fold.ts `foldHashes(...).whole`), -1 when not computed; 0 for a number. */
  folded: 0,
};

/**
 * Finds the first token of `p` at or after `from` and describes it in `token`; false when
 * there is none. A loop over `nextToken` reads a paragraph without a call per token.
 */
export function nextToken(p: string, from: number): boolean {
  const n = p.length;
  for (let i = from; i < n; i++) {
    const c = p.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      token.start = i;
      token.end = numberEnd(p, i);
      token.isNumber = true;
      token.hasApostrophe = false;
      token.lower = 0;
      token.folded = 0;
      return true;
    }
    const l = c < 0x80 ? ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0) : letterAt(p, i);
    if (l) {
      token.start = i;
      token.end = wordEnd(p, i);
      token.isNumber = false;
      token.hasApostrophe = apostrophe;
      token.lower = lower;
      token.folded = folded;
      return true;
    }
  }
  return false;
}

/**
 * Calls `onToken(start, end, isNumber, hasApostrophe)` for every token of `p`, in order.
 * Stops early when `onToken` returns false.
 */
export function scanTokens(
  p: string,
  onToken: (start: number, end: number, isNumber: boolean, hasApostrophe: boolean) => boolean | void,
): void {
  for (let i = 0; nextToken(p, i); i = token.end) {
    if (onToken(token.start, token.end, token.isNumber, token.hasApostrophe) === false) return;
  }
}
