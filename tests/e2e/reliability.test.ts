/**
 * Reliability in a real Chromium, one browser for the whole file, all its traffic through
 * a counting proxy:
 * - hostile pages: no page error, bounded time on the page's main thread, right verdicts
 *   (the Italian copy in hostile markup still flagged);
 * - a page's tricks (window.postMessage, DOM events, messages to the extension's id, its
 *   files) make the extension store, confirm or flag nothing;
 * - the browser's own translation of a known original (Chrome's way: text nodes replaced
 *   in <font> wrappers, <html lang> and class changed, URL kept) is still the original, and
 *   triggers no re-check;
 * - 20 tabs opened at once all get their right verdict;
 * - "check only when I click": nothing checked until the popup asks;
 * - and, over all of the above, not one request leaves for anywhere but the test server
 *   (DevTools in every page and the worker, plus a proxy in front of the whole browser),
 *   and the test server sees no request the test did not make itself.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingProxy, type CountingProxy } from '../../scripts/harness/counting-proxy';
import { ITALIAN_PATH, seedRoutes } from '../../scripts/harness/demo-pages';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/harness/extension-browser';
import { hostileCopies, hostilePages, type HostilePage } from '../../scripts/harness/hostile-pages';
import { FRENCH_SITE, ITALIAN_SITE, newsPageHtml, readSeed, type SeedArticle } from '../../scripts/harness/news-page';
import { chromeExtensionDir, seedFile, sharedDir } from '../../scripts/harness/paths';
import { serve, type Route, type StaticServer } from '../../scripts/harness/static-server';
import type { TabVerdict } from '../../utils/verdict';
import { canonicalUrl } from '../../utils/pack/id';
import { urlKeyOf } from '../../utils/store/url-key';

/** The extension APIs used from inside its worker. */
declare const chrome: {
  storage: { local: { set(items: object): Promise<void>; get(key: string): Promise<Record<string, unknown>> }; session: { get(k: null): Promise<Record<string, unknown>> } };
};

let server: StaticServer;
let proxy: CountingProxy;
let browser: ExtensionBrowser;
const italian = readSeed(seedFile('001_'));
const french = readSeed(seedFile('000_'));
/** Every path the test itself navigates to (anything else the server sees is a finding). */
const navigated: string[] = [];
/** Requests seen by DevTools in any page, extension page or the extension's service worker. */
const contextRequests: Array<{ url: string; from: string }> = [];

/**
 * Chromium's own background services, which run in the browser process (no page, no
 * extension): seen by the proxy, never by any page's or worker's DevTools. Any other host
 * fails the test.
 */
const BROWSER_SERVICES = new Set(['update.googleapis.com', 'accounts.google.com', 'clients2.google.com', 'optimizationguide-pa.googleapis.com', 'safebrowsing.googleapis.com']);
const hostOf = (url: string) => (/^[\w.-]+:\d+$/.test(url) ? url.split(':')[0] : new URL(url).hostname);
const isLocal = (url: string) => /^(chrome-extension|data|blob|about|chrome):/.test(url) || url.startsWith(server.origin);

/** Unrelated real news (the corpus, read from the shared folder) as self-contained pages. */
function corpusPages(lang: string, n: number): SeedArticle[] {
  const lines = readFileSync(path.join(sharedDir(), 'corpus', 'dev', `${lang}.jsonl`), 'utf8').split('\n').filter(Boolean).slice(0, n);
  return lines.map((l) => {
    const a = JSON.parse(l) as { title: string | null; paragraphs: string[] };
    return { slug: 'x', title: a.title ?? 'News', blocks: a.paragraphs.map((text) => ({ kind: 'p' as const, text })), byline: null };
  });
}

/** A long-task recorder in the page's own world: the content script's work on the main thread shows here too. */
const LONG_TASKS = `<script>window.__longest = 0; try { new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({ type: 'longtask', buffered: true }); } catch (e) {}</script>`;
const withProbe = (html: string) => (/<head>/i.test(html) ? html.replace(/<head>/i, `<head>${LONG_TASKS}`) : `${LONG_TASKS}${html}`);

/** Chrome's page translation, as it rewrites the DOM: <font> wrappers, lang and class on <html>; the URL stays. */
const TRANSLATOR = (italianBlocks: string[], italianTitle: string) => `<script>
window.translateInPlace = () => {
  const texts = ${JSON.stringify([italianTitle, ...italianBlocks])};
  const blocks = document.querySelectorAll('article h1, article h2, article p');
  blocks.forEach((el, i) => {
    const outer = document.createElement('font');
    outer.setAttribute('style', 'vertical-align: inherit;');
    const inner = document.createElement('font');
    inner.setAttribute('style', 'vertical-align: inherit;');
    inner.textContent = texts[i] ?? '';
    outer.append(inner);
    el.replaceChildren(outer);
  });
  document.documentElement.lang = 'it';
  document.documentElement.classList.add('translated-ltr');
  document.title = texts[0];
};
if (location.hash === '#translated-early') document.addEventListener('DOMContentLoaded', () => window.translateInPlace());
</script>`;

/** Everything a page might try in order to make the extension act. */
const TRICKS = (extensionId: string) => `<!doctype html><html lang="en"><head><title>Tricks</title></head><body><p>Nothing to see.</p><script>
window.tryEverything = async (italianUrl) => {
  const shaped = (type, data) => ({ id: 1, type, data, timestamp: Date.now() });
  for (const m of [shaped('pageReady', { url: italianUrl }), shaped('getTabVerdict', { tabId: 1 }), shaped('checkTab', { tabId: 1 }),
                   { type: 'register', data: { url: location.href, originalId: 'seed:camaieu' } }, { type: 'confirm', data: { url: location.href } }]) {
    window.postMessage(m, '*');
    window.dispatchEvent(new MessageEvent('message', { data: m }));
    document.dispatchEvent(new CustomEvent(m.type, { detail: m }));
    try { chrome.runtime.sendMessage(${JSON.stringify(extensionId)}, m, () => void chrome.runtime.lastError); } catch (e) {}
  }
  const results = {};
  try { await fetch('chrome-extension://${extensionId}/packs/default.json'); results.fetch = 'read'; } catch (e) { results.fetch = 'refused'; }
  const frame = document.createElement('iframe');
  frame.src = 'chrome-extension://${extensionId}/popup.html?tab=1';
  document.body.append(frame);
  await new Promise((r) => setTimeout(r, 500));
  try { results.frame = frame.contentDocument ? 'readable' : 'opaque'; } catch (e) { results.frame = 'opaque'; }
  document.documentElement.lang = 'it';
  document.documentElement.dataset.provenance = 'translation';
  results.runtime = typeof chrome !== 'undefined' && !!chrome.runtime;
  return results;
};
</script></body></html>`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function open(p: string): Promise<{ page: Page; tabId: number }> {
  navigated.push(p.split('#')[0]);
  const { page, tabId } = await browser.open(server.url(p));
  return { page, tabId };
}

/** Opens a page with its errors recorded: uncaught exceptions, and errors in its console. */
async function openWatched(p: string): Promise<{ page: Page; tabId: number; errors: string[] }> {
  const errors: string[] = [];
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  navigated.push(p.split('#')[0]);
  await page.goto(server.url(p), { waitUntil: 'load', timeout: 60_000 });
  const tabId = await browser.worker.evaluate(async (u) => {
    const tabs = await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } } }).chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? -1;
  }, page.url());
  return { page, tabId, errors };
}

/** The verdict once the content script had every chance to report (its retry included), null if none. */
async function settledVerdict(tabId: number, quietMs = 4_500): Promise<TabVerdict | null> {
  const v = await browser.verdict(tabId, quietMs);
  return v?.state === 'checking' ? browser.verdict(tabId, 20_000) : v;
}

/** Record counts of every store of the extension's database, read inside its worker. */
function storeCounts(): Promise<Record<string, number>> {
  return browser.worker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('provenance-lens');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const out: Record<string, number> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      out[name] = await new Promise<number>((resolve) => {
        const r = db.transaction(name).objectStore(name).count();
        r.onsuccess = () => resolve(r.result);
      });
    }
    db.close();
    return out;
  });
}

beforeAll(async () => {
  const routes: Map<string, Route> = seedRoutes();
  for (const p of [...hostilePages(), ...hostileCopies(italian)]) routes.set(`/hostile/${p.name}`, { html: withProbe(p.html) });
  const italianBlocks = italian.blocks.map((b) => b.text);
  const translatable = (html: string) => html.replace('</head>', `${TRANSLATOR(italianBlocks, italian.title)}</head>`);
  const frenchHtml = newsPageHtml(french, FRENCH_SITE);
  routes.set('/translate/fr/camaieu', { html: translatable(frenchHtml) });
  routes.set('/elsewhere/fr/camaieu', { html: translatable(frenchHtml) });
  for (let i = 0; i < 7; i++) routes.set(`/tabs/it-${i}`, { html: newsPageHtml(italian, ITALIAN_SITE) });
  for (let i = 0; i < 7; i++) routes.set(`/tabs/fr-${i}`, { html: frenchHtml });
  const others = [...corpusPages('en', 2), ...corpusPages('de', 2), ...corpusPages('es', 2)];
  others.forEach((a, i) => routes.set(`/tabs/other-${i}`, { html: newsPageHtml(a, { ...FRENCH_SITE, lang: ['en', 'en', 'de', 'de', 'es', 'es'][i] }) }));
  routes.set('/click/it', { html: newsPageHtml(italian, ITALIAN_SITE) });

  server = await serve(routes);
  proxy = await countingProxy(() => [server.origin]);
  browser = await launchWithExtension({ extensionDir: chromeExtensionDir(), extraArgs: proxy.chromiumArgs });
  browser.context.on('request', (r) => {
    const sw = r.serviceWorker();
    contextRequests.push({ url: r.url(), from: sw ? `service worker ${sw.url()}` : (r.frame()?.url() ?? 'unknown') });
  });
  routes.set('/tricks', { html: TRICKS(browser.extensionId) });
  // The default pack is installed when the worker starts; wait for it.
  for (let i = 0; i < 100 && !((await storeCounts()).originals > 0); i++) await sleep(100);
});

afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await server?.close();
});

describe('the built extension', () => {
  it('asks for no more than it needs, and allows no remote code', () => {
    const dir = chromeExtensionDir();
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.permissions.sort()).toEqual(['activeTab', 'offscreen', 'scripting', 'storage', 'unlimitedStorage']);
    expect(manifest.host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    const csp: string = manifest.content_security_policy.extension_pages;
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/connect-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe|https?:|\*/);
    const scripts = ['background.js', 'extractor.js', 'content-scripts/content.js'].map((f) => readFileSync(path.join(dir, f), 'utf8'));
    for (const js of scripts) {
      expect(js).not.toMatch(/\beval\s*\(|new Function\s*\(|importScripts\s*\(/);
      expect(js).not.toMatch(/import\s*\(\s*["'`]https?:/);
    }
  });
});

/** Hostile pages open in parallel. */
const AT_ONCE = 4;

describe('hostile pages in Chromium', () => {
  const expectations = (p: HostilePage) => (p.carriesCopy ? 'translation' : 'not flagged');
  const all = () => [...hostilePages(), ...hostileCopies(italian)];

  it('never throw into the page, stay brief on its main thread, and get the right verdict', async () => {
    const report: string[] = [];
    const pages = all();
    // A few at a time: each page is measured while others load, as in a real session.
    for (let i = 0; i < pages.length; i += AT_ONCE) {
      await Promise.all(pages.slice(i, i + AT_ONCE).map(async (p) => {
        const t0 = Date.now();
        const { page, tabId, errors } = await openWatched(`/hostile/${p.name}`);
        const loaded = Date.now() - t0;
        const v = await settledVerdict(tabId);
        const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest ?? 0);
        const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
        const badge = await browser.badgeText(tabId);
        report.push(`${p.name}: ${v?.state ?? 'unchecked'} (badge "${badge}"), loaded in ${loaded} ms, longest main-thread task ${Math.round(longest)} ms, page heap ${(heap / 1048576).toFixed(1)} MB, errors ${errors.length}`);
        if (p.carriesCopy) {
          expect(v?.state, p.name).toBe('translation');
          expect(badge, p.name).toBe('COPY');
        } else {
          expect(['translation', 'original', 'error'], `${p.name}: ${expectations(p)}`).not.toContain(v?.state);
          expect(badge, p.name).toBe('');
        }
        // The page that throws on purpose (script-soup) shows its own error, nothing else.
        expect(errors.filter((e) => e !== 'pageerror: page'), p.name).toEqual([]);
        expect(longest, `${p.name}: a main-thread task of ${Math.round(longest)} ms`).toBeLessThan(5_000);
        await page.close();
      }));
    }
    console.log(`hostile pages:\n  ${report.sort().join('\n  ')}`);
  });
});

describe('a page cannot make the extension act', () => {
  it('postMessage, DOM events, messages to the extension id, its files: nothing stored, confirmed or flagged', async () => {
    const before = await storeCounts();
    const { page, tabId, errors } = await openWatched('/tricks');
    const results = await page.evaluate((u) => (window as unknown as { tryEverything(u: string): Promise<Record<string, unknown>> }).tryEverything(u), server.url(ITALIAN_PATH));
    // The page cannot reach the extension at all: no runtime, its files not web-accessible.
    expect(results).toMatchObject({ fetch: 'refused', runtime: false });
    await sleep(4_000);
    expect(await browser.verdict(tabId, 500)).toBeNull();
    expect(await browser.badgeText(tabId)).toBe('');
    expect(await storeCounts()).toEqual(before);
    const session = await browser.worker.evaluate(() => chrome.storage.session.get(null));
    expect(Object.keys(session)).not.toContain(`verdict:${tabId}`);
    expect(errors.filter((e) => !/chrome-extension:|Not allowed to load local resource|ERR_BLOCKED_BY_CLIENT|Failed to fetch/.test(e))).toEqual([]);
    await page.close();
  });
});

describe("the browser's own translation is not a copy", () => {
  it('a known original translated in place stays the known original, with no re-check', async () => {
    const registered = server.url('/translate/fr/camaieu');
    // Register the original at this address, as a pack with its URL would: the address in
    // its canonical form, filed under its hash (schema v4's by-url-key index).
    const canonical = canonicalUrl(registered)!;
    await browser.worker.evaluate(async ({ url, urlKey }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('provenance-lens');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('originals', 'readwrite');
        const all = tx.objectStore('originals').getAll();
        all.onsuccess = () => {
          const o = (all.result as Array<{ title: string; url: string | null }>).find((r) => r.title.startsWith('Camaïeu'));
          if (o) tx.objectStore('originals').put({ ...o, url, urlKey });
        };
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, { url: canonical, urlKey: urlKeyOf(canonical) });

    // Translated after the check (the reader clicks "Translate" on the open page).
    const late = await openWatched('/translate/fr/camaieu');
    const first = await settledVerdict(late.tabId);
    expect(first).toMatchObject({ state: 'original', basis: 'address', pageLang: 'fr' });
    await late.page.evaluate(() => (window as unknown as { translateInPlace(): void }).translateInPlace());
    expect(await late.page.evaluate(() => [document.documentElement.lang, document.documentElement.className, document.querySelectorAll('font font').length > 5])).toEqual(['it', 'translated-ltr', true]);
    await sleep(4_000); // longer than the content script's settle and retry delays
    const after = await browser.verdict(late.tabId);
    expect(after).toEqual(first); // same check, same time: nothing re-ran
    expect(await browser.badgeText(late.tabId)).toBe('✓');
    expect(late.errors).toEqual([]);
    await late.page.close();

    // Translated before the check (auto-translate as the page loads): the address decides.
    const early = await openWatched('/translate/fr/camaieu#translated-early');
    expect(await early.page.evaluate(() => document.documentElement.lang)).toBe('it');
    expect(await settledVerdict(early.tabId)).toMatchObject({ state: 'original', basis: 'address', pageLang: 'it' });
    expect(await browser.badgeText(early.tabId)).toBe('✓');
    await early.page.close();

    // The very same translated text at an address that is not the original's is a copy.
    const elsewhere = await openWatched('/elsewhere/fr/camaieu#translated-early');
    expect(await settledVerdict(elsewhere.tabId)).toMatchObject({ state: 'translation', basis: 'content', pageLang: 'it' });
    await elsewhere.page.close();
  });
});

describe('many tabs at once', () => {
  it('20 tabs opened together all get the right verdict', async () => {
    const paths = [
      ...Array.from({ length: 7 }, (_, i) => [`/tabs/it-${i}`, 'translation']),
      ...Array.from({ length: 7 }, (_, i) => [`/tabs/fr-${i}`, 'original']),
      ...Array.from({ length: 6 }, (_, i) => [`/tabs/other-${i}`, 'none']),
    ] as Array<[string, string]>;
    const t0 = Date.now();
    const tabs = await Promise.all(paths.map(([p]) => open(p)));
    const verdicts = await Promise.all(tabs.map(({ tabId }) => browser.verdict(tabId, 60_000)));
    const badges = await Promise.all(tabs.map(({ tabId }) => browser.badgeText(tabId)));
    console.log(`20 tabs: all verdicts in ${Date.now() - t0} ms`);
    expect(paths.map(([p], i) => `${p}: ${verdicts[i]?.state}`)).toEqual(paths.map(([p, want]) => `${p}: ${want}`));
    expect(verdicts.map((v, i) => v?.url === server.url(paths[i][0]))).toEqual(paths.map(() => true));
    expect(badges).toEqual(paths.map(([, want]) => (want === 'translation' ? 'COPY' : want === 'original' ? '✓' : '')));
    await Promise.all(tabs.map(({ page }) => page.close()));
  });
});

describe('check only when I click', () => {
  it('checks nothing on its own; the popup checks the tab it is opened for', async () => {
    await browser.worker.evaluate(() => chrome.storage.local.set({ checkMode: 'click' }));
    try {
      const { page, tabId } = await open('/click/it');
      expect(await settledVerdict(tabId)).toBeNull();
      expect(await browser.badgeText(tabId)).toBe('');
      const popup = await browser.openPopup(tabId);
      expect(await popup.locator('.verdict__sentence').textContent()).toMatch(/is a translated copy of «Camaïeu victime d’une cyberattaque»/);
      expect(await browser.badgeText(tabId)).toBe('COPY');
      const toggle = popup.locator('.mode input[type=checkbox]');
      expect(await toggle.isChecked()).toBe(true);
      await toggle.uncheck();
      await expect.poll(() => browser.worker.evaluate(() => chrome.storage.local.get('checkMode').then((r) => r.checkMode))).toBe('auto');
      await popup.close();
      await page.close();
    } finally {
      await browser.worker.evaluate(() => chrome.storage.local.set({ checkMode: 'auto' }));
    }
  });
});

describe('privacy', () => {
  it('not one request from the extension, nor from any page, left for anywhere but the test server', () => {
    // What DevTools saw in every page, extension page and the service worker: all local.
    expect(contextRequests.filter((r) => !isLocal(r.url))).toEqual([]);
    // What reached the network at all (the proxy sees the whole browser): the test server, and
    // only Chromium's own services besides, which no page or worker asked for.
    const foreign = proxy.requests.filter((r) => !r.local);
    expect(foreign.filter((r) => !BROWSER_SERVICES.has(hostOf(r.url)))).toEqual([]);
    if (foreign.length) console.log(`Chromium's own background requests (not the extension's): ${[...new Set(foreign.map((r) => hostOf(r.url)))].join(', ')}`);
  });

  it('the test server saw only the pages the test opened, each once per opening', () => {
    // Besides the pages: the browser's favicon request, and the one iframe of the "framed" page.
    const expected = new Set([...navigated, '/favicon.ico', '/does-not-exist']);
    const local = proxy.requests.filter((r) => r.local).map((r) => new URL(r.url).pathname);
    expect(local.filter((p) => !expected.has(p))).toEqual([]);
    // The extension never fetched a page itself: one request per navigation.
    const count = (list: string[], p: string) => list.filter((x) => x === p).length;
    for (const p of new Set(navigated)) expect(count(local, p), p).toBe(count(navigated, p));
    expect(local.length).toBeGreaterThan(40);
  });

  it('the counters do catch a request, and the extension could not even make one (its CSP)', async () => {
    const seenBefore = proxy.requests.length;
    const { page } = await open('/tricks');
    await page.evaluate(() => fetch('http://control.invalid/ping').catch(() => undefined));
    await expect.poll(() => proxy.requests.slice(seenBefore).some((r) => r.url.startsWith('http://control.invalid/'))).toBe(true);
    expect(contextRequests.some((r) => r.url.startsWith('http://control.invalid/'))).toBe(true);
    // The worker's requests are seen too (its own file, allowed)…
    await browser.worker.evaluate(() => fetch('/packs/default.json').then((r) => r.status));
    await expect.poll(() => contextRequests.some((r) => r.from.startsWith('service worker') && r.url.endsWith('/packs/default.json'))).toBe(true);
    // …and one to anywhere else is refused before it leaves: connect-src 'self'.
    const fromWorker = await browser.worker.evaluate(() => fetch('http://control.invalid/from-worker').then(() => 'sent', (e: Error) => `refused: ${e.message}`));
    expect(fromWorker).toMatch(/^refused/);
    expect(proxy.requests.some((r) => r.url.includes('from-worker'))).toBe(false);
    await page.close();
  });
});
