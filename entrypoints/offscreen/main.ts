/**
 * Chrome's offscreen document (utils/background/offscreen-reader.ts): parses a large
 * page's HTML handed over by the background and reads its article. Wiring only; answers
 * the extension's background alone.
 */
import { browser } from 'wxt/browser';
import { readHtmlHere } from '@/utils/background/read-html';
import { isOwnSender, onMessage, parseReadHtml } from '@/utils/messaging';

onMessage('readHtml', async ({ data, sender }) => {
  // From the extension's own background only: not a content script (which has a tab).
  if (!isOwnSender(sender, browser.runtime.id) || sender.tab) return null;
  const { html, url } = parseReadHtml(data);
  return readHtmlHere(html, url);
});
