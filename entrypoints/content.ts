/**
 * Runs on every web page; stays out of its way. When the page (or, on a single-page
 * site, the page navigated to) looks like an article, it tells the background, which
 * does the real work by injecting the extractor. Nothing visible, nothing thrown into
 * the page.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { sendMessage } from '@/utils/messaging';
import { pageAddress, watchPage } from '@/utils/content/page-watch';
import { looksLikeArticle } from '@/utils/page/extract';

/** A single-page site may render the article a moment after its address changes. */
const RETRIES = 1;
const RETRY_MS = 2500;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    let stop = () => {};
    const report = (url: string, retries: number): void => {
      try {
        if (pageAddress(location.href) !== url) return; // moved on: the watcher reports the new page
        if (!looksLikeArticle(document)) {
          if (retries > 0) setTimeout(() => report(url, retries - 1), RETRY_MS);
          return;
        }
        sendMessage('pageReady', { url }).catch(() => {
          // The extension was updated or disabled: this copy of the script is orphaned.
          stop();
        });
      } catch {
        // Never let a check break the page.
      }
    };
    try {
      stop = watchPage({
        onPage(url) {
          report(url, RETRIES);
        },
      });
    } catch {
      // Same: a page with a broken environment simply goes unchecked.
    }
  },
});
