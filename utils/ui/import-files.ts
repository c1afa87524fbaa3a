/**
 * Importing pack files from the options page. All or nothing across every file chosen:
 * each is read and checked (errors by file, record and field), merged when there are
 * several (duplicates merge by the pack rules), and written in the one transaction of
 * `importPack`, which reports its progress. Several files are all checked before anything
 * is written; a single file — the usual case, and the large one — is checked batch by
 * batch as it is written (seconds saved at 100,000 originals): an error found at any point
 * aborts the transaction, and the errors listed are those checking it whole would list.
 *
 * Done in the options page itself, on the extension's database (shared by all its pages):
 * a pack of many originals is far larger than a runtime message may carry.
 */
import { mergePacks } from '@/utils/pack/merge';
import { packJson, parsePackText, SteppedCheck, type PackResult } from '@/utils/pack/parse';
import type { Pack } from '@/utils/pack/schema';
import type { Db } from '@/utils/store/db';
import { IMPORT_BATCH, importPack, PackCheckFailed, type ImportResult, type PackSource } from '@/utils/store/packs';

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
type Importer = (db: Db, pack: Pack | PackSource, opts: { onProgress?: (done: number, total: number) => void }) => Promise<ImportResult>;

export async function importFiles(
  db: Db,
  files: ImportFile[],
  onProgress: (p: ImportProgress) => void = () => undefined,
  importer: Importer = importPack as Importer,
): Promise<ImportOutcome> {
  if (files.length === 1) return importOneFile(db, files[0], onProgress, importer);
  const errors: ImportError[] = [];
  const packs: Pack[] = [];
  for (const [i, file] of files.entries()) {
    onProgress({ phase: 'reading', done: i, total: files.length });
    const text = await readText(file, errors);
    if (text === null) continue;
    onProgress({ phase: 'checking', done: i, total: files.length });
    const r = parsePackText(text);
    if (r.ok) packs.push(r.pack);
    else errors.push(...checkErrors(file, r));
  }
  if (errors.length) return { ok: false, errors };
  if (!packs.length) return { ok: true, originals: 0, translations: 0, dismissals: 0 };
  const pack = packs.length === 1 ? packs[0] : mergePacks(packs).pack;
  const total = pack.originals.length + pack.translations.length + (pack.dismissals?.length ?? 0);
  return write(files, () => importer(db, pack, { onProgress: (done, all) => onProgress({ phase: 'writing', done, total: all }) }), total, onProgress);
}

/** One file: its JSON read whole, its records checked batch by batch as they are written. */
async function importOneFile(db: Db, file: ImportFile, onProgress: (p: ImportProgress) => void, importer: Importer): Promise<ImportOutcome> {
  const errors: ImportError[] = [];
  onProgress({ phase: 'reading', done: 0, total: 1 });
  const text = await readText(file, errors);
  if (text === null) return { ok: false, errors };
  onProgress({ phase: 'checking', done: 0, total: 1 });
  const json = packJson(text);
  if (!json.ok) return { ok: false, errors: checkErrors(file, json.failure) };
  const check = new SteppedCheck(json.json, IMPORT_BATCH);
  const count = (key: string) => {
    const list = (json.json as Record<string, unknown> | null)?.[key];
    return Array.isArray(list) ? list.length : 0;
  };
  const source: PackSource = {
    originals: count('originals'),
    decisions: count('translations') + count('dismissals'),
    next: () => {
      const step = check.next();
      if (step?.errors) throw new PackCheckFailed();
      return step ? step.originals.map((o) => [o]) : null;
    },
    rest: () => {
      const r = check.finish();
      if (!r.ok) throw new PackCheckFailed();
      return r.pack;
    },
  };
  const total = source.originals + source.decisions;
  try {
    return await write([file], () => importer(db, source, { onProgress: (done, all) => onProgress({ phase: 'writing', done, total: all }) }), total, onProgress);
  } catch (e) {
    // Found late, after some batches were written: the transaction is aborted; the
    // errors are those of checking the whole file.
    if (!(e instanceof PackCheckFailed)) throw e;
    const r = check.finish();
    return { ok: false, errors: r.ok ? [{ file: file.name, where: 'pack', message: 'the pack was rejected while it was written' }] : checkErrors(file, r) };
  }
}

async function readText(file: ImportFile, errors: ImportError[]): Promise<string | null> {
  try {
    return await file.text();
  } catch (e) {
    errors.push({ file: file.name, where: 'pack', message: `could not be read: ${e instanceof Error ? e.message : String(e)}` });
    return null;
  }
}

function checkErrors(file: ImportFile, r: Extract<PackResult, { ok: false }>): ImportError[] {
  return r.errors.map((e) => ({ file: file.name, where: e.field ? `${e.record}.${e.field}` : e.record, message: e.message }));
}

/** Runs the import, the progress bar at 0 first; its outcome for the page. */
async function write(
  files: ImportFile[],
  run: () => Promise<ImportResult>,
  total: number,
  onProgress: (p: ImportProgress) => void,
): Promise<ImportOutcome> {
  onProgress({ phase: 'writing', done: 0, total });
  const r = await run();
  if (!r.ok) return { ok: false, errors: r.errors.map((message) => ({ file: files.length === 1 ? files[0].name : '', where: 'pack', message })) };
  onProgress({ phase: 'writing', done: total, total });
  const sum = (c: { added: number; merged: number } | undefined) => (c ? c.added + c.merged : 0);
  return { ok: true, originals: sum(r.originals), translations: sum(r.translations), dismissals: sum(r.dismissals) };
}
