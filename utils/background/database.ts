/**
 * The background's one database connection, opened on first use and with the default
 * originals installed before any page is judged (a worker may wake up on a message,
 * before `onInstalled` has run or finished).
 */
import { openDatabase, type Db } from '@/utils/store/db';
import { ensureOriginals } from './default-pack';

export function lazyDatabase(fetchDefaultPack: () => Promise<unknown>, log: (m: string, e?: unknown) => void): () => Promise<Db> {
  let ready: Promise<Db> | null = null;
  return () => {
    ready ??= (async () => {
      const db = await openDatabase();
      const installed = await ensureOriginals(db, fetchDefaultPack);
      if (installed && !installed.ok) {
        // An empty store would answer "nothing known" about every page: fail the check
        // instead (the reader sees why, e.g. no space left), and try again next time.
        log('default pack not installed', installed.errors);
        db.close();
        throw new Error(`the known originals could not be installed: ${installed.errors.join('; ')}`);
      }
      return db;
    })().catch((err) => {
      ready = null; // try again on the next page rather than stay broken
      throw err;
    });
    return ready;
  };
}
