/**
 * The fact-checker's workflow in a real Chromium, through the real UI: register a French
 * article as an original from the popup, confirm its English translation, dismiss its
 * German one, then export a pack from the options page, clear everything, import the pack
 * — and every verdict and decision is back as it was.
 *
 * Pages are built from the shared parallel corpus (scripts/harness/corpus-pages.ts); none
 * is in the default pack. With PROVENANCE_SCREENSHOTS=1 (npm run screenshots) the popup
 * and the options page are saved to docs/ on the way.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusArticle, WORKFLOW_ARTICLE, WORKFLOW_AUTHOR, WORKFLOW_PATHS, WORKFLOW_SITES, workflowRoutes, type WorkflowLang } from '../../scripts/harness/corpus-pages';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/harness/extension-browser';
import { chromeExtensionDir, repoRoot } from '../../scripts/harness/paths';
import { serve, type StaticServer } from '../../scripts/harness/static-server';
import type { TabVerdict } from '../../utils/verdict';

const SHOTS = process.env.PROVENANCE_SCREENSHOTS === '1';
const TITLE = corpusArticle('fr', WORKFLOW_ARTICLE).title!;
const NOTE = 'Machine translation, no credit given.';

let server: StaticServer;
let browser: ExtensionBrowser;
let tmp: string;

beforeAll(async () => {
  server = await serve(workflowRoutes());
  browser = await launchWithExtension({ extensionDir: chromeExtensionDir() });
  tmp = mkdtempSync(path.join(os.tmpdir(), 'provenance-lens-workflow-'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const url = (l: WorkflowLang) => server.url(WORKFLOW_PATHS[l]);

/** Opens the page in a new tab and waits for its verdict. */
async function visit(l: WorkflowLang): Promise<{ tabId: number; verdict: TabVerdict | null; page: Page }> {
  const { tabId, page } = await browser.open(url(l));
  return { tabId, page, verdict: await browser.verdict(tabId) };
}

/** What must come back the same after export, clear and import. */
function summary(v: TabVerdict | null) {
  return {
    state: v?.state,
    original: v?.original ? { title: v.original.title, author: v.original.author, lang: v.original.lang, url: v.original.url } : null,
    confirmed: v?.confirmed ?? false,
    note: v?.note ?? null,
    dismissed: (v?.dismissed ?? []).map((o) => o.title),
  };
}

async function verdictsOfAll() {
  const out: Record<string, ReturnType<typeof summary>> = {};
  for (const l of ['fr', 'en', 'de'] as const) {
    const { verdict, page } = await visit(l);
    out[l] = summary(verdict);
    await page.close();
  }
  return out;
}

const waitState = (popup: Page, state: string) =>
  popup.waitForFunction((s) => document.body.dataset.state === s, state, { timeout: 20_000 });

let before: Awaited<ReturnType<typeof verdictsOfAll>>;
let packFile: string;

describe('the fact-checker’s workflow in Chromium', () => {
  it('registers a page as an original from the popup, with the form pre-filled', async () => {
    const { tabId, verdict } = await visit('fr');
    expect(verdict?.state).toBe('none');
    const popup = await browser.openPopup(tabId);
    await popup.getByRole('button', { name: 'Register this page as an original' }).click();
    const title = popup.getByLabel('Title');
    await expect.poll(() => title.inputValue()).toBe(TITLE);
    expect(await popup.getByLabel(/^Author/).inputValue()).toBe(WORKFLOW_AUTHOR);
    expect(await popup.getByLabel(/^Publisher or site/).inputValue()).toBe(WORKFLOW_SITES.fr.siteName);
    expect(await popup.getByLabel(/^Address/).inputValue()).toBe(url('fr'));
    expect(await popup.getByLabel(/^Publication date/).inputValue()).toBe('2010-12-02');
    expect(await popup.getByLabel(/^Language code/).inputValue()).toBe('fr');
    if (SHOTS) {
      await popup.setViewportSize({ width: 380, height: 900 });
      await popup.locator('main.popup').screenshot({ path: path.join(repoRoot, 'docs', 'popup-register.png') });
    }
    // A field at fault is named, and nothing is stored.
    await title.fill('   ');
    await popup.getByRole('button', { name: 'Register original' }).click();
    await expect.poll(() => popup.locator('.field__problem').textContent()).toBe('Required.');
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('register-title');
    await title.fill(TITLE);
    await popup.getByRole('button', { name: 'Register original' }).click();
    await waitState(popup, 'original');
    expect(await popup.locator('.verdict__sentence').textContent()).toBe(`This French page is a known original: «${TITLE}», by ${WORKFLOW_AUTHOR}.`);
    expect(await browser.badgeText(tabId)).toBe('✓');
    await popup.close();
  });

  it('flags the English translation, and the reader confirms it with the keyboard', async () => {
    const { tabId, verdict } = await visit('en');
    expect(verdict).toMatchObject({ state: 'translation', pageLang: 'en', original: { title: TITLE } });
    expect(await browser.badgeText(tabId)).toBe('COPY');
    const popup = await browser.openPopup(tabId);
    const note = popup.getByLabel('Note (optional)');
    await note.focus();
    await popup.keyboard.type(NOTE);
    if (SHOTS) {
      await popup.setViewportSize({ width: 380, height: 900 });
      await popup.locator('main.popup').screenshot({ path: path.join(repoRoot, 'docs', 'popup-workflow.png') });
    }
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Confirmed translation');
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.locator('.verdict__sentence').textContent(), { timeout: 20_000 }).toBe(
      `This English page is a confirmed translated copy of «${TITLE}» — French original by ${WORKFLOW_AUTHOR}.`,
    );
    expect(await popup.locator('.decision__note').textContent()).toBe(`Note: ${NOTE}`);
    expect(await browser.badgeText(tabId)).toBe('COPY');
    await popup.close();
  });

  it('the reader says the German page is not a copy: it is no longer flagged', async () => {
    const { tabId, verdict } = await visit('de');
    expect(verdict?.state).toBe('translation');
    const popup = await browser.openPopup(tabId);
    await popup.getByRole('button', { name: 'Not a copy' }).click();
    await waitState(popup, 'none');
    expect(await popup.locator('.dismissed__item span').textContent()).toBe(`You marked this page as not a copy of «${TITLE}».`);
    expect(await browser.badgeText(tabId)).toBe('');
    await popup.close();

    before = await verdictsOfAll();
    expect(before).toMatchObject({
      fr: { state: 'original', original: { title: TITLE, author: WORKFLOW_AUTHOR } },
      en: { state: 'translation', confirmed: true, note: NOTE },
      de: { state: 'none', dismissed: [TITLE] },
    });
  });

  it('the options page lists the original, its translation and the history, and exports them', async () => {
    const options = await browser.openOptions();
    const item = options.locator('li.original', { hasText: TITLE });
    await item.waitFor();
    await item.locator('summary').click();
    expect(await item.locator('.translations a').textContent()).toBe(url('en'));
    expect(await item.locator('.translations__note').textContent()).toBe(NOTE);
    const rows = options.locator('table.history tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.locator('td.decision').allTextContents()).toEqual(expect.arrayContaining(['Confirmed copy', 'Not a copy']));

    const [csv] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export as CSV' }).click()]);
    const csvText = readFileSync(await csv.path(), 'utf8');
    expect(csvText.split('\r\n')[0]).toBe('url,lang,originalId,originalTitle,score,flaggedAt,decision,decidedAt');
    expect(csvText).toContain(`${url('en')},en,`);

    const [pack] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export everything to a pack' }).click()]);
    packFile = path.join(tmp, pack.suggestedFilename());
    await pack.saveAs(packFile);
    const json = JSON.parse(readFileSync(packFile, 'utf8'));
    expect(json.originals.map((o: { title: string }) => o.title)).toContain(TITLE);
    expect(json.translations).toHaveLength(1);
    expect(json.dismissals).toHaveLength(1);
    if (SHOTS) {
      await options.getByRole('button', { name: 'Close' }).click();
      await options.setViewportSize({ width: 1000, height: 1250 });
      await options.evaluate(() => window.scrollTo(0, 0));
      await options.screenshot({ path: path.join(repoRoot, 'docs', 'options.png') });
    }
    await options.close();
  });

  it('clears everything (after confirming), then an import brings every verdict and decision back', async () => {
    const options = await browser.openOptions();
    await options.getByRole('button', { name: 'Clear data…' }).click();
    // The confirming button takes the focus; Enter confirms.
    await expect.poll(() => options.evaluate(() => document.activeElement?.textContent)).toBe('Yes, clear everything');
    await options.keyboard.press('Enter');
    await expect.poll(() => options.locator('.toast').textContent()).toContain('Data cleared.');
    await expect.poll(() => options.locator('table.history').count()).toBe(0);
    expect(await options.locator('li.original', { hasText: TITLE }).count()).toBe(0);

    const cleared = await verdictsOfAll();
    expect(cleared.fr.state).toBe('none');
    expect(cleared.en.state).toBe('none');
    expect(cleared.de).toMatchObject({ state: 'none', dismissed: [] });

    await options.setInputFiles('#pack-files', packFile);
    await expect.poll(() => options.locator('.notice').textContent(), { timeout: 30_000 }).toMatch(/^Imported \d+ originals, 1 translations and 1 decisions\.$/);
    await options.locator('li.original', { hasText: TITLE }).waitFor();
    await options.close();

    expect(await verdictsOfAll()).toEqual(before);
  });

  it('refuses a broken pack, naming the record and the field, and imports nothing', async () => {
    const broken = JSON.parse(readFileSync(packFile, 'utf8'));
    broken.translations[0].url = 'javascript:alert(1)';
    broken.originals.push({ id: 'x', title: 'Another', lang: 'fr', fingerprint: broken.originals[0].fingerprint });
    const file = path.join(tmp, 'broken.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, JSON.stringify(broken));
    const options = await browser.openOptions();
    const count = await options.locator('li.original').count();
    await options.setInputFiles('#pack-files', file);
    const errors = options.locator('.errors li');
    await errors.first().waitFor();
    expect(await errors.allTextContents()).toEqual([
      'broken.json — translations[0].url: url must be an absolute http:// or https:// address',
    ]);
    expect(await options.locator('li.original').count()).toBe(count);
    await options.close();
  });
});
