/**
 * Builds public/packs/default.json, the pack the extension ships with: the project's
 * defining case, the French original of the seed documents ("Camaïeu victime d’une
 * cyberattaque", signed Yohann G.). Built by the project's own code from the seed text,
 * exactly as a publisher would build theirs: metadata and fingerprint, no text.
 *
 *   npm run pack:default          (shared data from ../shared, or $PROVENANCE_SHARED)
 *
 * Rerun it whenever the engine's fingerprints change (tests/unit/default-pack.test.ts
 * fails until then).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fingerprintArticle } from '../utils/engine';
import { buildPack, serialisePack, type PackResult } from '../utils/pack';
import { articleFromPlainText } from '../utils/page/plain-text';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_PACK_FILE = path.join(repoRoot, 'public', 'packs', 'default.json');
export const SEED_FILE = '000_aa5ed160621a76a1.txt';

export function sharedDir(): string {
  return process.env.PROVENANCE_SHARED ? path.resolve(process.env.PROVENANCE_SHARED) : path.resolve(repoRoot, '../shared');
}

/** The site's related-article link ("A lire également …"): a link, not the story (seeds/README.md). */
const RELATED_LINK = /^A lire également\b/i;
/**
 * A fixed date keeps the file byte-identical across rebuilds of the same seed, and an
 * early one lets any pack a user adds win a merge over the bundled one.
 */
const CREATED = '2024-01-01T00:00:00.000Z';

/** The default pack from the seed text (throws only if the seed cannot be read). */
export function buildDefaultPack(seedText: string): PackResult {
  const article = articleFromPlainText(seedText, { lang: 'fr', drop: (p) => RELATED_LINK.test(p) });
  if (!article.title || !article.byline) {
    return { ok: false, errors: [{ record: 'seed', field: null, message: `the seed did not read as slug, title, paragraphs, byline (title ${JSON.stringify(article.title)}, byline ${JSON.stringify(article.byline)})` }], partial: null };
  }
  return buildPack({
    publisher: 'Provenance Lens',
    created: CREATED,
    // Named after the seed's slug rather than derived from the fingerprint: the engine's
    // fingerprints keep improving, and the bundled original must keep one identity.
    originals: [{ id: `seed:${article.slug ?? 'camaieu'}`, title: article.title, lang: 'fr', author: article.byline, fingerprint: fingerprintArticle(article) }],
  });
}

function main(): number {
  const seedPath = path.join(sharedDir(), 'seeds', SEED_FILE);
  let text: string;
  try {
    text = readFileSync(seedPath, 'utf8');
  } catch (e) {
    console.error(`Cannot read the French seed at ${seedPath}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    console.error('Set PROVENANCE_SHARED to the folder holding seeds/.');
    return 1;
  }
  const result = buildDefaultPack(text);
  if (!result.ok) {
    for (const e of result.errors) console.error(`${e.record}${e.field ? `.${e.field}` : ''}: ${e.message}`);
    return 1;
  }
  mkdirSync(path.dirname(DEFAULT_PACK_FILE), { recursive: true });
  writeFileSync(DEFAULT_PACK_FILE, serialisePack(result.pack));
  const o = result.pack.originals[0];
  console.log(`Wrote ${path.relative(repoRoot, DEFAULT_PACK_FILE)}: "${o.title}" (${o.lang}, ${o.author}), id ${o.id}, fingerprint ${o.fingerprint.length} characters.`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) process.exitCode = main();
