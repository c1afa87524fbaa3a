/** Opening the database: the only place that knows about versions and upgrades. */
import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, type ProvenanceDB } from './schema';
import { MIGRATIONS, migrate, type Migration } from './migrations';

export type Db = IDBPDatabase<ProvenanceDB>;

export async function openDatabase(name = DB_NAME, steps: readonly Migration[] = MIGRATIONS): Promise<Db> {
  const db = await openDB<ProvenanceDB>(name, steps.length, {
    upgrade(db, oldVersion, newVersion, tx) {
      // A failing step aborts the upgrade; openDB rejects with that error, so the
      // transaction's own rejection needs no second report.
      tx.done.catch(() => undefined);
      migrate(db, tx, oldVersion, newVersion ?? steps.length, steps);
    },
  });
  // A newer version of the extension wants to upgrade: step aside rather than block it.
  db.addEventListener('versionchange', () => db.close());
  return db;
}
