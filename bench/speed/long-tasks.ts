/**
 * What the extension costs the pages it runs on: every page of ../shared/pages
 * (Readability's 130 saved pages), served on 127.0.0.1 and loaded in headless Chromium
 * with a DevTools trace (the Performance panel's categories) running from navigation
 * until the extension is done with the page.
 *
 * From each trace, on the page's main thread (CrRendererMain):
 * - the extension's work: every script event (EvaluateScript, FunctionCall, compile,
 *   timers, callbacks) of a `chrome-extension://<our id>/` script — the content script
 *   and, on article pages, the injected extractor — merged into disjoint intervals;
 *   `contentScriptMs` is their total per page;
 * - tasks (RunTask): a task over 50 ms is a long task; one the extension *causes* is a
 *   long task that would not be long without the extension's share of it
 *   (task − extension ≤ 50 ms). Long tasks the page itself causes, even if the content
 *   script ran a microtask in them, are counted apart (`longTasksTouched`).
 * The same pages without the extension give the page's own long tasks, side by side.
 */
import { readdirSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { savedPageRoute } from '../../scripts/harness/demo-pages';
import { readabilityPagesDir } from '../../scripts/harness/paths';
import { serve } from '../../scripts/harness/static-server';
import { launchBench } from './launch';

export const LONG_TASK_MS = 50;

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

export interface PageCost {
  page: string;
  /** The extension's main-thread time on the page (ms). */
  extensionMs: number;
  /** Of which the injected extractor (article pages only). */
  extractorMs: number;
  /** The extractor ran: the page was taken for an article. */
  extracted: boolean;
  /** Long tasks the extension caused; their durations (ms). */
  longTasks: number[];
  /** Long tasks holding any extension work, whoever caused them. */
  longTasksTouched: number;
  /** Every long task of the page's main thread during the trace. */
  pageLongTasks: number;
  /** The longest single stretch of extension work (ms). */
  longestExtensionMs: number;
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8', 'v8.execute'];

function urlOf(e: TraceEvent): string | null {
  const data = (e.args?.data ?? e.args) as Record<string, unknown> | undefined;
  if (!data) return null;
  for (const k of ['url', 'scriptName', 'fileName']) if (typeof data[k] === 'string') return data[k] as string;
  const frame = (data.stackTrace as Array<{ url?: string }> | undefined)?.[0]?.url;
  return frame ?? null;
}

function merge(intervals: Array<[number, number]>): Array<[number, number]> {
  const s = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [a, b] of s) {
    const last = out.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

const overlap = (iv: Array<[number, number]>, a: number, b: number) =>
  iv.reduce((sum, [x, y]) => sum + Math.max(0, Math.min(b, y) - Math.max(a, x)), 0);

/** The page's cost, from the events of one trace. */
export function analyseTrace(events: TraceEvent[], extensionOrigin: string | null, page: string): PageCost {
  const names = new Map<string, string>();
  for (const e of events) if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, String((e.args as { name?: string })?.name));
  const main = new Set([...names].filter(([, n]) => n === 'CrRendererMain').map(([k]) => k));
  const onMain = events.filter((e) => main.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && typeof e.dur === 'number');
  const ext: Array<[number, number]> = [];
  const extractor: Array<[number, number]> = [];
  if (extensionOrigin) {
    for (const e of onMain) {
      if (e.name === 'RunTask' || e.name.startsWith('ThreadControllerImpl')) continue;
      const url = urlOf(e);
      if (!url?.startsWith(extensionOrigin)) continue;
      ext.push([e.ts, e.ts + e.dur!]);
      if (url.includes('/extractor.js')) extractor.push([e.ts, e.ts + e.dur!]);
    }
  }
  const extIv = merge(ext);
  const extractorIv = merge(extractor);
  // Tasks: one interval per task (RunTask and ThreadControllerImpl::RunTask describe the same one).
  const tasks = merge(onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask').map((e) => [e.ts, e.ts + e.dur!] as [number, number]));
  const long = tasks.filter(([a, b]) => (b - a) / 1000 > LONG_TASK_MS);
  const caused: number[] = [];
  let touched = 0;
  for (const [a, b] of long) {
    const share = overlap(extIv, a, b);
    if (share > 0) touched++;
    if (share > 0 && (b - a - share) / 1000 <= LONG_TASK_MS) caused.push((b - a) / 1000);
  }
  const total = extIv.reduce((s, [a, b]) => s + (b - a), 0) / 1000;
  return {
    page,
    extensionMs: total,
    extractorMs: extractorIv.reduce((s, [a, b]) => s + (b - a), 0) / 1000,
    extracted: extractorIv.length > 0,
    longTasks: caused,
    longTasksTouched: touched,
    pageLongTasks: long.length,
    longestExtensionMs: Math.max(0, ...extIv.map(([a, b]) => (b - a) / 1000)),
  };
}

async function traced(cdp: CDPSession, run: () => Promise<unknown>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: unknown[] }) => void events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  try {
    await run();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
  }
  return events;
}

/** The saved pages, by folder name. */
export function savedPages(): string[] {
  return readdirSync(readabilityPagesDir(), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export interface LongTaskRun {
  pages: PageCost[];
  /** Without the extension: each page's own long tasks. */
  baseline: Array<{ page: string; pageLongTasks: number }>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Loads every page once with the extension (`extensionDir`), and the `baseline` pages
 * (all by default) once without.
 * With the extension, the trace runs until the tab's verdict is settled, or — on a page
 * the content script does not take for an article — past its one retry (2.5 s).
 */
export async function measurePages(extensionDir: string, pages: string[], log: (m: string) => void, baseline: string[] = pages): Promise<LongTaskRun> {
  const server = await serve(new Map(pages.map(savedPageRoute)));
  const out: LongTaskRun = { pages: [], baseline: [] };
  try {
    for (const withExtension of [true, false]) {
      const b = await launchBench(withExtension ? extensionDir : null);
      try {
        const page: Page = await b.context.newPage();
        const cdp = await b.context.newCDPSession(page);
        const origin = b.extensionId ? `chrome-extension://${b.extensionId}/` : null;
        // One untraced page first, so that no page pays for the browser's own start-up.
        await page.goto('about:blank');
        for (const [i, name] of (withExtension ? pages : baseline).entries()) {
          const url = server.url(`/saved/${name}/`);
          const events = await traced(cdp, async () => {
            await page.goto(url, { waitUntil: 'load', timeout: 60_000 }).catch(() => undefined);
            if (!withExtension) return sleep(1500);
            const until = Date.now() + 4_000;
            let settled = false;
            while (Date.now() < until && !settled) {
              await sleep(150);
              settled = await b.worker!.evaluate(async (u) => {
                const g = globalThis as unknown as {
                  chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> }; storage: { session: { get(k: string): Promise<Record<string, { verdict?: { state: string } }>> } } };
                };
                const tab = (await g.chrome.tabs.query({})).find((t) => t.url === u);
                if (tab?.id === undefined) return false;
                const got = await g.chrome.storage.session.get(`verdict:${tab.id}`);
                const state = got[`verdict:${tab.id}`]?.verdict?.state;
                return !!state && state !== 'checking';
              }, url);
            }
            await sleep(settled ? 300 : 0);
          });
          if (withExtension) {
            const cost = analyseTrace(events, origin, name);
            out.pages.push(cost);
            if ((i + 1) % 20 === 0) log(`  ${i + 1}/${pages.length} pages traced`);
          } else out.baseline.push({ page: name, pageLongTasks: analyseTrace(events, null, name).pageLongTasks });
        }
        await cdp.detach();
      } finally {
        await b.close();
      }
    }
  } finally {
    await server.close();
  }
  return out;
}
