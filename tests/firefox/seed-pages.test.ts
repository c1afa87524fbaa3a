/**
 * The defining case in Firefox for real: the Firefox build, installed in Firefox ESR over
 * WebDriver BiDi, flags the Italian copy (badge and popup), recognises the French
 * original, flags nothing on an unrelated page, and its extension pages keep their
 * Content Security Policy. The verdict is read from the extension's own popup page,
 * opened for the tab (popup.html?tab=<id>), exactly what a reader sees.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enlarged, FRENCH_PATH, ITALIAN_PATH, LARGE_ITALIAN_PATH, seedRoutes } from '../../scripts/harness/demo-pages';
import { FRENCH_SITE, newsPageHtml } from '../../scripts/harness/news-page';
import { EXTENSION_ORIGIN, launchFirefox, type FirefoxSession } from '../../scripts/harness/firefox-bidi';
import { firefoxExtensionDir, sharedDir } from '../../scripts/harness/paths';
import { serve, type StaticServer } from '../../scripts/harness/static-server';

const UNRELATED = '/fr/monde/autre-article';
let server: StaticServer;
let ff: FirefoxSession;
/** A tab showing the extension's popup page, used to look tabs up and read verdicts. */
let control: string;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The WebExtension tab id of the tab showing `url` (asked from an extension page). */
async function tabIdOf(url: string): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const id = await ff.evaluate<number | null>(control, `browser.tabs.query({}).then((tabs) => tabs.find((t) => t.url === ${JSON.stringify(url)})?.id ?? null)`);
    if (id !== null) return id;
    await sleep(100);
  }
  throw new Error(`no tab shows ${url}`);
}

/** The popup for a tab, once its verdict has settled: its state, sentence and the badge. */
async function popupFor(tabId: number): Promise<{ state: string; sentence: string; badge: string; lang: string }> {
  const until = Date.now() + 30_000;
  for (;;) {
    await ff.navigate(control, `${EXTENSION_ORIGIN}/popup.html?tab=${tabId}`);
    await sleep(300);
    const r = await ff.evaluate<{ state: string; sentence: string; badge: string; lang: string }>(control, `(async () => ({
      state: document.body.dataset.state ?? '',
      sentence: document.querySelector('.verdict__sentence')?.textContent ?? '',
      badge: await browser.action.getBadgeText({ tabId: ${tabId} }),
      lang: document.documentElement.lang,
    }))()`);
    // "unchecked" until the content script has reported (it waits for the page to be idle).
    if ((r.state !== 'checking' && r.state !== 'unchecked' && r.state !== '') || Date.now() > until) return r;
    await sleep(500);
  }
}

beforeAll(async () => {
  const routes = seedRoutes();
  // An unrelated French news article (the corpus, from the shared folder) on a self-contained page.
  const line = readFileSync(path.join(sharedDir(), 'corpus', 'dev', 'fr.jsonl'), 'utf8').split('\n')[3];
  const other = JSON.parse(line) as { title: string | null; paragraphs: string[] };
  routes.set(UNRELATED, { html: newsPageHtml({ slug: 'x', title: other.title ?? 'Actualité', byline: null, blocks: other.paragraphs.map((text) => ({ kind: 'p' as const, text })) }, FRENCH_SITE) });
  routes.set(LARGE_ITALIAN_PATH, { html: enlarged((routes.get(ITALIAN_PATH) as { html: string }).html) });
  server = await serve(routes);
  ff = await launchFirefox();
  const installed = await ff.send<{ extension: string }>('webExtension.install', { extensionData: { type: 'path', path: firefoxExtensionDir() } });
  expect(installed.extension).toBe('provenance-lens@provenance-lens.org');
  control = await ff.openTab(`${EXTENSION_ORIGIN}/popup.html`);
});

afterAll(async () => {
  await ff?.close();
  await server?.close();
});

describe(`Firefox ESR`, () => {
  it('runs the Firefox build with its permissions granted and its CSP in force', async () => {
    expect(Number(ff.version.split('.')[0])).toBeGreaterThanOrEqual(140);
    const perms = await ff.evaluate<{ origins: string[]; permissions: string[] }>(control, 'browser.permissions.getAll()');
    expect(perms.origins).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*']));
    expect(perms.permissions.sort()).toEqual(['activeTab', 'scripting', 'storage', 'unlimitedStorage']);
    // The extension page's policy refuses inline script and any request off the extension
    // (BiDi's own evaluation is privileged, so the page is made to try by itself).
    const violations = await ff.evaluate<string[]>(control, `new Promise((resolve) => {
      const seen = [];
      document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
      const s = document.createElement('script');
      s.textContent = 'window.__inline = true';
      document.head.append(s);
      const img = new Image();
      img.src = 'http://127.0.0.1:9/pixel.png';
      setTimeout(() => resolve(seen.concat(window.__inline ? ['inline script RAN'] : [])), 500);
    })`);
    expect(violations.map((d) => d.split(' ')[0])).toEqual(expect.arrayContaining(['script-src-elem', 'img-src']));
    expect(violations).not.toContain('inline script RAN');
    const manifest = JSON.parse(readFileSync(path.join(firefoxExtensionDir(), 'manifest.json'), 'utf8'));
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('cuts Chinese into dictionary words, as the engine reads Chinese names (utils/engine/segment.ts)', async () => {
    // Without a dictionary every character would be a word of its own: 白宫 (the White
    // House), 准备 and 总统 must come out whole.
    const words = await ff.evaluate<string[]>(control, `[...new Intl.Segmenter('zh', { granularity: 'word' }).segment('正准备在白宫度过圣诞节的总统奥巴马')].map((s) => s.segment)`);
    expect(words).toEqual(expect.arrayContaining(['准备', '白宫', '总统']));
    // The name, which no dictionary has, in single characters (Firefox reports some of
    // them as not word-like: segment.ts reads letters whatever it says).
    expect(words).toEqual(expect.arrayContaining(['奥', '巴', '马']));
  });

  it('flags the Italian copy: badge, and the popup names the French original', async () => {
    const url = server.url(ITALIAN_PATH);
    await ff.openTab(url);
    const tabId = await tabIdOf(url);
    const p = await popupFor(tabId);
    expect(p).toMatchObject({ state: 'translation', badge: 'COPY', lang: 'en' });
    expect(p.sentence).toBe('This Italian page is a translated copy of «Camaïeu victime d’une cyberattaque» — French original by Yohann G.');
  });

  it('flags the Italian copy inside a large site, read by the background page', async () => {
    const url = server.url(LARGE_ITALIAN_PATH);
    await ff.openTab(url);
    const p = await popupFor(await tabIdOf(url));
    expect(p).toMatchObject({ state: 'translation', badge: 'COPY' });
  });

  it('recognises the French page as the known original', async () => {
    const url = server.url(FRENCH_PATH);
    await ff.openTab(url);
    const p = await popupFor(await tabIdOf(url));
    expect(p).toMatchObject({ state: 'original', badge: '✓' });
    expect(p.sentence).toBe('This French page is a known original: «Camaïeu victime d’une cyberattaque», by Yohann G.');
  });

  it('flags nothing on an unrelated French article', async () => {
    const url = server.url(UNRELATED);
    await ff.openTab(url);
    const p = await popupFor(await tabIdOf(url));
    expect(p).toMatchObject({ state: 'none', badge: '' });
  });
});
