/**
 * The first verdict after the MV3 service worker was stopped, with the store full.
 *
 * A tab shows the Italian copy of the seed article (served on 127.0.0.1, a new address
 * each time so that no verdict is known for it). In "check only when I click" mode
 * nothing is checked on its own, so the check starts exactly when the bench page asks
 * (`checkTab`, what the popup's button sends). Warm: the worker is running and has
 * judged pages before. Cold: the worker was stopped (DevTools protocol
 * `ServiceWorker.stopWorker`) after the tab loaded, so the message starts a new worker,
 * which opens the database and judges the page — extraction in the tab, candidate
 * retrieval against every registered original, verification — from nothing kept in
 * memory. Both are timed from the message sent to the verdict received.
 */
import type { Page } from 'playwright-core';
import { ITALIAN_PATH, seedRoutes } from '../../scripts/harness/demo-pages';
import { serve, type Route } from '../../scripts/harness/static-server';
import type { BenchBrowser } from './launch';
import { workerControl } from './launch';

export interface RestartRun {
  warmMs: number[];
  coldMs: number[];
  /** Every verdict named the seed's French original. */
  allFlagged: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Bench = { page: Page; call<T>(fn: string, ...args: unknown[]): Promise<T> };

export async function measureRestart(b: BenchBrowser, bench: Bench, rounds: number, expectedOriginal: string, log: (m: string) => void): Promise<RestartRun> {
  const italian = seedRoutes().get(ITALIAN_PATH)!;
  const routes = new Map<string, Route>();
  for (let i = 0; i < 2 * rounds + 2; i++) routes.set(`/copy/${i}`, italian);
  const server = await serve(routes);
  const control = await workerControl(bench.page, b.extensionId!);
  const tab = await b.context.newPage();
  const out: RestartRun = { warmMs: [], coldMs: [], allFlagged: true };
  try {
    await bench.call('setCheckMode', 'click');
    let n = 0;
    const check = async (cold: boolean) => {
      const url = server.url(`/copy/${n++}`);
      await tab.goto(url, { waitUntil: 'load' });
      await sleep(400); // the navigation's own events reach the worker first
      const tabId = await bench.call<number | null>('tabId', url);
      if (tabId === null) throw new Error(`no tab for ${url}`);
      if (cold) {
        await control.stop();
        await sleep(200);
      }
      const r = await bench.call<{ ms: number; state: string | null; original: string | null }>('checkTab', tabId);
      if (r.state !== 'translation' || r.original !== expectedOriginal) out.allFlagged = false;
      return r.ms;
    };
    await check(false); // the worker has judged a page before: warm
    for (let i = 0; i < rounds; i++) {
      out.warmMs.push(await check(false));
      out.coldMs.push(await check(true));
    }
    log(`  restart: ${rounds} cold and warm checks done`);
  } finally {
    const step = async (what: string, p: Promise<unknown>) => {
      const timer = setTimeout(() => log(`  restart: still waiting for ${what}…`), 10_000);
      await p.catch(() => undefined);
      clearTimeout(timer);
    };
    await step('the check mode', bench.call('setCheckMode', 'auto'));
    await step('the tab to close', tab.close());
    await step('DevTools to detach', control.detach());
    await step('the server to close', server.close());
  }
  return out;
}
