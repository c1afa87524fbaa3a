/**
 * Real articles from real publishers (Readability's test pages, served locally), eight
 * languages, four scripts: the extension checks them and flags none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REAL_ARTICLES, savedPagePath, savedPageRoute } from '../../scripts/harness/demo-pages';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/harness/extension-browser';
import { chromeExtensionDir } from '../../scripts/harness/paths';
import { serve, type StaticServer } from '../../scripts/harness/static-server';
import type { TabVerdict } from '../../utils/verdict';

const TABS_AT_ONCE = 4;

let server: StaticServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await serve(new Map(REAL_ARTICLES.map(savedPageRoute)));
  browser = await launchWithExtension({ extensionDir: chromeExtensionDir() });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('real pages in Chromium', () => {
  it(`flags none of ${REAL_ARTICLES.length} real articles`, async () => {
    const results: Array<{ name: string; verdict: TabVerdict | null; badge: string }> = [];
    for (let i = 0; i < REAL_ARTICLES.length; i += TABS_AT_ONCE) {
      await Promise.all(
        REAL_ARTICLES.slice(i, i + TABS_AT_ONCE).map(async (name) => {
          const { page, tabId } = await browser.open(server.url(savedPagePath(name)));
          const verdict = await browser.verdict(tabId, 10_000);
          results.push({ name, verdict, badge: await browser.badgeText(tabId) });
          await page.close();
        }),
      );
    }
    const flagged = results.filter((r) => r.verdict?.state === 'translation' || r.verdict?.state === 'original' || r.badge !== '');
    expect(flagged.map((r) => `${r.name}: ${r.verdict?.state} ${r.verdict?.original?.title ?? ''} badge=${r.badge}`)).toEqual([]);
    // The pages were really checked, not skipped: most are articles and reached a verdict.
    const checked = results.filter((r) => r.verdict?.state === 'none');
    expect(checked.length, results.map((r) => `${r.name}=${r.verdict?.state ?? 'unchecked'}`).join(' ')).toBeGreaterThanOrEqual(20);
    // Declared languages are read; undeclared ones (these two Chinese pages) detected locally.
    const lang = (name: string) => results.find((r) => r.name === name)?.verdict?.pageLang;
    expect([lang('lemonde-1'), lang('heise'), lang('folha')]).toEqual(['fr', 'de', 'pt']);
    expect([lang('qq'), lang('gmw')]).toEqual(['zh', 'zh']);
  });
});
