/**
 * The pack shipped with the extension (public/packs/default.json, written by
 * scripts/build-default-pack.ts): imported on install and update, and again whenever
 * the store is found empty (the user cleared site data, a failed first import).
 */
import { parsePack } from '@/utils/pack/parse';
import type { Db } from '@/utils/store/db';
import { hasOriginals } from '@/utils/store/originals';
import { importPack, type ImportResult } from '@/utils/store/packs';

export const DEFAULT_PACK_PATH = '/packs/default.json' as const;

export async function installDefaultPack(db: Db, fetchPack: () => Promise<unknown>): Promise<ImportResult> {
  let json: unknown;
  try {
    json = await fetchPack();
  } catch (e) {
    return { ok: false, errors: [`default pack could not be read: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const parsed = parsePack(json);
  if (!parsed.ok) {
    return { ok: false, errors: parsed.errors.map((e) => `default pack: ${e.record}${e.field ? `.${e.field}` : ''}: ${e.message}`) };
  }
  return importPack(db, parsed.pack);
}

/** Installs the default pack when no original is registered at all. */
export async function ensureOriginals(db: Db, fetchPack: () => Promise<unknown>): Promise<ImportResult | null> {
  if (await hasOriginals(db)) return null;
  return installDefaultPack(db, fetchPack);
}
