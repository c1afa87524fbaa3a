/**
 * Importing pack files from the options page. All or nothing across every file chosen:
 * each is read and checked first (errors by file, record and field), and only when all are
 * valid are they merged (duplicates merge by the pack rules) and written — in the one
 * transaction of `importPack`, which reports its progress.
 *
 * Done in the options page itself, on the extension's database (shared by all its pages):
 * a pack of many originals is far larger than a runtime message may carry.
 */
import { mergePacks } from '@/utils/pack/merge';
import { parsePackText } from '@/utils/pack/parse';
import type { Pack } from '@/utils/pack/schema';
import type { Db } from '@/utils/store/db';
import { importPack, type ImportResult } from '@/utils/store/packs';

export type ImportPhase = 'reading' | 'checking' | 'writing';

export interface ImportError {
  file: string;
  /** "originals[3].url", or "pack" for the file as a whole. */
  where: string;
  message: string;
}

export type ImportOutcome =
  | { ok: true; originals: number; translations: number; dismissals: number }
  | { ok: false; errors: ImportError[] };

export interface ImportFile {
  name: string;
  text(): Promise<string>;
}

export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}

/** `importPack` with a progress callback (records written, records to write). */
type Importer = (db: Db, pack: Pack, opts: { onProgress?: (done: number, total: number) => void }) => Promise<ImportResult>;

export async function importFiles(
  db: Db,
  files: ImportFile[],
  onProgress: (p: ImportProgress) => void = () => undefined,
  importer: Importer = importPack as Importer,
): Promise<ImportOutcome> {
  const errors: ImportError[] = [];
  const packs: Pack[] = [];
  for (const [i, file] of files.entries()) {
    onProgress({ phase: 'reading', done: i, total: files.length });
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      errors.push({ file: file.name, where: 'pack', message: `could not be read: ${e instanceof Error ? e.message : String(e)}` });
      continue;
    }
    onProgress({ phase: 'checking', done: i, total: files.length });
    const r = parsePackText(text);
    if (r.ok) packs.push(r.pack);
    else for (const e of r.errors) errors.push({ file: file.name, where: e.field ? `${e.record}.${e.field}` : e.record, message: e.message });
  }
  if (errors.length) return { ok: false, errors };
  if (!packs.length) return { ok: true, originals: 0, translations: 0, dismissals: 0 };
  const pack = packs.length === 1 ? packs[0] : mergePacks(packs).pack;
  const total = pack.originals.length + pack.translations.length + (pack.dismissals?.length ?? 0);
  onProgress({ phase: 'writing', done: 0, total });
  const r = await importer(db, pack, { onProgress: (done, all) => onProgress({ phase: 'writing', done, total: all }) });
  if (!r.ok) return { ok: false, errors: r.errors.map((message) => ({ file: files.length === 1 ? files[0].name : '', where: 'pack', message })) };
  onProgress({ phase: 'writing', done: total, total });
  const sum = (c: { added: number; merged: number } | undefined) => (c ? c.added + c.merged : 0);
  return { ok: true, originals: sum(r.originals), translations: sum(r.translations), dismissals: sum(r.dismissals) };
}
