/**
 * Chrome's way to parse HTML from the background: its MV3 service worker has no DOM, so
 * an offscreen document of the extension (entrypoints/offscreen, reason DOM_PARSER) reads
 * the page. Created for a read, closed a while after the last one.
 */
import { sendMessage } from '@/utils/messaging';
import type { ReadHtml } from './read-elsewhere';

export const OFFSCREEN_PATH = '/offscreen.html';

interface OffscreenApi {
  createDocument(p: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument?(): Promise<boolean>;
}

function offscreenApi(): OffscreenApi | null {
  return (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen ?? null;
}

/** Whether this browser gives the background an offscreen document. */
export const hasOffscreen = (): boolean => offscreenApi() !== null;

/** The offscreen document is closed this long after the last read (a page read in a burst of tabs opens it once). */
export const OFFSCREEN_IDLE_MS = 20_000;

export function createOffscreenReader(idleMs = OFFSCREEN_IDLE_MS): ReadHtml {
  let opening: Promise<void> | null = null;
  let reading = 0;
  let closer: ReturnType<typeof setTimeout> | null = null;
  let closing: Promise<void> | null = null;
  const open = async (api: OffscreenApi) => {
    if (api.hasDocument && (await api.hasDocument())) return;
    opening ??= api
      .createDocument({ url: OFFSCREEN_PATH, reasons: ['DOM_PARSER'], justification: 'Read the article of a large page away from the page.' })
      .catch((e: unknown) => {
        // Created meanwhile (by a worker that was stopped and woken): as good.
        if (!String(e).includes('single offscreen')) throw e;
      })
      .finally(() => (opening = null));
    await opening;
  };
  return async (html, url) => {
    const api = offscreenApi();
    if (!api) return null;
    reading++;
    if (closer) clearTimeout(closer);
    closer = null;
    try {
      if (closing) await closing; // a close under way ends before the document is opened again
      await open(api);
      return await sendMessage('readHtml', { html, url });
    } finally {
      if (--reading === 0) {
        closer = setTimeout(() => {
          closing = api.closeDocument().catch(() => undefined).finally(() => (closing = null));
        }, idleMs);
      }
    }
  };
}
