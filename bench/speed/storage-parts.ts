/**
 * What each part of a stored original costs on disk, in Chromium's IndexedDB (LevelDB,
 * Snappy-compressed blocks: what a part costs is only known by writing it):
 *
 *   npx tsx bench/speed/storage-parts.ts [COUNT] [--corpus DIR]
 *
 * For each variant, a new browser profile: the originals written (bench/speed/browser-page.ts
 * `storeVariant`), the browser closed and opened again (LevelDB compacts what the writes
 * left), then the extension's IndexedDB folder measured once it stops changing. A part's
 * cost is the difference between the variant with it and the one without, per original.
 * Needs a build (`npm run build`).
 */
import os from 'node:os';
import path from 'node:path';
import { loadCorpus } from '../corpus';
import { benchExtension } from './bench-extension';
import type { StorageVariant } from './browser-page';
import { packOf } from './data';
import { launchBench } from './launch';
import { markdown } from './report';
import { synthOriginals } from './synth-pack';
import { indexedDbBytes, settled } from './disk';

const repoRoot = path.resolve(import.meta.dirname, '../..');


/** Disk bytes of the extension's IndexedDB after writing `variant` (null: nothing) and a browser restart; ms the writing took. */
async function measure(extDir: string, variant: StorageVariant | null): Promise<{ bytes: number; ms: number }> {
  let b = await launchBench(extDir, { keepProfile: true });
  const id = b.extensionId!;
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${id}/bench.html`);
  await page.waitForFunction(() => document.body.dataset.ready === '1');
  await new Promise((r) => setTimeout(r, 1500)); // the default pack is in
  let ms = 0;
  if (variant) {
    ms = (
      await page.evaluate(
        ([v]) => (globalThis as unknown as { speedBench: { storeVariant(d: string, f: string, v: string): Promise<{ ms: number }> } }).speedBench.storeVariant('parts', 'pack.json', v),
        [variant] as const,
      )
    ).ms;
  }
  await b.close();
  b = await launchBench(extDir, { userDataDir: b.userDataDir, extensionId: id });
  try {
    return { bytes: await settled(() => indexedDbBytes(b.userDataDir, id), 4, 60_000), ms };
  } finally {
    await b.close();
  }
}

async function main() {
  const args = process.argv.slice(2);
  const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 20_000);
  const at = args.indexOf('--corpus');
  const corpus = loadCorpus(at >= 0 ? path.resolve(args[at + 1]) : path.resolve(repoRoot, '../shared/corpus/dev'));
  const originals = synthOriginals(corpus.dir, corpus.sets.flatMap((s) => s.articles), count, (m) => console.error(m));
  const ext = await benchExtension();
  try {
    ext.write('pack.json', packOf(originals));
    const variants: Array<StorageVariant | null> = [null, 'full', 'full-no-url', 'records', 'no-fingerprint', 'no-title', 'no-url', 'no-seq'];
    const got = new Map<StorageVariant | null, { bytes: number; ms: number }>();
    for (const v of variants) {
      got.set(v, await measure(ext.dir, v));
      console.error(`${v ?? 'nothing'}: ${got.get(v)!.bytes} bytes, written in ${Math.round(got.get(v)!.ms)} ms`);
    }
    const per = (a: StorageVariant | null, b: StorageVariant | null) => Math.round((got.get(a)!.bytes - got.get(b)!.bytes) / count);
    const time = (a: StorageVariant, b: StorageVariant | null) => `${((got.get(a)!.ms - (b ? got.get(b)!.ms : 0)) / 1000).toFixed(1)} s`;
    const fp = originals.reduce((s, o) => s + atob(o.fingerprint).length, 0) / count;
    console.log(`${count.toLocaleString('en')} originals; fingerprint ${fp.toFixed(0)} bytes on average (codec); load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
    console.log(markdown(['part', 'bytes per original on disk', 'writing time'], [
      ['everything (the import: records, their indexes, posting lists, statistics)', per('full', null), time('full', null)],
      ['the same import, originals without an address', per('full-no-url', null), time('full-no-url', null)],
      ['the records alone, with their by-url-key and by-seq entries', per('records', null), time('records', null)],
      ['posting lists and statistics (import minus records)', per('full', 'records'), time('full', 'records')],
      ['fingerprint', per('records', 'no-fingerprint'), time('records', 'no-fingerprint')],
      ['title', per('records', 'no-title'), time('records', 'no-title')],
      ['address (field, its hash and by-url-key entry)', per('records', 'no-url'), time('records', 'no-url')],
      ['seq (field and by-seq entry)', per('records', 'no-seq'), time('records', 'no-seq')],
    ]));
  } finally {
    ext.dispose();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
