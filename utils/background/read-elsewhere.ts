/**
 * A large page's article, read away from the page: the extractor handed its HTML over
 * (utils/content/read-page.ts `handOff`) rather than hold the page's main thread with
 * Readability. The HTML is parsed where a DOM parser exists — Firefox's background page,
 * or, in Chrome (whose service worker has none), an offscreen document of the extension
 * (entrypoints/offscreen) — read and fingerprinted as the extractor would (read-html.ts),
 * and dropped. Only the language detection, which needs the browser's detector, is left
 * to the background.
 */
import { withDetectedLang, type DetectLanguage } from '@/utils/content/detect-language';
import { parseExtraction, parseHandOff, type PageExtraction } from '@/utils/extraction';

/** A handed-over page, read: its extraction, and the text to detect its language from when it declares none. */
export interface HandedRead {
  page: PageExtraction;
  sample: string | null;
}

/** Parses a page's HTML, reads and fingerprints its article; null when it holds none. */
export type ReadHtml = (html: string, url: string) => Promise<HandedRead | null>;

/**
 * The extractor's runner, completed: what it returned, or, for a page it handed over, the
 * same extraction made from the page's HTML by `readHtml`.
 */
export function withHandOff(
  extract: (tabId: number, frameId: number) => Promise<unknown>,
  readHtml: ReadHtml,
  detect: DetectLanguage | null,
): (tabId: number, frameId: number) => Promise<unknown> {
  return async (tabId, frameId) => {
    const raw = await extract(tabId, frameId);
    const handed = parseHandOff(raw);
    if (!handed) return raw;
    const read = await readHtml(handed.html, handed.url);
    if (!read) return null;
    const page = parseExtraction(read.page);
    if (!page || !read.sample || !detect) return page;
    return withDetectedLang(page, await detect(read.sample).catch(() => null));
  };
}
