/**
 * Schema upgrades, one function per version: `MIGRATIONS[n]` takes a database at
 * version n to version n + 1. Opening at version N runs exactly the steps between the
 * version found on disk and N, in order, inside IndexedDB's versionchange transaction —
 * so an upgrade either completes or leaves the old database untouched.
 *
 * Never edit a step once released: add a new one.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { decodeBytes, encodeBytes, FORMAT_VERSION } from '@/utils/engine/codec';
import { canonicalUrl } from '@/utils/pack/id';
import { filedKeys, KeyIndexWriter } from './key-index';
import { urlKeyOf } from './url-key';

// Steps work on the database as it was at their version, not on today's typed schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type UpgradeDb = IDBPDatabase<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type UpgradeTx = IDBPTransaction<any, any, 'versionchange'>;
/**
 * A step changes the schema at once; when it also rewrites records, it returns the promise
 * of that work, and the next step waits for it (two passes over the same records at once
 * would overwrite each other's changes).
 */
export type Migration = (db: UpgradeDb, tx: UpgradeTx) => void | Promise<void>;

/** v0 → v1: originals with their retrieval index, known translations, decisions. */
const createInitialSchema: Migration = (db) => {
  const originals = db.createObjectStore('originals', { keyPath: 'id' });
  originals.createIndex('by-key', 'keys', { multiEntry: true });
  originals.createIndex('by-url', 'url');
  const translations = db.createObjectStore('translations', { keyPath: ['url', 'originalId'] });
  translations.createIndex('by-original', 'originalId');
  translations.createIndex('by-url', 'url');
  const decisions = db.createObjectStore('decisions', { keyPath: 'id', autoIncrement: true });
  decisions.createIndex('by-url', 'url');
};

/**
 * v1 → v2: the fact-checker's workflow. `history` (every flagged page, once per page and
 * original) and `dismissals` ("not a copy", per page and original), both keyed by
 * [url, originalId]. v1's `decisions` store (verdicts by auto-increment id) was never
 * written by a release, but whatever it holds that names a flagged page and its original
 * is carried into the history before the store is dropped — nothing is lost.
 *
 * The copy runs on the upgrade transaction after the synchronous steps; the name
 * `decisions` must therefore never be reused by a later step.
 */
const addFactCheckerStores: Migration = (db, tx) => {
  const history = db.createObjectStore('history', { keyPath: ['url', 'originalId'] });
  history.createIndex('by-time', 'flaggedAt');
  history.createIndex('by-original', 'originalId');
  const dismissals = db.createObjectStore('dismissals', { keyPath: ['url', 'originalId'] });
  dismissals.createIndex('by-url', 'url');
  dismissals.createIndex('by-original', 'originalId');
  if (!db.objectStoreNames.contains('decisions')) return;
  void tx
    .objectStore('decisions')
    .getAll()
    .then(async (legacy: Array<Record<string, unknown>>) => {
      const target = tx.objectStore('history');
      for (const r of legacy) {
        if (r.kind !== 'translation' || typeof r.originalId !== 'string' || typeof r.url !== 'string') continue;
        const at = typeof r.decidedAt === 'number' ? r.decidedAt : 0;
        const key = [r.url, r.originalId];
        if (await target.getKey(key)) continue; // once per page and original: the first one stays
        await target.put({
          url: r.url, lang: null, originalId: r.originalId, originalTitle: r.originalId,
          score: typeof r.score === 'number' ? r.score : null, flaggedAt: at, decision: null, decidedAt: null,
        });
      }
      db.deleteObjectStore('decisions');
    })
    // Should the copy fail, the old store simply stays, records and all.
    .catch(() => undefined);
};

/**
 * v2 → v3: originals are filed in compact posting lists (key-index.ts) instead of the
 * multiEntry `by-key` index, whose entries each repeat the original's id (about 4 KB per
 * original in Chromium: too much at 100,000 originals). Every original gets its `seq`
 * and is filed under the keys it had; `keys` stays on old records (nothing is dropped:
 * they are what the original is unfiled by), while the `by-key` index, derived data no
 * longer read, is dropped with its entries. Should filing fail, the upgrade is aborted
 * and the database stays at v2, to be tried again: better than originals no lookup finds.
 */
const fileOriginalsInPostings: Migration = (db, tx) => {
  db.createObjectStore('postings', { keyPath: 'key' });
  db.createObjectStore('retrieval', { keyPath: 'name' });
  const originals = tx.objectStore('originals');
  originals.createIndex('by-seq', 'seq', { unique: true });
  originals.deleteIndex('by-key');
  return (async () => {
    const index = await KeyIndexWriter.open(tx.objectStore('postings'), tx.objectStore('retrieval'));
    let filed = 0;
    for (let cursor = await originals.openCursor(); cursor; cursor = await cursor.continue()) {
      const seq = index.allocate();
      index.add(seq, filedKeys(cursor.value));
      await cursor.update({ ...cursor.value, seq });
      filed++;
    }
    if (filed) await index.commit();
  })().catch(() => {
    try {
      tx.abort();
    } catch {
      // Already aborted.
    }
  });
};

/**
 * v3 → v4: every byte of an original counts at 100,000 of them (issue #4: ≤ 1 KB each).
 * - The `by-url` index, whose entries hold the whole address (about 350 bytes an original
 *   on disk for a 90-character news address), gives way to `by-url-key`, which files an
 *   original under a 52-bit hash of it (url-key.ts): each original with an address gets
 *   its `urlKey`.
 * - Fingerprints still in the engine's format 2 are written again in format 3 (codec.ts):
 *   the same information in about 60% of the bytes. Their keys do not change, so neither
 *   does the retrieval index.
 * One pass over the originals; should it fail, the upgrade is aborted and the database
 * stays at v3, to be tried again.
 */
const hashAddressesAndPackFingerprints: Migration = (_db, tx) => {
  const originals = tx.objectStore('originals');
  originals.createIndex('by-url-key', 'urlKey');
  originals.deleteIndex('by-url');
  return (async () => {
    for (let cursor = await originals.openCursor(); cursor; cursor = await cursor.continue()) {
      const r = cursor.value as { url?: unknown; urlKey?: unknown; fingerprint?: unknown };
      const next: Record<string, unknown> = { ...cursor.value };
      let changed = false;
      if (typeof r.url === 'string' && r.url) {
        next.urlKey = urlKeyOf(canonicalUrl(r.url) ?? r.url);
        changed = true;
      }
      if (r.fingerprint instanceof Uint8Array && r.fingerprint[0] < FORMAT_VERSION) {
        try {
          next.fingerprint = encodeBytes(decodeBytes(r.fingerprint));
          changed = true;
        } catch {
          // A fingerprint that does not decode stays as it is (it was never filed either).
        }
      }
      if (changed) await cursor.update(next);
    }
  })().catch(() => {
    try {
      tx.abort();
    } catch {
      // Already aborted.
    }
  });
};

export const MIGRATIONS: readonly Migration[] = [createInitialSchema, addFactCheckerStores, fileOriginalsInPostings, hashAddressesAndPackFingerprints];

/** The version the code expects: one per migration step. */
export const DB_VERSION = MIGRATIONS.length;

/** Runs the steps from `oldVersion` up to `newVersion`. */
export function migrate(
  db: UpgradeDb,
  tx: UpgradeTx,
  oldVersion: number,
  newVersion: number,
  steps: readonly Migration[] = MIGRATIONS,
): void {
  if (newVersion > steps.length) throw new Error(`no migration to version ${newVersion} (know ${steps.length})`);
  const from = (start: number): void => {
    for (let v = start; v < newVersion; v++) {
      const rewriting = steps[v](db, tx);
      if (rewriting) {
        // The later steps once this one's records are written (still in the upgrade's
        // transaction: it stays active while requests run).
        rewriting
          .then(() => from(v + 1))
          .catch(() => {
            // A later step failed: the whole upgrade with it.
            try {
              tx.abort();
            } catch {
              // Already aborted.
            }
          });
        return;
      }
    }
  };
  from(oldVersion);
}
