/**
 * The packs `check` compares against: read, validated, merged, and indexed in memory.
 * Without --pack, the pack the extension ships with (public/packs/default.json).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeFingerprint, MemoryIndex } from '../utils/engine';
import { canonicalUrl, mergePacks, parsePackText, type Pack, type PackOriginal, type PackTranslation } from '../utils/pack';
import { CliError, EXIT } from './io';
import { readTextFile } from './read-file';

export const DEFAULT_PACK = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'public', 'packs', 'default.json');

/** Errors shown per invalid pack at most. */
const SHOWN_ERRORS = 20;

/** Reads and validates one pack file; a CliError (exit 2) listing what is wrong otherwise. */
export function loadPack(file: string): Pack {
  const read = readTextFile(file);
  if (!read.ok) throw new CliError(`pack ${file}: ${read.message}`, EXIT.usage);
  const result = parsePackText(read.text);
  if (result.ok) return result.pack;
  const lines = result.errors.slice(0, SHOWN_ERRORS).map((e) => `  ${e.record}${e.field ? `.${e.field}` : ''}: ${e.message}`);
  if (result.errors.length > SHOWN_ERRORS) lines.push(`  …and ${result.errors.length - SHOWN_ERRORS} more`);
  throw new CliError(`pack ${file} is not a valid Provenance Lens pack:\n${lines.join('\n')}`, EXIT.usage);
}

export interface Library {
  index: MemoryIndex;
  originals: Map<string, PackOriginal>;
  /** Known translated copies by canonical address. */
  copies: Map<string, PackTranslation>;
}

export function loadLibrary(files: string[]): Library {
  const packs = (files.length ? files : [DEFAULT_PACK]).map(loadPack);
  const { pack } = mergePacks(packs);
  const index = new MemoryIndex();
  const originals = new Map<string, PackOriginal>();
  for (const o of pack.originals) {
    // Validation already decoded it once; this cannot fail for a valid pack.
    index.add({ id: o.id, lang: o.lang, fingerprint: decodeFingerprint(o.fingerprint) });
    originals.set(o.id, o);
  }
  const copies = new Map<string, PackTranslation>();
  for (const t of pack.translations) copies.set(canonicalUrl(t.url) ?? t.url, t);
  return { index, originals, copies };
}
