/**
 * Schema upgrades, one function per version: `MIGRATIONS[n]` takes a database at
 * version n to version n + 1. Opening at version N runs exactly the steps between the
 * version found on disk and N, in order, inside IndexedDB's versionchange transaction —
 * so an upgrade either completes or leaves the old database untouched.
 *
 * Never edit a step once released: add a new one.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';

// Steps work on the database as it was at their version, not on today's typed schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type UpgradeDb = IDBPDatabase<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type UpgradeTx = IDBPTransaction<any, any, 'versionchange'>;
export type Migration = (db: UpgradeDb, tx: UpgradeTx) => void;

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

export const MIGRATIONS: readonly Migration[] = [createInitialSchema, addFactCheckerStores];

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
  for (let v = oldVersion; v < newVersion; v++) steps[v](db, tx);
}
