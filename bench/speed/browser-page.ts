/**
 * The in-browser half of the speed benchmark: bundled by esbuild (bench-extension.ts)
 * into a page of a bench copy of the built extension, so that it runs the project's own
 * code — the store (utils/store), the options page's import (utils/ui/import-files), the
 * engine — against Chromium's real IndexedDB, in the extension's origin: the database
 * the background itself uses. Driven by playwright-core (bench/speed.ts) through
 * `globalThis.speedBench`. Data files (packs, queries, articles) sit next to the page:
 * the extension's CSP lets its pages fetch only their own origin.
 */
import { decide, fingerprintArticle, lookupKeys, MAX_CANDIDATES, type Article, type PageFingerprint } from '@/utils/engine';
import { decodeBytes } from '@/utils/engine/codec';
import { unwrap } from 'idb';
import { sendMessage } from '@/utils/messaging';
import type { Pack } from '@/utils/pack/schema';
import { openDatabase, type Db } from '@/utils/store/db';
import { postingRecordKey, readHead, readPostings, readStats } from '@/utils/store/key-index';
import { planLookup } from '@/utils/store/lookup-plan';
import { candidatesFor, INDEXED_STORES, storedForm } from '@/utils/store/originals';
import { importPack } from '@/utils/store/packs';
import { postingLength } from '@/utils/store/postings';
import { rankStoredPostings } from '@/utils/store/rank-postings';
import type { LookupTimings } from '@/utils/store/retrieve';
import { importFiles } from '@/utils/ui/import-files';

export type StorageVariant = 'full' | 'full-no-url' | 'records' | 'no-title' | 'no-url' | 'no-seq' | 'no-fingerprint';

/** One query as data.ts writes it. */
export interface Query {
  set: string;
  id: string;
  /** The right answer: 'translation' or 'original' (registered id), 'none' (not registered). */
  expected: 'translation' | 'original' | 'none';
  fp: PageFingerprint;
}

/** What one timed lookup gave. */
export interface LookupOutcome {
  /** Candidate retrieval plus verification (`candidatesFor` + `decide`). */
  ms: number;
  retrieveMs: number;
  decideMs: number;
  candidates: number;
  /** Where the retrieval's time went, phase by phase (worker lookups only). */
  phases?: LookupTimings;
  kind: 'translation' | 'original' | 'none';
  id: string | null;
  score: number | null;
}

declare const chrome: {
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
};

const connections = new Map<string, Db>();

async function db(name: string): Promise<Db> {
  let d = connections.get(name);
  if (!d) connections.set(name, (d = await openDatabase(name)));
  return d;
}

async function json<T>(file: string): Promise<T> {
  const res = await fetch(file);
  if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

const queryCache = new Map<string, Query[]>();
async function queries(file: string): Promise<Query[]> {
  if (!queryCache.has(file)) queryCache.set(file, await json<Query[]>(file));
  return queryCache.get(file)!;
}

function verdictOf(v: ReturnType<typeof decide>): Pick<LookupOutcome, 'kind' | 'id' | 'score'> {
  if (v.kind === 'none') return { kind: 'none', id: null, score: v.best?.score ?? null };
  return { kind: v.kind, id: v.match.id, score: v.match.score };
}

let worker: Worker | null = null;
let requests = 0;
function inWorker(message: { dbName: string; fps: PageFingerprint[]; warmup: number; close?: boolean; coldCache?: boolean }): Promise<LookupOutcome[]> {
  worker ??= new Worker('bench-worker.js');
  const id = ++requests;
  const w = worker;
  return new Promise((resolve, reject) => {
    const on = (e: MessageEvent<{ id: number; out?: LookupOutcome[]; error?: string }>) => {
      if (e.data.id !== id) return;
      w.removeEventListener('message', on);
      if (e.data.error) reject(new Error(e.data.error));
      else resolve(e.data.out!);
    };
    w.addEventListener('message', on);
    w.postMessage({ id, ...message });
  });
}

const api = {
  /**
   * Imports a pack file as the options page does (`importFiles`: read, check, write
   * through `importPack` in batches), timing each phase from the progress reports.
   */
  async importFile(dbName: string, file: string) {
    const res = await fetch(file);
    if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
    const text = await res.text();
    const d = await db(dbName);
    const t0 = performance.now();
    const phases: Record<string, number> = {};
    let reports = 0;
    /** [ms since the start, done, total], about every hundredth of the way. */
    const timeline: Array<[number, number, number]> = [];
    const outcome = await importFiles(d, [{ name: file, text: async () => text }], (p) => {
      phases[p.phase] ??= performance.now() - t0;
      reports++;
      const last = timeline.at(-1);
      if (p.phase === 'writing' && (!last || p.done - last[1] >= p.total / 100 || p.done === p.total)) timeline.push([Math.round(performance.now() - t0), p.done, p.total]);
    });
    const ms = performance.now() - t0;
    if (!outcome.ok) throw new Error(`import of ${file} failed: ${JSON.stringify(outcome.errors.slice(0, 3))}`);
    return { ms, checkMs: (phases.writing ?? ms) - (phases.checking ?? 0), writeMs: ms - (phases.writing ?? ms), reports, originals: outcome.originals, timeline };
  },

  /**
   * What each part of a stored original costs (bench/speed/storage-parts.ts): the pack's
   * originals written as the store writes them, with one part left out. 'full' is the
   * import itself (records, their indexes, the posting lists and statistics); the others
   * write only the records (with their `by-url-key` and `by-seq` entries, no posting lists),
   * as they are or without a part.
   */
  async storeVariant(dbName: string, file: string, variant: StorageVariant): Promise<{ originals: number; ms: number }> {
    const pack = await json<Pack>(file);
    const d = await db(dbName);
    const t0 = performance.now();
    if (variant === 'full' || variant === 'full-no-url') {
      if (variant === 'full-no-url') for (const o of pack.originals) delete o.url;
      const r = await importPack(d, pack);
      if (!r.ok) throw new Error(r.errors.join('; '));
      return { originals: pack.originals.length, ms: performance.now() - t0 };
    }
    const records = pack.originals.map((o, i) => {
      const bytes = Uint8Array.from(atob(o.fingerprint), (c) => c.charCodeAt(0));
      const info = { id: o.id, title: variant === 'no-title' ? '' : o.title, lang: o.lang ?? null, author: null, publisher: null, url: variant === 'no-url' ? null : (o.url ?? null), date: null };
      return storedForm(info, variant === 'no-fingerprint' ? new Uint8Array(0) : bytes, 1_700_000_000_000, variant === 'no-seq' ? undefined : i + 1);
    });
    // As an import writes them: one transaction, a batch in flight at a time.
    const tx = d.transaction('originals', 'readwrite');
    const store = unwrap(tx.store) as IDBObjectStore;
    for (let i = 0; i < records.length; i += 250) {
      await new Promise<void>((resolve, reject) => {
        let last: IDBRequest | null = null;
        for (const r of records.slice(i, i + 250)) (last = store.put(r)).onerror = () => reject(last!.error);
        last!.onsuccess = () => resolve();
      });
    }
    await tx.done;
    return { originals: records.length, ms: performance.now() - t0 };
  },

  async count(dbName: string): Promise<number> {
    return (await db(dbName)).count('originals');
  },

  /**
   * Times candidate retrieval + `decide` for queries [from, to) of the file, after
   * `warmup` untimed ones (the first lookup in a context reads the key statistics).
   */
  async lookups(dbName: string, file: string, from = 0, to = Infinity, warmup = 20): Promise<LookupOutcome[]> {
    const d = await db(dbName);
    const qs = (await queries(file)).slice(from, to);
    for (const q of qs.slice(0, warmup)) decide(q.fp, await candidatesFor(d, q.fp));
    const out: LookupOutcome[] = [];
    for (const q of qs) {
      const t0 = performance.now();
      const candidates = await candidatesFor(d, q.fp);
      const t1 = performance.now();
      const v = decide(q.fp, candidates);
      const t2 = performance.now();
      out.push({ ms: t2 - t0, retrieveMs: t1 - t0, decideMs: t2 - t1, candidates: candidates.length, ...verdictOf(v) });
    }
    return out;
  },

  /**
   * The same lookups as `lookups`, timed in a dedicated worker (browser-worker.ts): the
   * queries go over a few hundred at a time, untimed.
   */
  async workerLookups(dbName: string, file: string, from = 0, to = Infinity, warmup = 20, coldCache = false): Promise<LookupOutcome[]> {
    const qs = (await queries(file)).slice(from, to);
    const out: LookupOutcome[] = [];
    for (let i = 0; i < qs.length; i += 200) {
      out.push(...(await inWorker({ dbName, fps: qs.slice(i, i + 200).map((q) => q.fp), warmup: i === 0 ? warmup : 0, coldCache })));
    }
    return out;
  },

  /**
   * Where a lookup's time goes (ms, summed over the queries): the steps of
   * `candidatesFor` (utils/store/originals.ts) taken one by one.
   */
  async lookupParts(dbName: string, file: string, from = 0, to = Infinity) {
    const d = await db(dbName);
    const qs = (await queries(file)).slice(from, to);
    const parts = { transaction: 0, head: 0, stats: 0, plan: 0, postings: 0, rank: 0, records: 0, decode: 0, done: 0, requests: 0, postingEntries: 0 };
    /** Per query: [total ms, posting records read, postings ms, records ms, posting bytes]. */
    const rows: number[][] = [];
    for (const q of qs) {
      const start = performance.now();
      const before = { ...parts };
      let t = performance.now();
      const lap = (k: keyof typeof parts) => {
        const n = performance.now();
        parts[k] += n - t;
        t = n;
      };
      const tx = d.transaction(INDEXED_STORES, 'readonly');
      lap('transaction');
      const keys = lookupKeys(q.fp);
      const head = await readHead(tx.objectStore('retrieval'));
      lap('head');
      const stats = await readStats(tx.objectStore('retrieval'), head);
      lap('stats');
      const plan = planLookup(keys, (k) => stats.frequencies.get(k));
      lap('plan');
      const found = await readPostings(tx.objectStore('postings'), plan, (k) => stats.frequencies.get(k), head);
      lap('postings');
      const lists = [...found].map(([key, bytes]) => ({ key, bytes }));
      parts.postingEntries += lists.reduce((s, l) => s + postingLength(l.bytes), 0);
      const seqs = rankStoredPostings(lists, head.originals, MAX_CANDIDATES, (seq) => stats.keyCounts[seq] || 1);
      lap('rank');
      const records = await Promise.all(seqs.map((seq) => tx.objectStore('originals').index('by-seq').get(seq)));
      lap('records');
      for (const r of records) if (r) decodeBytes(r.fingerprint);
      lap('decode');
      await tx.done;
      lap('done');
      const records_ = new Set(plan.map((k) => postingRecordKey(k, stats.frequencies.get(k)))).size;
      parts.requests += 2 + records_ + seqs.length;
      rows.push([performance.now() - start, records_, parts.postings - before.postings, parts.records - before.records, [...found.values()].reduce((a, b) => a + b.length, 0)]);
    }
    return { queries: qs.length, ...parts, rows };
  },

  /**
   * The first lookup in a fresh JavaScript context (this page just loaded, as a restarted
   * service worker): opening the database, reading the index's statistics, one lookup.
   */
  async coldLookup(dbName: string, file: string, index: number) {
    const q = (await queries(file))[index];
    const t0 = performance.now();
    const d = await db(dbName);
    const t1 = performance.now();
    const v = decide(q.fp, await candidatesFor(d, q.fp));
    const t2 = performance.now();
    return { openMs: t1 - t0, lookupMs: t2 - t1, ms: t2 - t0, ...verdictOf(v) };
  },

  /** The baseline: read every original, decode it, `decide` over all of them. */
  async scan(dbName: string, file: string, which: number[]): Promise<LookupOutcome[]> {
    const d = await db(dbName);
    const qs = await queries(file);
    const out: LookupOutcome[] = [];
    for (const i of which) {
      const q = qs[i];
      const t0 = performance.now();
      const all = (await d.getAll('originals')).map((r) => ({ id: r.id, lang: r.lang, fingerprint: decodeBytes(r.fingerprint) }));
      const t1 = performance.now();
      const v = decide(q.fp, all);
      const t2 = performance.now();
      out.push({ ms: t2 - t0, retrieveMs: t1 - t0, decideMs: t2 - t1, candidates: all.length, ...verdictOf(v) });
    }
    return out;
  },

  /**
   * `fingerprintArticle` times (ms) for each article of each size, `runs` samples each.
   * The JIT is warmed first (every article fingerprinted until 300 ms have passed: the
   * steady state, as on a reader's second article page); each sample times a batch of
   * calls long enough for the clock (a page's `performance.now()` is coarsened to 0.1 ms)
   * and is the batch's mean. `coldMs`: each article's very first fingerprint in this page,
   * before any warm-up (what a fresh extractor pays on its first page), reported apart.
   */
  async fingerprints(file: string, runs: number): Promise<Record<string, number[]>> {
    const sets = await json<Record<string, Article[]>>(file);
    const out: Record<string, number[]> = {};
    const cold: number[] = [];
    for (const articles of Object.values(sets)) {
      const t = performance.now();
      fingerprintArticle(articles[0]);
      cold.push(performance.now() - t);
    }
    out.coldMs = cold;
    for (const [size, articles] of Object.entries(sets)) {
      const until = performance.now() + 300;
      let once = 0;
      while (performance.now() < until) {
        const t = performance.now();
        for (const a of articles) fingerprintArticle(a);
        once = (performance.now() - t) / articles.length;
      }
      // At least 2 ms of work per sample: the clock's 0.1 ms is then a 5% step at worst.
      const batch = Math.max(1, Math.ceil(2 / Math.max(once, 0.01)));
      const times: number[] = [];
      for (let r = 0; r < runs; r++) {
        for (const a of articles) {
          const t = performance.now();
          for (let b = 0; b < batch; b++) fingerprintArticle(a);
          times.push((performance.now() - t) / batch);
        }
      }
      out[size] = times;
    }
    return out;
  },


  async estimate(): Promise<number> {
    return (await navigator.storage.estimate()).usage ?? 0;
  },

  /** "Check only when I click": pages are checked on request only (see utils/check-mode.ts). */
  async setCheckMode(mode: 'auto' | 'click'): Promise<void> {
    await chrome.storage.local.set({ checkMode: mode });
  },

  async tabId(url: string): Promise<number | null> {
    const tabs = await chrome.tabs.query({});
    const ids = tabs.filter((t) => t.url === url).map((t) => t.id ?? -1);
    return ids.length ? Math.max(...ids) : null;
  },

  /** Asks the background for the tab's verdict as the popup's button does; times the answer. */
  async checkTab(tabId: number) {
    const t0 = performance.now();
    const v = await sendMessage('checkTab', { tabId });
    const t1 = performance.now();
    // On the wall clock too, to line up with the worker's milestones (utils/background/timeline.ts).
    return { ms: t1 - t0, sentAt: performance.timeOrigin + t0, receivedAt: performance.timeOrigin + t1, state: v?.state ?? null, original: v?.original?.id ?? null };
  },

  async close(): Promise<void> {
    for (const d of connections.values()) d.close();
    connections.clear();
    if (worker) await inWorker({ dbName: '', fps: [], warmup: 0, close: true });
  },

  async deleteDatabase(name: string): Promise<void> {
    if (worker) await inWorker({ dbName: '', fps: [], warmup: 0, close: true });
    connections.get(name)?.close();
    connections.delete(name);
    await new Promise<void>((resolve, reject) => {
      const r = indexedDB.deleteDatabase(name);
      r.onsuccess = () => resolve();
      r.onerror = () => reject(r.error);
      r.onblocked = () => reject(new Error(`deleting ${name} is blocked by an open connection`));
    });
  },
};

export type SpeedBenchApi = typeof api;
(globalThis as unknown as { speedBench: SpeedBenchApi }).speedBench = api;
document.body.dataset.ready = '1';
