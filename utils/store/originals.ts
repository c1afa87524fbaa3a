/**
 * Registered originals: metadata plus a fingerprint, filed under their retrieval keys
 * (key-index.ts). Looking a page up never scans the store: it reads the posting lists of
 * the page's rarest keys (retrieve.ts) and decodes only the few best-ranked originals.
 */
import { MAX_CANDIDATES, type Candidate, type Fingerprint, type PageFingerprint } from '@/utils/engine';
import { COARSE_BASE } from '@/utils/engine/keys';
import { decodeBytes, encodeBytes } from '@/utils/engine/codec';
import { canonicalUrl } from '@/utils/pack/id';
import type { OriginalInfo } from '@/utils/verdict';
import type { IDBPTransaction } from 'idb';
import type { Db } from './db';
import { filedKeys, KeyIndexWriter, readHead, readStats } from './key-index';
import { rankedSeqs, stopwatch, type LookupTimings } from './retrieve';
import { urlKeyOf } from './url-key';
import type { OriginalRecord, ProvenanceDB, RetrievalHead, StoreName } from './schema';
import { touch } from './lru';

/** The stores a write that files or unfiles originals touches. */
export const INDEXED_STORES = ['originals', 'postings', 'retrieval'] as const;

/** An original as the rest of the extension handles it. */
export interface Original extends OriginalInfo {
  fingerprint: Fingerprint;
}

/** An original with what the store adds. */
export interface StoredOriginal extends Original {
  addedAt: number;
}

/** A candidate for `decide`, carrying what the UI will need if it wins. */
export interface CandidateOriginal extends Candidate {
  info: OriginalInfo;
}

export class DuplicateOriginalError extends Error {
  constructor(readonly id: string) {
    super(`an original with id "${id}" is already registered`);
  }
}

/** The stored form; `seq` is given by the retrieval index when the record is filed. */
export function toRecord(original: Original, addedAt: number, seq?: number): OriginalRecord {
  return storedForm(original, encodeBytes(original.fingerprint), addedAt, seq);
}

/** The stored form of an original whose fingerprint is already in its binary form. */
export function storedForm(info: OriginalInfo, fingerprint: Uint8Array, addedAt: number, seq?: number): OriginalRecord {
  const url = info.url ? canonicalUrl(info.url) : null;
  // Unknown fields are left out (schema.ts): a few dozen bytes an original.
  return {
    id: info.id,
    title: info.title,
    lang: info.lang,
    ...(info.author ? { author: info.author } : {}),
    ...(info.publisher ? { publisher: info.publisher } : {}),
    ...(url ? { url, urlKey: urlKeyOf(url) } : {}),
    ...(info.date ? { date: info.date } : {}),
    addedAt,
    fingerprint,
    ...(seq === undefined ? {} : { seq }),
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Files `next` (about to replace `old`, if any) in the index: a new original gets a new
 * seq; a known one keeps its seq and is re-filed only if its fingerprint changed.
 */
export function fileRecord(
  index: KeyIndexWriter,
  next: OriginalRecord,
  old: OriginalRecord | undefined,
  /** `next`'s index keys when the caller has them (saves decoding its fingerprint again). */
  keys?: Iterable<number>,
): OriginalRecord {
  if (old?.seq !== undefined && sameBytes(old.fingerprint, next.fingerprint)) {
    // Same fingerprint, same keys: the record keeps what it was filed under.
    return { ...next, seq: old.seq, ...(old.keys ? { keys: old.keys } : {}) };
  }
  if (old?.seq !== undefined) index.remove(old.seq, filedKeys(old));
  const { keys: _legacy, ...fresh } = next;
  const seq = old?.seq ?? index.allocate();
  index.add(seq, keys ?? filedKeys(fresh));
  return { ...fresh, seq };
}

/**
 * Runs `write` in one readwrite transaction over the originals, their retrieval index and
 * the `also` stores, then commits the index's changes in it; aborts on any error, so the
 * originals and their index never disagree.
 */
export async function withIndex<T, S extends StoreName>(
  db: Db,
  also: readonly S[],
  write: (tx: IDBPTransaction<ProvenanceDB, Array<(typeof INDEXED_STORES)[number] | S>, 'readwrite'>, index: KeyIndexWriter) => Promise<T>,
): Promise<T> {
  const tx = db.transaction([...INDEXED_STORES, ...also], 'readwrite');
  try {
    const index = await KeyIndexWriter.open(tx.objectStore('postings'), tx.objectStore('retrieval'));
    const out = await write(tx, index);
    await index.commit();
    await tx.done;
    return out;
  } catch (err) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request.
    }
    await tx.done.catch(() => undefined);
    throw err;
  }
}

export function infoOf(r: OriginalRecord | Original): OriginalInfo {
  return { id: r.id, title: r.title, lang: r.lang, author: r.author ?? null, publisher: r.publisher ?? null, url: r.url ?? null, date: r.date ?? null };
}

export function fromRecord(r: OriginalRecord): StoredOriginal {
  return { ...infoOf(r), addedAt: r.addedAt, fingerprint: decodeBytes(r.fingerprint) };
}

/** Registers a new original; refuses to overwrite one with the same id. */
export async function addOriginal(db: Db, original: Original, now = Date.now()): Promise<void> {
  try {
    await withIndex(db, [], async (tx, index) => {
      await tx.objectStore('originals').add(fileRecord(index, toRecord(original, now), undefined));
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'ConstraintError') throw new DuplicateOriginalError(original.id);
    throw err;
  }
}

/** Registers or replaces an original (keeping when it was first added). */
export async function putOriginal(db: Db, original: Original, now = Date.now()): Promise<void> {
  await withIndex(db, [], async (tx, index) => {
    const store = tx.objectStore('originals');
    const existing = await store.get(original.id);
    await store.put(fileRecord(index, toRecord(original, existing?.addedAt ?? now), existing));
  });
}

export async function getOriginal(db: Db, id: string): Promise<StoredOriginal | undefined> {
  const r = await db.get('originals', id);
  return r && fromRecord(r);
}

/** Removes an original and the translations filed under it. */
export async function deleteOriginal(db: Db, id: string): Promise<void> {
  await withIndex(db, ['translations'], async (tx, index) => {
    const originals = tx.objectStore('originals');
    const translations = tx.objectStore('translations');
    const [existing, keys] = await Promise.all([originals.get(id), translations.index('by-original').getAllKeys(id)]);
    if (existing?.seq !== undefined) index.remove(existing.seq, filedKeys(existing));
    await Promise.all([originals.delete(id), ...keys.map((k) => translations.delete(k))]);
  });
}

/** Every original's metadata (no fingerprint decoded). */
export async function listOriginals(db: Db): Promise<Array<OriginalInfo & { addedAt: number }>> {
  const all = await db.getAll('originals');
  return all.map((r) => ({ ...infoOf(r), addedAt: r.addedAt }));
}

export async function countOriginals(db: Db): Promise<number> {
  return db.count('originals');
}

/**
 * Whether any original is registered: one key read, whatever the store holds (a count
 * walks every record: a quarter of a second at 100,000 originals, on every worker start).
 */
export async function hasOriginals(db: Db): Promise<boolean> {
  return (await db.getAllKeys('originals', null, 1)).length > 0;
}

/** The original registered at this address, if any. */
export async function originalByUrl(db: Db, url: string): Promise<StoredOriginal | undefined> {
  const key = url ? canonicalUrl(url) : null;
  if (!key) return undefined;
  // Filed under the address's hash: of the (almost always one) originals there, the one
  // at this very address.
  const found = await db.getAllFromIndex('originals', 'by-url-key', urlKeyOf(key));
  const r = found.find((o) => o.url === key);
  return r && fromRecord(r);
}

/**
 * Readies a worker just started for its first lookup, while the page is still being
 * read: the index head and the key statistics in memory (a few hundred KB at 100,000
 * originals), and the lookup's code run once.
 */
export async function prepareLookups(db: Db): Promise<void> {
  const tx = db.transaction('retrieval', 'readonly');
  const store = tx.objectStore('retrieval');
  const { frequencies } = await readStats(store, await readHead(store));
  tx.done.catch(() => undefined);
  // One lookup of a made-up page of a few keys the store holds: the lookup's own code
  // (requests, lists, ranking, decoding) runs, and is compiled, before the real page's.
  const keys: number[] = [];
  const step = Math.max(1, Math.floor(frequencies.size / WARM_UP_KEYS));
  for (let i = 0; i < frequencies.size && keys.length < WARM_UP_KEYS; i += step) if (frequencies.keys[i] < COARSE_BASE) keys.push(frequencies.keys[i]);
  if (keys.length) await candidatesFor(db, madeUpPage(keys));
}

/** Keys of the made-up page `prepareLookups` looks up. */
const WARM_UP_KEYS = 6;

/** A page that is nothing but these keys, read as numbers (no phonetic keys). */
function madeUpPage(keys: number[]): PageFingerprint {
  return {
    v: 1, lang: null, script: 'latin', chars: 1000, paraLens: [1000], sentLens: [1000], keys,
    coarse: keys.map(() => 0), kinds: keys.map(() => 'num'), pos: keys.map((_, i) => i * 100), para: keys.map(() => 0),
    simhash: 0, labels: keys.map(String), title: null,
  };
}

/** Candidates kept between lookups, at most this many (decoded, a few KB each). */
export const CANDIDATE_CACHE_SIZE = 1_000;

/**
 * Originals decoded by earlier lookups, by seq, most recently used last: the originals
 * that share common keys are candidates page after page. Valid while the index head
 * carries the stamp they were read under (every write of the originals draws a new one:
 * key-index.ts). Bounded; filled only by lookups.
 */
const candidateCache = { stamp: -1 as number | undefined, originals: new Map<number, CandidateOriginal>() };

/** Empties the candidate cache (the benchmark measures lookups with it and without). */
export function clearCandidateCache(): void {
  candidateCache.originals.clear();
  candidateCache.stamp = -1;
}

/**
 * The originals worth comparing with a page: the best-ranked by the retrieval keys they
 * share with it (retrieve.ts), at most `max`, in ranking order. One readonly
 * transaction; only the shortlisted records are read and decoded (unless a recent
 * lookup did, under the same index stamp).
 */
export async function candidatesFor(db: Db, page: PageFingerprint, max = MAX_CANDIDATES, timings?: LookupTimings): Promise<CandidateOriginal[]> {
  // Ranked on what an earlier lookup read, the shortlist holds only if the index has not
  // been written since: else the page is looked up again on the index as it is now.
  return (await shortlist(db, page, max, timings, lastHeads.get(db) ?? null)) ?? (await shortlist(db, page, max, timings, null))!;
}

/**
 * The index head each database's last lookup read: the next lookup ranks on it, without
 * waiting for its own, when everything else it needs is in memory (retrieve.ts). Only a
 * guess, always checked against the head of the lookup's own transaction.
 */
const lastHeads = new WeakMap<Db, RetrievalHead>();

/** `candidatesFor`, once; null when it ranked on a head that a write has replaced since. */
async function shortlist(
  db: Db,
  page: PageFingerprint,
  max: number,
  timings: LookupTimings | undefined,
  believed: RetrievalHead | null,
): Promise<CandidateOriginal[] | null> {
  const tx = db.transaction(INDEXED_STORES, 'readonly');
  const { seqs, stamp, unconfirmed, head: ranked } = await rankedSeqs(tx.objectStore('postings'), tx.objectStore('retrieval'), page, max, timings, believed);
  if (ranked) lastHeads.set(db, ranked);
  const lap = stopwatch(timings);
  let decodeMs = 0;
  const cache = stamp === undefined ? null : candidateCache;
  if (cache && cache.stamp !== stamp) {
    clearCandidateCache();
    cache.stamp = stamp;
  }
  const bySeq = tx.objectStore('originals').index('by-seq');
  // Originals read from the database, cached only once their stamp is confirmed.
  const read: Array<[number, CandidateOriginal]> = [];
  const [found, head] = await Promise.all([
    Promise.all(
      seqs.map(async (seq): Promise<CandidateOriginal | null> => {
        const hit = touch(cache?.originals, seq);
        if (hit) return hit;
        if (timings) timings.candidateReads++;
        const r = await bySeq.get(seq);
        if (!r) return null;
        const t = timings ? performance.now() : 0;
        const c: CandidateOriginal = { id: r.id, lang: r.lang, fingerprint: decodeBytes(r.fingerprint), info: infoOf(r) };
        if (timings) decodeMs += performance.now() - t;
        read.push([seq, c]);
        return c;
      }),
    ),
    unconfirmed,
  ]);
  // Everything is read: the transaction's completion (one more round trip to the
  // database) is not worth waiting for — a read-only one changes nothing either way.
  tx.done.catch(() => undefined);
  if (timings) {
    lap('records');
    // Decoding happened while the records came in: it is counted apart from reading them.
    timings.records -= decodeMs;
    timings.decode += decodeMs;
  }
  // The index was written since the head the ranking rested on: a deleted original's
  // decoded copy may be in the cache, a new original missing from the lists. None of it
  // is used; the caches are emptied by the next lookup's new stamp.
  if (head && head.stamp !== stamp) {
    lastHeads.set(db, head);
    return null;
  }
  if (cache && cache.stamp === stamp) {
    for (const [seq, c] of read) {
      cache.originals.set(seq, c);
      if (cache.originals.size > CANDIDATE_CACHE_SIZE) cache.originals.delete(cache.originals.keys().next().value!);
    }
  }
  const out = found.filter((c): c is CandidateOriginal => c !== null);
  if (timings) timings.candidates += out.length;
  return out;
}
