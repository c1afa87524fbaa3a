/**
 * The article on a page, as the engine reads it: title, byline, language and body
 * paragraphs, found by Mozilla's Readability (the engine behind Firefox Reader View).
 *
 * Takes the `document` as a parameter: the content script passes the live page, the CLI
 * and the tests a DOM parsed by linkedom. Readability mutates the document it reads, so it
 * always works on a clone, and the live page is never touched.
 */
import { Readability } from '@mozilla/readability';
import { httpUrl } from './address';
import { MAX_ELEMENTS, withinBounds } from './bounds';
import { declaredLang } from './lang';
import { DEFAULT_PARAGRAPH_LIMITS, paragraphsOf } from './paragraphs';
import { cleanOrNull, sameWords } from './text';

/** An extracted article; a superset of the engine's `Article`. */
export interface ExtractedArticle {
  title: string | null;
  byline: string | null;
  /** The page's declared language tag (e.g. "fr", "pt-BR"), or null when it declares none. */
  lang: string | null;
  siteName: string | null;
  publishedTime: string | null;
  /** The page's address when known and http(s), else null. */
  url: string | null;
  /** Body paragraphs in reading order, plain text; headings included, the title not. */
  paragraphs: string[];
}

export interface ExtractOptions {
  /** The page's address (the content script knows it; a saved file does not). */
  url?: string;
}

/**
 * Below this many characters Readability retries with looser rules; lower than its
 * default (500) because short news items and CJK text (dense: fewer characters per
 * sentence) are articles too.
 */
export const CHAR_THRESHOLD = 300;

export { looksLikeArticle } from './looks-like-article';

/**
 * Drops the title where the content repeats it as a heading near the top. Readability's
 * title may carry a site suffix ("Title | Site") the heading lacks, so a heading that is
 * the bulk of the title counts too.
 */
function withoutTitle(paragraphs: string[], title: string | null): string[] {
  if (!title) return paragraphs;
  const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const t = key(title);
  return paragraphs.filter((p, i) => {
    if (i >= 3) return true;
    if (sameWords(p, title)) return false;
    const k = key(p);
    return !(p.length < 300 && k.length >= 8 && k.length >= t.length * 0.6 && t.includes(k));
  });
}

/**
 * The steps of `extractArticle`, for a caller that gives the page its main thread back
 * between them (the extractor: utils/content/read-page.ts): each `next()` does one step
 * and says whether there is more to do; `result` is then the article (or null). Never
 * throws.
 */
export function articleSteps(doc: Document, opts: ExtractOptions = {}): { next(): boolean; readonly result: ExtractedArticle | null } {
  let result: ExtractedArticle | null = null;
  let lang0: string | null = null;
  let clone: Document | null = null;
  let parsed: ReturnType<Readability<Node>['parse']> = null;
  const steps: Array<() => boolean> = [
    // 1. Bounds, and a clone: Readability mutates the document it reads.
    () => {
      if (!doc?.documentElement || !withinBounds(doc)) return false;
      lang0 = declaredLang(doc);
      clone = doc.cloneNode(true) as Document;
      return true;
    },
    // 2. Readability.
    () => {
      const reader = new Readability<Node>(clone!, {
        charThreshold: CHAR_THRESHOLD,
        // Already enforced by withinBounds; kept as Readability's own guard.
        maxElemsToParse: MAX_ELEMENTS,
        // Hand back the content element itself: no serialising to HTML and parsing again.
        serializer: (node) => node,
      });
      parsed = reader.parse();
      clone = null;
      return !!parsed?.content;
    },
    // 3. Its content as paragraphs of plain text.
    () => {
      const p = parsed!;
      const title = cleanOrNull(p.title, 500) ?? cleanOrNull(doc.title, 500);
      const paragraphs = withoutTitle(paragraphsOf(p.content!, DEFAULT_PARAGRAPH_LIMITS), title);
      if (!paragraphs.length) return false;
      result = {
        title,
        byline: cleanOrNull(p.byline, 300),
        lang: lang0 ?? declaredLang(doc, p.lang ?? null),
        siteName: cleanOrNull(p.siteName, 300),
        publishedTime: cleanOrNull(p.publishedTime, 100),
        url: httpUrl(opts.url),
        paragraphs,
      };
      return false;
    },
  ];
  let at = 0;
  return {
    next() {
      if (at >= steps.length) return false;
      try {
        const more = steps[at++]();
        if (!more) at = steps.length;
        return more && at < steps.length;
      } catch {
        result = null;
        at = steps.length;
        return false;
      }
    },
    get result() {
      return result;
    },
  };
}

/** Reads the article on `doc`; null when there is none (or anything goes wrong). Never throws. */
export function extractArticle(doc: Document, opts: ExtractOptions = {}): ExtractedArticle | null {
  const steps = articleSteps(doc, opts);
  while (steps.next());
  return steps.result;
}
