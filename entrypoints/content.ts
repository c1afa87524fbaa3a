/**
 * Runs on every web page; stays out of its way. When the page (or, on a single-page
 * site, the page navigated to) looks like an article, it tells the background, which
 * does the real work by injecting the extractor. Nothing visible, nothing thrown into
 * the page.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { sendMessage } from '@/utils/messaging';
import { contentKey, pageAddress, watchPage } from '@/utils/content/page-watch';
import { looksLikeArticle } from '@/utils/page/looks-like-article';
import { getCheckMode } from '@/utils/check-mode';

/** A single-page site may render the article a moment after its address changes. */
const RETRIES = 1;
const RETRY_MS = 2500;
/**
 * …and may keep showing the previous article meanwhile: while the page shows exactly what
 * was last reported, wait (up to STALE_WAITS × STALE_MS), so that the check is of the new
 * article and its verdict never the previous one's.
 */
const STALE_WAITS = 5;
const STALE_MS = 700;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main() {
    // "Check only when I click": nothing runs on its own; the toolbar button checks.
    if ((await getCheckMode()) === 'click') return;
    let stop = () => {};
    let reported: { url: string; key: string } | null = null;
    const report = (url: string, retries: number, staleWaits = STALE_WAITS): void => {
      try {
        if (pageAddress(location.href) !== url) return; // moved on: the watcher reports the new page
        const key = contentKey(document);
        if (reported && reported.url !== url && reported.key === key && staleWaits > 0) {
          setTimeout(() => report(url, retries, staleWaits - 1), STALE_MS);
          return;
        }
        if (!looksLikeArticle(document)) {
          if (retries > 0) setTimeout(() => report(url, retries - 1), RETRY_MS);
          return;
        }
        reported = { url, key };
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
