/**
 * A lookup that finds everything it needs in memory ranks on the index head the last
 * lookup read, without waiting for its own (retrieve.ts `Ranked.unconfirmed`). The store
 * is also written by other contexts — the options page imports packs, edits and deletes
 * originals, clears the store — whose writes this context's caches never hear of. These
 * tests write from a second copy of the store's modules (caches of its own) through a
 * second connection, as the options page does, and check the first context's next
 * lookup sees every write at once.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '@/utils/store/db';
import { candidatesFor, deleteOriginal, putOriginal } from '@/utils/store/originals';
import { corpus, originalOf, pageOf } from '../helpers/corpus';

type Store = {
  db: typeof import('@/utils/store/db');
  originals: typeof import('@/utils/store/originals');
  edits: typeof import('@/utils/store/original-edits');
  clear: typeof import('@/utils/store/clear');
};

/** The store's modules as another extension page loads them: caches of their own. */
async function otherContext(name: string): Promise<{ store: Store; db: Db }> {
  vi.resetModules();
  const store: Store = {
    db: await import('@/utils/store/db'),
    originals: await import('@/utils/store/originals'),
    edits: await import('@/utils/store/original-edits'),
    clear: await import('@/utils/store/clear'),
  };
  return { store, db: await store.db.openDatabase(name) };
}

let db: Db;
let other: { store: Store; db: Db };
let n = 0;
const [a, b, c] = corpus('fr', 3);
const ids = async (page = pageOf(a)) => (await candidatesFor(db, page)).map((x) => x.id);

beforeEach(async () => {
  const name = `other-context-${n++}`;
  db = await openDatabase(name);
  for (const x of corpus('fr', 40)) await putOriginal(db, originalOf(x));
  other = await otherContext(name);
  // Two lookups of the same page: the second finds its lists and originals in memory.
  expect((await ids())[0]).toBe(a.id);
  expect((await ids())[0]).toBe(a.id);
});
afterEach(() => {
  db.close();
  other.db.close();
  vi.restoreAllMocks();
});

describe('a lookup ranked on the last head read', () => {
  it('makes one request in all when the lists and the originals are in memory: the head, not waited for', async () => {
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    const indexGet = vi.spyOn(IDBIndex.prototype, 'get');
    const tx = vi.spyOn(IDBDatabase.prototype, 'transaction');
    expect((await ids())[0]).toBe(a.id);
    expect(get.mock.contexts.map((s) => (s as IDBObjectStore).name)).toEqual(['retrieval']);
    expect(indexGet).not.toHaveBeenCalled();
    expect(tx).toHaveBeenCalledTimes(1);
  });

  it('never returns an original another context deleted', async () => {
    await other.store.originals.deleteOriginal(other.db, a.id);
    expect(await ids()).not.toContain(a.id);
  });

  it('finds an original another context added, on the very next lookup', async () => {
    await other.store.originals.putOriginal(other.db, { ...originalOf(b), id: 'added elsewhere', fingerprint: originalOf(a).fingerprint });
    expect((await ids()).slice(0, 2).sort()).toEqual([a.id, 'added elsewhere'].sort());
  });

  it('reads an original another context edited anew', async () => {
    const meta = { title: 'Titre corrigé ailleurs', lang: 'fr', author: null, publisher: null, url: null, date: null };
    expect(await other.store.edits.updateOriginalMeta(other.db, a.id, meta)).toBe(true);
    expect((await candidatesFor(db, pageOf(a)))[0].info.title).toBe(meta.title);
  });

  it('finds nothing once another context cleared the store', async () => {
    await other.store.clear.clearAll(other.db);
    expect(await ids()).toEqual([]);
  });

  it('looks up again on the current index, in a transaction of its own, after a write elsewhere', async () => {
    await other.store.originals.deleteOriginal(other.db, c.id);
    const tx = vi.spyOn(IDBDatabase.prototype, 'transaction');
    expect((await ids())[0]).toBe(a.id);
    expect(tx).toHaveBeenCalledTimes(2); // the guess, dropped; then the lookup proper
    tx.mockClear();
    expect((await ids())[0]).toBe(a.id);
    expect(tx).toHaveBeenCalledTimes(1); // and the new head is the one believed from now on
  });

  it('sees this context\'s own writes as before', async () => {
    await deleteOriginal(db, a.id);
    expect(await ids()).not.toContain(a.id);
  });
});
