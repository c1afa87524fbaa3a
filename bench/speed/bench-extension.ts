/**
 * A bench copy of the built extension (.output/chrome-mv3) in a temporary folder, with
 * one extra page, bench.html, running browser-page.ts (bundled by esbuild; its lookups
 * run in bench-worker.js, browser-worker.ts), and the
 * benchmark's data files beside it. The repository's build is never modified; the copy
 * is deleted by `dispose`.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface BenchExtension {
  dir: string;
  /** Writes a data file next to bench.html (JSON unless given a string). */
  write(name: string, data: unknown): void;
  dispose(): void;
}

export async function benchExtension(built = path.join(repoRoot, '.output', 'chrome-mv3')): Promise<BenchExtension> {
  if (!existsSync(path.join(built, 'manifest.json'))) throw new Error(`no built extension in ${built}: run npm run build`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'provenance-lens-bench-ext-'));
  cpSync(built, dir, { recursive: true });
  for (const [entry, out] of [['browser-page.ts', 'bench.js'], ['browser-worker.ts', 'bench-worker.js']]) {
    await build({
      entryPoints: [path.join(import.meta.dirname, entry)],
      bundle: true,
      format: 'iife',
      target: 'chrome120',
      outfile: path.join(dir, out),
      tsconfig: path.join(repoRoot, 'tsconfig.json'),
      logLevel: 'error',
      // As the extension's own build: no Node globals in a page.
      define: { 'process.env.NODE_ENV': '"production"', 'process.env': '{}' },
    });
  }
  // No inline script: the extension's CSP allows its own files only.
  writeFileSync(path.join(dir, 'bench.html'), '<!doctype html><meta charset="utf-8"><title>speed bench</title><body><script src="bench.js"></script></body>\n');
  return {
    dir,
    write(name, data) {
      writeFileSync(path.join(dir, name), typeof data === 'string' ? data : JSON.stringify(data));
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
