/**
 * Injected by the background (utils/background/inject-extractor.ts) into a page that
 * looks like an article; its result is the page's fingerprint — names, numbers and
 * their positions, never a sentence. The text stays in the page. Deliberately free of
 * the polyfill and messaging: only what it needs.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { detectedLanguage, readPage, type DetectionResult } from '@/utils/content/read-page';
import type { PageExtraction } from '@/utils/extraction';

type Detect = (text: string) => Promise<DetectionResult> | undefined;

/** The browser's own detector (runs locally, in content scripts too); null where absent. */
async function detectLanguage(text: string): Promise<string | null> {
  const g = globalThis as { browser?: { i18n?: { detectLanguage?: Detect } }; chrome?: { i18n?: { detectLanguage?: Detect } } };
  const i18n = g.browser?.i18n ?? g.chrome?.i18n;
  if (!i18n?.detectLanguage || !text) return null;
  const r = await Promise.race([
    i18n.detectLanguage(text),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 1500)),
  ]);
  return detectedLanguage(r);
}

export default defineUnlistedScript(async (): Promise<PageExtraction | null> => {
  try {
    return await readPage(document, location.href, detectLanguage);
  } catch {
    return null;
  }
});
