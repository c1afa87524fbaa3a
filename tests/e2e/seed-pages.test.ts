/**
 * The defining case in a real browser: the Italian copy is flagged and its popup names
 * the French original; the French page is recognised as the original itself; a
 * single-page site that navigates away from the copy loses the flag.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enlarged, FRENCH_PATH, ITALIAN_PATH, LARGE_ITALIAN_PATH, savedPageRoute, seedRoutes } from '../../scripts/harness/demo-pages';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/harness/extension-browser';
import { chromeExtensionDir } from '../../scripts/harness/paths';
import { serve, type StaticServer } from '../../scripts/harness/static-server';

/**
 * A single-page site: shows the Italian copy, then renders another article in place
 * (content first, then the address; or the address first and the content later), and
 * brings the copy back on "back" (popstate).
 */
const SPA_PATH = '/spa/articolo';
function spaHtml(italian: string): string {
  return italian.replace(
    '</body>',
    `<script>
  const first = { lang: document.documentElement.lang, title: document.title, body: document.body.innerHTML };
  const other = async () => new DOMParser().parseFromString(await (await fetch('/saved/bbc-1/')).text(), 'text/html');
  const show = (lang, title, body) => { document.documentElement.lang = lang; document.title = title; document.body.innerHTML = body; };
  window.navigateAway = async () => {
    const next = await other();
    show('en', next.title, next.body.innerHTML);
    history.pushState({}, '', '/spa/other-story');
  };
  window.navigateLate = async () => {
    const next = await other();
    history.pushState({}, '', '/spa/late-story');
    setTimeout(() => show('en', next.title, next.body.innerHTML), 1500);
  };
  addEventListener('popstate', () => {
    if (location.pathname === '${SPA_PATH}') show(first.lang, first.title, first.body);
  });
</script></body>`,
  );
}

/** The tab's verdict once it is about the page at `path` and settled. */
async function verdictAt(tabId: number, path: string) {
  const until = Date.now() + 20_000;
  let v = await browser.verdict(tabId);
  while (Date.now() < until && !(v?.url.endsWith(path) && v.state !== 'checking')) {
    await new Promise((r) => setTimeout(r, 200));
    v = await browser.verdict(tabId);
  }
  return v;
}

let server: StaticServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  const routes = seedRoutes();
  const italian = routes.get(ITALIAN_PATH) as { html: string };
  routes.set(SPA_PATH, { html: spaHtml(italian.html) });
  routes.set(LARGE_ITALIAN_PATH, { html: enlarged(italian.html) });
  routes.set(...savedPageRoute('bbc-1'));
  server = await serve(routes);
  browser = await launchWithExtension({ extensionDir: chromeExtensionDir() });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('seed pages in Chromium', () => {
  it('flags the Italian copy inside a large site: read away from the page, in an offscreen document', async () => {
    const { tabId } = await browser.open(server.url(LARGE_ITALIAN_PATH));
    const v = await verdictAt(tabId, LARGE_ITALIAN_PATH);
    expect(v).toMatchObject({ state: 'translation', pageLang: 'it', original: { lang: 'fr', title: 'Camaïeu victime d’une cyberattaque' } });
    expect(await browser.badgeText(tabId)).toBe('COPY');
  });

  it('flags the Italian copy and names the French original in the popup', async () => {
    const { tabId } = await browser.open(server.url(ITALIAN_PATH));
    const v = await browser.verdict(tabId);
    expect(v).toMatchObject({ state: 'translation', pageLang: 'it', original: { lang: 'fr', title: 'Camaïeu victime d’une cyberattaque' } });
    expect(await browser.badgeText(tabId)).toBe('COPY');

    const popup = await browser.openPopup(tabId);
    const sentence = (await popup.locator('.verdict__sentence').textContent())?.trim();
    expect(sentence).toBe('This Italian page is a translated copy of «Camaïeu victime d’une cyberattaque» — French original by Yohann G.');
    expect(await popup.locator('.verdict__confidence').textContent()).toMatch(/confidence \(\d\.\d\d\)$/);

    // The evidence is one keypress away, and lists shared names.
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    await popup.keyboard.press('Enter');
    expect(await popup.locator('details.evidence').getAttribute('open')).not.toBeNull();
    expect(await popup.locator('.chip').allTextContents()).toEqual(expect.arrayContaining(['Ouzzani', 'Würth']));
    expect(await popup.locator('.links li').count()).toBeGreaterThan(2);
    await popup.close();
  });

  it('recognises the French page as the known original', async () => {
    const { tabId } = await browser.open(server.url(FRENCH_PATH));
    const v = await browser.verdict(tabId);
    expect(v).toMatchObject({ state: 'original', pageLang: 'fr', original: { title: 'Camaïeu victime d’une cyberattaque' } });
    expect(await browser.badgeText(tabId)).toBe('✓');
    const popup = await browser.openPopup(tabId);
    expect(await popup.locator('.verdict__sentence').textContent()).toBe(
      'This French page is a known original: «Camaïeu victime d’une cyberattaque», by Yohann G.',
    );
    await popup.close();
  });

  it('drops the flag when a single-page site navigates to another article', async () => {
    const { page, tabId } = await browser.open(server.url(SPA_PATH));
    expect((await browser.verdict(tabId))?.state).toBe('translation');
    expect(await browser.badgeText(tabId)).toBe('COPY');
    await page.evaluate(() => (window as unknown as { navigateAway(): Promise<void> }).navigateAway());
    expect(await verdictAt(tabId, '/spa/other-story')).toMatchObject({ state: 'none', pageLang: 'en' });
    expect(await browser.badgeText(tabId)).toBe('');

    // Back (popstate) to the copy: flagged again, the badge with it.
    await page.goBack();
    expect(page.url()).toBe(server.url(SPA_PATH));
    expect(await verdictAt(tabId, SPA_PATH)).toMatchObject({ state: 'translation', pageLang: 'it' });
    expect(await browser.badgeText(tabId)).toBe('COPY');
    await page.close();
  });

  it('never gives a new address the previous article’s verdict, when the site renders late', async () => {
    const { page, tabId } = await browser.open(server.url(SPA_PATH));
    expect((await browser.verdict(tabId))?.state).toBe('translation');
    // The address changes first; the copy stays on screen 1.5 s before the new article.
    await page.evaluate(() => (window as unknown as { navigateLate(): Promise<void> }).navigateLate());
    expect(await verdictAt(tabId, '/spa/late-story')).toMatchObject({ state: 'none', pageLang: 'en' });
    expect(await browser.badgeText(tabId)).toBe('');
    await page.close();
  });

  it('reports "no article" honestly in the popup of a page without one', async () => {
    const { tabId } = await browser.open(`${server.origin}/nothing-here`);
    const popup = await browser.openPopup(tabId);
    expect(await popup.locator('.verdict__sentence').textContent()).toMatch(/^Nothing checked here/);
    expect(await browser.badgeText(tabId)).toBe('');
    await popup.close();
  });
});
