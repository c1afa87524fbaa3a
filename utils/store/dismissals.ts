/** "Not a copy" decisions, looked up by page when the page is judged. */
import { canonicalUrl } from '@/utils/pack/id';
import type { Db } from './db';
import type { DismissalRecord } from './schema';

/** The ids of the originals this page was found not to be a copy of. */
export async function dismissedAt(db: Db, url: string): Promise<Set<string>> {
  const key = url ? canonicalUrl(url) : null;
  if (!key) return new Set();
  const records = await db.getAllFromIndex('dismissals', 'by-url', key);
  return new Set(records.map((r) => r.originalId));
}

export async function listDismissals(db: Db): Promise<DismissalRecord[]> {
  return db.getAll('dismissals');
}
