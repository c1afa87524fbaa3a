/**
 * Packs in and out of the store. An import is all-or-nothing: every fingerprint is
 * decoded and every reference checked before anything is written, and the writes go in
 * batches inside ONE transaction, so a failure (or the worker being stopped) mid-way
 * leaves the store as it was. Importing the same original twice (same id) merges: the
 * newer pack's metadata wins field by field, the date it was first added stays.
 * Originals are filed in the retrieval index (key-index.ts) in the same transaction,
 * each posting record rewritten once per import; `onProgress` follows the writes.
 */
import { indexKeys, primaryLang } from '@/utils/engine';
import { decodeFingerprint } from '@/utils/engine/codec';
import { canonicalUrl } from '@/utils/pack/id';
import type { Pack, PackDismissal, PackOriginal, PackTranslation } from '@/utils/pack/schema';
import { unwrap } from 'idb';
import type { Db } from './db';
import { KeyIndexWriter } from './key-index';
import { fileRecord, toRecord } from './originals';
import { exportRecords } from './pack-records';
import type { DismissalRecord, OriginalRecord, TranslationRecord } from './schema';

/** Records written per batch: keeps each burst of requests (and its memory) small. */
export const IMPORT_BATCH = 250;
/**
 * From this many incoming originals, which of them exist is found by reading every key
 * of the store in one request rather than asking for each (one request costs tens of
 * microseconds; a 100,000-original pack would spend seconds asking).
 */
export const BULK_EXISTENCE = 1_000;

export interface ImportOptions {
  batchSize?: number;
  now?: number;
  /**
   * Progress of the writes: `done` records written of `total` (originals, retrieval
   * index lists, translations, dismissals), after each batch; the last call has
   * done === total. Nothing is committed before the import returns.
   */
  onProgress?: (done: number, total: number) => void;
}

export interface ImportCounts {
  added: number;
  merged: number;
}

export type ImportResult =
  | { ok: true; originals: ImportCounts; translations: ImportCounts; dismissals: ImportCounts }
  | { ok: false; errors: string[] };

/** "fr-FR" → "fr"; "und" (undetermined) → null. */
function storedLang(tag: string | null | undefined): string | null {
  const l = primaryLang(tag);
  return l && l !== 'und' ? l : null;
}

/** Later fields win where they say something; `keep` supplies the rest. */
function mergeOriginal(keep: OriginalRecord, next: OriginalRecord): OriginalRecord {
  return {
    ...next,
    lang: next.lang ?? keep.lang,
    author: next.author ?? keep.author,
    publisher: next.publisher ?? keep.publisher,
    url: next.url ?? keep.url,
    date: next.date ?? keep.date,
    addedAt: Math.min(keep.addedAt, next.addedAt),
  };
}

/** Index keys of the records read from the pack, from the fingerprint decoded once. */
const packKeys = new WeakMap<OriginalRecord, number[]>();

function originalRecord(o: PackOriginal, now: number): OriginalRecord {
  const fingerprint = decodeFingerprint(o.fingerprint);
  const r = toRecord(
    {
      id: o.id,
      title: o.title,
      lang: storedLang(o.lang),
      author: o.author ?? null,
      publisher: o.publisher ?? null,
      url: o.url ?? null,
      date: o.date ?? null,
      fingerprint,
    },
    now,
  );
  packKeys.set(r, indexKeys(fingerprint));
  return r;
}

function translationRecord(t: PackTranslation): TranslationRecord | null {
  const url = canonicalUrl(t.url);
  if (!url) return null;
  return { url, lang: storedLang(t.lang), seen: t.seen, originalId: t.originalId, note: t.note ?? null };
}

function dismissalRecord(d: PackDismissal): DismissalRecord | null {
  const url = canonicalUrl(d.url);
  if (!url) return null;
  return { url, originalId: d.originalId, decided: d.decided, note: d.note ?? null };
}

/**
 * Puts every value, resolving once the last one is stored. Plain IndexedDB requests, not
 * one promise per record: requests complete in order, so the last success means every
 * one succeeded, and at 100,000 records the per-request bookkeeping shows.
 */
function putAll(store: IDBObjectStore, values: readonly unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    if (values.length === 0) return resolve();
    const fail = (e: Event) => reject((e.target as IDBRequest).error);
    let last: IDBRequest | null = null;
    for (const v of values) {
      last = store.put(v);
      last.onerror = fail;
    }
    last!.onsuccess = () => resolve();
  });
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Imports a pack already validated by `parsePack`. Never half-imports. */
export async function importPack(db: Db, pack: Pack, opts: ImportOptions = {}): Promise<ImportResult> {
  const batch = Math.max(1, opts.batchSize ?? IMPORT_BATCH);
  const now = opts.now ?? Date.now();
  const errors: string[] = [];

  // 1. Everything that can fail without the database, before touching it.
  const incoming = new Map<string, OriginalRecord>();
  pack.originals.forEach((o, i) => {
    try {
      const r = originalRecord(o, now);
      const dup = incoming.get(r.id);
      incoming.set(r.id, dup ? mergeOriginal(dup, r) : r);
    } catch (e) {
      errors.push(`originals[${i}] (${o.id}): ${e instanceof Error ? e.message : String(e)}`);
    }
  });
  const translations = new Map<string, TranslationRecord>();
  pack.translations.forEach((t, i) => {
    const r = translationRecord(t);
    if (!r) errors.push(`translations[${i}]: url is not an http(s) address`);
    else translations.set(JSON.stringify([r.url, r.originalId]), r);
  });
  // "Not a copy" decisions; the pack being imported is the latest word on a page, so each
  // replaces a contradicting record of the store (a dismissal a translation, and back).
  const dismissals = new Map<string, DismissalRecord>();
  (pack.dismissals ?? []).forEach((d, i) => {
    const r = dismissalRecord(d);
    if (!r) errors.push(`dismissals[${i}]: url is not an http(s) address`);
    else dismissals.set(JSON.stringify([r.url, r.originalId]), r);
  });
  if (errors.length) return { ok: false, errors };

  // 2. One transaction: read what exists, check references, then write in batches.
  const tx = db.transaction(['originals', 'translations', 'dismissals', 'postings', 'retrieval'], 'readwrite');
  const originalsStore = tx.objectStore('originals');
  const translationsStore = tx.objectStore('translations');
  const dismissalsStore = tx.objectStore('dismissals');
  const dKeys = [...dismissals.values()];
  try {
    let ids = [...incoming.keys()];
    if (ids.length >= BULK_EXISTENCE) {
      const stored = new Set(await originalsStore.getAllKeys());
      ids = ids.filter((id) => stored.has(id));
    }
    const existing = new Map<string, OriginalRecord>();
    for (const part of chunks(ids, batch)) {
      const found = await Promise.all(part.map((id) => originalsStore.get(id)));
      found.forEach((r) => r && existing.set(r.id, r));
    }
    const tKeys = [...translations.values()];
    const refs = [...new Set([...tKeys, ...dKeys].map((t) => t.originalId))].filter((id) => !incoming.has(id));
    const refFound = await Promise.all(refs.map((id) => originalsStore.getKey(id)));
    refs.forEach((id, i) => {
      if (refFound[i] === undefined) errors.push(`a translation or dismissal refers to original "${id}", which is neither in the pack nor registered`);
    });
    const tExisting = new Map<string, TranslationRecord>();
    for (const part of chunks(tKeys, batch)) {
      const found = await Promise.all(part.map((t) => translationsStore.get([t.url, t.originalId])));
      found.forEach((r) => r && tExisting.set(JSON.stringify([r.url, r.originalId]), r));
    }
    let dExisting = 0;
    for (const part of chunks(dKeys, batch)) {
      const found = await Promise.all(part.map((d) => dismissalsStore.getKey([d.url, d.originalId])));
      dExisting += found.filter((k) => k !== undefined).length;
    }
    if (errors.length) {
      tx.abort();
      await tx.done.catch(() => undefined);
      return { ok: false, errors };
    }

    const index = await KeyIndexWriter.open(tx.objectStore('postings'), tx.objectStore('retrieval'));
    const records = [...incoming.values()].map((r) => {
      const old = existing.get(r.id);
      return fileRecord(index, old ? mergeOriginal(old, r) : r, old, packKeys.get(r));
    });
    const indexWrites = index.maxWrites;
    const total = records.length + indexWrites + tKeys.length + dKeys.length;
    let done = 0;
    const progress = (n: number) => opts.onProgress?.((done += n), total);
    // Two batches in flight: the next is on its way while the database stores the last.
    const raw = unwrap(originalsStore) as IDBObjectStore;
    let inFlight: Promise<void> = Promise.resolve();
    for (const part of chunks(records, batch)) {
      const written = putAll(raw, part).then(() => progress(part.length));
      written.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
      await inFlight;
      inFlight = written;
    }
    await inFlight;
    const before = done;
    await index.commit((written) => progress(before + written - done));
    progress(before + indexWrites - done); // the commit may write fewer records than it could have
    for (const part of chunks(tKeys, batch)) {
      await Promise.all(part.flatMap((t) => [translationsStore.put(t), dismissalsStore.delete([t.url, t.originalId])]));
      progress(part.length);
    }
    for (const part of chunks(dKeys, batch)) {
      await Promise.all(part.flatMap((d) => [dismissalsStore.put(d), translationsStore.delete([d.url, d.originalId])]));
      progress(part.length);
    }
    if (total === 0) opts.onProgress?.(0, 0);
    await tx.done;
    return {
      ok: true,
      originals: { added: records.length - existing.size, merged: existing.size },
      translations: { added: tKeys.length - tExisting.size, merged: tExisting.size },
      dismissals: { added: dKeys.length - dExisting, merged: dExisting },
    };
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted: nothing was committed either way.
    }
    await tx.done.catch(() => undefined);
    return { ok: false, errors: [`import failed, nothing was changed: ${e instanceof Error ? e.message : String(e)}`] };
  }
}

/** The whole store as a pack (what `importPack` reads back unchanged). */
export async function exportPack(db: Db, created = new Date().toISOString()): Promise<Pack> {
  const tx = db.transaction(['originals', 'translations', 'dismissals'], 'readonly');
  const [originals, translations, dismissals] = await Promise.all([
    tx.objectStore('originals').getAll(),
    tx.objectStore('translations').getAll(),
    tx.objectStore('dismissals').getAll(),
  ]);
  await tx.done;
  return exportRecords(originals, translations, dismissals, created);
}
