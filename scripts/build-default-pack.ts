/**
 * Builds public/packs/default.json, the pack the extension ships with: the project's
 * defining case, the French original of the seed documents ("Camaïeu victime d'une
 * cyberattaque", signed Yohann G.). Built by the project's own code from the seed text,
 * exactly as a publisher would build theirs: metadata and fingerprint, no text.
 *
 *   npm run pack:default          (shared data from ../shared, or $PROVENANCE_SHARED)
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprintArticle } from '../utils/engine';
import { articleFromPlainText } from '../utils/page/plain-text';
import { buildPack, serialisePack } from '../utils/pack';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.PROVENANCE_SHARED
  ? path.resolve(process.env.PROVENANCE_SHARED)
  : path.resolve(repoRoot, '../shared');
const seedFile = path.join(shared, 'seeds', '000_aa5ed160621a76a1.txt');
const outFile = path.join(repoRoot, 'public', 'packs', 'default.json');

/** The site's related-article link ("A lire également …"): a link, not the story (seeds/README.md). */
const RELATED_LINK = /^A lire également\b/i;

function main(): number {
  let text: string;
  try {
    text = readFileSync(seedFile, 'utf8');
  } catch (e) {
    console.error(`Cannot read the French seed at ${seedFile}: ${(e as Error).message}`);
    console.error('Set PROVENANCE_SHARED to the folder holding seeds/.');
    return 1;
  }
  const article = articleFromPlainText(text, { lang: 'fr', drop: (p) => RELATED_LINK.test(p) });
  if (article.title !== 'Camaïeu victime d’une cyberattaque' || article.byline !== 'Yohann G.') {
    console.error(`The seed did not read as expected (title ${JSON.stringify(article.title)}, byline ${JSON.stringify(article.byline)}).`);
    return 1;
  }
  const result = buildPack({
    publisher: 'Provenance Lens',
    // A fixed date keeps the file byte-identical across rebuilds of the same seed.
    created: '2024-01-01T00:00:00.000Z',
    originals: [{
      title: article.title,
      lang: 'fr',
      author: article.byline,
      fingerprint: fingerprintArticle(article),
    }],
  });
  if (!result.ok) {
    for (const e of result.errors) console.error(`${e.record}${e.field ? `.${e.field}` : ''}: ${e.message}`);
    return 1;
  }
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, serialisePack(result.pack));
  const o = result.pack.originals[0];
  console.log(`Wrote ${path.relative(repoRoot, outFile)}: 1 original, "${o.title}" (${o.lang}, ${o.author}), id ${o.id}, fingerprint ${o.fingerprint.length} chars`);
  return 0;
}

process.exitCode = main();
