/**
 * Chromium with the built extension loaded (playwright-core, the system's Chromium),
 * and the few things the demo and the e2e tests ask of it: which tab a page is, the
 * tab's verdict and badge, the popup for a tab.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { TabVerdict } from '../../utils/verdict';

/** The extension APIs the functions below use: they run inside the extension's worker. */
declare const chrome: {
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string; pendingUrl?: string }>> };
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};

/**
 * Chromium flags for every harness browser: no sandbox or GPU (containers), no network of
 * its own, and only the local test server resolves (saved pages reference their sites'
 * servers: those fail at once instead of waiting on the network).
 */
export const QUIET_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Opens `url` in a new tab; returns the page and its tab id. */
  open(url: string): Promise<{ page: Page; tabId: number }>;
  /** Waits until the tab's verdict is settled (not "checking"); null if none came. */
  verdict(tabId: number, timeoutMs?: number): Promise<TabVerdict | null>;
  badgeText(tabId: number): Promise<string>;
  /** The popup page for a tab (popup.html?tab=<id>), rendered. */
  openPopup(tabId: number): Promise<Page>;
  /** The options page, as the browser opens it (in a tab of its own). */
  openOptions(): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir: string;
  /** Keep a visible window (needs a DISPLAY). */
  headed?: boolean;
  /** UI language of the browser, e.g. "fr" (extension messages, language names). */
  locale?: string;
  /** More Chromium switches (e.g. a proxy that counts every request). */
  extraArgs?: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function launchWithExtension(opts: LaunchOptions): Promise<ExtensionBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`);
  if (!existsSync(path.join(opts.extensionDir, 'manifest.json'))) throw new Error(`no built extension in ${opts.extensionDir}`);
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'provenance-lens-profile-'));
  const dir = opts.extensionDir;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    locale: opts.locale ?? 'en-US',
    // Chromium on Linux takes its UI language (and so the extension's messages) from the
    // environment, not from --lang.
    env: { ...process.env, LANGUAGE: (opts.locale ?? 'en-US').replace('-', '_'), LANG: 'C.UTF-8' },
    viewport: { width: 1200, height: 900 },
    args: [
      ...(opts.headed ? [] : ['--headless=new']),
      `--load-extension=${dir}`,
      `--disable-extensions-except=${dir}`,
      `--lang=${opts.locale ?? 'en-US'}`,
      ...QUIET_CHROMIUM_ARGS,
      ...(opts.extraArgs ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;

  const tabIdOf = async (url: string): Promise<number> => {
    for (let i = 0; i < 100; i++) {
      const id = await worker.evaluate(async (u) => {
        const tabs = await chrome.tabs.query({});
        // The newest tab showing the address: a page opened again gets a tab of its own.
        const ids = tabs.filter((t) => t.url === u || t.pendingUrl === u).map((t) => t.id ?? -1);
        return ids.length ? Math.max(...ids) : null;
      }, url);
      if (id !== null) return id;
      await sleep(100);
    }
    throw new Error(`no tab found for ${url}`);
  };

  return {
    context,
    worker,
    extensionId,
    async open(url) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
      return { page, tabId: await tabIdOf(page.url()) };
    },
    async verdict(tabId, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      let v: TabVerdict | null = null;
      while (Date.now() < until) {
        v = await worker.evaluate(async (id) => {
          const key = `verdict:${id}`;
          const got = await chrome.storage.session.get(key);
          return (got[key] as { verdict: TabVerdict } | undefined)?.verdict ?? null;
        }, tabId);
        if (v && v.state !== 'checking') return v;
        await sleep(200);
      }
      return v;
    },
    badgeText(tabId) {
      return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    },
    async openPopup(tabId) {
      const page = await context.newPage();
      await page.setViewportSize({ width: 380, height: 600 });
      await page.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      await page.waitForFunction(() => document.body.dataset.state && document.body.dataset.state !== 'checking', null, { timeout: 20_000 });
      return page;
    },
    async openOptions() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      await page.waitForSelector('#originals');
      return page;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
