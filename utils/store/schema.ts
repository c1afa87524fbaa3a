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

/** A page known to be a translation of an original (from a pack). */
export interface TranslationRecord {
  /** Canonical URL of the translated page. */
  url: string;
  lang: string | null;
  /** When it was seen (ISO date as the pack gives it). */
  seen: string;
  originalId: string;
  note: string | null;
}

/** A verdict the extension reached, kept for later features (history, reporting). */
export interface DecisionRecord {
  id?: number;
  url: string;
  kind: 'translation' | 'original' | 'none';
  originalId: string | null;
  score: number | null;
  decidedAt: number;
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
  decisions: {
    key: number;
    value: DecisionRecord;
    indexes: { 'by-url': string };
  };
}

export type StoreName = 'originals' | 'translations' | 'decisions';
