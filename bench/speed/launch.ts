/**
 * Headless Chromium (the system's, through playwright-core) with an extension loaded,
 * for the speed benchmark: like scripts/harness/extension-browser.ts, but it also hands
 * back the profile folder (storage is measured on disk there), may run without any
 * extension (the baseline of the long-task measurement), and can stop the extension's
 * service worker through the DevTools protocol.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { CHROMIUM, QUIET_CHROMIUM_ARGS } from '../../scripts/harness/extension-browser';

export interface BenchBrowser {
  context: BrowserContext;
  userDataDir: string;
  /** Null when launched without an extension. */
  worker: Worker | null;
  extensionId: string | null;
  close(): Promise<void>;
}

export interface LaunchBenchOptions {
  /** A profile to open again (a browser restart); by default a new one. */
  userDataDir?: string;
  /** Keep the profile folder on close (to open it again). */
  keepProfile?: boolean;
  /** The extension's id, when opening a profile again (its worker may not start at once). */
  extensionId?: string;
}

export async function launchBench(extensionDir: string | null, opts: LaunchBenchOptions = {}): Promise<BenchBrowser> {
  const userDataDir = opts.userDataDir ?? mkdtempSync(path.join(os.tmpdir(), 'provenance-lens-speed-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false, // --headless=new below: extensions need the new headless mode
    viewport: { width: 1200, height: 900 },
    env: { ...process.env, LANGUAGE: 'en_US', LANG: 'C.UTF-8' },
    args: [
      '--headless=new',
      ...(extensionDir ? [`--load-extension=${extensionDir}`, `--disable-extensions-except=${extensionDir}`] : ['--disable-extensions']),
      ...QUIET_CHROMIUM_ARGS,
    ],
  });
  let worker: Worker | null = null;
  if (extensionDir) {
    // A profile opened again may start the worker only on its first event: then the
    // caller knows the extension's id already.
    const wait = opts.extensionId ? 5_000 : 30_000;
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: wait }).catch(() => null));
    if (!worker && !opts.extensionId) throw new Error('the extension did not start');
  }
  return {
    context,
    userDataDir,
    worker,
    extensionId: worker ? new URL(worker.url()).host : (opts.extensionId ?? null),
    async close() {
      await context.close();
      if (!opts.keepProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A DevTools session on `page` that can see and stop the extension's service worker. */
export async function workerControl(page: Page, extensionId: string) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const versions = new Map<string, { scriptURL: string; runningStatus: string }>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: vs }) => {
    for (const v of vs) versions.set(v.versionId, { scriptURL: v.scriptURL, runningStatus: v.runningStatus });
  });
  await cdp.send('ServiceWorker.enable');
  const ours = () => [...versions.entries()].filter(([, v]) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`));
  return {
    running: () => ours().some(([, v]) => v.runningStatus === 'running'),
    /** Stops the worker and waits until the browser reports it stopped. */
    async stop(timeoutMs = 10_000): Promise<void> {
      for (const [versionId] of ours()) await cdp.send('ServiceWorker.stopWorker', { versionId });
      const until = Date.now() + timeoutMs;
      while (ours().some(([, v]) => v.runningStatus !== 'stopped')) {
        if (Date.now() > until) throw new Error('the service worker did not stop');
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    detach: () => cdp.detach(),
  };
}
