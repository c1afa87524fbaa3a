/**
 * The concept lookup as it was before the table was read in place (commit b9fb36b,
 * utils/engine/concepts.ts): maps of every form and stem and bit sets of their hashes,
 * built on first use. Kept as the reference the in-place lookup must agree with on every
 * word (tests/unit/engine/concepts-equivalence.test.ts); built here from the same forms.
 */
import { CONCEPT_FORMS } from '@/utils/engine/concept-table';
import { foldConcept, foldHashes, hashString, type FoldHashes } from '@/utils/engine/fold';
import type { Concept, ConceptKind } from '@/utils/engine/concepts';

/** The table's [form, concept id] pairs, as the generator listed them. */
export function tablePairs(): Array<[string, string]> {
  return [...CONCEPT_FORMS.matchAll(/([^A-Z0-9]+)([A-Z0-9]+)/g)].map(([, form, id]) => [form, /^[MD]\d/.test(id) ? id[0].toLowerCase() + id.slice(1) : id]);
}

interface Tables {
  exact: Map<string, Concept>;
  calendar: Map<string, Concept>;
  calendarMax: number;
  stems: Map<string, Concept>;
  named: BitSet;
  dates: BitSet;
}

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

const MIN_STEMMED = 5;
let tables: Tables | null = null;

function load(): Tables {
  const exact = new Map<string, Concept>();
  const calendar = new Map<string, Concept>();
  let calendarMax = 0;
  const stems = new Map<string, Concept | null>();
  const byId = new Map<string, string[]>();
  for (const [form, id] of tablePairs()) byId.set(id, [...(byId.get(id) ?? []), form]);
  for (const [id, forms] of byId) {
    const kind: ConceptKind = /^m\d/.test(id) ? 'month' : /^d\d$/.test(id) ? 'weekday' : 'territory';
    const concept: Concept = { kind, id };
    for (const form of forms) {
      exact.set(form, concept);
      if (kind !== 'territory') {
        calendar.set(form, concept);
        calendarMax = Math.max(calendarMax, form.length);
      }
      if (kind !== 'territory' || [...form].length < MIN_STEMMED) continue;
      const stem = form.slice(0, -1);
      const had = stems.get(stem);
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

export function mayBeCalendar(text: string, start: number, end: number, foldHash?: number): boolean {
  const t = (tables ??= load());
  if (end - start > t.calendarMax + 2) return false;
  return t.dates.has(foldHash ?? foldHashes(text, scratch, start, end).whole);
}

export function calendarOf(word: string): Concept | null {
  const t = (tables ??= load());
  if (word.length > t.calendarMax + 2) return null;
  if (!t.dates.has(foldHashes(word, scratch).whole)) return null;
  return t.calendar.get(foldConcept(word)) ?? null;
}

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
    return f.length >= 4 || word === word.toUpperCase() ? hit : null;
  }
  if (f.length < MIN_STEMMED) return null;
  const less1 = f.slice(0, -1);
  const whole = t.exact.get(less1);
  if (whole?.kind === 'territory') return whole;
  if (f.length === MIN_STEMMED) return null;
  return t.stems.get(less1) ?? t.stems.get(f.slice(0, -2)) ?? null;
}

export function conceptKeyText(c: Concept): string {
  return '@' + c.id;
}
