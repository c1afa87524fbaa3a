/** Plain-text aligned tables for the benchmark's output. */
import type { Row } from './stats';

export interface Column<T> {
  header: string;
  get: (row: T) => string;
  /** Right-aligned (numbers) unless 'left'. */
  align?: 'left' | 'right';
}

/** Renders rows as an aligned table; a null row renders as a separator line. */
export function formatTable<T>(columns: readonly Column<T>[], rows: readonly (T | null)[]): string {
  const cells = rows.map((r) => (r === null ? null : columns.map((c) => c.get(r))));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => (r ? r[i].length : 0))));
  const line = (vals: string[]) =>
    vals
      .map((v, i) => (columns[i].align === 'left' ? v.padEnd(widths[i]) : v.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(columns.map((c) => c.header)), rule, ...cells.map((r) => (r ? line(r) : rule))].join('\n');
}

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);
const ms = (x: number | null) => (x === null ? '–' : x.toFixed(2));
const countOf = (n: number, of: number) => (of ? `${n} (${((n / of) * 100).toFixed(1)}%)` : String(n));

/** The results table: the rows of each method, then its total, methods apart. */
export function formatResults(rows: readonly Row[]): string {
  const withSeparators: (Row | null)[] = [];
  rows.forEach((r, i) => {
    withSeparators.push(r);
    if (r.set === 'total' && i + 1 < rows.length) withSeparators.push(null);
    else if (i + 1 < rows.length && rows[i + 1].set === 'total') withSeparators.push(null);
  });
  return formatTable<Row>(
    [
      { header: 'method', get: (r) => r.method, align: 'left' },
      { header: 'set', get: (r) => r.set, align: 'left' },
      { header: 'lang', get: (r) => r.lang, align: 'left' },
      { header: 'pos', get: (r) => String(r.positives) },
      { header: 'recall', get: (r) => pct(r.recall) },
      { header: 'wrongOrig', get: (r) => String(r.wrongOriginal) },
      { header: 'neg', get: (r) => String(r.negatives) },
      { header: 'falseFlags', get: (r) => countOf(r.falseFlags, r.negatives) },
      { header: 'med ms', get: (r) => ms(r.medianMs) },
      { header: 'p99 ms', get: (r) => ms(r.p99Ms) },
    ],
    withSeparators,
  );
}
