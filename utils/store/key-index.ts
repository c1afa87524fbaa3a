/**
 * The retrieval index: which originals are filed under which retrieval key (the
 * engine's `indexKeys`). Three parts, all written in the caller's transaction:
 * - every original gets a small number, `seq`, on its record (unique index `by-seq`);
 * - `postings`: the seqs filed under each key (postings.ts): a record of its own for a
 *   key with more than SHORT_LIST originals, else a place in one of BUCKETS shared
 *   records (most keys are rare: a record each would cost a request each to write);
 * - `retrieval`: a head record (how many originals, the next seq, a digest) and the
 *   statistics a lookup needs before reading any posting list: each key's frequency
 *   (key-frequencies.ts) and each original's number of keys (by seq).
 *
 * Writes go through `KeyIndexWriter`: file and unfile originals, then `commit` once,
 * which rewrites each touched posting list a single time — an import of 100,000
 * originals writes each key's list once, not once per original.
 */
import { indexKeys } from '@/utils/engine';
import { decodeBytes } from '@/utils/engine/codec';
import { FiledPairs } from './filed-pairs';
import { KeyFrequencies } from './key-frequencies';
import { bucketLists, decodeBucket, encodeBucket, mergePosting, postingLength } from './postings';
import type { FrequenciesRecord, OriginalRecord, PostingRecord, RetrievalHead, RetrievalRecord } from './schema';
import { touch } from './lru';

/** What the index needs of an object store (idb's stores, typed or not, have it). */
export interface StoreLike<V, K> {
  get(key: K): Promise<V | undefined>;
  getAll(): Promise<V[]>;
  put(value: V): Promise<unknown>;
  delete(key: K): Promise<unknown>;
}

export type PostingsStore = StoreLike<PostingRecord, number>;
export type RetrievalStore = StoreLike<RetrievalRecord, RetrievalRecord['name']>;

/** What a lookup reads before the posting lists. */
export interface RetrievalStats {
  frequencies: KeyFrequencies;
  /** Keys each original is filed under, by seq (0: none, or no such original). */
  keyCounts: Uint8Array;
}

/** Lists of at most this many originals share bucket records. */
export const SHORT_LIST = 64;
/** Bucket records (under the negative keys -1 … -BUCKETS). */
export const BUCKETS = 4_096;
/** Records to read from which reading every posting record in one request beats one request each. */
export const BULK_READ_RECORDS = 2_000;

/** The posting record holding `key`'s list, given how many originals it has. */
export function postingRecordKey(key: number, frequency: number): number {
  return frequency > SHORT_LIST ? key : -1 - (key % BUCKETS);
}

/** Posting records kept between lookups, at most this many bytes of them. */
export const POSTING_CACHE_BYTES = 4 * 1024 * 1024;

/**
 * Posting records read by earlier lookups, most recently used last: common keys (a year,
 * a country, a much-quoted name) come back page after page, and each record not read
 * again is a request saved. Valid while the head carries the stamp they were read
 * under: every write of the originals or their index draws a new one, whichever context
 * wrote (KeyIndexWriter.commit). Bounded; filled only by lookups, never at start-up.
 */
const postingCache = { stamp: -1, bytes: 0, records: new Map<number, Uint8Array>() };

/** A new head stamp: random, so that no two writes, in any database, share one. */
const newStamp = () => Math.floor(Math.random() * 2 ** 52);

/** Empties the posting cache (the benchmark measures lookups with it and without). */
export function clearPostingCache(): void {
  postingCache.records.clear();
  postingCache.bytes = 0;
  postingCache.stamp = -1;
}

/** The stamp the posting cache holds records under; undefined when it holds none. */
export function postingCacheStamp(): number | undefined {
  return postingCache.stamp === -1 ? undefined : postingCache.stamp;
}

/** From now on the posting cache keeps records read under `head` (emptied if it held others). */
export function adoptPostingStamp(head: Pick<RetrievalHead, 'stamp'>): void {
  cacheFor(head);
}

function cacheFor(head: Pick<RetrievalHead, 'stamp'> | undefined): typeof postingCache | null {
  if (head?.stamp === undefined) return null;
  if (postingCache.stamp !== head.stamp) {
    clearPostingCache();
    postingCache.stamp = head.stamp;
  }
  return postingCache;
}

/**
 * Whether every posting record holding `keys` is in the cache under `stamp`: a lookup
 * that believes `stamp` current then needs no posting request at all.
 */
export function postingsCached(keys: readonly number[], frequency: (key: number) => number, stamp: number): boolean {
  if (postingCache.stamp !== stamp) return false;
  for (const k of keys) if (!postingCache.records.has(postingRecordKey(k, frequency(k)))) return false;
  return true;
}

/**
 * The posting lists of `keys` (whose frequencies are known), reading each record once:
 * a bucket shared by several of the keys is read one time, a record a recent lookup read
 * is not read again (when `head` is given: the cache holds what was read under its stamp).
 */
export async function readPostings(
  store: Pick<PostingsStore, 'get'>,
  keys: readonly number[],
  frequency: (key: number) => number,
  head?: Pick<RetrievalHead, 'stamp'>,
  /** Counts what was wanted and what was read (the speed benchmark). */
  timings?: { postingRecords: number; postingReads: number },
): Promise<Map<number, Uint8Array>> {
  const where = new Map<number, number[]>();
  for (const k of keys) {
    const r = postingRecordKey(k, frequency(k));
    const list = where.get(r);
    if (list) list.push(k);
    else where.set(r, [k]);
  }
  const cache = cacheFor(head);
  const recordKeys = [...where.keys()];
  if (timings) timings.postingRecords += recordKeys.length;
  const records = await Promise.all(
    recordKeys.map((r) => {
      const hit = touch(cache?.records, r);
      if (hit) return hit;
      if (timings) timings.postingReads++;
      return store.get(r).then((rec) => {
        if (rec && cache && cache.stamp === head!.stamp) {
          cache.records.set(r, rec.entries);
          cache.bytes += rec.entries.length;
          for (const [k, v] of cache.records) {
            if (cache.bytes <= POSTING_CACHE_BYTES) break;
            cache.records.delete(k);
            cache.bytes -= v.length;
          }
        }
        return rec?.entries;
      });
    }),
  );
  const out = new Map<number, Uint8Array>();
  records.forEach((entries, i) => {
    if (!entries) return;
    const r = recordKeys[i];
    if (r >= 0) out.set(r, entries);
    else {
      for (const [k, list] of bucketLists(entries, where.get(r)!)) out.set(k, list);
    }
  });
  return out;
}
/** Posting lists written between two progress reports. */
const WRITE_CHUNK = 500;

/**
 * The keys a stored original is filed under: those recorded by versions 1–2 when it has
 * them, else its fingerprint's. Empty for a fingerprint that no longer decodes.
 */
export function filedKeys(r: Pick<OriginalRecord, 'keys' | 'fingerprint'>): number[] {
  if (r.keys) return r.keys;
  try {
    return indexKeys(decodeBytes(r.fingerprint));
  } catch {
    return [];
  }
}

const EMPTY_STATS: RetrievalStats = { frequencies: new KeyFrequencies(), keyCounts: new Uint8Array(0) };
const digestOf = (s: RetrievalStats) => s.frequencies.digest(s.keyCounts);
const EMPTY_HEAD: RetrievalHead = { name: 'head', originals: 0, nextSeq: 1, digest: digestOf(EMPTY_STATS) };

// The statistics are worth keeping between lookups (a few hundred KB at 100,000
// originals). They are cached by digest, a digest of their content: whatever database
// or transaction they come from, the same digest means the same statistics.
let cached: { digest: number; stats: RetrievalStats } | null = null;

/** The statistics read last, whatever database they came from (their digest says which). */
export function lastStats(): { digest: number; stats: RetrievalStats } | null {
  return cached;
}

export async function readHead(store: Pick<RetrievalStore, 'get'>): Promise<RetrievalHead> {
  const head = await store.get('head');
  return head?.name === 'head' ? head : EMPTY_HEAD;
}

/** The statistics `head` describes: from the cache when current, else from the store. */
export async function readStats(store: Pick<RetrievalStore, 'get'>, head: RetrievalHead): Promise<RetrievalStats> {
  if (cached?.digest === head.digest) return cached.stats;
  const r = await store.get('frequencies');
  const stats =
    r?.name === 'frequencies' ? { frequencies: new KeyFrequencies(r.keys, r.counts), keyCounts: r.keyCounts ?? new Uint8Array(0) } : EMPTY_STATS;
  // The record carries the digest it was written with (the same the head names): no need
  // to hash a few hundred KB again on a worker's first lookup. Anything else is hashed.
  cached = { digest: r?.name === 'frequencies' && r.digest === head.digest ? r.digest : digestOf(stats), stats };
  return stats;
}

export class KeyIndexWriter {
  /** (key, seq) pairs filed, grouped by key at the commit (filed-pairs.ts). */
  private readonly adds = new FiledPairs();
  private readonly removes = new Map<number, Set<number>>();
  /** Key counts by seq, as they will be: set on add, cleared on remove. */
  private readonly keyCountChanges = new Map<number, number>();
  private filed = 0;

  private constructor(
    private readonly postings: PostingsStore,
    private readonly retrieval: RetrievalStore,
    private readonly head: RetrievalHead,
    private readonly stats: RetrievalStats,
    private nextSeq: number,
  ) {}

  static async open(postings: PostingsStore, retrieval: RetrievalStore): Promise<KeyIndexWriter> {
    const head = await readHead(retrieval);
    const stats = await readStats(retrieval, head);
    return new KeyIndexWriter(postings, retrieval, head, stats, head.nextSeq);
  }

  /** A seq for a new original (never one used before in this database). */
  allocate(): number {
    return this.nextSeq++;
  }

  /** Files original `seq` under its index keys. */
  add(seq: number, keys: Iterable<number>): void {
    const distinct = this.adds.add(seq, keys);
    this.keyCountChanges.set(seq, Math.min(255, distinct));
    this.filed++;
  }

  /** Takes original `seq` out from under the keys it was filed under. */
  remove(seq: number, keys: readonly number[]): void {
    for (const k of new Set(keys)) {
      const set = this.removes.get(k);
      if (set) set.add(seq);
      else this.removes.set(k, new Set([seq]));
    }
    if (!this.keyCountChanges.has(seq)) this.keyCountChanges.set(seq, 0);
    this.filed--;
  }

  /**
   * Writes every touched posting list once, then the statistics and the head.
   * `onProgress(written, total)` hears about the posting lists as they go.
   */
  async commit(onProgress?: (written: number, total: number) => void): Promise<void> {
    // Nothing filed or unfiled (a metadata edit, a deletion of nothing): no list to write,
    // but a new stamp all the same, since the originals may have changed (what lookups
    // cached from them is no longer current).
    if (!this.adds.length && !this.removes.size && !this.keyCountChanges.size && this.nextSeq === this.head.nextSeq) {
      if (this.head !== EMPTY_HEAD) await this.retrieval.put({ ...this.head, stamp: newStamp() });
      return;
    }
    const frequencies = this.stats.frequencies;
    const adds = this.adds.groups();
    const touched = [...new Set([...adds.keys(), ...this.removes.keys()])];
    const oldRecord = (k: number) => postingRecordKey(k, frequencies.get(k));

    // 1. The records to rewrite: the touched keys' own records, and every bucket a
    //    touched key was or will be in — whole, since its other keys stay in it.
    const buckets = new Set<number>(touched.map((k) => postingRecordKey(k, 1)));
    const toRead = new Set<number>();
    for (const k of touched) if (frequencies.get(k) > SHORT_LIST) toRead.add(k);
    const stored = new Set<number>(); // buckets that exist: some short list maps to them
    for (let i = 0; i < frequencies.size; i++) if (frequencies.counts[i] <= SHORT_LIST) stored.add(postingRecordKey(frequencies.keys[i], 1));
    for (const b of buckets) if (stored.has(b)) toRead.add(b);
    const records = new Map<number, Uint8Array>();
    if (toRead.size >= BULK_READ_RECORDS) {
      for (const r of await this.postings.getAll()) if (toRead.has(r.key)) records.set(r.key, r.entries);
    } else {
      const found = await Promise.all([...toRead].map((k) => this.postings.get(k)));
      found.forEach((r) => r && records.set(r.key, r.entries));
    }
    const bucketLists = new Map<number, Map<number, Uint8Array>>();
    for (const b of buckets) bucketLists.set(b, records.has(b) ? decodeBucket(records.get(b)!) : new Map());

    // 2. Every touched list, merged; placed by its new length.
    const changes = new Map<number, number>();
    const writes: Array<() => Promise<unknown>> = [];
    for (const key of touched) {
      const before = oldRecord(key);
      const old = before >= 0 ? records.get(key) : bucketLists.get(before)!.get(key);
      const merged = mergePosting(old, adds.get(key) ?? [], this.removes.get(key));
      const n = merged ? postingLength(merged) : 0;
      changes.set(key, n);
      const after = postingRecordKey(key, n);
      const bucket = bucketLists.get(postingRecordKey(key, 1))!;
      if (merged && after >= 0) writes.push(() => this.postings.put({ key, entries: merged }));
      else if (before >= 0) writes.push(() => this.postings.delete(key));
      if (merged && after < 0) bucket.set(key, merged);
      else bucket.delete(key);
    }
    for (const [b, lists] of bucketLists) {
      if (lists.size) {
        const entries = encodeBucket(lists);
        writes.push(() => this.postings.put({ key: b, entries }));
      } else if (records.has(b)) writes.push(() => this.postings.delete(b));
    }

    // 3. Written in chunks, reporting as they go.
    for (let i = 0; i < writes.length; i += WRITE_CHUNK) {
      await Promise.all(writes.slice(i, i + WRITE_CHUNK).map((w) => w()));
      onProgress?.(Math.min(writes.length, i + WRITE_CHUNK), writes.length);
    }

    const keyCounts = new Uint8Array(Math.max(this.nextSeq, this.stats.keyCounts.length));
    keyCounts.set(this.stats.keyCounts);
    for (const [seq, n] of this.keyCountChanges) keyCounts[seq] = n;
    const stats: RetrievalStats = { frequencies: changes.size ? this.stats.frequencies.with(changes) : this.stats.frequencies, keyCounts };
    const digest = digestOf(stats);
    const record: FrequenciesRecord = {
      name: 'frequencies',
      digest,
      keys: stats.frequencies.keys,
      counts: stats.frequencies.counts,
      keyCounts,
    };
    const head: RetrievalHead = {
      name: 'head',
      originals: Math.max(0, this.head.originals + this.filed),
      nextSeq: this.nextSeq,
      digest,
      // Cached posting lists are current while the head carries this stamp: a new one.
      stamp: newStamp(),
    };
    await Promise.all([this.retrieval.put(record), this.retrieval.put(head)]);
    cached = { digest, stats };
  }
}
