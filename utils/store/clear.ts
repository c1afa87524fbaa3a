/** Emptying the database: every store in one transaction, so nothing is half-cleared. */
import type { Db } from './db';
import { STORE_NAMES } from './schema';

export async function clearAll(db: Db): Promise<void> {
  const tx = db.transaction(STORE_NAMES, 'readwrite');
  await Promise.all(STORE_NAMES.map((name) => tx.objectStore(name).clear()));
  await tx.done;
}
