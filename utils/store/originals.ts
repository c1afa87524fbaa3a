/**
 * Registered originals: metadata plus a fingerprint, filed under their retrieval keys.
 * Looking a page up never scans the store: it asks the `by-key` index for the page's
 * keys and decodes only the few best-ranked originals.
 */
import { indexKeys, lookupKeys, MAX_CANDIDATES, type Candidate, type Fingerprint, type PageFingerprint } from '@/utils/engine';
import { decodeBytes, encodeBytes } from '@/utils/engine/codec';
import { canonicalUrl } from '@/utils/pack/id';
import type { OriginalInfo } from '@/utils/verdict';
import type { Db } from './db';
import type { OriginalRecord } from './schema';

/** An original as the rest of the extension handles it. */
export interface Original extends OriginalInfo {
  fingerprint: Fingerprint;
}

/** An original with what the store adds. */
export interface StoredOriginal extends Original {
  addedAt: number;
}

/** A candidate for `decide`, carrying what the UI will need if it wins. */
export interface CandidateOriginal extends Candidate {
  info: OriginalInfo;
}

export class DuplicateOriginalError extends Error {
  constructor(readonly id: string) {
    super(`an original with id "${id}" is already registered`);
  }
}

export function toRecord(original: Original, addedAt: number): OriginalRecord {
  return {
    id: original.id,
    title: original.title,
    lang: original.lang,
    author: original.author,
    publisher: original.publisher,
    url: original.url ? canonicalUrl(original.url) : null,
    date: original.date,
    addedAt,
    fingerprint: encodeBytes(original.fingerprint),
    keys: indexKeys(original.fingerprint),
  };
}

export function infoOf(r: OriginalRecord | Original): OriginalInfo {
  return { id: r.id, title: r.title, lang: r.lang, author: r.author, publisher: r.publisher, url: r.url, date: r.date };
}

export function fromRecord(r: OriginalRecord): StoredOriginal {
  return { ...infoOf(r), addedAt: r.addedAt, fingerprint: decodeBytes(r.fingerprint) };
}

/** Registers a new original; refuses to overwrite one with the same id. */
export async function addOriginal(db: Db, original: Original, now = Date.now()): Promise<void> {
  try {
    await db.add('originals', toRecord(original, now));
  } catch (err) {
    if (err instanceof DOMException && err.name === 'ConstraintError') throw new DuplicateOriginalError(original.id);
    throw err;
  }
}

/** Registers or replaces an original (keeping when it was first added). */
export async function putOriginal(db: Db, original: Original, now = Date.now()): Promise<void> {
  const tx = db.transaction('originals', 'readwrite');
  const existing = await tx.store.get(original.id);
  await tx.store.put(toRecord(original, existing?.addedAt ?? now));
  await tx.done;
}

export async function getOriginal(db: Db, id: string): Promise<StoredOriginal | undefined> {
  const r = await db.get('originals', id);
  return r && fromRecord(r);
}

/** Removes an original and the translations filed under it. */
export async function deleteOriginal(db: Db, id: string): Promise<void> {
  const tx = db.transaction(['originals', 'translations'], 'readwrite');
  const translations = tx.objectStore('translations');
  const keys = await translations.index('by-original').getAllKeys(id);
  await Promise.all([tx.objectStore('originals').delete(id), ...keys.map((k) => translations.delete(k))]);
  await tx.done;
}

/** Every original's metadata (no fingerprint decoded). */
export async function listOriginals(db: Db): Promise<Array<OriginalInfo & { addedAt: number }>> {
  const all = await db.getAll('originals');
  return all.map((r) => ({ ...infoOf(r), addedAt: r.addedAt }));
}

export async function countOriginals(db: Db): Promise<number> {
  return db.count('originals');
}

/** The original registered at this address, if any. */
export async function originalByUrl(db: Db, url: string): Promise<StoredOriginal | undefined> {
  const key = url ? canonicalUrl(url) : null;
  if (!key) return undefined;
  const r = await db.getFromIndex('originals', 'by-url', key);
  return r && fromRecord(r);
}

/**
 * The originals worth comparing with a page: those sharing the most retrieval keys with
 * it, at most `max`. One readonly transaction; all index requests in flight at once.
 */
export async function candidatesFor(db: Db, page: PageFingerprint, max = MAX_CANDIDATES): Promise<CandidateOriginal[]> {
  const keys = lookupKeys(page);
  if (keys.length === 0 || max <= 0) return [];
  const tx = db.transaction('originals', 'readonly');
  const byKey = tx.store.index('by-key');
  const postings = await Promise.all(keys.map((k) => byKey.getAllKeys(k)));
  const hits = new Map<string, number>();
  for (const ids of postings) for (const id of ids) hits.set(id, (hits.get(id) ?? 0) + 1);
  const best = [...hits.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, max)
    .map(([id]) => id);
  const records = await Promise.all(best.map((id) => tx.store.get(id)));
  await tx.done;
  const out: CandidateOriginal[] = [];
  for (const r of records) {
    if (!r) continue;
    out.push({ id: r.id, lang: r.lang, fingerprint: decodeBytes(r.fingerprint), info: infoOf(r) });
  }
  return out;
}
