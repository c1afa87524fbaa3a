/**
 * The page's language when it declares none: the browser's own detector (Chrome's and
 * Firefox's CLD, local), in the extractor or the background alike. Small on purpose: the
 * background imports it without Readability or the engine's reader.
 */
import { primaryLang } from '@/utils/engine/fingerprint';
import type { PageExtraction } from '@/utils/extraction';
import type { ExtractedArticle } from '@/utils/page/extract';

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

type Detect = (text: string) => Promise<DetectionResult> | undefined;

/**
 * The browser's own language detector (`i18n.detectLanguage`: local, in content scripts
 * and the background alike); null where absent, unsure, or slower than 1.5 s.
 */
export async function browserDetectLanguage(text: string): Promise<string | null> {
  const g = globalThis as { browser?: { i18n?: { detectLanguage?: Detect } }; chrome?: { i18n?: { detectLanguage?: Detect } } };
  const i18n = g.browser?.i18n ?? g.chrome?.i18n;
  if (!i18n?.detectLanguage || !text) return null;
  const r = await Promise.race([
    i18n.detectLanguage(text),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 1500)),
  ]);
  return detectedLanguage(r);
}

/** What a language detector is given of an article. */
export function detectionSample(article: ExtractedArticle): string {
  return article.paragraphs.join('\n').slice(0, DETECT_SAMPLE);
}

/**
 * A page read without a detector, with the language detected afterwards filled in: the
 * same as `fingerprintPage` with the detector would have made (the fingerprint's language
 * is its only field the language sets).
 */
export function withDetectedLang(page: PageExtraction, detectedLang: string | null): PageExtraction {
  if (page.pageLang || !detectedLang) return page;
  return { ...page, detectedLang, fingerprint: { ...page.fingerprint, lang: primaryLang(detectedLang) } };
}

