/**
 * The history of flagged pages as files: CSV for a spreadsheet, JSON for tools. Page
 * addresses and titles come from the web: in CSV a cell that a spreadsheet would run as a
 * formula (starting with = + - @, tab or CR) is prefixed with an apostrophe.
 */
import type { HistoryRecord } from '@/utils/store/schema';

export const HISTORY_COLUMNS = ['url', 'lang', 'originalId', 'originalTitle', 'score', 'flaggedAt', 'decision', 'decidedAt'] as const;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const iso = (ms: number | null) => (ms === null || !Number.isFinite(ms) ? null : new Date(ms).toISOString());

/** One row per flagged page; times in ISO 8601 (UTC); CRLF line ends (RFC 4180). */
export function historyCsv(records: HistoryRecord[]): string {
  const rows = records.map((r) =>
    [r.url, r.lang, r.originalId, r.originalTitle, r.score, iso(r.flaggedAt), r.decision, iso(r.decidedAt)].map(cell).join(','),
  );
  return `${[HISTORY_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

export function historyJson(records: HistoryRecord[], exported = new Date().toISOString()): string {
  const entries = records.map((r) => ({ ...r, flaggedAt: iso(r.flaggedAt), decidedAt: iso(r.decidedAt) }));
  return `${JSON.stringify({ format: 'provenance-lens-history', exported, entries }, null, 2)}\n`;
}

/** "provenance-lens-history-2024-05-02.csv" */
export function exportName(kind: string, ext: string, now = new Date()): string {
  return `provenance-lens-${kind}-${now.toISOString().slice(0, 10)}.${ext}`;
}
