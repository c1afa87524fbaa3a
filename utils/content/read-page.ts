/**
 * The extractor's work, on any `Document`: read the article, settle its language, and
 * fingerprint it. Returns what the background needs — never the article's text.
 */
import { fingerprintArticle } from '@/utils/engine';
import type { PageExtraction, PageHandOff } from '@/utils/extraction';
import { articleSteps, type ExtractedArticle } from '@/utils/page/extract';
import { detectionSample, type DetectLanguage } from './detect-language';

export { browserDetectLanguage, detectedLanguage, detectionSample, withDetectedLang, type DetectLanguage, type DetectionResult } from './detect-language';

/** No pause: for a document the page does not share (parsed from a hand-off). */
export const noPause = async (): Promise<void> => {};

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
  const article = await readArticle(doc, url, pause);
  return article ? fingerprintPage(article, url, detect, pause) : null;
}

/** The article on `doc` (Readability, step by step, `pause` between steps), or null. */
export async function readArticle(doc: Document, url: string, pause: () => Promise<void> = yieldToPage): Promise<ExtractedArticle | null> {
  const steps = articleSteps(doc, { url });
  while (steps.next()) await pause();
  return steps.result;
}

/** An article's language settled (declared, else detected) and its fingerprint taken. */
export async function fingerprintPage(
  article: ExtractedArticle,
  url: string,
  detect: DetectLanguage | null,
  pause: () => Promise<void> = yieldToPage,
): Promise<PageExtraction> {
  // The declared language wins; detection only fills in for pages that declare none.
  const detectedLang = article.lang || !detect ? null : await detect(detectionSample(article)).catch(() => null);
  await pause();
  const fingerprint = fingerprintArticle({ ...article, lang: article.lang ?? detectedLang });
  return {
    url, pageLang: article.lang, detectedLang, fingerprint, title: article.title, byline: article.byline,
    siteName: article.siteName, publishedTime: article.publishedTime,
  };
}

/**
 * Pages with more elements than this are read away from the page (`handOff`): Readability's
 * cost grows with the page, and on a large one (a long encyclopedia article: 10,000
 * elements) its one uninterruptible call holds the page's main thread for hundreds of
 * milliseconds; from about 1,500 elements (a portal's article page) cloning the page and
 * reading it can pass 50 ms on a slow machine. Serialising the page costs the page a few
 * milliseconds instead (20 ms for 10,000 elements).
 */
export const HANDOFF_ELEMENTS = 1_000;

/** Whether the article on `doc` is better read away from the page. */
export function shouldHandOff(doc: Document): boolean {
  return doc.querySelectorAll('*').length > HANDOFF_ELEMENTS;
}

/**
 * The page as HTML, for the background to read (utils/background/read-elsewhere.ts): it
 * never leaves the browser, and is dropped once read.
 */
export function handOff(doc: Document, url: string): PageHandOff {
  return { handOff: true, url, html: doc.documentElement.outerHTML };
}
