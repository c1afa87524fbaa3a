/**
 * The speed benchmark's own logic (the browser runs are `npm run bench:speed`, not part of
 * `npm test`): its arguments, its summaries, and how a DevTools trace is turned into the
 * extension's main-thread time and the long tasks it causes.
 */
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../bench/speed';
import { analyseTrace } from '../../bench/speed/long-tasks';
import { summary } from '../../bench/speed/report';

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
