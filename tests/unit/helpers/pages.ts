/** Real pages as a `Document` (linkedom), to run the extractor's logic in tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { FRENCH_SITE, ITALIAN_SITE, newsPageHtml, parseSeed } from '../../../scripts/harness/news-page';
import { sharedDir } from './corpus';

export function documentOf(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

function seedText(prefix: string): string {
  const dir = path.join(sharedDir(), 'seeds');
  const files = readFileSync(path.join(dir, 'README.md'), 'utf8').match(new RegExp(`${prefix}[0-9a-f]+\\.txt`));
  if (!files) throw new Error(`no seed ${prefix}* named in ${dir}/README.md`);
  return readFileSync(path.join(dir, files[0]), 'utf8');
}

export const frenchSeedPage = () => documentOf(newsPageHtml(parseSeed(seedText('000_')), FRENCH_SITE));
export const italianSeedPage = () => documentOf(newsPageHtml(parseSeed(seedText('001_')), ITALIAN_SITE));

export function savedPage(name: string): Document {
  return documentOf(readFileSync(path.join(sharedDir(), 'pages', 'readability', name, 'source.html'), 'utf8'));
}
