/**
 * The reader's decisions on a flagged page, each in one transaction over every store it
 * touches, so the store never says both "copy" and "not a copy" of the same page:
 *
 * - confirm: the page becomes a known translation (shown as confirmed on the next visit);
 * - dismiss: "not a copy", remembered so the page is never flagged again for that original;
 * - forget: back to undecided (the popup's undo).
 *
 * The history records the decision too.
 */
import { canonicalUrl } from '@/utils/pack/id';
import type { Db } from './db';
import type { Decision } from './schema';

export interface DecisionInput {
  url: string;
  originalId: string;
  /** The page's language (primary subtag), when known. */
  lang: string | null;
  note?: string | null;
  at: number;
}

export class NotHttpError extends Error {
  constructor(url: string) {
    super(`not an http(s) address: ${url.slice(0, 100)}`);
  }
}

function pageKey(url: string): string {
  const key = canonicalUrl(url);
  if (!key) throw new NotHttpError(url);
  return key;
}

const STORES = ['translations', 'dismissals', 'history'] as const;

async function writeDecision(db: Db, input: DecisionInput, decision: Decision | null): Promise<void> {
  const url = pageKey(input.url);
  const key: [string, string] = [url, input.originalId];
  const note = input.note?.trim() ? input.note.trim() : null;
  const tx = db.transaction(STORES, 'readwrite');
  const translations = tx.objectStore('translations');
  const dismissals = tx.objectStore('dismissals');
  const history = tx.objectStore('history');
  const writes: Array<Promise<unknown>> = [];
  if (decision === 'confirmed') {
    const seen = new Date(input.at).toISOString();
    writes.push(translations.put({ url, lang: input.lang, seen, originalId: input.originalId, note }), dismissals.delete(key));
  } else if (decision === 'dismissed') {
    writes.push(dismissals.put({ url, originalId: input.originalId, decided: new Date(input.at).toISOString(), note }), translations.delete(key));
  } else {
    writes.push(translations.delete(key), dismissals.delete(key));
  }
  const flagged = await history.get(key);
  if (flagged) writes.push(history.put({ ...flagged, decision, decidedAt: decision ? input.at : null }));
  await Promise.all(writes);
  await tx.done;
}

export const confirmCopy = (db: Db, input: DecisionInput) => writeDecision(db, input, 'confirmed');
export const dismissCopy = (db: Db, input: DecisionInput) => writeDecision(db, input, 'dismissed');
export const forgetDecision = (db: Db, input: Omit<DecisionInput, 'lang' | 'note'>) => writeDecision(db, { ...input, lang: null }, null);
