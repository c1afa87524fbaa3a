/**
 * Packs in and out of the store. An import is all-or-nothing: every reference is checked
 * before anything is written, and the writes go in batches inside ONE transaction, so a
 * failure — a fingerprint that does not decode, however late in the pack, a refused
 * write, the worker being stopped — leaves the store as it was. Importing the same
 * original twice (same id) merges: the newer pack's metadata wins field by field, the
 * date it was first added stays. Originals are filed in the retrieval index
 * (key-index.ts) in the same transaction, each posting record rewritten once per import.
 *
 * At 100,000 originals the work is pipelined: while the database stores one batch, the
 * next is decoded and filed (decoding and filing cost about as much as storing), and
 * `onProgress` follows the writes from the first batch on.
 */
import { indexKeys, primaryLang } from '@/utils/engine';
import { decodeBytes, fromBase64 } from '@/utils/engine/codec';
import { checkedFingerprint } from '@/utils/pack/checked';
import { canonicalUrl } from '@/utils/pack/id';
import type { Pack, PackDismissal, PackOriginal, PackTranslation } from '@/utils/pack/schema';
import { unwrap } from 'idb';
import type { Db } from './db';
import { KeyIndexWriter } from './key-index';
import { fileRecord, storedForm } from './originals';
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
   * Progress of the writes, after each batch: `done` of `total`, where an original, a
   * translation and a dismissal count one each, and the retrieval index (its lists are
   * written together at the end) one per INDEX_SHARE originals; the last call has done
   * === total. Nothing is committed before the import returns.
   */
  onProgress?: (done: number, total: number) => void;
}

/** The retrieval index's share of an import's progress: one unit per this many originals. */
export const INDEX_SHARE = 20;

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
  // The address and its index key (url-key.ts) go together.
  const at = next.url ? next : keep;
  return {
    ...next,
    lang: next.lang ?? keep.lang,
    author: next.author ?? keep.author,
    publisher: next.publisher ?? keep.publisher,
    url: at.url,
    ...(at.urlKey === undefined ? {} : { urlKey: at.urlKey }),
    date: next.date ?? keep.date,
    addedAt: Math.min(keep.addedAt, next.addedAt),
  };
}

/**
 * A pack original as a stored record, and the keys to file it under. The fingerprint is
 * stored as the pack's bytes, the codec's binary form; its keys are those the pack's
 * check found (utils/pack/checked.ts), else it is decoded here (which checks it).
 */
function originalRecord(o: PackOriginal, now: number): { record: OriginalRecord; keys: Iterable<number> } {
  const checked = checkedFingerprint(o);
  const bytes = checked?.bytes ?? fromBase64(o.fingerprint);
  const keys = checked?.keys ?? indexKeys(decodeBytes(bytes));
  const info = { id: o.id, title: o.title, lang: storedLang(o.lang), author: o.author ?? null, publisher: o.publisher ?? null, url: o.url ?? null, date: o.date ?? null };
  return { record: storedForm(info, bytes, now), keys };
}

/** A pack original that does not decode: the import stops, nothing written. */
class PackRecordError extends Error {}

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
  // Originals by id, each with where it is in the pack (an id given twice merges, in order).
  const incoming = new Map<string, number[]>();
  pack.originals.forEach((o, i) => {
    const at = incoming.get(o.id);
    if (at) at.push(i);
    else incoming.set(o.id, [i]);
  });
  /** The record to write for `id` (merged with the stored one, if any) and its keys. */
  const prepare = (id: string) => {
    let merged: { record: OriginalRecord; keys: Iterable<number> } | null = null;
    for (const i of incoming.get(id)!) {
      let r: { record: OriginalRecord; keys: Iterable<number> };
      try {
        r = originalRecord(pack.originals[i], now);
      } catch (e) {
        throw new PackRecordError(`originals[${i}] (${id}): ${e instanceof Error ? e.message : String(e)}`);
      }
      merged = merged ? { record: mergeOriginal(merged.record, r.record), keys: r.keys } : r;
    }
    return merged!;
  };
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
    const originalIds = [...incoming.keys()];
    const indexUnits = originalIds.length ? Math.ceil(originalIds.length / INDEX_SHARE) : 0;
    const total = originalIds.length + indexUnits + tKeys.length + dKeys.length;
    let done = 0;
    const progress = (n: number) => opts.onProgress?.((done += n), total);
    // Pipelined: each batch is decoded and filed while the database stores the one before.
    const raw = unwrap(originalsStore) as IDBObjectStore;
    let inFlight: Promise<void> = Promise.resolve();
    for (const part of chunks(originalIds, batch)) {
      const records = part.map((id) => {
        const { record, keys } = prepare(id);
        const old = existing.get(id);
        return fileRecord(index, old ? mergeOriginal(old, record) : record, old, keys);
      });
      const written = putAll(raw, records).then(() => progress(records.length));
      written.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
      await inFlight;
      inFlight = written;
    }
    await inFlight;
    const before = done;
    await index.commit((written, all) => progress(before + Math.floor((indexUnits * written) / Math.max(1, all)) - done));
    progress(before + indexUnits - done);
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
      originals: { added: originalIds.length - existing.size, merged: existing.size },
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
    if (e instanceof PackRecordError) return { ok: false, errors: [e.message] };
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
