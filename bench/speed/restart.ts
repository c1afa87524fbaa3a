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
import type { Mark } from '../../utils/background/timeline';

/** One check's phases from the worker's milestones and the page's send and receive times; null if any is missing. */
export function phasesOf(marks: readonly Mark[], sentAt: number, receivedAt: number, cold: boolean): CheckPhases | null {
  const at = (name: Mark['name']) => marks.find((m) => m.name === name);
  const [wired, check, extracted, store, candidates, decided, settled] = (['wired', 'check', 'extracted', 'store', 'candidates', 'decided', 'settled'] as const).map(at);
  if (!check || !extracted || !store || !candidates || !decided || !settled || (cold && !wired)) return null;
  const origin = check.wall - check.at; // the worker's start, on the wall clock
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    wake: cold ? r(origin - sentAt) : 0,
    evaluate: cold ? r(wired!.at) : 0,
    dispatch: r(check.wall - (cold ? wired!.wall : sentAt)),
    extract: r(extracted.wall - check.wall),
    store: r(store.wall - extracted.wall),
    lookup: r(candidates.wall - store.wall),
    decide: r(decided.wall - candidates.wall),
    settle: r(settled.wall - decided.wall),
    reply: r(receivedAt - settled.wall),
  };
}

/** Where one check's time went (ms), from the worker's milestones (utils/background/timeline.ts). */
export interface CheckPhases {
  /** Message sent → the worker's context created (cold: the worker being started). */
  wake: number;
  /** Worker created → its script evaluated and listeners wired (cold only). */
  evaluate: number;
  /** → the check begun (message dispatched, the tab looked up). */
  dispatch: number;
  /** → the page read in the tab (the extractor injected, run, its answer parsed). */
  extract: number;
  /** → the store open (opened meanwhile, in parallel with the extraction). */
  store: number;
  /** → the candidates found (address, known translations, retrieval). */
  lookup: number;
  /** → the verdict decided. */
  decide: number;
  /** → the verdict kept and the badge set. */
  settle: number;
  /** → the answer received by the page. */
  reply: number;
}

export interface RestartRun {
  warmMs: number[];
  coldMs: number[];
  warmPhases: CheckPhases[];
  coldPhases: CheckPhases[];
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
  const out: RestartRun = { warmMs: [], coldMs: [], warmPhases: [], coldPhases: [], allFlagged: true };
  /** The running worker's milestones (a stopped worker's are gone with it). */
  const timeline = async (): Promise<Mark[]> => {
    const worker = b.context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${b.extensionId}/`)).at(-1);
    if (!worker) return [];
    return worker.evaluate(() => (globalThis as { provenanceTimeline?: Mark[] }).provenanceTimeline ?? []).catch(() => []);
  };
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
      const r = await bench.call<{ ms: number; sentAt: number; receivedAt: number; state: string | null; original: string | null }>('checkTab', tabId);
      if (r.state !== 'translation' || r.original !== expectedOriginal) out.allFlagged = false;
      // This check's milestones: those after the message was sent.
      return { ms: r.ms, phases: phasesOf((await timeline()).filter((m) => m.wall >= r.sentAt), r.sentAt, r.receivedAt, cold) };
    };
    await check(false); // the worker has judged a page before: warm
    for (let i = 0; i < rounds; i++) {
      const warm = await check(false);
      out.warmMs.push(warm.ms);
      if (warm.phases) out.warmPhases.push(warm.phases);
      const cold = await check(true);
      out.coldMs.push(cold.ms);
      if (cold.phases) out.coldPhases.push(cold.phases);
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
