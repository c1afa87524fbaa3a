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
  /**
   * Author, publisher, address and date: left out of the record when unknown (read as
   * null; every byte counts at 100,000 originals). Records written before v3 hold nulls.
   */
  author?: string | null;
  publisher?: string | null;
  /** Canonical URL (utils/url.ts). */
  url?: string | null;
  /**
   * The address's index key (url-key.ts), present exactly when `url` is: the `by-url-key`
   * index finds an original by its address through it. Since v4.
   */
  urlKey?: number;
  date?: string | null;
  addedAt: number;
  /** The stored fingerprint in its binary form (engine codec `encodeBytes`). */
  fingerprint: Uint8Array;
  /**
   * The original's number in the retrieval index (key-index.ts): posting lists name
   * originals by it, the unique index `by-seq` finds the record back. Since v3.
   */
  seq?: number;
  /**
   * Retrieval keys as versions 1–2 filed them in the multiEntry index `by-key` (dropped
   * in v3, which files originals in `postings`). No longer written; kept on records that
   * had them: they are the keys such an original is filed, and unfiled, under.
   */
  keys?: number[];
}

/** The originals filed under one retrieval key (postings.ts says how `entries` is packed). */
export interface PostingRecord {
  key: number;
  entries: Uint8Array;
}

/** The retrieval index's summary, read by every lookup (key-index.ts). */
export interface RetrievalHead {
  name: 'head';
  /** Originals filed in the index (the N of the ranking's IDF). */
  originals: number;
  /** The `seq` the next new original gets. */
  nextSeq: number;
  /** Digest of the key frequencies record: tells a cached copy is current. */
  digest: number;
  /**
   * A random number drawn anew by every write of the index: posting lists cached under
   * it (key-index.ts) are current while the head carries it. Absent on heads written
   * before it existed (nothing is cached then).
   */
  stamp?: number;
}

/**
 * How many originals each key is filed under (key-frequencies.ts), sorted by key, and
 * how many keys each original is filed under (by seq: what the ranking damps by).
 */
export interface FrequenciesRecord {
  name: 'frequencies';
  digest: number;
  keys: Uint32Array;
  counts: Uint32Array;
  keyCounts: Uint8Array;
}

export type RetrievalRecord = RetrievalHead | FrequenciesRecord;

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
    indexes: { 'by-url-key': number; 'by-seq': number };
  };
  postings: {
    key: number;
    value: PostingRecord;
  };
  retrieval: {
    key: RetrievalRecord['name'];
    value: RetrievalRecord;
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

export type StoreName = 'originals' | 'translations' | 'history' | 'dismissals' | 'postings' | 'retrieval';

/** Every store, for operations on the whole database (clear, backup). */
export const STORE_NAMES: readonly StoreName[] = ['originals', 'translations', 'history', 'dismissals', 'postings', 'retrieval'];
