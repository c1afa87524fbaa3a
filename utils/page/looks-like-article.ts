/**
 * Whether the page looks like an article, without parsing it: the cheap gate the content
 * script runs on every page before anything else. It imports only Readability's
 * readerability heuristic (a few KB), not Readability itself, which is injected later and
 * only on article pages (entrypoints/extractor.ts).
 */
// @ts-expect-error the readerable module ships without its own type declarations
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';

type Readerable = (doc: Document, options?: { minContentLength?: number; minScore?: number }) => boolean;

/** Readability's own heuristic, with its defaults except a smaller minimum paragraph
 * length and score, since CJK paragraphs are short in characters. */
export function looksLikeArticle(doc: Document): boolean {
  try {
    if (!doc?.documentElement) return false;
    return (isProbablyReaderable as Readerable)(doc, { minContentLength: 100, minScore: 20 });
  } catch {
    return false;
  }
}
