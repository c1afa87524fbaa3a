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

export const MIGRATIONS: readonly Migration[] = [createInitialSchema];

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
