import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lookupKeys, MAX_CANDIDATES } from '@/utils/engine';
import { LOOKUP_MAX_KEYS } from '@/utils/store/lookup-plan';
import { clearAll } from '@/utils/store/clear';
import { openDatabase, type Db } from '@/utils/store/db';
import { updateOriginalMeta } from '@/utils/store/original-edits';
import {
  addOriginal, candidatesFor, countOriginals, deleteOriginal, DuplicateOriginalError, getOriginal,
  listOriginals, originalByUrl, prepareLookups, putOriginal,
} from '@/utils/store/originals';
import { corpus, originalOf, pageOf } from '../helpers/corpus';

let db: Db;
let n = 0;
beforeEach(async () => {
  db = await openDatabase(`originals-test-${n++}`);
});
afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

describe('originals', () => {
  it('round-trips an original: metadata as given, fingerprint through the binary codec', async () => {
    const [a] = corpus('fr', 1);
    const o = originalOf(a, { author: 'A. Author', url: 'https://example.org/a/#top', date: '2024-05-01' });
    await addOriginal(db, o, 1000);
    const back = await getOriginal(db, a.id);
    expect(back).toMatchObject({ id: a.id, title: o.title, lang: 'fr', author: 'A. Author', date: '2024-05-01', addedAt: 1000 });
    expect(back?.url).toBe('https://example.org/a');
    expect(back?.fingerprint).toEqual(o.fingerprint);
    expect(await countOriginals(db)).toBe(1);
  });

  it('refuses to add the same id twice, but put replaces and keeps addedAt', async () => {
    const [a] = corpus('fr', 1);
    await addOriginal(db, originalOf(a), 1000);
    await expect(addOriginal(db, originalOf(a), 2000)).rejects.toBeInstanceOf(DuplicateOriginalError);
    await putOriginal(db, originalOf(a, { title: 'Renamed' }), 3000);
    const back = await getOriginal(db, a.id);
    expect(back?.title).toBe('Renamed');
    expect(back?.addedAt).toBe(1000);
  });

  it('finds an original by its address, whatever the fragment or tracking parameters', async () => {
    const [a] = corpus('fr', 1);
    await addOriginal(db, originalOf(a, { url: 'https://news.example/story?id=4' }));
    expect((await originalByUrl(db, 'https://NEWS.example/story?id=4&utm_source=x#p2'))?.id).toBe(a.id);
    expect(await originalByUrl(db, 'https://news.example/story?id=5')).toBeUndefined();
    expect(await originalByUrl(db, 'not a url')).toBeUndefined();
  });

  it('deletes an original with its translations', async () => {
    const [a, b] = corpus('fr', 2);
    await addOriginal(db, originalOf(a));
    await addOriginal(db, originalOf(b));
    await db.put('translations', { url: 'https://x.example/t', lang: 'de', seen: '2024-01-01', originalId: a.id, note: null });
    await deleteOriginal(db, a.id);
    expect(await getOriginal(db, a.id)).toBeUndefined();
    expect(await db.count('translations')).toBe(0);
    expect((await listOriginals(db)).map((o) => o.id)).toEqual([b.id]);
  });
});

describe('candidatesFor', () => {
  const N = 60;
  beforeEach(async () => {
    for (const a of corpus('fr', N)) await addOriginal(db, originalOf(a));
  });

  it("retrieves a translation's original among the best-ranked candidates", async () => {
    let found = 0;
    for (const de of corpus('de', N).slice(0, 20)) {
      const c = await candidatesFor(db, pageOf(de));
      expect(c.length).toBeLessThanOrEqual(MAX_CANDIDATES);
      if (c.some((x) => x.id === de.id)) found++;
    }
    // Retrieval is a shortlist for `decide`: nearly every original must be on it.
    expect(found).toBeGreaterThanOrEqual(18);
  });

  it('ranks by shared keys and decodes only the shortlist, never scanning the store', async () => {
    const fr = corpus('fr', 1)[0];
    const reads: string[] = [];
    const spy = <P extends object>(proto: P, method: keyof P & string) => {
      const real = proto[method] as (...a: unknown[]) => unknown;
      vi.spyOn(proto, method as never).mockImplementation(function (this: IDBObjectStore | IDBIndex, ...args: unknown[]) {
        reads.push(`${'objectStore' in this ? `${this.objectStore.name}.${this.name}` : this.name}.${method}`);
        return real.apply(this, args);
      } as never);
    };
    for (const m of ['get', 'getAll', 'getAllKeys', 'openCursor', 'openKeyCursor', 'count'] as const) {
      spy(IDBObjectStore.prototype, m);
      spy(IDBIndex.prototype, m);
    }
    const c = await candidatesFor(db, pageOf(fr), 3);
    expect(c[0].id).toBe(fr.id); // the same text shares every key with itself
    expect(c.length).toBeLessThanOrEqual(3);
    expect(c[0].info.title).toBe(fr.title);
    // The shortlist's records only, through the seq index; no listing of any store.
    expect(reads.filter((r) => r.startsWith('originals')).sort()).toEqual(Array(c.length).fill('originals.by-seq.get'));
    expect(reads.filter((r) => !r.endsWith('.get'))).toEqual([]);
  });

  it('reads the posting lists of the planned keys only, all in one transaction', async () => {
    const fr = corpus('fr', 1)[0];
    const page = pageOf(fr);
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    const tx = vi.spyOn(IDBDatabase.prototype, 'transaction');
    await candidatesFor(db, page);
    const postingReads = get.mock.contexts.filter((store) => (store as IDBObjectStore).name === 'postings').length;
    expect(postingReads).toBeGreaterThan(0);
    expect(postingReads).toBeLessThanOrEqual(Math.min(LOOKUP_MAX_KEYS, lookupKeys(page).length));
    expect(tx).toHaveBeenCalledTimes(1);
  });

  it('finds an original again after it is replaced with a new fingerprint, and never after deletion', async () => {
    const [a, b] = corpus('fr', 2);
    await putOriginal(db, { ...originalOf(a), fingerprint: originalOf(b).fingerprint });
    // Both now carry b's fingerprint: both share every key with b's page.
    expect((await candidatesFor(db, pageOf(b))).slice(0, 2).map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    await putOriginal(db, originalOf(a));
    expect((await candidatesFor(db, pageOf(a)))[0].id).toBe(a.id);
    const forB = await candidatesFor(db, pageOf(b));
    expect(forB[0].id).toBe(b.id);
    expect(forB.find((c) => c.id === a.id)?.fingerprint ?? originalOf(a).fingerprint).toEqual(originalOf(a).fingerprint);
    await deleteOriginal(db, a.id);
    expect((await candidatesFor(db, pageOf(a))).map((c) => c.id)).not.toContain(a.id);
  });

  it('keeps posting lists between lookups, and never serves one a write has changed', async () => {
    const [a, b] = corpus('fr', 2);
    const postingReads = () => get.mock.contexts.filter((s) => (s as IDBObjectStore).name === 'postings').length;
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    await candidatesFor(db, pageOf(a));
    const first = postingReads();
    expect(first).toBeGreaterThan(0);
    await candidatesFor(db, pageOf(a));
    expect(postingReads()).toBe(first); // every list from the cache
    await deleteOriginal(db, a.id);
    expect((await candidatesFor(db, pageOf(a))).map((c) => c.id)).not.toContain(a.id);
    expect(postingReads()).toBeGreaterThan(first); // the write emptied it
    await putOriginal(db, { ...originalOf(b), id: 'again', fingerprint: originalOf(a).fingerprint });
    expect((await candidatesFor(db, pageOf(a)))[0].id).toBe('again');
  });

  it('asks for the head and the posting lists together once it knows the statistics, and still sees every write', async () => {
    const [a, b, c] = corpus('fr', 3);
    await candidatesFor(db, pageOf(c)); // the statistics are known from now on
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    await candidatesFor(db, pageOf(a));
    const stores = get.mock.contexts.map((s) => (s as IDBObjectStore).name);
    // The lists were requested before the head (one round trip), the statistics not read again.
    expect(stores[0]).toBe('postings');
    expect(stores.filter((n) => n === 'retrieval')).toHaveLength(1);
    // A write changes the statistics: the guess is dropped, the new original found.
    await putOriginal(db, { ...originalOf(b), id: 'late', fingerprint: originalOf(a).fingerprint });
    expect((await candidatesFor(db, pageOf(a))).slice(0, 2).map((x) => x.id).sort()).toEqual([a.id, 'late'].sort());
    await deleteOriginal(db, 'late');
    expect((await candidatesFor(db, pageOf(a))).map((x) => x.id)).not.toContain('late');
  });

  it('can be readied for the first lookup: statistics in memory, nothing else to read first', async () => {
    const [a] = corpus('fr', 1);
    await putOriginal(db, { ...originalOf(a), id: 'fresh' }); // new statistics: nothing known of them
    await prepareLookups(db);
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    expect((await candidatesFor(db, pageOf(a))).map((x) => x.id)).toContain('fresh');
    const retrievalReads = get.mock.contexts.filter((s) => (s as IDBObjectStore).name === 'retrieval').length;
    expect(retrievalReads).toBe(1); // the head only
  });

  it('keeps decoded candidates between lookups, never past an edit of the original', async () => {
    const [a] = corpus('fr', 1);
    const reads = vi.spyOn(IDBIndex.prototype, 'get');
    expect((await candidatesFor(db, pageOf(a)))[0].info.title).toBe(a.title);
    const first = reads.mock.calls.length;
    expect(first).toBeGreaterThan(0);
    expect((await candidatesFor(db, pageOf(a)))[0].id).toBe(a.id);
    expect(reads.mock.calls.length).toBe(first); // from the cache
    expect(await updateOriginalMeta(db, a.id, { title: 'Titre corrigé', lang: 'fr', author: null, publisher: null, url: null, date: null })).toBe(true);
    expect((await candidatesFor(db, pageOf(a)))[0].info.title).toBe('Titre corrigé');
    await clearAll(db);
    expect(await candidatesFor(db, pageOf(a))).toEqual([]);
  });

  it('returns nothing for a page without anchors', async () => {
    expect(await candidatesFor(db, pageOf({ title: null, paragraphs: ['tout en minuscules et sans aucun nom'] }))).toEqual([]);
  });
});
