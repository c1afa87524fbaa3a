/** Pages known (from packs) to be translations of a registered original. */
import { canonicalUrl } from '@/utils/pack/id';
import type { Db } from './db';
import type { TranslationRecord } from './schema';

/** Known translations at this address (normally one). */
export async function translationsAt(db: Db, url: string): Promise<TranslationRecord[]> {
  const key = url ? canonicalUrl(url) : null;
  return key ? db.getAllFromIndex('translations', 'by-url', key) : [];
}

/** Known translations of an original. */
export async function translationsOf(db: Db, originalId: string): Promise<TranslationRecord[]> {
  return db.getAllFromIndex('translations', 'by-original', originalId);
}
