/**
 * The concept table's forms as the generator writes them (scripts/gen-concepts.ts) and
 * concepts.ts reads them: one string of records sorted by form, each the folded form then
 * its concept's id in capitals and digits ("allemagneDE", "novembreM11", "africa002"). No
 * folded form holds a capital or a digit, so the records need no separator, and a form
 * is found by a binary search in place: nothing is split, parsed or indexed when the
 * script starts (the extractor is evaluated afresh in every page it reads).
 */

export type ConceptKind = 'territory' | 'month' | 'weekday';

/** Territory names of fewer code points are matched whole only (a stem of 4 letters is too many words' start). */
export const MIN_STEMMED = 5;

/** A concept's kind from its id: "m11" a month, "d2" a weekday, "DE" or "150" a territory. */
export function kindOfId(id: string): ConceptKind {
  return /^m\d/.test(id) ? 'month' : /^d\d$/.test(id) ? 'weekday' : 'territory';
}

/** The records of `[form, concept id]` pairs (the generator's side). */
export function encodeRecords(entries: ReadonlyArray<readonly [string, string]>): string {
  const sorted = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [form] of sorted) if (/[A-Z0-9]/.test(form)) throw new Error(`a folded form with a capital or a digit: ${form}`);
  return sorted.map(([form, id]) => form + id.toUpperCase()).join('');
}

const isIdUnit = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90);

/** Reads the records in place. */
export class ConceptForms {
  constructor(private readonly records: string) {}

  /** The concept id of the form `key.slice(0, length)`, if the table has that form. */
  idOf(key: string, length: number): string | null {
    const at = this.lowerBound(key, length);
    return at < this.records.length && this.compare(at, key, length) === 0 ? this.idAt(at) : null;
  }

  /**
   * The territory whose names of at least MIN_STEMMED code points include the stem
   * `key.slice(0, length)` plus one UTF-16 unit (Německ → Německo); null if none, or if
   * two territories share the stem (it tells neither).
   */
  stemIdOf(key: string, length: number): string | null {
    let found: string | null = null;
    const r = this.records;
    // The forms that start with the stem follow one another from its place in the order.
    for (let at = this.lowerBound(key, length); at < r.length && this.startsWith(at, key, length); at = this.next(at)) {
      const end = this.formEnd(at);
      if (end - at !== length + 1) continue;
      const id = this.idAt(at);
      if (kindOfId(id) !== 'territory' || codePoints(r, at, end) < MIN_STEMMED) continue;
      if (found !== null && found !== id) return null;
      found = id;
    }
    return found;
  }

  /** The first record whose form is not below `key.slice(0, length)` (the records' length if none). */
  private lowerBound(key: string, length: number): number {
    let lo = 0;
    let hi = this.records.length;
    while (lo < hi) {
      const at = this.recordAt((lo + hi) >>> 1, lo);
      if (this.compare(at, key, length) < 0) lo = this.next(at);
      else hi = at;
    }
    return lo;
  }

  /** The start of the record holding position `p` (`lo`: a record start at or before it). */
  private recordAt(p: number, lo: number): number {
    const r = this.records;
    while (p > lo && isIdUnit(r.charCodeAt(p))) p--;
    while (p > lo && !isIdUnit(r.charCodeAt(p - 1))) p--;
    return p;
  }

  /** The form starting at `at` against `key.slice(0, length)`, in UTF-16 order (as `<` compares strings). */
  private compare(at: number, key: string, length: number): number {
    const r = this.records;
    for (let k = 0; ; k++) {
      const ended = at + k >= r.length || isIdUnit(r.charCodeAt(at + k));
      if (k === length) return ended ? 0 : 1;
      if (ended) return -1;
      const d = r.charCodeAt(at + k) - key.charCodeAt(k);
      if (d !== 0) return d;
    }
  }

  private startsWith(at: number, key: string, length: number): boolean {
    for (let k = 0; k < length; k++) if (this.records.charCodeAt(at + k) !== key.charCodeAt(k)) return false;
    return true;
  }

  private formEnd(at: number): number {
    while (at < this.records.length && !isIdUnit(this.records.charCodeAt(at))) at++;
    return at;
  }

  private next(at: number): number {
    let p = this.formEnd(at);
    while (p < this.records.length && isIdUnit(this.records.charCodeAt(p))) p++;
    return p;
  }

  /** The concept id of the record at `at`, as concepts.ts names it ("M11" → "m11"). */
  private idAt(at: number): string {
    const start = this.formEnd(at);
    const id = this.records.slice(start, this.next(at));
    const c = id.charCodeAt(1);
    return (id[0] === 'M' || id[0] === 'D') && c >= 48 && c <= 57 ? id[0].toLowerCase() + id.slice(1) : id;
  }
}

function codePoints(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}
