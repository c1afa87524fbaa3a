/**
 * Concepts: words a translator replaces by the target language's own word for the same
 * thing, so that they share neither spelling nor sound — country and continent names
 * (Allemagne, Německo, Германия → DE), months (novembre, listopadu, ноября → 11) and
 * weekdays (mardi, úterý, Dienstag → Tuesday). Unicode CLDR names them in every
 * language (concept-table.ts, generated); a concept becomes an anchor with one
 * language-free key, compared exactly in every script, like a number.
 */
import { CONCEPT_TABLE } from './concept-table';
import { foldConcept, foldHashes, hashString, type FoldHashes } from './fold';

export type ConceptKind = 'territory' | 'month' | 'weekday';

export interface Concept {
  kind: ConceptKind;
  /** Language-free id: a territory code ("DE"), "m11", "d2". */
  id: string;
}

interface Tables {
  /** Every folded form → its concept. */
  exact: Map<string, Concept>;
  /** Months and weekdays only: what a lower-case word may be (a smaller table, read more often). */
  calendar: Map<string, Concept>;
  /** The longest calendar form, in UTF-16 units: longer words are not looked up. */
  calendarMax: number;
  /** Territory names without their last letter → the territory (declined forms: Německu, Германии). */
  stems: Map<string, Concept>;
  /** Bit sets of the hashes of every form and stem, and of the calendar forms (fold.ts). */
  named: BitSet;
  dates: BitSet;
}

/**
 * A set of 32-bit hashes as bits (a one-hash Bloom filter): "certainly not in the table"
 * for almost every word of a page, at the cost of a bit test. About 2% of other words
 * pass, and are then looked up for real.
 */
class BitSet {
  private readonly bits: Uint32Array;
  private readonly shift: number;
  constructor(log2Bits: number) {
    this.bits = new Uint32Array(1 << (log2Bits - 5));
    this.shift = 32 - log2Bits;
  }
  add(h: number): void {
    const i = h >>> this.shift;
    this.bits[i >>> 5] |= 1 << (i & 31);
  }
  has(h: number): boolean {
    const i = h >>> this.shift;
    return (this.bits[i >>> 5] & (1 << (i & 31))) !== 0;
  }
}

/** Shorter territory names are matched whole only (a stem of 4 letters is too many words' start). */
const MIN_STEMMED = 5;

let tables: Tables | null = null;

function load(): Tables {
  const exact = new Map<string, Concept>();
  const calendar = new Map<string, Concept>();
  let calendarMax = 0;
  const stems = new Map<string, Concept | null>();
  for (const line of CONCEPT_TABLE.split('\n')) {
    const colon = line.indexOf(':');
    const id = line.slice(0, colon);
    const kind: ConceptKind = /^m\d/.test(id) ? 'month' : /^d\d$/.test(id) ? 'weekday' : 'territory';
    const concept: Concept = { kind, id };
    for (const form of line.slice(colon + 1).split('|')) {
      exact.set(form, concept);
      if (kind !== 'territory') {
        calendar.set(form, concept);
        calendarMax = Math.max(calendarMax, form.length);
      }
      if (kind !== 'territory' || [...form].length < MIN_STEMMED) continue;
      const stem = form.slice(0, -1);
      const had = stems.get(stem);
      // A stem two territories share tells neither.
      stems.set(stem, had === undefined || had === concept || had?.id === id ? concept : null);
    }
  }
  const clean = new Map<string, Concept>();
  for (const [s, c] of stems) if (c) clean.set(s, c);
  const named = new BitSet(20);
  const dates = new BitSet(18);
  const h: FoldHashes = { length: 0, whole: 0, less1: 0, less2: 0 };
  for (const f of exact.keys()) named.add(hashString(f, h).whole);
  for (const f of clean.keys()) named.add(hashString(f, h).whole);
  for (const f of calendar.keys()) dates.add(hashString(f, h).whole);
  return { exact, calendar, calendarMax, stems: clean, named, dates };
}

const scratch: FoldHashes = { length: 0, whole: 0, less1: 0, less2: 0 };

/**
 * Whether `text.slice(start, end)` may be a month or a weekday: a bit test, no string
 * made. False for almost every word; true for every calendar word. `foldHash`: the
 * word's fold hash when the caller has it (fold.ts `foldHashes(...).whole`).
 */
export function mayBeCalendar(text: string, start: number, end: number, foldHash?: number): boolean {
  const t = (tables ??= load());
  if (end - start > t.calendarMax + 2) return false;
  return t.dates.has(foldHash ?? foldHashes(text, scratch, start, end).whole);
}

/** The month or weekday a lower-case word names, if any ("novembre", "úterý"). */
export function calendarOf(word: string): Concept | null {
  const t = (tables ??= load());
  if (word.length > t.calendarMax + 2) return null; // folding never lengthens by much
  if (!t.dates.has(foldHashes(word, scratch).whole)) return null;
  return t.calendar.get(foldConcept(word)) ?? null;
}

/**
 * The concept a word names, if any. `named`: the word may be a name (capitalised, or in a
 * script without capitals): only then is it looked up as a territory, declined forms
 * included (a suffix of one or two letters: Německu, Германии, Deutschlands).
 */
export function conceptOf(word: string, named: boolean): Concept | null {
  if (!named) return calendarOf(word);
  const t = (tables ??= load());
  const h = foldHashes(word, scratch);
  const n = h.length;
  const maybeWhole = t.named.has(h.whole);
  const maybeLess1 = n >= MIN_STEMMED && t.named.has(h.less1);
  const maybeLess2 = n > MIN_STEMMED && t.named.has(h.less2);
  if (!maybeWhole && !maybeLess1 && !maybeLess2) return null;
  const f = foldConcept(word);
  const hit = maybeWhole ? t.exact.get(f) : undefined;
  if (hit) {
    if (hit.kind !== 'territory') return hit;
    // Three letters and fewer: acronyms only (USA, SAD, США), never a word like "Sam".
    return f.length >= 4 || word === word.toUpperCase() ? hit : null;
  }
  if (f.length < MIN_STEMMED) return null;
  const less1 = f.slice(0, -1);
  const whole = t.exact.get(less1); // Íránu, Deutschlands
  if (whole?.kind === 'territory') return whole;
  if (f.length === MIN_STEMMED) return null;
  return t.stems.get(less1) ?? t.stems.get(f.slice(0, -2)) ?? null; // Německu, Německem
}

/** The anchor key text of a concept (hashed like a number's digits, in its own space). */
export function conceptKeyText(c: Concept): string {
  return '@' + c.id;
}
