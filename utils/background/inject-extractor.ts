/**
 * Runs the extractor (entrypoints/extractor.ts) in one frame of a tab and returns what it
 * returned. The extractor is injected only into pages that look like articles, so
 * Readability and the engine cost nothing on every other page.
 */
import { browser } from 'wxt/browser';

export const EXTRACTOR_FILE = '/extractor.js';

export async function injectExtractor(tabId: number, frameId = 0): Promise<unknown> {
  const results = await browser.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    files: [EXTRACTOR_FILE],
  });
  return results?.[0]?.result ?? null;
}
