/** The popup in the browser's own language: a French Chromium gets French, names included. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITALIAN_PATH, seedRoutes } from '../../scripts/harness/demo-pages';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/harness/extension-browser';
import { chromeExtensionDir } from '../../scripts/harness/paths';
import { serve, type StaticServer } from '../../scripts/harness/static-server';

let server: StaticServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await serve(seedRoutes());
  browser = await launchWithExtension({ extensionDir: chromeExtensionDir(), locale: 'fr' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('popup in French', () => {
  it('says it all in French, with French language names and numbers', async () => {
    const { tabId } = await browser.open(server.url(ITALIAN_PATH));
    expect((await browser.verdict(tabId))?.state).toBe('translation');
    expect(await browser.badgeText(tabId)).toBe('TRAD');
    const popup = await browser.openPopup(tabId);
    expect(await popup.locator('.verdict__sentence').textContent()).toBe(
      'Cette page en italien est une copie traduite de « Camaïeu victime d’une cyberattaque » — original en français de Yohann G.',
    );
    expect(await popup.locator('.verdict__confidence').textContent()).toMatch(/^Confiance (élevée|moyenne|faible) \(0,\d\d\)$/);
    expect(await popup.locator('summary').textContent()).toBe('Voir les indices');
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('fr');
  });
});
