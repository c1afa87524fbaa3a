/**
 * Stored records in pack form: the inverse of what `importPack` writes, so that a store
 * exported and imported again reads back the same. A decision about an original that is
 * not among the given ones is left out: a pack's references must resolve within it.
 */
import { decodeBytes, encodeFingerprint } from '@/utils/engine/codec';
import { PACK_FORMAT, PACK_VERSION, type Pack } from '@/utils/pack/schema';
import type { DismissalRecord, OriginalRecord, TranslationRecord } from './schema';

export function exportRecords(
  originals: OriginalRecord[],
  translations: TranslationRecord[],
  dismissals: DismissalRecord[],
  created: string,
): Pack {
  const ids = new Set(originals.map((r) => r.id));
  const decided = dismissals.filter((d) => ids.has(d.originalId));
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    created,
    originals: originals.map((r) => ({
      id: r.id,
      title: r.title,
      lang: r.lang ?? 'und',
      ...(r.author ? { author: r.author } : {}),
      ...(r.publisher ? { publisher: r.publisher } : {}),
      ...(r.url ? { url: r.url } : {}),
      ...(r.date ? { date: r.date } : {}),
      fingerprint: encodeFingerprint(decodeBytes(r.fingerprint)),
    })),
    translations: translations
      .filter((t) => ids.has(t.originalId))
      .map((t) => ({
        url: t.url,
        lang: t.lang ?? 'und',
        seen: t.seen,
        originalId: t.originalId,
        ...(t.note ? { note: t.note } : {}),
      })),
    ...(decided.length
      ? {
          dismissals: decided.map((d) => ({
            url: d.url,
            originalId: d.originalId,
            decided: d.decided,
            ...(d.note ? { note: d.note } : {}),
          })),
        }
      : {}),
  };
}
