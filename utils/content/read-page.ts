/**
 * The extractor's work, on any `Document`: read the article, settle its language, and
 * fingerprint it. Returns what the background needs — never the article's text.
 */
import { fingerprintArticle } from '@/utils/engine';
import type { PageExtraction } from '@/utils/extraction';
import { articleSteps } from '@/utils/page/extract';

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

/**
 * Gives the page its main thread back: what the page has queued (input, rendering, its
 * own scripts) runs before the extractor's next step. `scheduler.yield()` where the
 * browser has it (its continuation keeps its place ahead of other queued work), else a
 * message to ourselves (not clamped or throttled like a timer in a background tab).
 */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof s?.yield === 'function') return s.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Reads, detects and fingerprints the article on `doc`. Each step (clone, Readability,
 * paragraphs, fingerprint) runs in a task of its own, the page's work in between, so the
 * extractor never holds the main thread for the sum of them. `pause` is how it waits
 * between steps (tests pass a no-op).
 */
export async function readPage(
  doc: Document,
  url: string,
  detect: DetectLanguage | null,
  pause: () => Promise<void> = yieldToPage,
): Promise<PageExtraction | null> {
  const steps = articleSteps(doc, { url });
  while (steps.next()) await pause();
  const article = steps.result;
  if (!article) return null;
  // The declared language wins; detection only fills in for pages that declare none.
  const detectedLang = article.lang || !detect ? null : await detect(article.paragraphs.join('\n').slice(0, DETECT_SAMPLE)).catch(() => null);
  await pause();
  const fingerprint = fingerprintArticle({ ...article, lang: article.lang ?? detectedLang });
  return {
    url, pageLang: article.lang, detectedLang, fingerprint, title: article.title, byline: article.byline,
    siteName: article.siteName, publishedTime: article.publishedTime,
  };
}
