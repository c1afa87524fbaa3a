/**
 * Wiring only: browser events and messages in, utils/background out. Listeners are
 * registered synchronously so that an MV3 worker woken by an event receives it.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { showBadge } from '@/utils/background/badge';
import { lazyDatabase } from '@/utils/background/database';
import { DEFAULT_PACK_PATH, installDefaultPack } from '@/utils/background/default-pack';
import { injectExtractor } from '@/utils/background/inject-extractor';
import { createOffscreenReader } from '@/utils/background/offscreen-reader';
import { withHandOff, type ReadHtml } from '@/utils/background/read-elsewhere';
import { browserDetectLanguage } from '@/utils/content/detect-language';
import { createManagement } from '@/utils/background/management';
import { createTabChecker } from '@/utils/background/tab-checker';
import { TabVerdicts } from '@/utils/background/tab-verdicts';
import { pageAddress } from '@/utils/content/page-watch';
import { isExtensionPage, isOwnSender, onMessage, parsePageReady, parseTabRef } from '@/utils/messaging';
import { isManagementSender, MANAGEMENT_MESSAGES, parseManagement, type ManagementMessage } from '@/utils/management';
import { httpUrl } from '@/utils/page/address';
import { loadSettings } from '@/utils/store/settings';
import { getCheckMode } from '@/utils/check-mode';
import { browserTranslate } from '@/utils/ui/i18n';

export default defineBackground(() => {
  const log = (message: string, err?: unknown) => console.warn(`[provenance-lens] ${message}`, err ?? '');
  const fetchDefaultPack = async () => {
    const res = await fetch(browser.runtime.getURL(DEFAULT_PACK_PATH));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.json();
  };
  const db = lazyDatabase(fetchDefaultPack, log);
  // A large page comes back from the extractor as HTML: read here in Firefox (its
  // background page has a DOM; Readability loaded only then), in an offscreen document in
  // Chrome (its service worker has none).
  const readHtml: ReadHtml = import.meta.env.FIREFOX
    ? async (html, url) => (await import('@/utils/background/read-html')).readHtmlHere(html, url)
    : createOffscreenReader();
  const checker = createTabChecker({
    db,
    extract: withHandOff(injectExtractor, readHtml, browserDetectLanguage),
    verdicts: new TabVerdicts(),
    badge: (tabId, verdict) => showBadge(tabId, verdict, browserTranslate),
    settings: () => loadSettings(),
    log,
  });
  const manage = createManagement({
    db,
    checker,
    tabUrl: async (tabId) => (await browser.tabs.get(tabId)).url,
    tabIds: async () => (await browser.tabs.query({})).flatMap((t) => (t.id === undefined ? [] : [t.id])),
    installDefaults: (d) => installDefaultPack(d, fetchDefaultPack),
    log,
  });

  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install' && reason !== 'update') return;
    // An update may ship new originals: merge them in (same ids merge, nothing is lost).
    void db()
      .then((d) => installDefaultPack(d, fetchDefaultPack))
      .then((r) => (r.ok ? undefined : log('default pack not installed', r.errors)))
      .catch((e) => log('default pack not installed', e));
  });

  onMessage('pageReady', async ({ data, sender }) => {
    if (!isOwnSender(sender, browser.runtime.id)) return;
    const tabId = sender.tab?.id;
    if (tabId === undefined || tabId < 0) return;
    const { url } = parsePageReady(data);
    // "Check only when I click": a content script that still runs (the setting just
    // changed) is not listened to. The settings are read meanwhile.
    const settings = loadSettings();
    settings.catch(() => undefined); // handled by pageReady, if it comes to that
    if ((await getCheckMode()) === 'click') return;
    await checker.pageReady(tabId, sender.frameId ?? 0, url, settings);
  });

  // The reader clicked the toolbar button on a page not checked yet (click mode, or the
  // extension's site access withheld): `activeTab` grants this one tab for this check.
  onMessage('checkTab', async ({ data, sender }) => {
    if (!isExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'))) return null;
    const { tabId } = parseTabRef(data, 'checkTab');
    // Started before the tab is looked up: a worker just woken has the store to open.
    const settings = checker.prepare();
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    const url = httpUrl(tab?.url);
    if (!url) return null;
    const known = await checker.verdictFor(tabId, url);
    if (known && known.state !== 'checking' && known.state !== 'error') return known;
    return checker.pageReady(tabId, 0, pageAddress(url), settings);
  });

  onMessage('getTabVerdict', async ({ data, sender }) => {
    if (!isExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'))) return null;
    const { tabId } = parseTabRef(data);
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    return checker.verdictFor(tabId, tab?.url);
  });

  // Registering, deciding, managing: from the popup and the options page only. A content
  // script (or an extension page framed in a web page) gets nothing and changes nothing.
  const serve = <K extends ManagementMessage>(type: K) =>
    onMessage(type, async ({ data, sender }) => {
      if (!isManagementSender(sender, browser.runtime.id, browser.runtime.getURL('/'))) return null as never;
      const handler = manage[type] as (payload: unknown) => Promise<unknown>;
      return handler(parseManagement(type, data)) as never;
    });
  for (const type of MANAGEMENT_MESSAGES) serve(type);

  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) void checker.urlChanged(tabId, change.url).catch((e) => log('tab update', e));
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void checker.tabRemoved(tabId).catch((e) => log('tab removal', e));
  });
});
