/**
 * Packs in and out of the store. An import is all-or-nothing: every fingerprint is
 * decoded and every reference checked before anything is written, and the writes go in
 * batches inside ONE transaction, so a failure (or the worker being stopped) mid-way
 * leaves the store as it was. Importing the same original twice (same id) merges: the
 * newer pack's metadata wins field by field, the date it was first added stays.
 */
import { primaryLang } from '@/utils/engine';
import { decodeFingerprint } from '@/utils/engine/codec';
import { canonicalUrl } from '@/utils/pack/id';
import type { Pack, PackDismissal, PackOriginal, PackTranslation } from '@/utils/pack/schema';
import type { Db } from './db';
import { toRecord } from './originals';
import { exportRecords } from './pack-records';
import type { DismissalRecord, OriginalRecord, TranslationRecord } from './schema';

/** Records written per batch: keeps each burst of requests (and its memory) small. */
export const IMPORT_BATCH = 250;

export interface ImportCounts {
  added: number;
  merged: number;
}

export type ImportResult =
  | { ok: true; originals: ImportCounts; translations: ImportCounts; dismissals: ImportCounts }
  | { ok: false; errors: string[] };

/** "fr-FR" → "fr"; "und" (undetermined) → null. */
function storedLang(tag: string | null | undefined): string | null {
  const l = primaryLang(tag);
  return l && l !== 'und' ? l : null;
}

/** Later fields win where they say something; `keep` supplies the rest. */
function mergeOriginal(keep: OriginalRecord, next: OriginalRecord): OriginalRecord {
  return {
    ...next,
    lang: next.lang ?? keep.lang,
    author: next.author ?? keep.author,
    publisher: next.publisher ?? keep.publisher,
    url: next.url ?? keep.url,
    date: next.date ?? keep.date,
    addedAt: Math.min(keep.addedAt, next.addedAt),
  };
}

function originalRecord(o: PackOriginal, now: number): OriginalRecord {
  return toRecord(
    {
      id: o.id,
      title: o.title,
      lang: storedLang(o.lang),
      author: o.author ?? null,
      publisher: o.publisher ?? null,
      url: o.url ?? null,
      date: o.date ?? null,
      fingerprint: decodeFingerprint(o.fingerprint),
    },
    now,
  );
}

function translationRecord(t: PackTranslation): TranslationRecord | null {
  const url = canonicalUrl(t.url);
  if (!url) return null;
  return { url, lang: storedLang(t.lang), seen: t.seen, originalId: t.originalId, note: t.note ?? null };
}

function dismissalRecord(d: PackDismissal): DismissalRecord | null {
  const url = canonicalUrl(d.url);
  if (!url) return null;
  return { url, originalId: d.originalId, decided: d.decided, note: d.note ?? null };
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Imports a pack already validated by `parsePack`. Never half-imports. */
export async function importPack(db: Db, pack: Pack, opts: { batchSize?: number; now?: number } = {}): Promise<ImportResult> {
  const batch = Math.max(1, opts.batchSize ?? IMPORT_BATCH);
  const now = opts.now ?? Date.now();
  const errors: string[] = [];

  // 1. Everything that can fail without the database, before touching it.
  const incoming = new Map<string, OriginalRecord>();
  pack.originals.forEach((o, i) => {
    try {
      const r = originalRecord(o, now);
      const dup = incoming.get(r.id);
      incoming.set(r.id, dup ? mergeOriginal(dup, r) : r);
    } catch (e) {
      errors.push(`originals[${i}] (${o.id}): ${e instanceof Error ? e.message : String(e)}`);
    }
  });
  const translations = new Map<string, TranslationRecord>();
  pack.translations.forEach((t, i) => {
    const r = translationRecord(t);
    if (!r) errors.push(`translations[${i}]: url is not an http(s) address`);
    else translations.set(JSON.stringify([r.url, r.originalId]), r);
  });
  // "Not a copy" decisions; the pack being imported is the latest word on a page, so each
  // replaces a contradicting record of the store (a dismissal a translation, and back).
  const dismissals = new Map<string, DismissalRecord>();
  (pack.dismissals ?? []).forEach((d, i) => {
    const r = dismissalRecord(d);
    if (!r) errors.push(`dismissals[${i}]: url is not an http(s) address`);
    else dismissals.set(JSON.stringify([r.url, r.originalId]), r);
  });
  if (errors.length) return { ok: false, errors };

  // 2. One transaction: read what exists, check references, then write in batches.
  const tx = db.transaction(['originals', 'translations', 'dismissals'], 'readwrite');
  const originalsStore = tx.objectStore('originals');
  const translationsStore = tx.objectStore('translations');
  const dismissalsStore = tx.objectStore('dismissals');
  const dKeys = [...dismissals.values()];
  try {
    const ids = [...incoming.keys()];
    const existing = new Map<string, OriginalRecord>();
    for (const part of chunks(ids, batch)) {
      const found = await Promise.all(part.map((id) => originalsStore.get(id)));
      found.forEach((r) => r && existing.set(r.id, r));
    }
    const tKeys = [...translations.values()];
    const refs = [...new Set([...tKeys, ...dKeys].map((t) => t.originalId))].filter((id) => !incoming.has(id));
    const refFound = await Promise.all(refs.map((id) => originalsStore.getKey(id)));
    refs.forEach((id, i) => {
      if (refFound[i] === undefined) errors.push(`a translation or dismissal refers to original "${id}", which is neither in the pack nor registered`);
    });
    const tExisting = new Map<string, TranslationRecord>();
    for (const part of chunks(tKeys, batch)) {
      const found = await Promise.all(part.map((t) => translationsStore.get([t.url, t.originalId])));
      found.forEach((r) => r && tExisting.set(JSON.stringify([r.url, r.originalId]), r));
    }
    let dExisting = 0;
    for (const part of chunks(dKeys, batch)) {
      const found = await Promise.all(part.map((d) => dismissalsStore.getKey([d.url, d.originalId])));
      dExisting += found.filter((k) => k !== undefined).length;
    }
    if (errors.length) {
      tx.abort();
      await tx.done.catch(() => undefined);
      return { ok: false, errors };
    }

    const records = [...incoming.values()].map((r) => {
      const old = existing.get(r.id);
      return old ? mergeOriginal(old, r) : r;
    });
    for (const part of chunks(records, batch)) await Promise.all(part.map((r) => originalsStore.put(r)));
    for (const part of chunks(tKeys, batch)) {
      await Promise.all(part.flatMap((t) => [translationsStore.put(t), dismissalsStore.delete([t.url, t.originalId])]));
    }
    for (const part of chunks(dKeys, batch)) {
      await Promise.all(part.flatMap((d) => [dismissalsStore.put(d), translationsStore.delete([d.url, d.originalId])]));
    }
    await tx.done;
    return {
      ok: true,
      originals: { added: records.length - existing.size, merged: existing.size },
      translations: { added: tKeys.length - tExisting.size, merged: tExisting.size },
      dismissals: { added: dKeys.length - dExisting, merged: dExisting },
    };
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted: nothing was committed either way.
    }
    await tx.done.catch(() => undefined);
    return { ok: false, errors: [`import failed, nothing was changed: ${e instanceof Error ? e.message : String(e)}`] };
  }
}

/** The whole store as a pack (what `importPack` reads back unchanged). */
export async function exportPack(db: Db, created = new Date().toISOString()): Promise<Pack> {
  const tx = db.transaction(['originals', 'translations', 'dismissals'], 'readonly');
  const [originals, translations, dismissals] = await Promise.all([
    tx.objectStore('originals').getAll(),
    tx.objectStore('translations').getAll(),
    tx.objectStore('dismissals').getAll(),
  ]);
  await tx.done;
  return exportRecords(originals, translations, dismissals, created);
}
