/**
 * The lookups of the speed benchmark, in a dedicated worker of the extension's origin:
 * a worker thread with a heap of its own, as the background's service worker has — not
 * the bench page's main thread, whose heap holds every query of the run. The page sends
 * the queries a few hundred at a time (untimed); the worker times `candidatesFor` +
 * `decide` for each, exactly as the page would (browser-page.ts).
 */
import { decide, type PageFingerprint } from '@/utils/engine';
import { openDatabase, type Db } from '@/utils/store/db';
import { clearPostingCache } from '@/utils/store/key-index';
import { candidatesFor, clearCandidateCache } from '@/utils/store/originals';
import { emptyTimings } from '@/utils/store/retrieve';

const connections = new Map<string, Db>();

interface Request {
  id: number;
  dbName: string;
  fps: PageFingerprint[];
  warmup: number;
  close?: boolean;
  /** Empty the lookup caches before each lookup (untimed): everything read from the database. */
  coldCache?: boolean;
}

self.onmessage = async (e: MessageEvent<Request>) => {
  const { id, dbName, fps, warmup } = e.data;
  try {
    if (e.data.close) {
      for (const d of connections.values()) d.close();
      connections.clear();
      (self as unknown as Worker).postMessage({ id, out: [] });
      return;
    }
    let d = connections.get(dbName);
    if (!d) connections.set(dbName, (d = await openDatabase(dbName)));
    for (const fp of fps.slice(0, warmup)) decide(fp, await candidatesFor(d, fp));
    const out = [];
    for (const fp of fps) {
      if (e.data.coldCache) (clearPostingCache(), clearCandidateCache());
      const phases = emptyTimings();
      const t0 = performance.now();
      const candidates = await candidatesFor(d, fp, undefined, phases);
      const t1 = performance.now();
      const v = decide(fp, candidates);
      const t2 = performance.now();
      out.push({
        ms: t2 - t0, retrieveMs: t1 - t0, decideMs: t2 - t1, candidates: candidates.length, phases,
        kind: v.kind, id: v.kind === 'none' ? null : v.match.id, score: v.kind === 'none' ? (v.best?.score ?? null) : v.match.score,
      });
    }
    (self as unknown as Worker).postMessage({ id, out });
  } catch (err) {
    (self as unknown as Worker).postMessage({ id, error: String(err) });
  }
};
