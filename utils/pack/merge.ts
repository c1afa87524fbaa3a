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
 * - Dismissals ("not a copy") are one per address and original; the most recent decision
 *   wins. Where one pack says a page is a copy of an original and another says it is not,
 *   the later date (`seen` against `decided`) wins and the conflict is reported.
 *
 * "Newer" is the pack with the later `created`; on a tie, the later argument.
 */
import { canonicalUrl } from './id';
import { PACK_FORMAT, PACK_VERSION, type Pack, type PackDismissal, type PackOriginal, type PackTranslation } from './schema';

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

/**
 * Dismissals in order, following aliases: one per canonical address and original, the
 * latest decision kept; then each one weighed against a translation of the same page and
 * original, the later date winning.
 */
export function mergeDismissals(
  records: PackDismissal[],
  translations: PackTranslation[],
  aliases: Map<string, string>,
): { dismissals: PackDismissal[]; translations: PackTranslation[]; conflicts: string[] } {
  const keyOf = (url: string, originalId: string) => JSON.stringify([canonicalUrl(url) ?? url, originalId]);
  const byKey = new Map<string, PackDismissal>();
  for (const d of records) {
    const record = { ...d, originalId: aliases.get(d.originalId) ?? d.originalId };
    const key = keyOf(d.url, record.originalId);
    const existing = byKey.get(key);
    if (!existing || Date.parse(record.decided) >= Date.parse(existing.decided)) {
      const note = record.note ?? existing?.note;
      byKey.set(key, { ...record, ...(note !== undefined ? { note } : {}) });
    }
  }
  const conflicts: string[] = [];
  const keptTranslations = translations.filter((t) => {
    const key = keyOf(t.url, t.originalId);
    const d = byKey.get(key);
    if (!d) return true;
    conflicts.push(`page ${t.url}: one pack lists it as a copy of "${t.originalId}", another as not a copy; kept the later decision`);
    if (Date.parse(d.decided) > Date.parse(t.seen)) return false;
    byKey.delete(key);
    return true;
  });
  return { dismissals: [...byKey.values()], translations: keptTranslations, conflicts };
}

/** Merges whole packs into one (see the rules above). */
export function mergePacks(packs: Pack[], opts: MergeOptions = {}): MergeResult {
  const ordered = packs
    .map((pack, i) => ({ pack, i, t: Date.parse(pack.created) || 0 }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.pack);
  const o = mergeOriginals(ordered.flatMap((p) => p.originals));
  const t = mergeTranslations(ordered.flatMap((p) => p.translations), o.aliases);
  const d = mergeDismissals(ordered.flatMap((p) => p.dismissals ?? []), t.translations, o.aliases);
  const publishers = new Set(packs.map((p) => p.publisher));
  const publisher = opts.publisher ?? (publishers.size === 1 ? [...publishers][0] : undefined);
  return {
    pack: {
      format: PACK_FORMAT,
      version: PACK_VERSION,
      created: opts.created ?? new Date().toISOString(),
      ...(publisher !== undefined ? { publisher } : {}),
      originals: o.originals,
      translations: d.translations,
      ...(d.dismissals.length ? { dismissals: d.dismissals } : {}),
    },
    conflicts: [...o.conflicts, ...t.conflicts, ...d.conflicts],
  };
}
