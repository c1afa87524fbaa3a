/** The extension's IndexedDB on disk, as the speed benches measure it. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Bytes of the profile's IndexedDB folders for the extension's origin. */
export function indexedDbBytes(userDataDir: string, extensionId: string): number {
  const dir = path.join(userDataDir, 'Default', 'IndexedDB');
  if (!existsSync(dir)) return 0;
  let total = 0;
  const walk = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) for (const f of readdirSync(p)) walk(path.join(p, f));
    else total += st.size;
  };
  for (const f of readdirSync(dir)) if (f.includes(extensionId)) walk(path.join(dir, f));
  return total;
}

/**
 * Waits until `size()` has not changed for `stableSeconds` seconds in a row (LevelDB
 * compacts for a while after a large write), at most `maxMs`; returns the last size.
 */
export async function settled(size: () => number, stableSeconds: number, maxMs: number): Promise<number> {
  let last = -1;
  let stable = 0;
  const until = Date.now() + maxMs;
  while (stable < stableSeconds && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = size();
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
  return last;
}
