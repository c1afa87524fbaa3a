/**
 * Concepts: words a translator replaces by the target language's own word for the same
 * thing, so that they share neither spelling nor sound — country and continent names
 * (Allemagne, Německo, Германия → DE), months (novembre, listopadu, ноября → 11) and
 * weekdays (mardi, úterý, Dienstag → Tuesday). Unicode CLDR names them in every
 * language (concept-table.ts, generated); a concept becomes an anchor with one
 * language-free key, compared exactly in every script, like a number.
 *
 * The table is read as it stands (concept-forms.ts, bloom.ts): the extractor is evaluated
 * afresh in every page it reads, and building maps of its 10,000 forms cost every page
 * 15 ms or more before its first word was looked up.
 */
import { BloomFilter } from './bloom';
import { ConceptForms, kindOfId, MIN_STEMMED, type ConceptKind } from './concept-forms';
import { CALENDAR_FILTER, CALENDAR_MAX, CONCEPT_FORMS, NAMED_FILTER } from './concept-table';
import { foldConcept, foldHashes, type FoldHashes } from './fold';

export type { ConceptKind };

export interface Concept {
  kind: ConceptKind;
  /** Language-free id: a territory code ("DE"), "m11", "d2". */
  id: string;
}

// Marked pure: a bundle that never looks a concept up (the background) leaves the table out.
const forms = /* @__PURE__ */ new ConceptForms(CONCEPT_FORMS);
/** The fold hashes of every form and every territory stem looked up (a word that passes is looked up for real). */
const named = /* @__PURE__ */ new BloomFilter(NAMED_FILTER);
/** The same for the month and weekday forms: what a lower-case word may be (read for most words of a page). */
const dates = /* @__PURE__ */ new BloomFilter(CALENDAR_FILTER);

/** One object per concept, made when first met. */
const concepts = /* @__PURE__ */ new Map<string, Concept>();
function conceptFor(id: string | null): Concept | null {
  if (id === null) return null;
  let c = concepts.get(id);
  if (!c) concepts.set(id, (c = { kind: kindOfId(id), id }));
  return c;
}

const scratch: FoldHashes = { length: 0, whole: 0, less1: 0, less2: 0 };

/**
 * The answers for the words that passed a filter, by word and kind of lookup: a binary
 * search costs a few hundred character comparisons, a page names its months and countries
 * again and again, and pages of one sitting name the same. Bounded: emptied when full.
 */
const answers = /* @__PURE__ */ new Map<string, Concept | null>();
const MAX_ANSWERS = 4096;
function remember(key: string, c: Concept | null): Concept | null {
  if (answers.size >= MAX_ANSWERS) answers.clear();
  answers.set(key, c);
  return c;
}

/**
 * Whether `text.slice(start, end)` may be a month or a weekday: bit tests, no string
 * made. False for almost every word; true for every calendar word. `foldHash`: the
 * word's fold hash when the caller has it (fold.ts `foldHashes(...).whole`).
 */
export function mayBeCalendar(text: string, start: number, end: number, foldHash?: number): boolean {
  if (end - start > CALENDAR_MAX + 2) return false;
  return dates.has(foldHash ?? foldHashes(text, scratch, start, end).whole);
}

/** The month or weekday a lower-case word names, if any ("novembre", "úterý"). */
export function calendarOf(word: string): Concept | null {
  if (word.length > CALENDAR_MAX + 2) return null; // folding never lengthens by much
  if (!dates.has(foldHashes(word, scratch).whole)) return null;
  const known = answers.get(word);
  if (known !== undefined) return known;
  const f = foldConcept(word);
  const c = conceptFor(forms.idOf(f, f.length));
  return remember(word, c && c.kind !== 'territory' ? c : null);
}

/**
 * The concept a word names, if any. `isNamed`: the word may be a name (capitalised, or in a
 * script without capitals): only then is it looked up as a territory, declined forms
 * included (a suffix of one or two letters: Německu, Германии, Deutschlands).
 */
export function conceptOf(word: string, isNamed: boolean): Concept | null {
  if (!isNamed) return calendarOf(word);
  // The hashes of the folded word and of it less one and two units (the filter holds
  // every form and stem) rule out almost every word before the folded word is made.
  const { length: n, whole, less1, less2 } = foldHashes(word, scratch);
  const maybeWhole = named.has(whole);
  const maybeLess1 = n >= MIN_STEMMED && named.has(less1);
  const maybeLess2 = n > MIN_STEMMED && named.has(less2);
  if (!maybeWhole && !maybeLess1 && !maybeLess2) return null;
  // A name's answer is kept apart from a lower-case word's: "\u0001" is no word's start.
  const key = '\u0001' + word;
  const known = answers.get(key);
  return known !== undefined ? known : remember(key, territoryOf(word, maybeWhole, maybeLess1, maybeLess2));
}

/** conceptOf's lookups, once a filter let the word through. */
function territoryOf(word: string, maybeWhole: boolean, maybeLess1: boolean, maybeLess2: boolean): Concept | null {
  const f = foldConcept(word);
  const hit = maybeWhole ? conceptFor(forms.idOf(f, f.length)) : null;
  if (hit) {
    if (hit.kind !== 'territory') return hit;
    // Three letters and fewer: acronyms only (USA, SAD, США), never a word like "Sam".
    return f.length >= 4 || word === word.toUpperCase() ? hit : null;
  }
  if (f.length < MIN_STEMMED) return null;
  if (maybeLess1) {
    const whole1 = conceptFor(forms.idOf(f, f.length - 1)); // Íránu, Deutschlands
    if (whole1?.kind === 'territory') return whole1;
  }
  if (f.length === MIN_STEMMED) return null;
  // Německu, Německem
  return (maybeLess1 ? conceptFor(forms.stemIdOf(f, f.length - 1)) : null) ?? (maybeLess2 ? conceptFor(forms.stemIdOf(f, f.length - 2)) : null);
}

/** The anchor key text of a concept (hashed like a number's digits, in its own space). */
export function conceptKeyText(c: Concept): string {
  return '@' + c.id;
}
