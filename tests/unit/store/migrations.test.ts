import 'fake-indexeddb/auto';
import { openDB, type IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/utils/store/db';
import { postingRecordKey } from '@/utils/store/key-index';
import { decodeBucket, decodePosting } from '@/utils/store/postings';
import { DB_VERSION, MIGRATIONS, migrate, type Migration } from '@/utils/store/migrations';
import { indexKeys } from '@/utils/engine';
import { decodeBytes, FORMAT_VERSION } from '@/utils/engine/codec';
import { candidatesFor, originalByUrl, putOriginal } from '@/utils/store/originals';
import { urlKeyOf } from '@/utils/store/url-key';
import { corpus, originalOf, pageOf } from '../helpers/corpus';
import { encodeFormat2 } from '../helpers/fingerprint-format2';

let n = 0;
const fresh = () => `migrations-test-${n++}`;

describe('migrations', () => {
  it('creates the whole schema on a new database', async () => {
    const db = await openDatabase(fresh());
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['dismissals', 'history', 'originals', 'postings', 'retrieval', 'translations']);
    const tx = db.transaction(['originals', 'translations', 'history', 'dismissals', 'postings', 'retrieval']);
    const originals = tx.objectStore('originals');
    expect([...originals.indexNames].sort()).toEqual(['by-seq', 'by-url-key']);
    expect(originals.index('by-seq').unique).toBe(true);
    expect(tx.objectStore('postings').keyPath).toBe('key');
    expect(tx.objectStore('retrieval').keyPath).toBe('name');
    expect([...tx.objectStore('translations').indexNames].sort()).toEqual(['by-original', 'by-url']);
    expect(tx.objectStore('translations').keyPath).toEqual(['url', 'originalId']);
    expect(tx.objectStore('history').keyPath).toEqual(['url', 'originalId']);
    expect([...tx.objectStore('history').indexNames].sort()).toEqual(['by-original', 'by-time']);
    expect(tx.objectStore('dismissals').keyPath).toEqual(['url', 'originalId']);
    expect([...tx.objectStore('dismissals').indexNames].sort()).toEqual(['by-original', 'by-url']);
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
    const addByLang: Migration = (_db, tx) => void tx.objectStore('originals').createIndex('by-lang', 'lang');
    const v2 = await openDatabase(name, [...MIGRATIONS, addByLang]);
    expect(v2.version).toBe(DB_VERSION + 1);
    expect((await v2.get('originals', 'a'))?.title).toBe('T');
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

  it('v1 → v2: keeps originals and translations, carries flagged verdicts into the history, drops `decisions`', async () => {
    const name = fresh();
    // A database as version 1 left it, with a record in every store.
    const v1 = await openDatabase(name, MIGRATIONS.slice(0, 1));
    expect(v1.version).toBe(1);
    const raw = v1 as unknown as IDBPDatabase;
    await raw.put('originals', {
      id: 'a', title: 'T', lang: 'fr', author: null, publisher: null, url: 'https://x.example/a', date: null,
      addedAt: 1, fingerprint: new Uint8Array([1]), keys: [7],
    });
    await raw.put('translations', { url: 'https://y.example/it', lang: 'it', seen: '2024-01-01', originalId: 'a', note: null });
    await raw.add('decisions', { url: 'https://y.example/it', kind: 'translation', originalId: 'a', score: 0.9, decidedAt: 50 });
    await raw.add('decisions', { url: 'https://y.example/it', kind: 'translation', originalId: 'a', score: 0.7, decidedAt: 90 });
    await raw.add('decisions', { url: 'https://z.example/', kind: 'none', originalId: null, score: null, decidedAt: 60 });
    v1.close();

    const v2 = await openDatabase(name);
    expect(v2.version).toBe(DB_VERSION);
    expect([...v2.objectStoreNames]).not.toContain('decisions');
    expect((await v2.get('originals', 'a'))?.title).toBe('T');
    // v2 → v3: filed in the retrieval index under the keys it had, which it keeps.
    const a = await v2.get('originals', 'a');
    expect(a?.keys).toEqual([7]);
    const bucket = await v2.get('postings', postingRecordKey(7, 1));
    expect(decodePosting(decodeBucket(bucket!.entries).get(7)!)).toEqual([a!.seq]);
    expect(await v2.get('retrieval', 'head')).toMatchObject({ originals: 1 });
    expect(await v2.getAll('translations')).toHaveLength(1);
    // Once per page and original: the first flag stays; the verdict that named no original has no place.
    expect(await v2.getAll('history')).toEqual([
      { url: 'https://y.example/it', lang: null, originalId: 'a', originalTitle: 'a', score: 0.9, flaggedAt: 50, decision: null, decidedAt: null },
    ]);
    expect(await v2.count('dismissals')).toBe(0);
    v2.close();
  });

  it('v0 → v2 in one upgrade leaves no trace of the version-1 `decisions` store', async () => {
    const db = await openDatabase(fresh());
    expect([...db.objectStoreNames]).not.toContain('decisions');
    db.close();
  });
});

describe('v3 → v4', () => {
  const articles = corpus('fr', 6);
  /** A v3 (or v2) record as that version wrote it: format-2 fingerprint, address as text. */
  const legacy = (i: number) => {
    const o = originalOf(articles[i]);
    return {
      id: o.id, title: o.title, lang: 'fr', author: null, publisher: null, url: i % 2 ? `https://journal.example/a/${i}` : null, date: null,
      addedAt: i, fingerprint: encodeFormat2(o.fingerprint), keys: indexKeys(o.fingerprint),
    };
  };

  for (const from of [2, 3]) {
    it(`from v${from}: files addresses under their hash, packs fingerprints in format 3, and keeps every original findable`, async () => {
      const name = fresh();
      const old = await openDatabase(name, MIGRATIONS.slice(0, 2));
      for (let i = 0; i < articles.length; i++) await (old as unknown as IDBPDatabase).put('originals', legacy(i));
      old.close();
      // At v3: filed in the posting lists (a seq each), fingerprints still in format 2.
      if (from === 3) (await openDatabase(name, MIGRATIONS.slice(0, 3))).close();
      const db = await openDatabase(name);
      expect([...db.transaction('originals').store.indexNames].sort()).toEqual(['by-seq', 'by-url-key']);
      const records = await db.getAll('originals');
      expect(records).toHaveLength(articles.length);
      for (const [i, r] of records.sort((a, b) => a.addedAt - b.addedAt).entries()) {
        const o = originalOf(articles[i]);
        expect(r.fingerprint[0]).toBe(FORMAT_VERSION);
        expect(decodeBytes(r.fingerprint)).toEqual(o.fingerprint);
        expect(r.urlKey === undefined).toBe(!r.url);
        expect(r.seq).toBeTypeOf('number'); // from v2: the v3 pass's seq survived the v4 pass over the same records
      }
      for (let i = 1; i < articles.length; i += 2) expect((await originalByUrl(db, `https://journal.example/a/${i}#x`))?.id).toBe(articles[i].id);
      expect(await originalByUrl(db, 'https://journal.example/a/0')).toBeUndefined();
      for (const a of articles) expect((await candidatesFor(db, pageOf(a)))[0].id).toBe(a.id);
      db.close();
    });
  }

  it('finds the right original when two addresses share a hash', async () => {
    const db = await openDatabase(fresh());
    const [a, b] = corpus('fr', 2).map((x) => originalOf(x));
    await putOriginal(db, { ...a, url: 'https://journal.example/a' });
    // b's record claims a's hash: only the stored address can tell them apart.
    await putOriginal(db, { ...b, url: 'https://journal.example/b' });
    const tx = db.transaction('originals', 'readwrite');
    const rb = (await tx.store.get(b.id))!;
    await tx.store.put({ ...rb, urlKey: urlKeyOf('https://journal.example/a') });
    await tx.done;
    expect((await originalByUrl(db, 'https://journal.example/a'))?.id).toBe(a.id);
    expect((await originalByUrl(db, 'https://journal.example/b'))?.id).toBeUndefined();
    db.close();
  });
});
