/**
 * What the options page does to a registered original: correct its metadata (the
 * fingerprint stays as registered), or delete it with everything filed under it — handing
 * back a pack of what was removed, so the deletion can be undone by importing it.
 */
import type { Pack } from '@/utils/pack/schema';
import type { OriginalMeta } from '@/utils/original-meta';
import type { Db } from './db';
import { filedKeys } from './key-index';
import { storedForm, withIndex } from './originals';
import { exportRecords } from './pack-records';

/** Replaces an original's metadata; false when there is no such original. */
export async function updateOriginalMeta(db: Db, id: string, meta: OriginalMeta): Promise<boolean> {
  // Through the index's writer: nothing is re-filed, but the head gets a new stamp, so
  // that no lookup serves the old metadata from its cache.
  return withIndex(db, [], async (tx) => {
    const store = tx.objectStore('originals');
    const r = await store.get(id);
    if (!r) return false;
    // The same record, its metadata replaced (unknown fields left out, as storedForm does);
    // seq and legacy keys kept: the index is untouched.
    const { author: _a, publisher: _p, url: _u, urlKey: _k, date: _d, ...kept } = r;
    await store.put({ ...kept, ...storedForm({ id, ...meta }, r.fingerprint, r.addedAt, r.seq) });
    return true;
  });
}

/**
 * Deletes an original with its known translations and dismissals (one transaction);
 * returns them as a pack, or null when there was no such original. The history keeps its
 * entries: it is a record of what was flagged, and names the original by title.
 */
export async function removeOriginal(db: Db, id: string, created = new Date().toISOString()): Promise<Pack | null> {
  // With the retrieval index: the original is unfiled in the same transaction.
  const removed = await withIndex(db, ['translations', 'dismissals'], async (tx, index) => {
    const originals = tx.objectStore('originals');
    const translations = tx.objectStore('translations');
    const dismissals = tx.objectStore('dismissals');
    const [original, tRecords, dRecords] = await Promise.all([
      originals.get(id),
      translations.index('by-original').getAll(id),
      dismissals.index('by-original').getAll(id),
    ]);
    if (!original) return null;
    if (original.seq !== undefined) index.remove(original.seq, filedKeys(original));
    await Promise.all([
      originals.delete(id),
      ...tRecords.map((t) => translations.delete([t.url, t.originalId])),
      ...dRecords.map((d) => dismissals.delete([d.url, d.originalId])),
    ]);
    return { original, tRecords, dRecords };
  });
  return removed && exportRecords([removed.original], removed.tRecords, removed.dRecords, created);
}
