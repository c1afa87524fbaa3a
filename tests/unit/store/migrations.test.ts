import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/utils/store/db';
import { DB_VERSION, MIGRATIONS, migrate, type Migration } from '@/utils/store/migrations';

let n = 0;
const fresh = () => `migrations-test-${n++}`;

describe('migrations', () => {
  it('creates the whole schema on a new database', async () => {
    const db = await openDatabase(fresh());
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['decisions', 'originals', 'translations']);
    const tx = db.transaction(['originals', 'translations', 'decisions']);
    const originals = tx.objectStore('originals');
    expect([...originals.indexNames].sort()).toEqual(['by-key', 'by-url']);
    expect(originals.index('by-key').multiEntry).toBe(true);
    expect([...tx.objectStore('translations').indexNames].sort()).toEqual(['by-original', 'by-url']);
    expect(tx.objectStore('translations').keyPath).toEqual(['url', 'originalId']);
    expect([...tx.objectStore('decisions').indexNames]).toEqual(['by-url']);
    db.close();
  });

  it('runs only the steps between the stored version and the new one, in order', () => {
    const ran: number[] = [];
    const steps: Migration[] = [0, 1, 2, 3].map((i) => () => void ran.push(i));
    migrate({} as never, {} as never, 1, 3, steps);
    expect(ran).toEqual([1, 2]);
    expect(() => migrate({} as never, {} as never, 0, 5, steps)).toThrow(/no migration to version 5/);
  });

  it('upgrades an existing database without losing its records', async () => {
    const name = fresh();
    // A database at today's version, with an original in it…
    const v1 = await openDatabase(name);
    await v1.put('originals', {
      id: 'a', title: 'T', lang: 'fr', author: null, publisher: null, url: null, date: null,
      addedAt: 1, fingerprint: new Uint8Array([1]), keys: [7, 8],
    });
    v1.close();
    // …opened by a future version that adds an index to originals.
    const addByLang: Migration = (_db, tx) => tx.objectStore('originals').createIndex('by-lang', 'lang');
    const v2 = await openDatabase(name, [...MIGRATIONS, addByLang]);
    expect(v2.version).toBe(DB_VERSION + 1);
    expect((await v2.get('originals', 'a'))?.title).toBe('T');
    expect(await v2.getAllKeysFromIndex('originals', 'by-key', 8)).toEqual(['a']);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    expect(await (v2 as any).getAllKeysFromIndex('originals', 'by-lang', 'fr')).toEqual(['a']);
    v2.close();
  });

  it('leaves the old database untouched when a step fails', async () => {
    const name = fresh();
    (await openDatabase(name)).close();
    const broken: Migration = (db) => {
      db.createObjectStore('extra');
      throw new Error('step failed');
    };
    await expect(openDatabase(name, [...MIGRATIONS, broken])).rejects.toThrow();
    const db = await openDB(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).not.toContain('extra');
    db.close();
  });
});
