/**
 * The extension's IndexedDB database, owned by the background (extension pages may read
 * it too). Originals keep metadata and a fingerprint — never their text.
 */
import type { DBSchema } from 'idb';

export const DB_NAME = 'provenance-lens';

/** A registered original, as stored. */
export interface OriginalRecord {
  id: string;
  title: string;
  /** Primary language subtag ("fr"), or null when unknown. */
  lang: string | null;
  author: string | null;
  publisher: string | null;
  /** Canonical URL (utils/url.ts), or null. */
  url: string | null;
  date: string | null;
  addedAt: number;
  /** The stored fingerprint in its binary form (engine codec `encodeBytes`). */
  fingerprint: Uint8Array;
  /** Retrieval keys (`indexKeys`), filed in the multiEntry index `by-key`. */
  keys: number[];
}

/** A page known to be a translation of an original (from a pack, or confirmed by the reader). */
export interface TranslationRecord {
  /** Canonical URL of the translated page. */
  url: string;
  lang: string | null;
  /** When it was seen (ISO date as the pack gives it). */
  seen: string;
  originalId: string;
  note: string | null;
}

/** What the reader decided about a flagged page. */
export type Decision = 'confirmed' | 'dismissed';

/**
 * A page the extension flagged as a translated copy: one record per page and original,
 * written the first time, then only its decision changes. The original's title is kept
 * so the history still reads after the original is deleted.
 */
export interface HistoryRecord {
  /** Canonical URL of the flagged page. */
  url: string;
  lang: string | null;
  originalId: string;
  originalTitle: string;
  /** The engine's score when first flagged, null when it had none (address match). */
  score: number | null;
  /** When first flagged (ms since the epoch). */
  flaggedAt: number;
  decision: Decision | null;
  decidedAt: number | null;
}

/** "Not a copy": this page is never flagged again for this original. */
export interface DismissalRecord {
  /** Canonical URL of the page. */
  url: string;
  originalId: string;
  /** When the reader decided (ISO 8601 date-time, as packs carry it). */
  decided: string;
  note: string | null;
}

export interface ProvenanceDB extends DBSchema {
  originals: {
    key: string;
    value: OriginalRecord;
    indexes: { 'by-key': number; 'by-url': string };
  };
  translations: {
    /** [url, originalId]: the same page may be filed once per original. */
    key: [string, string];
    value: TranslationRecord;
    indexes: { 'by-original': string; 'by-url': string };
  };
  history: {
    key: [string, string];
    value: HistoryRecord;
    indexes: { 'by-time': number; 'by-original': string };
  };
  dismissals: {
    key: [string, string];
    value: DismissalRecord;
    indexes: { 'by-url': string; 'by-original': string };
  };
}

export type StoreName = 'originals' | 'translations' | 'history' | 'dismissals';

/** Every store, for operations on the whole database (clear, backup). */
export const STORE_NAMES: readonly StoreName[] = ['originals', 'translations', 'history', 'dismissals'];
