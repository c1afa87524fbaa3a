/**
 * What moves the cost of writing originals into Chromium's IndexedDB: a micro-benchmark
 * behind the import's design (docs/performance.md, "Import").
 *
 *   npx tsx bench/speed/idb-write.ts [COUNT] [--runs N] [--only name,name]
 *
 * Headless Chromium (no extension), a page on a local server; COUNT (20,000) records
 * shaped as the store's originals (from the cached synthetic pack: bench/speed/synth-pack.ts,
 * made by any bench:speed run) are written into a fresh database by each variant, and
 * the time from the first request to the transactions' completion is reported (median
 * of the runs, variants interleaved so that the machine's drift spreads over all).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { launchBench } from './launch';
import { cpuByType, cpuSince } from './cpu';
import { markdown } from './report';

/** One way of writing the records. */
export interface WriteVariant {
  name: string;
  durability?: 'default' | 'strict' | 'relaxed';
  /** Transactions the records are spread over; 'sequential': each waits for the one before to commit. */
  transactions?: number;
  sequential?: boolean;
  method?: 'put' | 'add';
  /** 'object': the store's record; 'packed': {id, seq, urlKey, data: ArrayBuffer of the rest}; 'blob': the rest as a Blob. */
  shape?: 'object' | 'packed' | 'blob' | 'nofp' | 'id';
  /** The by-url-key and by-seq indexes: filled as records go in, built after, or none. */
  indexes?: 'during' | 'after' | 'none';
  /** Ids cut to this many characters (the store's are about 20). */
  idLength?: number;
  /** Records written in the order of their ids (LevelDB then appends instead of inserting). */
  sortedIds?: boolean;
  /** Number keys (the seq) instead of string ids. */
  numberKeys?: boolean;
  /** Requests issued before waiting for the last one: 0 = all at once. */
  batch?: number;
  /** Wait for every request before the next (the slowest way). */
  awaitEach?: boolean;
}

const VARIANTS: WriteVariant[] = [
  { name: 'as the import: put, 2 indexes, batches of 250' },
  { name: 'durability relaxed', durability: 'relaxed' },
  { name: 'durability strict', durability: 'strict' },
  { name: 'add instead of put', method: 'add' },
  { name: 'all requests at once', batch: 0 },
  { name: 'batches of 2,000', batch: 2000 },
  { name: 'each request awaited', awaitEach: true },
  { name: '10 transactions, queued together', transactions: 10 },
  { name: '10 transactions, one after the other', transactions: 10, sequential: true },
  { name: 'no indexes', indexes: 'none' },
  { name: 'indexes built after the writes', indexes: 'after' },
  { name: 'ids of 8 characters', idLength: 8 },
  { name: 'number keys (seq)', numberKeys: true },
  { name: 'written in id order', sortedIds: true },
  { name: 'value packed in one ArrayBuffer (indexed fields beside)', shape: 'packed' },
  { name: 'value packed, no indexes', shape: 'packed', indexes: 'none' },
  { name: 'fingerprint as a Blob', shape: 'blob' },
  { name: 'no fingerprint (smaller values)', shape: 'nofp' },
  { name: 'only the id', shape: 'id' },
];

/** Runs in the page: writes `records` as `v` says into a new database; ms. */
const PAGE_SCRIPT = String.raw`
const b64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
const enc = new TextEncoder();
const req = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
function open(name, version, upgrade) {
  const r = indexedDB.open(name, version);
  r.onupgradeneeded = () => upgrade(r.result, r.transaction);
  return req(r);
}
const done = (tx) => new Promise((res, rej) => { tx.oncomplete = res; tx.onerror = () => rej(tx.error); tx.onabort = () => rej(tx.error); });
function indexesOn(store) {
  store.createIndex('by-url-key', 'urlKey');
  store.createIndex('by-seq', 'seq', { unique: true });
}
function values(pack, v) {
  return pack.map((o, i) => {
    const id = v.numberKeys ? i + 1 : v.idLength ? o.id.slice(-v.idLength) : o.id;
    const seq = i + 1, urlKey = (i * 2654435761) % 2 ** 52, fp = b64(o.fingerprint);
    if (v.shape === 'packed' || v.shape === 'blob') {
      const meta = enc.encode(JSON.stringify([o.title, o.lang, o.url, 1.7e12]));
      const data = new Uint8Array(2 + meta.length + fp.length);
      data[0] = meta.length & 255; data[1] = meta.length >> 8; data.set(meta, 2); data.set(fp, 2 + meta.length);
      return { id, seq, urlKey, data: v.shape === 'blob' ? new Blob([data]) : data.buffer };
    }
    if (v.shape === 'id') return { id };
    if (v.shape === 'nofp') return { id, title: o.title, lang: o.lang, url: o.url, urlKey, addedAt: 1.7e12, seq };
    return { id, title: o.title, lang: o.lang, url: o.url, urlKey, addedAt: 1.7e12, fingerprint: fp, seq };
  });
}
function writeAll(store, vals, v) {
  const batch = v.batch ?? 250;
  const put = (x) => (v.method === 'add' ? store.add(x) : store.put(x));
  return (async () => {
    if (v.awaitEach) { for (const x of vals) await req(put(x)); return; }
    for (let i = 0; i < vals.length; i += batch || vals.length) {
      let last;
      for (const x of vals.slice(i, i + (batch || vals.length))) last = put(x);
      await req(last);
    }
  })();
}
globalThis.runVariant = async (v, n) => {
  const pack = (globalThis.pack ??= await (await fetch('/pack.json')).json()).slice(0, n);
  const vals = values(pack, v);
  if (v.sortedIds) vals.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const name = 'w-' + Math.random();
  const keyPath = v.numberKeys ? 'seq' : 'id';
  let db = await open(name, 1, (d) => {
    const s = d.createObjectStore('originals', { keyPath });
    if ((v.indexes ?? 'during') === 'during') indexesOn(s);
  });
  const t0 = performance.now();
  const k = v.transactions ?? 1, per = Math.ceil(vals.length / k);
  const opts = v.durability && v.durability !== 'default' ? { durability: v.durability } : undefined;
  const txs = [];
  for (let j = 0; j < k; j++) {
    const tx = db.transaction('originals', 'readwrite', opts);
    const finished = done(tx);
    await writeAll(tx.objectStore('originals'), vals.slice(j * per, (j + 1) * per), v);
    if (v.sequential) await finished; else txs.push(finished);
  }
  await Promise.all(txs);
  const writeMs = performance.now() - t0;
  let indexMs = 0;
  if (v.indexes === 'after') {
    db.close();
    const t1 = performance.now();
    db = await open(name, 2, (d, tx) => indexesOn(tx.objectStore('originals')));
    indexMs = performance.now() - t1;
  }
  const durabilityDefault = db.transaction('originals', 'readonly').durability;
  db.close();
  await req(indexedDB.deleteDatabase(name));
  return { writeMs, indexMs, durabilityDefault };
};
`;

/** The newest cached synthetic pack with at least `count` originals. */
function cachedPack(count: number): unknown[] {
  const dir = path.join(os.tmpdir(), 'provenance-lens-bench');
  const files = readdirSync(dir).filter((f) => f.startsWith('synth-') && f.endsWith('.json'));
  for (const f of files.sort((a, b) => statSync(path.join(dir, b)).mtimeMs - statSync(path.join(dir, a)).mtimeMs)) {
    const originals = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as unknown[];
    if (originals.length >= count) return originals.slice(0, count);
  }
  throw new Error(`no synthetic pack of ${count} originals in ${dir}: run npm run bench:speed once`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const args = process.argv.slice(2);
  const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 20_000);
  const runs = Number(args[args.indexOf('--runs') + 1] ?? 0) || 3;
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : null;
  const variants = only ? VARIANTS.filter((v) => only.some((o) => v.name.includes(o))) : VARIANTS;
  const pack = JSON.stringify(cachedPack(count));
  const server = createServer((req, res) => {
    if (req.url === '/pack.json') res.end(pack);
    else if (req.url === '/page.js') res.end(PAGE_SCRIPT);
    else res.end('<!doctype html><script src="/page.js"></script>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const b = await launchBench(null);
  const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
  console.error(`${count} records, ${runs} runs per variant; load ${load()}`);
  try {
    const page = await b.context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => 'runVariant' in globalThis);
    const got = new Map<string, Array<{ writeMs: number; indexMs: number }>>();
    let durabilityDefault = '';
    for (let r = 0; r < runs; r++) {
      for (const v of r % 2 ? [...variants].reverse() : variants) {
        const cpu0 = cpuByType(b.userDataDir);
        const out = await page.evaluate(([vv, n]) => (globalThis as unknown as { runVariant(v: unknown, n: number): Promise<{ writeMs: number; indexMs: number; durabilityDefault: string }> }).runVariant(vv, n), [v, count] as const);
        durabilityDefault = out.durabilityDefault;
        const cpu1 = cpuByType(b.userDataDir);
        const cpu = Object.entries(cpuSince(cpu0, cpu1)).map(([t, c]) => `${t} ${c}`).join(', ');
        got.set(v.name, [...(got.get(v.name) ?? []), out]);
        console.error(`  ${v.name}: ${Math.round(out.writeMs)} ms${out.indexMs ? ` + indexes ${Math.round(out.indexMs)} ms` : ''} (CPU s: ${cpu})`);
      }
    }
    console.log(`${count.toLocaleString('en')} records, median of ${runs} runs; a transaction's default durability here: "${durabilityDefault}"; load at the end ${load()}\n`);
    console.log(markdown(['variant', 'writing (ms)', 'per record (µs)', 'indexes after (ms)', 'runs (ms)'], variants.map((v) => {
      const xs = got.get(v.name)!;
      const w = median(xs.map((x) => x.writeMs));
      const ix = median(xs.map((x) => x.indexMs));
      return [v.name, Math.round(w), Math.round(((w + ix) * 1000) / count), ix ? Math.round(ix) : '', xs.map((x) => Math.round(x.writeMs + x.indexMs)).join(', ')];
    })));
  } finally {
    await b.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
