/**
 * Reads a page from its HTML with the DOM parser of this context (Firefox's background
 * page, Chrome's offscreen document): Readability and the engine, as the extractor runs
 * them in the page, the language detection left out (read-elsewhere.ts does it).
 */
import { detectionSample, fingerprintPage, noPause, readArticle } from '@/utils/content/read-page';
import type { HandedRead } from './read-elsewhere';

/** Reads a page from its HTML with `parse` (tests give linkedom's). */
export async function readHtmlWith(parse: (html: string) => Document, html: string, url: string): Promise<HandedRead | null> {
  const article = await readArticle(parse(html), url, noPause);
  if (!article) return null;
  return { page: await fingerprintPage(article, url, null, noPause), sample: article.lang ? null : detectionSample(article) };
}

/** Reads a page from its HTML with this context's DOMParser. */
export const readHtmlHere = (html: string, url: string): Promise<HandedRead | null> =>
  readHtmlWith((h) => new DOMParser().parseFromString(h, 'text/html'), html, url);
