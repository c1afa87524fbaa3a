/**
 * The history of flagged pages: every page the extension flagged as a translated copy,
 * once per page and original (the first flag is the one kept), with what the reader
 * later decided about it. Local only: it is the reader's browsing, never put in a pack.
 */
import { canonicalUrl } from '@/utils/pack/id';
import type { Db } from './db';
import type { Decision, HistoryRecord } from './schema';

export interface FlagEntry {
  url: string;
  lang: string | null;
  originalId: string;
  originalTitle: string;
  score: number | null;
  at: number;
  /** Already decided when flagged (a page known from a pack or an earlier confirmation). */
  decision?: Decision | null;
}

/** Records a flag unless this page was already flagged for this original. True if added. */
export async function recordFlag(db: Db, e: FlagEntry): Promise<boolean> {
  const url = canonicalUrl(e.url);
  if (!url) return false;
  const tx = db.transaction('history', 'readwrite');
  if (await tx.store.getKey([url, e.originalId])) {
    await tx.done;
    return false;
  }
  await tx.store.add({
    url,
    lang: e.lang,
    originalId: e.originalId,
    originalTitle: e.originalTitle,
    score: typeof e.score === 'number' && Number.isFinite(e.score) ? e.score : null,
    flaggedAt: e.at,
    decision: e.decision ?? null,
    decidedAt: e.decision ? e.at : null,
  });
  await tx.done;
  return true;
}

/** Every flagged page, the most recent first. */
export async function listHistory(db: Db): Promise<HistoryRecord[]> {
  const all = await db.getAllFromIndex('history', 'by-time');
  return all.reverse();
}

export async function clearHistory(db: Db): Promise<void> {
  await db.clear('history');
}
