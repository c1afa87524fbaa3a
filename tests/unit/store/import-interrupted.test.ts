/**
 * A service worker stopped in the middle of an import: the browser aborts the
 * transactions of a context it terminates. Whatever request the import had reached when
 * that happens (chosen by fast-check over every request it makes), the database is either
 * exactly as it was or exactly as a complete import leaves it — never in between.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeFingerprint } from '@/utils/engine';
import { buildPack, type Pack } from '@/utils/pack';
import { openDatabase, type Db } from '@/utils/store/db';
import { importPack } from '@/utils/store/packs';
import { corpus, originalOf } from '../helpers/corpus';

/** `count` real originals from the corpus, starting at `from`, each with one known copy. */
function packOf(from: number, count: number): Pack {
  const originals = corpus('de', from + count).slice(from).map((a) => {
    const o = originalOf(a);
    return { id: o.id, title: o.title, lang: 'de', url: `https://zeitung.example/${encodeURIComponent(o.id)}`, fingerprint: encodeFingerprint(o.fingerprint) };
  });
  const r = buildPack({
    created: '2024-05-01T00:00:00Z',
    originals,
    translations: originals.map((o) => ({ url: `https://copie.example/fr/${encodeURIComponent(o.id)}`, lang: 'fr', originalId: o.id, seen: '2024-05-02' })),
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.pack;
}

/** Every record of every store. */
async function snapshot(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of [...db.objectStoreNames]) out[name] = await db.getAll(name as never);
  // The index head's stamp is drawn at random by every write (the posting cache's key).
  out.retrieval = out.retrieval?.map((r) => ({ ...(r as object), stamp: typeof (r as { stamp?: unknown }).stamp }));
  return out;
}

const REQUESTS = ['get', 'getKey', 'getAll', 'getAllKeys', 'put', 'add', 'delete', 'count'] as const;

/**
 * Stops the world at the `k`-th store request: right after it is made, the transaction is
 * aborted, as the browser aborts those of a worker it terminates; every request in flight
 * then fails. Returns how many requests the import made in all (when k is beyond them,
 * nothing is aborted).
 */
function stopAtRequest(k: number): () => number {
  let calls = 0;
  for (const method of REQUESTS) {
    const real = IDBObjectStore.prototype[method] as (...a: unknown[]) => IDBRequest;
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args: unknown[]) {
      const request = real.apply(this, args);
      if (++calls === k) {
        const tx = this.transaction;
        queueMicrotask(() => tx.abort());
      }
      return request;
    });
  }
  return () => calls;
}

let n = 0;
afterEach(() => vi.restoreAllMocks());

describe('an import interrupted at any request', () => {
  it('leaves the store as it was, or complete', async () => {
    const first = packOf(0, 6);
    const second = { ...packOf(4, 12), created: '2024-06-01T00:00:00Z' }; // overlaps the first: merges as well as adds
    const batchSize = 3;

    // The two acceptable outcomes, and how many requests a full import makes.
    const base = await openDatabase(`interrupted-base-${n++}`);
    expect((await importPack(base, first, { batchSize, now: 1 })).ok).toBe(true);
    const before = await snapshot(base);
    const count = stopAtRequest(Number.MAX_SAFE_INTEGER);
    expect((await importPack(base, second, { batchSize, now: 2 })).ok).toBe(true);
    const total = count();
    vi.restoreAllMocks();
    const after = await snapshot(base);
    base.close();
    expect(total).toBeGreaterThan(20);
    expect(after).not.toEqual(before);

    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: total + 2 }), async (k) => {
        const db = await openDatabase(`interrupted-${n++}`);
        try {
          expect((await importPack(db, first, { batchSize, now: 1 })).ok).toBe(true);
          stopAtRequest(k);
          const r = await importPack(db, second, { batchSize, now: 2 });
          vi.restoreAllMocks();
          const state = await snapshot(db);
          if (k <= total) {
            expect(r.ok).toBe(false);
            if (!r.ok) expect(r.errors[0]).toMatch(/nothing was changed/);
            expect(state).toEqual(before);
          } else {
            expect(r.ok).toBe(true);
            expect(state).toEqual(after);
          }
        } finally {
          vi.restoreAllMocks();
          db.close();
        }
      }),
      { seed: 7, numRuns: 30, examples: [[1], [total], [total + 1]] },
    );
  });

  it('a write refused for lack of space (QuotaExceededError) is reported, and nothing is written', async () => {
    const db = await openDatabase(`interrupted-quota-${n++}`);
    const before = await snapshot(db);
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      // The first write of the second batch (batches of 4).
      if (++calls === 5) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args as Parameters<typeof put>);
    });
    const r = await importPack(db, packOf(0, 10), { batchSize: 4 });
    expect(r).toEqual({ ok: false, errors: [expect.stringMatching(/nothing was changed: The quota has been exceeded/)] });
    vi.restoreAllMocks();
    expect(await snapshot(db)).toEqual(before);
    db.close();
  });
});
