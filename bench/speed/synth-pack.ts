/**
 * The synthetic originals as pack records (bench/speed/synth.ts says how they are made),
 * fingerprinted by the engine. Fingerprinting 100,000 articles takes a minute or two, so
 * the records are cached in the system's temporary folder under a name that changes
 * whenever the engine's or the synthesiser's source, the corpus or the count changes: a
 * cached set is always what the current code would compute.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import anyAscii from 'any-ascii';
import path from 'node:path';
import { encodeFingerprint, fingerprintArticle, toStored } from '../../utils/engine/index';
import { originalId } from '../../utils/pack/id';
import type { PackOriginal } from '../../utils/pack/schema';
import type { CorpusArticle } from '../corpus';
import { Synthesiser } from './synth';

const repoRoot = path.resolve(import.meta.dirname, '../..');

function hashSources(h: ReturnType<typeof createHash>, dir: string): void {
  for (const f of readdirSync(dir).sort()) {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) hashSources(h, p);
    else if (f.endsWith('.ts')) h.update(f).update(readFileSync(p));
  }
}

/** What the cached records depend on. */
function cacheKey(corpusDir: string, count: number): string {
  const h = createHash('sha256');
  hashSources(h, path.join(repoRoot, 'utils/engine'));
  h.update(readFileSync(path.join(import.meta.dirname, 'synth.ts')));
  h.update(readFileSync(import.meta.filename));
  for (const f of readdirSync(corpusDir).sort()) {
    const st = statSync(path.join(corpusDir, f));
    h.update(`${f}:${st.size}:${st.mtimeMs}`);
  }
  h.update(String(count));
  return h.digest('hex').slice(0, 16);
}

const SECTIONS = ['world', 'politics', 'economy', 'culture', 'sport', 'science', 'europe', 'opinion'];

/**
 * A made-up address shaped like a news site's: section, date, a slug of the title — about
 * 90 characters, as the canonical addresses of ../shared/pages are (91 on average). What
 * an original's address costs in the store depends on its length.
 */
export function synthUrl(i: number, title: string): string {
  const slug = anyAscii(title).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48).replace(/-+$/, '');
  const day = (n: number) => String(n).padStart(2, '0');
  return `https://www.news-${i % 997}.example/${SECTIONS[i % SECTIONS.length]}/${2000 + (i % 25)}/${day(1 + (i % 12))}/${day(1 + (i % 28))}/${slug || 'article'}-${i}`;
}

/** The i-th synthetic original as a pack record (id derived from its made-up address). */
export function synthOriginal(s: Synthesiser, i: number): PackOriginal {
  const a = s.article(i);
  const fingerprint = encodeFingerprint(toStored(fingerprintArticle(a)));
  const url = synthUrl(i, a.title);
  return { id: originalId({ url, title: a.title, fingerprint }), title: a.title.slice(0, 200).trim() || `article ${i}`, lang: a.lang, url, fingerprint };
}

/**
 * `count` synthetic originals built from `articles` (every language of the corpus).
 * `log` hears about progress when they have to be computed.
 */
export function synthOriginals(
  corpusDir: string,
  articles: readonly CorpusArticle[],
  count: number,
  log: (m: string) => void = () => {},
): PackOriginal[] {
  const dir = path.join(os.tmpdir(), 'provenance-lens-bench');
  const file = path.join(dir, `synth-${cacheKey(corpusDir, count)}.json`);
  if (existsSync(file)) {
    try {
      const cached = JSON.parse(readFileSync(file, 'utf8')) as PackOriginal[];
      if (cached.length === count) return cached;
    } catch {
      // A torn or foreign file: compute again.
    }
  }
  const s = new Synthesiser(articles);
  const out: PackOriginal[] = [];
  const t = performance.now();
  for (let i = 0; i < count; i++) {
    out.push(synthOriginal(s, i));
    if ((i + 1) % 10_000 === 0) log(`synthesised ${i + 1}/${count} originals (${((performance.now() - t) / 1000).toFixed(0)} s)`);
  }
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(out));
  renameSync(tmp, file); // never leave a half-written cache behind
  return out;
}
