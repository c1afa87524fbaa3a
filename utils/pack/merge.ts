/**
 * Combining packs (and duplicate records) into one. The rules, in order of precedence:
 *
 * - Originals are one per id. Two records with the same id and the same fingerprint are
 *   the same original: the newer record's metadata wins field by field, and fields only
 *   the older one has are kept ("most complete, then most recent"). With the same id but
 *   different fingerprints, the newer pack's fingerprint wins and a conflict is reported.
 * - Two ids with the identical fingerprint are the same text registered twice: the first
 *   id is kept, the other becomes an alias, and translations pointing at it follow.
 * - Translations are one per address (canonical form): the most recently seen wins,
 *   keeping an older note when the newer has none.
 *
 * "Newer" is the pack with the later `created`; on a tie, the later argument.
 */
import { canonicalUrl } from './id';
import { PACK_FORMAT, PACK_VERSION, type Pack, type PackOriginal, type PackTranslation } from './schema';

export interface MergeResult {
  pack: Pack;
  /** What was decided where packs disagreed, one sentence each. */
  conflicts: string[];
}

export interface MergeOptions {
  publisher?: string;
  /** ISO date for the merged pack; now by default. */
  created?: string;
}

const OPTIONAL_ORIGINAL = ['author', 'publisher', 'url', 'date'] as const;

/** One original from two records of it: the newer's fields first, the older's to fill gaps. */
export function mergeOriginal(older: PackOriginal, newer: PackOriginal): PackOriginal {
  const out: PackOriginal = {
    id: older.id,
    title: newer.title,
    lang: newer.lang,
    fingerprint: newer.fingerprint,
  };
  for (const key of OPTIONAL_ORIGINAL) {
    const value = newer[key] ?? older[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function mergeTranslation(a: PackTranslation, b: PackTranslation): PackTranslation {
  const [older, newer] = Date.parse(b.seen) >= Date.parse(a.seen) ? [a, b] : [b, a];
  const note = newer.note ?? older.note;
  return { ...newer, ...(note !== undefined ? { note } : {}) };
}

/** Merges originals in order (later = newer); returns them with the alias map and conflicts. */
export function mergeOriginals(records: PackOriginal[]): {
  originals: PackOriginal[];
  aliases: Map<string, string>;
  conflicts: string[];
} {
  const byId = new Map<string, PackOriginal>();
  const idOfFingerprint = new Map<string, string>();
  const aliases = new Map<string, string>();
  const conflicts: string[] = [];
  for (const o of records) {
    const existing = byId.get(o.id);
    if (existing) {
      if (existing.fingerprint !== o.fingerprint) {
        conflicts.push(`original "${o.id}": the packs hold different fingerprints; kept the newer one`);
        idOfFingerprint.delete(existing.fingerprint);
        idOfFingerprint.set(o.fingerprint, o.id);
      }
      byId.set(o.id, mergeOriginal(existing, o));
      continue;
    }
    const sameText = idOfFingerprint.get(o.fingerprint);
    if (sameText !== undefined && byId.has(sameText)) {
      conflicts.push(`originals "${sameText}" and "${o.id}" have the same fingerprint; kept "${sameText}"`);
      aliases.set(o.id, sameText);
      byId.set(sameText, mergeOriginal(byId.get(sameText)!, { ...o, id: sameText }));
      continue;
    }
    byId.set(o.id, { ...o });
    idOfFingerprint.set(o.fingerprint, o.id);
  }
  return { originals: [...byId.values()], aliases, conflicts };
}

/** Merges translations in order, following aliases; one per canonical address. */
export function mergeTranslations(records: PackTranslation[], aliases: Map<string, string>): {
  translations: PackTranslation[];
  conflicts: string[];
} {
  const byUrl = new Map<string, PackTranslation>();
  const conflicts: string[] = [];
  for (const t of records) {
    const originalId = aliases.get(t.originalId) ?? t.originalId;
    const record = { ...t, originalId };
    const key = canonicalUrl(t.url) ?? t.url;
    const existing = byUrl.get(key);
    if (!existing) {
      byUrl.set(key, record);
      continue;
    }
    const merged = mergeTranslation(existing, record);
    if (existing.originalId !== record.originalId) {
      conflicts.push(`translation ${t.url}: the packs name different originals; kept "${merged.originalId}" (seen most recently)`);
    }
    byUrl.set(key, merged);
  }
  return { translations: [...byUrl.values()], conflicts };
}

/** Merges whole packs into one (see the rules above). */
export function mergePacks(packs: Pack[], opts: MergeOptions = {}): MergeResult {
  const ordered = packs
    .map((pack, i) => ({ pack, i, t: Date.parse(pack.created) || 0 }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.pack);
  const o = mergeOriginals(ordered.flatMap((p) => p.originals));
  const t = mergeTranslations(ordered.flatMap((p) => p.translations), o.aliases);
  const publishers = new Set(packs.map((p) => p.publisher));
  const publisher = opts.publisher ?? (publishers.size === 1 ? [...publishers][0] : undefined);
  return {
    pack: {
      format: PACK_FORMAT,
      version: PACK_VERSION,
      created: opts.created ?? new Date().toISOString(),
      ...(publisher !== undefined ? { publisher } : {}),
      originals: o.originals,
      translations: t.translations,
    },
    conflicts: [...o.conflicts, ...t.conflicts],
  };
}
