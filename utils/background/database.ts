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
      if (installed && !installed.ok) log('default pack not installed', installed.errors);
      return db;
    })().catch((err) => {
      ready = null; // try again on the next page rather than stay broken
      throw err;
    });
    return ready;
  };
}
