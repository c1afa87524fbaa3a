/**
 * The extractor's work, on any `Document`: read the article, settle its language, and
 * fingerprint it. Returns what the background needs — never the article's text.
 */
import { fingerprintArticle } from '@/utils/engine';
import type { PageExtraction } from '@/utils/extraction';
import { extractArticle } from '@/utils/page/extract';

/** Characters of text handed to a language detector (plenty for CLD). */
export const DETECT_SAMPLE = 3000;

/** A local language detector (the browser's `i18n.detectLanguage`); null if unsure. */
export type DetectLanguage = (text: string) => Promise<string | null>;

/** What `i18n.detectLanguage` answers (Chrome's and Firefox's CLD). */
export interface DetectionResult {
  isReliable: boolean;
  languages: Array<{ language: string; percentage: number }>;
}

/** Share of the text a language must hold to be taken when CLD does not call it reliable. */
export const CLEAR_MAJORITY = 80;

/**
 * The language to take from a detection, or null. CLD calls a page's text "unreliable"
 * as soon as it mixes in a few Latin words (menus, names), even at 91% Chinese; a clear
 * majority is still an answer.
 */
export function detectedLanguage(r: DetectionResult | null | undefined): string | null {
  const top = r?.languages?.[0];
  if (!top || !top.language || top.language === 'und') return null;
  return r!.isReliable || top.percentage >= CLEAR_MAJORITY ? top.language : null;
}

export async function readPage(doc: Document, url: string, detect: DetectLanguage | null): Promise<PageExtraction | null> {
  const article = extractArticle(doc, { url });
  if (!article) return null;
  // The declared language wins; detection only fills in for pages that declare none.
  const detectedLang = article.lang || !detect ? null : await detect(article.paragraphs.join('\n').slice(0, DETECT_SAMPLE)).catch(() => null);
  const fingerprint = fingerprintArticle({ ...article, lang: article.lang ?? detectedLang });
  return {
    url, pageLang: article.lang, detectedLang, fingerprint, title: article.title, byline: article.byline,
    siteName: article.siteName, publishedTime: article.publishedTime,
  };
}
