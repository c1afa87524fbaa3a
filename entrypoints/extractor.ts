/**
 * Injected by the background (utils/background/inject-extractor.ts) into a page that
 * looks like an article; its result is the page's fingerprint — names, numbers and
 * their positions, never a sentence. A large page is handed to the background as HTML
 * instead (read there, away from the page's main thread; it stays in the browser).
 * Deliberately free of the polyfill and messaging: only what it needs.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { browserDetectLanguage, handOff, readPage, shouldHandOff, yieldToPage } from '@/utils/content/read-page';
import type { PageExtraction, PageHandOff } from '@/utils/extraction';

export default defineUnlistedScript(async (): Promise<PageExtraction | PageHandOff | null> => {
  try {
    // The script's evaluation (the engine and its CLDR tables) is a task of its own: the
    // page runs between it and the reading.
    await yieldToPage();
    if (shouldHandOff(document)) return handOff(document, location.href);
    return await readPage(document, location.href, browserDetectLanguage);
  } catch {
    return null;
  }
});
