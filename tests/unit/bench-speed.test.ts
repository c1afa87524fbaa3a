/**
 * The speed benchmark's own logic (the browser runs are `npm run bench:speed`, not part of
 * `npm test`): its arguments, its summaries, and how a DevTools trace is turned into the
 * extension's main-thread time and the long tasks it causes.
 */
import { describe, expect, it } from 'vitest';
import { parseArgs, phaseSummaries, tailPhases } from '../../bench/speed';
import { analyseTrace } from '../../bench/speed/long-tasks';
import { ISSUE_FIELDS, missingFields, summary } from '../../bench/speed/report';
import { phasesOf } from '../../bench/speed/restart';

const EXT = 'chrome-extension://abcdefghijklmnop/';
const MAIN = { pid: 1, tid: 7 };
const OTHER = { pid: 1, tid: 8 };
const meta = [
  { name: 'thread_name', cat: '__metadata', ph: 'M', ts: 0, ...MAIN, args: { name: 'CrRendererMain' } },
  { name: 'thread_name', cat: '__metadata', ph: 'M', ts: 0, ...OTHER, args: { name: 'Compositor' } },
];
/** A task of `ms` at `at` ms on the main thread (both of Chromium's names for it). */
const task = (at: number, ms: number) => [
  { name: 'ThreadControllerImpl::RunTask', cat: 'toplevel', ph: 'X', ts: at * 1000, dur: ms * 1000, ...MAIN },
  { name: 'RunTask', cat: 'disabled-by-default-devtools.timeline', ph: 'X', ts: at * 1000, dur: ms * 1000, ...MAIN },
];
const script = (at: number, ms: number, url: string, name = 'FunctionCall', where = MAIN) => ({
  name, cat: 'devtools.timeline', ph: 'X', ts: at * 1000, dur: ms * 1000, ...where, args: { data: { url } },
});

describe('the speed benchmark', () => {
  it('reads its arguments', () => {
    expect(parseArgs(['--json', 'out.json', '--quick'])).toMatchObject({ quick: true, json: expect.stringMatching(/out\.json$/) });
    expect(parseArgs(['--markdown=t.md'])).toMatchObject({ markdown: expect.stringMatching(/t\.md$/), quick: false });
    expect(() => parseArgs(['--json'])).toThrow(/needs a value/);
    expect(() => parseArgs(['--fast'])).toThrow(/unknown argument/);
  });

  it('reads the sizes to measure and whether to trace the pages', () => {
    expect(parseArgs(['--sizes', '100000,1000', '--no-pages'])).toMatchObject({ sizes: [1000, 100000], pages: false });
    expect(parseArgs([])).toMatchObject({ sizes: null, pages: true });
    expect(() => parseArgs(['--sizes', '10,abc'])).toThrow(/--sizes/);
    expect(parseArgs(['--only', 'restart'])).toMatchObject({ only: 'restart' });
    expect(parseArgs(['--only', 'pages'])).toMatchObject({ only: 'pages' });
    expect(parseArgs([])).toMatchObject({ only: null });
    expect(() => parseArgs(['--only', 'lookups'])).toThrow(/--only/);
  });

  it('names every figure issue #4 asks for that a run did not produce', () => {
    const s = { median: 1, p99: 2 };
    const sizes = { 1000: s, 10000: s, 100000: s };
    const full = {
      fingerprintMs: { 500: s, 2000: s, 10000: s }, lookupMs: sizes, scanMs: sizes, bytesPerOriginal: 900, import100kSeconds: 20,
      bundleBytes: { content: 1, background: 2, popup: 3, chromeZip: 4, firefoxZip: 5 }, longTasks: 0, contentScriptMs: { median: 1, max: 3 },
    };
    expect(missingFields(full)).toEqual([]);
    expect(ISSUE_FIELDS.length).toBeGreaterThan(20);
    const quick = { ...full, lookupMs: { 1000: s, 10000: s }, import100kSeconds: undefined, bundleBytes: { ...full.bundleBytes, popup: NaN } };
    expect(missingFields(quick)).toEqual(['lookupMs.100000.median', 'lookupMs.100000.p99', 'import100kSeconds', 'bundleBytes.popup']);
    expect(missingFields(null)).toEqual(ISSUE_FIELDS);
  });

  it('splits a lookup into its phases, and the slowest ones apart', () => {
    const phases = (postings: number) => ({ head: 0.2, stats: 0, plan: 0.1, postings, rank: 0.3, records: 1, decode: 0.2, postingRecords: 40, postingReads: 30, postingEntries: 900, candidates: 12, candidateReads: 4, lastHead: 1 });
    const out = Array.from({ length: 200 }, (_, i) => {
      const p = phases(i === 199 ? 40 : 1);
      const retrieveMs = p.head + p.plan + p.postings + p.rank + p.records + p.decode + 0.5;
      return { ms: retrieveMs + 1, retrieveMs, decideMs: 1, candidates: 12, phases: p, kind: 'none' as const, id: null, score: null };
    });
    const summaries = phaseSummaries(out);
    expect(summaries.postings).toMatchObject({ median: 1, p99: 1, max: 40 });
    expect(summaries.decide.median).toBe(1);
    expect(summaries.between.median).toBeCloseTo(0.5);
    const tail = tailPhases(out);
    // The p99 of 200 lookups: the 2 slowest; one spent 40 ms reading posting lists.
    expect(tail.lookups).toBe(2);
    expect(tail.postings).toBeCloseTo(20.5);
    expect(tail.postingsAll).toBeCloseTo((199 + 40) / 200);
  });

  it('lines the worker\'s milestones up with the page\'s clock', () => {
    const origin = 1_000_000;
    const m = (name: 'wired' | 'check' | 'extracted' | 'store' | 'candidates' | 'decided' | 'settled', at: number) => ({ name, at, wall: origin + at });
    const marks = [m('wired', 30), m('check', 32), m('extracted', 80), m('store', 80.5), m('candidates', 90), m('decided', 92), m('settled', 95)];
    expect(phasesOf(marks, origin - 20, origin + 100, true)).toEqual({ wake: 20, evaluate: 30, dispatch: 2, extract: 48, store: 0.5, lookup: 9.5, decide: 2, settle: 3, reply: 5 });
    expect(phasesOf(marks.slice(1), origin - 20, origin + 100, false)).toMatchObject({ wake: 0, evaluate: 0, dispatch: 52 });
    expect(phasesOf(marks.slice(0, 3), origin, origin + 100, true)).toBeNull();
  });

  it('summarises by median and nearest-rank p99', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(summary(values)).toEqual({ median: 50.5, p99: 99, n: 100, max: 100 });
    expect(summary([]).n).toBe(0);
  });

  it('counts a long task against the extension only when its share made it long', () => {
    const events = [
      ...meta,
      // 1. The extractor alone: 70 ms — caused.
      ...task(0, 70), script(0, 68, `${EXT}extractor.js`, 'EvaluateScript'), script(1, 30, `${EXT}extractor.js`, 'v8.compile'),
      // 2. The page's own 120 ms script with 2 ms of content script inside — touched, not caused.
      ...task(200, 120), script(200, 100, 'https://site.example/app.js'), script(305, 2, `${EXT}content-scripts/content.js`),
      // 3. A short content-script task; 4. a long task of the page alone.
      ...task(400, 10), script(400, 8, `${EXT}content-scripts/content.js`),
      ...task(500, 90), script(500, 90, 'https://site.example/app.js'),
      // Another extension's scripts and other threads do not count.
      script(600, 80, 'chrome-extension://zzzz/x.js'), script(700, 200, `${EXT}extractor.js`, 'FunctionCall', OTHER),
    ];
    const cost = analyseTrace(events, EXT, 'page');
    expect(cost.longTasks).toEqual([70]);
    expect(cost.longTasksTouched).toBe(2);
    expect(cost.pageLongTasks).toBe(3);
    expect(cost.extractorMs).toBe(68);
    expect(cost.extensionMs).toBe(68 + 2 + 8);
    expect(cost.extracted).toBe(true);
    expect(cost.longestExtensionMs).toBe(68);
    // Without the extension's origin: the page's long tasks only.
    expect(analyseTrace(events, null, 'page')).toMatchObject({ extensionMs: 0, longTasks: [], pageLongTasks: 3 });
  });
});
