/**
 * Every earlier schema version upgrades to the current one with no loss. Written over the
 * MIGRATIONS list, not over today's versions: for each version v < current, a database is
 * built at v (the first v steps), filled with records in every store that exists at v,
 * then opened by the current code. Every record must still be there under its key, with
 * every field it had (a step may add fields, never drop or change one), and every index
 * that survives must still find it.
 *
 * A step that deliberately moves, reshapes or drops records declares it in RESHAPED below
 * (the v1 → v2 step carries `decisions` into `history`), so the test checks the records
 * end up where that step says.
 */
import 'fake-indexeddb/auto';
import { openDB, type IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import { decodeBytes, encodeBytes } from '@/utils/engine/codec';
import { encodeFormat2 } from '../helpers/fingerprint-format2';
import { fingerprintArticle, indexKeys, toStored } from '@/utils/engine';
import { openDatabase } from '@/utils/store/db';
import { DB_VERSION, MIGRATIONS } from '@/utils/store/migrations';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = IDBPDatabase<any>;
type Row = Record<string, unknown>;

/** Where a record is expected after the upgrade, and what it must hold (more fields allowed). */
interface Expected {
  store: string;
  key: IDBValidKey;
  row: Row;
}

/**
 * Per store: where a record written at version `from` lives after the upgrade, when a step
 * deliberately moves or reshapes it; null when a step drops it on purpose (say why).
 * Stores not listed: same store, same key, every field kept.
 */
const RESHAPED: Record<string, (row: Row, key: IDBValidKey, from: number) => Expected | null> = {
  // v1 → v2: a flagged page's decision becomes its history entry; the others named no
  // copy and were never written by a release (see migrations.ts).
  decisions: (row) =>
    row.kind === 'translation'
      ? { store: 'history', key: [row.url as string, row.originalId as string], row: { url: row.url, originalId: row.originalId, score: row.score, flaggedAt: row.decidedAt } }
      : null,
};

/**
 * Per store: the fields a step rewrites in place (same store, same key, same meaning),
 * as the record should read after the upgrade. Index entries are checked as usual.
 */
const REWRITTEN: Record<string, (row: Row) => Row> = {
  // v3 → v4: fingerprints still in the engine's format 2 are written again in format 3.
  originals: (row) => (row.fingerprint instanceof Uint8Array && row.fingerprint[0] === 2 ? { ...row, fingerprint: encodeBytes(decodeBytes(row.fingerprint)) } : row),
};

const fp = toStored(fingerprintArticle({ title: 'T', lang: 'fr', paragraphs: ['Jean Dupont a vu Marie Curie à Lyon le 12 mars 2021.', 'Puis 4500 personnes à Paris.'] }));

/** Realistic records for the stores the extension has known; keyed by store name. */
const KNOWN: Record<string, (i: number) => Row> = {
  originals: (i) => ({
    id: `orig-${i}`, title: `Titre ${i} <b>&</b>`, lang: 'fr', author: i % 2 ? 'Jeanne D.' : null, publisher: null,
    url: `https://journal.example/a/${i}`, date: '2024-05-01', addedAt: 1_700_000_000_000 + i,
    // Both fingerprint formats a store may hold: 2 (before v4) and 3.
    fingerprint: i % 2 ? encodeFormat2(fp) : encodeBytes(fp), keys: indexKeys(fp),
  }),
  translations: (i) => ({ url: `https://copie.example/it/${i}`, lang: 'it', seen: '2024-05-02', originalId: `orig-${i}`, note: i % 2 ? 'note' : null }),
  decisions: (i) => ({ url: `https://copie.example/it/${i}`, kind: (['translation', 'original', 'none'] as const)[i % 3], originalId: `orig-${i}`, score: 0.9, decidedAt: 1_700_000_000_000 + i }),
};

/** A value for a key path component no fixture knows about (a store added later). */
function sampleFor(field: string, i: number): unknown {
  return /At$|count|score|version/i.test(field) ? i : `${field}-${i}`;
}

/** A record for `store` at its current shape: a known fixture, else one built from its key path and indexes. */
function recordFor(db: AnyDb, store: string, i: number): Row {
  const row: Row = KNOWN[store]?.(i) ?? {};
  const tx = db.transaction(store);
  const os = tx.objectStore(store);
  const paths = [os.keyPath, ...[...os.indexNames].map((n) => os.index(n).keyPath)].flat().filter((p): p is string => typeof p === 'string');
  for (const p of paths) {
    const parts = p.split('.');
    let at = row;
    parts.forEach((part, k) => {
      if (k === parts.length - 1) at[part] ??= sampleFor(part, i);
      else at = (at[part] ??= {}) as Row;
    });
  }
  return row;
}

interface Written {
  store: string;
  key: IDBValidKey;
  row: Row;
  indexes: Array<{ name: string; key: IDBValidKey }>;
}

/** Fills every store of `db` with four records; returns what was written, keys and index keys included. */
async function fill(db: AnyDb): Promise<Written[]> {
  const out: Written[] = [];
  for (const store of [...db.objectStoreNames]) {
    for (let i = 0; i < 4; i++) {
      const row = recordFor(db, store, i);
      const tx = db.transaction(store, 'readwrite');
      const key = await tx.store.put(row);
      const indexes = [...tx.store.indexNames].map((name) => {
        const kp = tx.store.index(name).keyPath;
        const value = Array.isArray(kp) ? kp.map((p) => row[p]) : row[kp as string];
        return { name, key: (Array.isArray(value) && tx.store.index(name).multiEntry ? value[0] : value) as IDBValidKey };
      });
      await tx.done;
      out.push({ store, key, row: structuredClone(row), indexes });
    }
  }
  return out;
}

let n = 0;

describe('migrations from every earlier version', () => {
  it('has one step per version, and a fresh database reaches the current version', async () => {
    expect(DB_VERSION).toBe(MIGRATIONS.length);
    const db = await openDatabase(`all-migrations-fresh-${n++}`);
    expect(db.version).toBe(DB_VERSION);
    db.close();
  });

  // Versions 1 … current−1 (version 0 is "no database": the fresh case above).
  const earlier = Array.from({ length: Math.max(0, DB_VERSION - 1) }, (_, i) => i + 1);

  for (const from of earlier) {
    it(`upgrades v${from} → v${DB_VERSION} keeping every record and index entry`, async () => {
      const name = `all-migrations-${from}-${n++}`;
      const old = (await openDatabase(name, MIGRATIONS.slice(0, from))) as unknown as AnyDb;
      expect(old.version).toBe(from);
      const written = await fill(old);
      expect(written.length).toBeGreaterThan(0);
      old.close();

      const db = (await openDatabase(name)) as unknown as AnyDb;
      expect(db.version).toBe(DB_VERSION);
      for (const w of written) {
        const where = `v${from} ${w.store} ${JSON.stringify(w.key)}`;
        const reshape = RESHAPED[w.store];
        if (reshape) {
          const expected = reshape(w.row, w.key, from);
          if (!expected) continue;
          expect([...db.objectStoreNames], where).toContain(expected.store);
          expect(await db.get(expected.store, expected.key), `${where} → ${expected.store}`).toMatchObject(expected.row);
          continue;
        }
        expect([...db.objectStoreNames], where).toContain(w.store);
        expect(await db.get(w.store, w.key), where).toMatchObject(REWRITTEN[w.store]?.(w.row) ?? w.row);
        const tx = db.transaction(w.store);
        for (const ix of w.indexes) {
          if (!tx.store.indexNames.contains(ix.name) || ix.key === undefined || ix.key === null) continue;
          const keys = await tx.store.index(ix.name).getAllKeys(ix.key);
          expect(keys, `${where} index ${ix.name}`).toContainEqual(w.key);
        }
      }
      db.close();
    });
  }

  it('refuses to open a database newer than the code, leaving it intact', async () => {
    const name = `all-migrations-newer-${n++}`;
    const future = await openDB(name, DB_VERSION + 1, { upgrade: (db) => void db.createObjectStore('future') });
    future.close();
    await expect(openDatabase(name)).rejects.toThrow();
    const again = await openDB(name);
    expect(again.version).toBe(DB_VERSION + 1);
    expect([...again.objectStoreNames]).toContain('future');
    again.close();
  });
});
