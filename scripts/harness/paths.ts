/** Where things are: the repo, the built extension, and the shared data (never copied in). */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** The shared data folder: `../shared` next to the repo, or $PROVENANCE_SHARED. */
export function sharedDir(): string {
  return path.resolve(process.env.PROVENANCE_SHARED ?? path.resolve(repoRoot, '../shared'));
}

export function chromeExtensionDir(): string {
  return path.join(repoRoot, '.output', 'chrome-mv3');
}

export function firefoxExtensionDir(): string {
  return path.join(repoRoot, '.output', 'firefox-mv3');
}

/** The seed file whose name starts with `prefix` ("000_", "001_"). */
export function seedFile(prefix: string): string {
  const dir = path.join(sharedDir(), 'seeds');
  const name = existsSync(dir) ? readdirSync(dir).find((f) => f.startsWith(prefix) && f.endsWith('.txt')) : undefined;
  if (!name) throw new Error(`no seed ${prefix}*.txt in ${dir} (set PROVENANCE_SHARED to the shared data folder)`);
  return path.join(dir, name);
}

export function readabilityPagesDir(): string {
  return path.join(sharedDir(), 'pages', 'readability');
}
