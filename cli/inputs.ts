/**
 * The files a command works on: the paths given, with folders walked recursively for
 * the kinds of file the CLI reads. Sorted, so a pack built twice from the same folder
 * comes out the same.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export type InputKind = 'html' | 'txt' | 'jsonl';

export interface InputFile {
  path: string;
  kind: InputKind;
}

/** Files found in folders stop here: a wrong folder (/, ~) should not walk forever. */
export const MAX_FILES = 100_000;

export function kindOf(file: string): InputKind | null {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.txt' || ext === '.text' || ext === '.md') return 'txt';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  return null;
}

export interface Expanded {
  files: InputFile[];
  /** Paths that could not be used, with why (shown as errors, never silently dropped). */
  problems: Array<{ path: string; message: string }>;
}

export function expandInputs(paths: string[]): Expanded {
  const files: InputFile[] = [];
  const problems: Expanded['problems'] = [];
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch (e) {
      problems.push({ path: dir, message: `cannot list folder (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
      return;
    }
    for (const name of entries) {
      if (files.length >= MAX_FILES) return;
      if (name.startsWith('.') || name === 'node_modules') continue;
      const full = path.join(dir, name);
      let isDir = false;
      try {
        isDir = statSync(full).isDirectory();
      } catch {
        continue;
      }
      if (isDir) walk(full);
      else {
        const kind = kindOf(name);
        if (kind) files.push({ path: full, kind });
      }
    }
  };
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      // Reported as "no such file" when read: keeps the message in one place.
    }
    if (isDir) {
      const before = files.length;
      walk(p);
      if (files.length === before) problems.push({ path: p, message: 'folder holds no .html, .txt or .jsonl file' });
    } else {
      // A file named explicitly is read whatever its name: HTML if it looks like HTML.
      files.push({ path: p, kind: kindOf(p) ?? 'txt' });
    }
  }
  if (files.length >= MAX_FILES) problems.push({ path: paths.join(' '), message: `more than ${MAX_FILES} files; stopped there` });
  return { files, problems };
}
