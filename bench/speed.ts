/**
 * The speed benchmark (issue #4):
 *
 *   npm run bench:speed [-- --json FILE] [--quick] [--corpus DIR]
 *
 * builds and zips the extension (the npm script does), then measures, on this machine:
 * - fingerprintMs: `fingerprintArticle` on articles of about 500, 2,000 and 10,000 words
 *   made of real corpus paragraphs, in Chromium (and 100,000 words: the cap);
 * - lookupMs: candidate retrieval + verification (`candidatesFor` + `decide`) against
 *   1,000 / 10,000 / 100,000 registered originals, in real IndexedDB in headless
 *   Chromium, in the extension's origin; scanMs: the linear scan (read and verify every
 *   original) on a sample of the same queries;
 * - bytesPerOriginal (navigator.storage.estimate() and the profile's IndexedDB folder
 *   on disk, before and after), import100kSeconds (the pack imported through the options
 *   page itself: file input, progress bar, outcome);
 * - bundleBytes: the built scripts and the store zips;
 * - longTasks / contentScriptMs: the content script's (and extractor's) main-thread cost
 *   on every page of ../shared/pages, from DevTools traces (bench/speed/long-tasks.ts);
 * - restart: the first verdict after the service worker was stopped, store full;
 * - accuracy at scale: every query of the dev corpus (and its variants) against the
 *   164 real originals alone, then with 100,000 synthetic ones (bench/speed/synth.ts).
 *
 * Prints a table; --json writes every figure. --quick: fewer originals (10,000 at most),
 * runs and pages: a smoke test of the whole pipeline in a couple of minutes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { CHROMIUM } from '../scripts/harness/extension-browser';
import { loadCorpus } from './corpus';
import { classify, type Outcome } from './stats';
import { benchExtension } from './speed/bench-extension';
import type { LookupOutcome, Query, SpeedBenchApi } from './speed/browser-page';
import { accuracyQueries, articlesOfLength, packOf, realOriginals } from './speed/data';
import { launchBench, type BenchBrowser } from './speed/launch';
import { measurePages, savedPages, type PageCost } from './speed/long-tasks';
import { importThroughOptionsPage } from './speed/options-import';
import { kb, loadNow, machine, markdown, missingFields, ms, summary, table, type Summary } from './speed/report';
import { measureRestart, type CheckPhases } from './speed/restart';
import { synthOriginals } from './speed/synth-pack';
import { indexedDbBytes, settled } from './speed/disk';

const repoRoot = path.resolve(import.meta.dirname, '..');

export interface SpeedOptions {
  json: string | null;
  /** Also write the tables as markdown here. */
  markdown: string | null;
  quick: boolean;
  corpus: string;
  /** Store sizes to measure lookups at (the largest is imported through the options page); default by --quick. */
  sizes: number[] | null;
  /** Leave out the page tracing (long tasks, content script time): for quick iterations on the store. */
  pages: boolean;
  /**
   * 'restart': only the first verdict after a worker restart, against the largest store
   * (still imported through the options page, the browser restarted after): no
   * fingerprints, lookups, smaller stores nor pages. For iterating on the restart path.
   */
  only: 'restart' | 'pages' | null;
  /** Only the largest pack's import through the options page and the storage it takes: for iterating on the import. */
  importOnly: boolean;
}

const USAGE = 'usage: npm run bench:speed -- [--json FILE] [--markdown FILE] [--quick] [--corpus DIR] [--sizes 1000,100000] [--no-pages] [--only restart|pages] [--import-only]';

export function parseArgs(argv: readonly string[]): SpeedOptions {
  const o: SpeedOptions = { json: null, markdown: null, quick: false, corpus: path.resolve(repoRoot, '../shared/corpus/dev'), sizes: null, pages: true, only: null, importOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    if (flag === '--json') o.json = path.resolve(value());
    else if (flag === '--markdown') o.markdown = path.resolve(value());
    else if (flag === '--quick') o.quick = true;
    else if (flag === '--corpus') o.corpus = path.resolve(value());
    else if (flag === '--sizes') {
      o.sizes = value().split(',').map(Number).sort((a, b) => a - b);
      if (o.sizes.some((n) => !Number.isInteger(n) || n < 1_000)) throw new Error(`--sizes: whole numbers of originals, at least 1000\n${USAGE}`);
    } else if (flag === '--no-pages') o.pages = false;
    else if (flag === '--only') {
      const v = value();
      if (v !== 'restart' && v !== 'pages') throw new Error(`--only: "restart" or "pages"\n${USAGE}`);
      o.only = v;
    } else if (flag === '--import-only') o.importOnly = true;
    else throw new Error(`unknown argument ${argv[i]}\n${USAGE}`);
  }
  return o;
}

const started = Date.now();
/** Progress on stderr, with the time since the start (m:ss). */
const log = (m: string) => {
  const s = Math.round((Date.now() - started) / 1000);
  console.error(`[${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}] ${m}`);
};

/** The bench page's functions, called from Node. */
function benchPage(page: Page) {
  return {
    page,
    call<T>(fn: keyof SpeedBenchApi | string, ...args: unknown[]): Promise<T> {
      return page.evaluate(
        ([f, a]) => ((globalThis as unknown as Record<string, Record<string, (...x: unknown[]) => unknown>>).speedBench[f as string](...(a as unknown[])) as Promise<T>),
        [fn, args] as const,
      );
    },
  };
}

async function openBenchPage(b: BenchBrowser): Promise<ReturnType<typeof benchPage>> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/bench.html`);
  await page.waitForFunction(() => document.body.dataset.ready === '1');
  return benchPage(page);
}


function bundleBytes(): Record<string, number> {
  const out = path.join(repoRoot, '.output');
  const chrome = path.join(out, 'chrome-mv3');
  const size = (p: string) => (existsSync(p) ? statSync(p).size : NaN);
  /** An HTML entry and every script, preload and stylesheet it names. */
  const page = (html: string) => {
    const file = path.join(chrome, html);
    if (!existsSync(file)) return NaN;
    const text = execFileSync('cat', [file], { encoding: 'utf8' });
    const refs = [...text.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
    return size(file) + refs.reduce((s, r) => s + size(path.join(chrome, r)), 0);
  };
  const zip = (suffix: string) => {
    const z = existsSync(out) ? readdirSync(out).find((f) => f.endsWith(`-${suffix}.zip`)) : undefined;
    return z ? size(path.join(out, z)) : NaN;
  };
  return {
    content: size(path.join(chrome, 'content-scripts', 'content.js')),
    background: size(path.join(chrome, 'background.js')),
    popup: page('popup.html'),
    chromeZip: zip('chrome'),
    firefoxZip: zip('firefox'),
    extractor: size(path.join(chrome, 'extractor.js')),
    options: page('options.html'),
  };
}

interface Accuracy {
  originals: number;
  queries: number;
  positives: number;
  recall: number;
  wrongOriginal: number;
  negatives: number;
  falseFlags: number;
  /** Per query set: recall (positives) and false flags (negatives). */
  sets: Record<string, { positives: number; hits: number; negatives: number; falseFlags: number }>;
}

function accuracy(qs: readonly Query[], outcomes: readonly LookupOutcome[], originals: number): Accuracy {
  const a: Accuracy = { originals, queries: outcomes.length, positives: 0, recall: 0, wrongOriginal: 0, negatives: 0, falseFlags: 0, sets: {} };
  let hits = 0;
  outcomes.forEach((r, i) => {
    const q = qs[i];
    const o: Outcome = { set: q.set, lang: '', articleId: q.id, expected: q.expected, verdict: { kind: r.kind, id: r.id ?? undefined, score: r.score ?? 0 }, ms: r.ms };
    const c = classify(o);
    const s = (a.sets[q.set] ??= { positives: 0, hits: 0, negatives: 0, falseFlags: 0 });
    if (q.expected === 'none') {
      a.negatives++;
      s.negatives++;
      if (c === 'falseFlag') (a.falseFlags++, s.falseFlags++);
    } else {
      a.positives++;
      s.positives++;
      if (c === 'hit') (hits++, s.hits++);
      if (c === 'wrongOriginal') a.wrongOriginal++;
    }
  });
  a.recall = a.positives ? Math.round((hits / a.positives) * 10_000) / 10_000 : 0;
  return a;
}

const PHASES = ['head', 'stats', 'plan', 'postings', 'rank', 'records', 'decode'] as const;
const COUNTS = ['postingRecords', 'postingReads', 'postingEntries', 'candidates', 'candidateReads', 'lastHead'] as const;

/** Median and p99 of each phase of the lookups (utils/store/retrieve.ts LookupTimings), and of `decide`. */
export function phaseSummaries(out: readonly LookupOutcome[]): Record<string, Summary> {
  const withPhases = out.filter((o) => o.phases);
  const r: Record<string, Summary> = {};
  for (const p of [...PHASES, ...COUNTS]) r[p] = summary(withPhases.map((o) => o.phases![p]));
  r.decide = summary(out.map((o) => o.decideMs));
  // What the phases do not account for: awaiting between them (the event loop, the transaction).
  r.between = summary(withPhases.map((o) => o.retrieveMs - PHASES.reduce((s, p) => s + o.phases![p], 0)));
  return r;
}

/**
 * The slowest 1% of the lookups (those that make the p99), phase by phase: mean ms of
 * each, and beside it the mean of all lookups. Says where the tail comes from.
 */
export function tailPhases(out: readonly LookupOutcome[]): Record<string, number> {
  const withPhases = out.filter((o) => o.phases);
  if (!withPhases.length) return {};
  const tail = [...withPhases].sort((a, b) => b.ms - a.ms).slice(0, Math.max(1, Math.ceil(withPhases.length / 100)));
  const mean = (xs: readonly LookupOutcome[], f: (o: LookupOutcome) => number) => Math.round((xs.reduce((s, o) => s + f(o), 0) / xs.length) * 1000) / 1000;
  const r: Record<string, number> = { lookups: tail.length, ms: mean(tail, (o) => o.ms), allMs: mean(withPhases, (o) => o.ms) };
  for (const p of [...PHASES, ...COUNTS]) {
    r[p] = mean(tail, (o) => o.phases![p]);
    r[`${p}All`] = mean(withPhases, (o) => o.phases![p]);
  }
  r.decide = mean(tail, (o) => o.decideMs);
  r.decideAll = mean(withPhases, (o) => o.decideMs);
  r.between = mean(tail, (o) => o.retrieveMs - PHASES.reduce((s, p) => s + o.phases![p], 0));
  r.betweenAll = mean(withPhases, (o) => o.retrieveMs - PHASES.reduce((s, p) => s + o.phases![p], 0));
  return r;
}

/** Median and p99 of each phase of the checks (the worker's milestones). */
export function checkPhaseSummaries(runs: readonly CheckPhases[]): Record<string, Summary> {
  if (!runs.length) return {};
  return Object.fromEntries(Object.keys(runs[0]).map((k) => [k, summary(runs.map((r) => r[k as keyof CheckPhases]))]));
}

/** Evenly spaced indices of `n` items out of `total`. */
const sample = (total: number, n: number) => Array.from({ length: Math.min(n, total) }, (_, i) => Math.floor((i * total) / Math.min(n, total)));

export async function run(opts: SpeedOptions) {
  const t0 = Date.now();
  const restartOnly = opts.only === 'restart';
  const info = machine(CHROMIUM, repoRoot);
  log(`speed benchmark${opts.quick ? ' (--quick)' : ''}: ${info.cpus} × ${info.cpuModel}, load ${info.loadStart.join(' ')}`);
  const corpus = loadCorpus(opts.corpus);
  const real = realOriginals(corpus);
  const SIZES = opts.sizes ?? (opts.quick ? [1_000, 10_000] : [1_000, 10_000, 100_000]);
  const BIG = SIZES.at(-1)!;
  log(`synthesising ${BIG.toLocaleString('en')} originals from the corpus (cached between runs)…`);
  const synth = synthOriginals(corpus.dir, corpus.sets.flatMap((s) => s.articles), BIG, log);
  /** The originals of each size: the corpus's real ones first, then synthetic ones. The largest keeps all real + BIG synthetic. */
  const packOriginals = (n: number) => (n === BIG ? [...real, ...synth] : [...real, ...synth.slice(0, n - real.length)]);

  // No lookups with --import-only: no queries to make.
  const queries = opts.importOnly ? [] : accuracyQueries(corpus, !opts.quick);
  const timedSets = new Set(corpus.sets.map((s) => s.label)); // clean sets: the scan's sample is drawn from them
  const clean = queries.map((q, i) => (timedSets.has(q.set) ? i : -1)).filter((i) => i >= 0);
  log(`${queries.length} queries (${clean.length} from the corpus files${opts.quick ? '' : ', the rest copy-like variants'})`);

  const ext = await benchExtension();
  const result: Record<string, unknown> = { machine: info, quick: opts.quick };
  try {
    ext.write('queries.json', queries);
    // The lookups with the caches emptied before each: the corpus's own queries (the
    // variants would only repeat them), enough for a p99 (1,739 on the dev corpus).
    ext.write('queries-clean.json', clean.map((i) => queries[i]));
    const fpSizes = { 500: 4, 2000: 4, 10000: 2, 100000: 1 };
    ext.write('articles.json', Object.fromEntries(Object.entries(fpSizes).map(([w, per]) => [w, articlesOfLength(corpus, Number(w), opts.quick ? 1 : per)])));
    ext.write('pack-real.json', packOf(real));
    for (const n of SIZES) ext.write(`pack-${n}.json`, packOf(packOriginals(n)));

    // --only pages: the bundles and the pages' trace alone.
    if (opts.only !== 'pages') {
      let b = await launchBench(ext.dir, { keepProfile: true });
      try {
        let bench = await openBenchPage(b);

        // 1. Fingerprints.
        if (!restartOnly && !opts.importOnly) {
          log('fingerprints…');
          const fp = await bench.call<Record<string, number[]>>('fingerprints', 'articles.json', opts.quick ? 5 : 25);
          result.fingerprintMs = Object.fromEntries(['500', '2000', '10000'].map((w) => [w, summary(fp[w])]));
          result.fingerprintCapMs = { '100000': summary(fp['100000']) };
          // Each size's first article, fingerprinted before any warm-up: a fresh extractor's first page.
          result.fingerprintColdMs = summary(fp.coldMs);
          log(`fingerprint, first call in a fresh page (cold JIT, 500 to 100,000 words): ${fp.coldMs.map((x) => ms(x)).join(' / ')} ms`);
        }

        // 2. The largest pack, imported through the options page into the extension's own database.
        await new Promise((r) => setTimeout(r, 1500)); // the install's default pack is in
        const estimate0 = await bench.call<number>('estimate');
        const disk0 = indexedDbBytes(b.userDataDir, b.extensionId!);
        log(`importing ${packOriginals(BIG).length.toLocaleString('en')} originals through the options page…`);
        // The options page then lists the originals again: waited for 30 s at most (at
        // 100,000 it takes longer: the whole list crosses a runtime message).
        const imp = await importThroughOptionsPage(b, path.join(ext.dir, `pack-${BIG}.json`), packOriginals(BIG).length, log, 30_000);
        // LevelDB compacts its files for a while after a large write, and keeps the files it
        // compacted from until the database is next opened: measure once the folder has
        // stopped changing (what the import leaves at first), then after a browser restart
        // (what the store takes for good).
        await settled(() => indexedDbBytes(b.userDataDir, b.extensionId!), 5, 120_000);
        const estimateAfter = await bench.call<number>('estimate');
        log('restarting the browser…');
        await b.close();
        b = await launchBench(ext.dir, { userDataDir: b.userDataDir, extensionId: b.extensionId! });
        bench = await openBenchPage(b);
        const bigCount = await bench.call<number>('count', 'provenance-lens');
        await settled(() => indexedDbBytes(b.userDataDir, b.extensionId!), 5, 120_000);
        const estimate1 = await bench.call<number>('estimate');
        const disk1 = indexedDbBytes(b.userDataDir, b.extensionId!);
        const added = packOriginals(BIG).length;
        result.storage = {
          originals: added,
          estimateDeltaBytes: estimate1 - estimate0,
          diskDeltaBytes: disk1 - disk0,
          storedOriginals: bigCount,
          rightAfterImportBytesPerOriginal: Math.round((estimateAfter - estimate0) / added),
        };
        result.bytesPerOriginal = Math.round((estimate1 - estimate0) / added);
        result.import = { ...imp, originals: added };
        result[`import${BIG / 1000}kSeconds`] = Math.round(imp.seconds * 100) / 100;
        log(`  import: ${imp.seconds.toFixed(1)} s (checking ${imp.checkSeconds.toFixed(1)} s, writing ${imp.writeSeconds.toFixed(1)} s; CPU s ${JSON.stringify(imp.cpuSeconds)}); ${result.bytesPerOriginal} bytes per original`);
        if (opts.importOnly) {
          info.loadEnd = loadNow();
          result.seconds = Math.round((Date.now() - t0) / 1000);
          result.missingFields = missingFields(result);
          return result;
        }

        // 3. Lookups and the scan at every size; accuracy from the same verdicts.
        const lookupMs: Record<string, Summary> = {};
        const retrieveMs: Record<string, Summary> = {};
        const scanMs: Record<string, Summary> = {};
        const acc: Record<string, Accuracy> = {};
        const registered: Record<string, number> = {};
        const lookupColdCacheMs: Record<string, Summary> = {};
        const lookupPhasesMs: Record<string, Record<string, Summary>> = {};
        const lookupTail: Record<string, Record<string, number>> = {};
        const lookupPhasesColdCacheMs: Record<string, Record<string, Summary>> = {};
        /** Every query (cold: every query of the corpus files, the caches emptied before each), in the worker. */
        const lookupAll = async (dbName: string, cold: boolean) => {
          const out: LookupOutcome[] = [];
          const [file, count] = cold ? ['queries-clean.json', clean.length] : ['queries.json', queries.length];
          for (let i = 0; i < count; i += 1000) out.push(...(await bench.call<LookupOutcome[]>('workerLookups', dbName, file, i, i + 1000, i === 0 ? 20 : 0, cold)));
          return out;
        };
        const measureSize = async (label: string, dbName: string, originals: number, scanQueries: number) => {
          const coldOut = await lookupAll(dbName, true);
          lookupColdCacheMs[label] = summary(coldOut.map((o) => o.ms));
          lookupPhasesColdCacheMs[label] = phaseSummaries(coldOut);
          const out = await lookupAll(dbName, false);
          lookupMs[label] = summary(out.map((o) => o.ms));
          lookupPhasesMs[label] = phaseSummaries(out);
          lookupTail[label] = tailPhases(out);
          retrieveMs[label] = summary(out.map((o) => o.retrieveMs));
          acc[label] = accuracy(queries, out, originals);
          registered[label] = originals;
          if (scanQueries > 0) {
            const which = sample(clean.length, scanQueries).map((i) => clean[i]);
            const scan = await bench.call<LookupOutcome[]>('scan', dbName, 'queries.json', which);
            scanMs[label] = summary(scan.map((o) => o.ms));
          }
          log(`  ${label}: lookup median ${ms(lookupMs[label].median)} ms, p99 ${ms(lookupMs[label].p99)} ms (caches emptied each time: ${ms(lookupColdCacheMs[label].median)} / ${ms(lookupColdCacheMs[label].p99)} ms); scan median ${ms(scanMs[label]?.median ?? NaN)} ms; recall ${(acc[label].recall * 100).toFixed(1)}%, false flags ${acc[label].falseFlags}/${acc[label].negatives}`);
        };
        // A scan of 100,000 originals takes 10 s or more: a few runs show the baseline well enough.
        const scanSample = (n: number) => (opts.quick ? 3 : n >= 100_000 ? 5 : n >= 10_000 ? 20 : 50);
        if (!restartOnly) {
          log(`lookups against ${bigCount.toLocaleString('en')} originals (${queries.length} queries)…`);
          await measureSize(String(BIG), 'provenance-lens', bigCount, scanSample(BIG));
        }

        // 4. The first verdict after the service worker is stopped, with the store full.
        log('service worker restart…');
        const restart = await measureRestart(b, bench, opts.quick ? 3 : 10, 'seed:camaieu', log);
        // The same in a fresh page: a new JavaScript context's first lookup (database opened, statistics read).
        log('  first lookup in a new context…');
        const cold: number[] = [];
        for (let i = 0; i < (opts.quick ? 2 : 5); i++) {
          await bench.page.reload();
          await bench.page.waitForFunction(() => document.body.dataset.ready === '1');
          cold.push((await bench.call<{ ms: number }>('coldLookup', 'provenance-lens', 'queries.json', clean[i * 7])).ms);
        }
        result.restart = {
          originals: bigCount,
          firstVerdictMs: summary(restart.coldMs),
          warmVerdictMs: summary(restart.warmMs),
          // Where the time went, phase by phase (median / p99 of each): bench/speed/restart.ts.
          firstVerdictPhasesMs: checkPhaseSummaries(restart.coldPhases),
          warmVerdictPhasesMs: checkPhaseSummaries(restart.warmPhases),
          allFlagged: restart.allFlagged,
          firstLookupInNewContextMs: summary(cold),
        };

        if (restartOnly) return restartReport(result, t0, info);

        // 5. The smaller stores, each in a database of its own; the real originals alone last.
        for (const n of SIZES.slice(0, -1).reverse()) {
          const name = `bench-${n}`;
          log(`importing ${n.toLocaleString('en')} originals…`);
          await bench.call('importFile', name, `pack-${n}.json`);
          await measureSize(String(n), name, n, scanSample(n));
          await bench.call('deleteDatabase', name);
        }
        await bench.call('importFile', 'bench-real', 'pack-real.json');
        await measureSize('real', 'bench-real', real.length, 0);
        await bench.call('deleteDatabase', 'bench-real');
        Object.assign(result, { lookupMs, lookupColdCacheMs, scanMs, retrieveMs, lookupPhasesMs, lookupPhasesColdCacheMs, lookupTail, registered, accuracy: acc });
      } finally {
        await b.close();
      }
    }

    // 6. Bundles.
    result.bundleBytes = bundleBytes();

    // 7. Pages: the content script's cost, with the extension; a sample without it (the
    //    pages' own long tasks, to compare with).
    if (opts.pages) {
      const pages = savedPages();
      const chosen = opts.quick ? sample(pages.length, 12).map((i) => pages[i]) : pages;
      const baseline = sample(chosen.length, Math.min(chosen.length, 40)).map((i) => chosen[i]);
      log(`tracing ${chosen.length} pages with the extension, ${baseline.length} of them without…`);
      const traced = await measurePages(ext.dir, chosen, log, baseline);
      const costs: PageCost[] = traced.pages;
      const perPage = costs.map((c) => c.extensionMs);
      const noArticle = costs.filter((c) => !c.extracted);
      const inBaseline = new Set(baseline);
      result.longTasks = costs.reduce((s, c) => s + c.longTasks.length, 0);
      result.contentScriptMs = { median: summary(perPage).median, max: summary(perPage).max, p99: summary(perPage).p99 };
      result.pages = {
        count: costs.length,
        extracted: costs.length - noArticle.length,
        contentScriptMsWithoutArticle: noArticle.length ? { median: summary(noArticle.map((c) => c.extensionMs)).median, max: summary(noArticle.map((c) => c.extensionMs)).max } : null,
        pagesWithLongTasks: costs.filter((c) => c.longTasks.length).map((c) => ({ page: c.page, longTasksMs: c.longTasks.map((x) => Math.round(x)), extractorMs: Math.round(c.extractorMs) })),
        longTasksTouched: costs.reduce((s, c) => s + c.longTasksTouched, 0),
        baselinePages: baseline.length,
        pageLongTasksWithExtension: costs.filter((c) => inBaseline.has(c.page)).reduce((s, c) => s + c.pageLongTasks, 0),
        pageLongTasksWithout: traced.baseline.reduce((s, c) => s + c.pageLongTasks, 0),
        longestExtensionTaskMs: summary(costs.map((c) => c.longestExtensionMs)),
        perPage: costs.map((c) => ({ page: c.page, ms: Math.round(c.extensionMs * 10) / 10, extractorMs: Math.round(c.extractorMs * 10) / 10, longTasks: c.longTasks.length })),
      };
    }
  } finally {
    ext.dispose();
  }
  info.loadEnd = loadNow();
  result.seconds = Math.round((Date.now() - t0) / 1000);
  if (opts.only === 'pages') {
    result.only = 'pages';
    return result;
  }
  result.targets = targets(result);
  // What issue #4's JSON must carry and this run does not (by design with --quick, --sizes, --no-pages).
  result.missingFields = missingFields(result);
  return result;
}

/** What `--only restart` returns: the restart's figures, the machine and the time taken. */
function restartReport(result: Record<string, unknown>, t0: number, info: ReturnType<typeof machine>) {
  info.loadEnd = loadNow();
  result.seconds = Math.round((Date.now() - t0) / 1000);
  result.only = 'restart';
  return result;
}

interface Target {
  what: string;
  target: string;
  value: string;
  met: boolean;
}

/** The largest store measured (100,000 in a full run). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const largest = (r: any): string => String(Math.max(...Object.keys(r.lookupMs).filter((k) => k !== 'real').map(Number)));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function targets(r: any): Target[] {
  const big = largest(r);
  const full = big === '100000';
  const t: Target[] = [];
  const add = (what: string, target: string, value: string, met: boolean) => t.push({ what, target, value, met });
  add('fingerprint, 2,000 words (median)', '≤ 1 ms', `${ms(r.fingerprintMs['2000'].median)} ms`, r.fingerprintMs['2000'].median <= 1);
  const per = (w: string) => r.fingerprintMs[w].median / Number(w);
  add('fingerprint linear in length', '10,000 words ≤ 2× the per-word cost of 2,000', `${((per('10000') / per('2000')) || 0).toFixed(2)}×`, per('10000') <= 2 * per('2000'));
  add('fingerprint capped (100,000 words, median)', '≤ 10,000-word time × 3', `${ms(r.fingerprintCapMs['100000'].median)} ms`, r.fingerprintCapMs['100000'].median <= 3 * r.fingerprintMs['10000'].median);
  add(`lookup p99 at ${Number(big).toLocaleString('en')}`, '≤ 10 ms', `${ms(r.lookupMs[big].p99)} ms (caches emptied before each: ${ms(r.lookupColdCacheMs[big].p99)} ms)`, r.lookupMs[big].p99 <= 10);
  if (r.lookupMs['1000'] && big !== '1000') {
    add(`lookup p99, ${Number(big).toLocaleString('en')} vs 1,000`, '≤ 3×', `${(r.lookupMs[big].p99 / r.lookupMs['1000'].p99).toFixed(2)}×`, r.lookupMs[big].p99 <= 3 * r.lookupMs['1000'].p99);
  }
  add('bytes per original', '≤ 1,024', String(r.bytesPerOriginal), r.bytesPerOriginal <= 1024);
  const imp = r[`import${Number(big) / 1000}kSeconds`];
  add(`import of ${Number(big).toLocaleString('en')} originals`, full ? '≤ 30 s' : '(100k: ≤ 30 s)', `${imp} s`, full ? imp <= 30 : true);
  add('progress shown during the import', 'yes', `${r.import.progressValues} distinct values`, r.import.progressValues >= 3);
  add('content script size', '≤ 50 KB', kb(r.bundleBytes.content), r.bundleBytes.content <= 50 * 1024);
  if (r.pages) {
    add('long tasks caused on the pages', '0', String(r.longTasks), r.longTasks === 0);
    const noArt = r.pages.contentScriptMsWithoutArticle;
    add('pages without an article: only the cheap check', 'extractor never runs there', `${r.pages.count - r.pages.extracted} pages, max ${ms(noArt?.max ?? 0)} ms`, true);
  }
  add('first verdict after a worker restart (median)', '≤ 100 ms', `${ms(r.restart.firstVerdictMs.median)} ms (max ${ms(r.restart.firstVerdictMs.max)})`, r.restart.firstVerdictMs.median <= 100 && r.restart.allFlagged);
  add(`false flags with ${Number(big).toLocaleString('en')} originals`, '0', `${r.accuracy[big].falseFlags}/${r.accuracy[big].negatives}`, r.accuracy[big].falseFlags === 0);
  return t;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function printTable(r: any): string {
  const sizes = Object.keys(r.lookupMs).filter((k) => k !== 'real').sort((a, b) => Number(a) - Number(b));
  const lines: string[] = [];
  const m = r.machine;
  lines.push(`Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGB} GB; Node ${m.node}; ${m.chromium}; load ${m.loadStart.join(' ')} → ${m.loadEnd?.join(' ')}; ${m.engine}`);
  lines.push('');
  lines.push(table(['fingerprint (Chromium)', 'median ms', 'p99 ms', 'runs'], [
    ...['500', '2000', '10000'].map((w) => [`${Number(w).toLocaleString('en')} words`, ms(r.fingerprintMs[w].median), ms(r.fingerprintMs[w].p99), r.fingerprintMs[w].n]),
    ['100,000 words (cap)', ms(r.fingerprintCapMs['100000'].median), ms(r.fingerprintCapMs['100000'].p99), r.fingerprintCapMs['100000'].n],
  ]));
  lines.push('');
  lines.push(table(['originals', 'lookup median', 'lookup p99', 'retrieval p99', 'no cache: median', 'p99', 'scan median', 'scan p99', 'scan runs', 'recall', 'false flags'], sizes.map((s) => [
    Number(r.registered[s]).toLocaleString('en'),
    `${ms(r.lookupMs[s].median)} ms`, `${ms(r.lookupMs[s].p99)} ms`, `${ms(r.retrieveMs[s].p99)} ms`,
    `${ms(r.lookupColdCacheMs[s].median)} ms`, `${ms(r.lookupColdCacheMs[s].p99)} ms`,
    r.scanMs[s] ? `${ms(r.scanMs[s].median)} ms` : '—', r.scanMs[s] ? `${ms(r.scanMs[s].p99)} ms` : '—', r.scanMs[s]?.n ?? 0,
    `${(r.accuracy[s].recall * 100).toFixed(1)}%`, `${r.accuracy[s].falseFlags}/${r.accuracy[s].negatives}`,
  ])));
  const realAcc = r.accuracy.real;
  if (realAcc) lines.push(`(the ${realAcc.originals} real originals alone: recall ${(realAcc.recall * 100).toFixed(1)}%, false flags ${realAcc.falseFlags}/${realAcc.negatives}; ${realAcc.queries} queries per size)`);
  lines.push('');
  const imp = r.import;
  lines.push(`storage: ${r.bytesPerOriginal} bytes per original (estimate), ${Math.round(r.storage.diskDeltaBytes / r.storage.originals)} on disk; import of ${imp.originals.toLocaleString('en')} originals through the options page: ${imp.seconds.toFixed(1)} s (reading + checking ${imp.checkSeconds.toFixed(1)} s, writing ${imp.writeSeconds.toFixed(1)} s), progress bar at ${imp.progressValues} values`);
  const bb = r.bundleBytes;
  lines.push(`bundles: content ${kb(bb.content)}, extractor ${kb(bb.extractor)} (article pages only), background ${kb(bb.background)}, popup ${kb(bb.popup)}, options ${kb(bb.options)}; zips: Chrome ${kb(bb.chromeZip)}, Firefox ${kb(bb.firefoxZip)}`);
  const p = r.pages;
  if (p) lines.push(`pages: ${p.count} (${p.extracted} taken for articles); extension main-thread time per page: median ${ms(r.contentScriptMs.median)} ms, max ${ms(r.contentScriptMs.max)} ms; long tasks caused: ${r.longTasks} (on ${p.pagesWithLongTasks.length} pages); pages' own long tasks on ${p.baselinePages} of them: ${p.pageLongTasksWithout} without the extension, ${p.pageLongTasksWithExtension} with`);
  const rs = r.restart;
  lines.push(`worker restart (${rs.originals.toLocaleString('en')} originals): first verdict median ${ms(rs.firstVerdictMs.median)} ms, max ${ms(rs.firstVerdictMs.max)} ms (warm ${ms(rs.warmVerdictMs.median)} ms); first lookup in a new context ${ms(rs.firstLookupInNewContextMs.median)} ms`);
  lines.push('');
  lines.push(table(['target', 'wanted', 'measured', 'met'], r.targets.map((t: Target) => [t.what, t.target, t.value, t.met ? 'yes' : 'NO'])));
  return lines.join('\n');
}

/** The restart's figures and phase table, as markdown lines (none if the run has no phases). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function restartMarkdown(r: any): string[] {
  const out: string[] = [];
  const rs = r.restart;
  if (rs?.firstVerdictPhasesMs?.extract) {
    const names: Array<[string, string]> = [
      ['wake', 'message sent → worker started'], ['evaluate', 'script evaluated, listeners wired'], ['dispatch', 'message dispatched, tab looked up'],
      ['extract', 'page read in the tab (extractor)'], ['store', 'store ready (opened meanwhile)'], ['lookup', 'address, known translations, candidates'],
      ['decide', 'decide'], ['settle', 'verdict kept, badge set'], ['reply', 'answer back to the page'],
    ];
    out.push(`The first verdict after the service worker was stopped (${Number(rs.originals).toLocaleString('en')} originals, ${rs.firstVerdictMs.n} runs; ms): median ${ms(rs.firstVerdictMs.median)}, max ${ms(rs.firstVerdictMs.max)}; with the worker running: median ${ms(rs.warmVerdictMs.median)}.`);
    out.push('');
    out.push(markdown(['phase', 'after a restart: median', 'p99', 'worker running: median', 'p99'], names.map(([k, label]) => [
      label, ms(rs.firstVerdictPhasesMs[k].median), ms(rs.firstVerdictPhasesMs[k].p99), ms(rs.warmVerdictPhasesMs[k].median), ms(rs.warmVerdictPhasesMs[k].p99),
    ])));
    out.push('');
  }
  return out;
}

/** The figures as markdown tables (docs/performance.md, the README's Performance section). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function markdownReport(r: any): string {
  const sizes = Object.keys(r.lookupMs).filter((k) => k !== 'real').sort((a, b) => Number(a) - Number(b));
  const m = r.machine;
  const out: string[] = [];
  out.push(`Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGB} GB RAM; Node ${m.node}; ${m.chromium}; ${m.os}. Load average (1/5/15 min) ${m.loadStart.join(' / ')} at the start, ${m.loadEnd?.join(' / ')} at the end. Code: ${m.engine}, ${m.date.slice(0, 16).replace('T', ' ')} UTC.`);
  out.push('');
  out.push(markdown(['fingerprint (Chromium, no extraction)', 'median', 'p99', 'runs'], [
    ...['500', '2000', '10000'].map((w) => [`${Number(w).toLocaleString('en')} words`, `${ms(r.fingerprintMs[w].median)} ms`, `${ms(r.fingerprintMs[w].p99)} ms`, r.fingerprintMs[w].n]),
    ['100,000 words (capped)', `${ms(r.fingerprintCapMs['100000'].median)} ms`, `${ms(r.fingerprintCapMs['100000'].p99)} ms`, r.fingerprintCapMs['100000'].n],
  ]));
  out.push('');
  out.push(markdown(['registered originals', 'lookup median', 'lookup p99', 'of which retrieval, p99', 'lookup caches emptied: median / p99', 'linear scan median', 'scan p99 (runs)', 'recall', 'false flags'], sizes.map((s) => [
    Number(r.registered[s]).toLocaleString('en'),
    `${ms(r.lookupMs[s].median)} ms`, `**${ms(r.lookupMs[s].p99)} ms**`, `${ms(r.retrieveMs[s].p99)} ms`,
    `${ms(r.lookupColdCacheMs[s].median)} / ${ms(r.lookupColdCacheMs[s].p99)} ms`,
    r.scanMs[s] ? `${ms(r.scanMs[s].median)} ms` : '—', r.scanMs[s] ? `${ms(r.scanMs[s].p99)} ms (${r.scanMs[s].n})` : '—',
    `${(r.accuracy[s].recall * 100).toFixed(1)}%`, `${r.accuracy[s].falseFlags}/${r.accuracy[s].negatives}`,
  ])));
  out.push('');
  const big = largest(r);
  const ph = r.lookupPhasesMs?.[big];
  const phCold = r.lookupPhasesColdCacheMs?.[big];
  const tail = r.lookupTail?.[big];
  if (ph && phCold && tail) {
    const phaseNames: Array<[string, string]> = [
      ['head', 'head (with the posting lists, when the statistics are known; none when ranked on the last head read)'], ['stats', 'statistics'], ['plan', 'plan'],
      ['postings', 'posting lists (the rest of the wait)'], ['rank', 'ranking'], ['records', 'candidates read (with the head, when ranked on the last one read)'], ['decode', 'candidates decoded'],
      ['between', 'between the phases'], ['decide', 'decide'],
    ];
    out.push(`Where a lookup's time goes at ${Number(r.registered[big]).toLocaleString('en')} originals (ms; the slowest 1% are the ${tail.lookups} lookups that make the p99):`);
    out.push('');
    out.push(markdown(['phase', 'median', 'p99', 'caches emptied: median', 'p99', 'slowest 1%: mean', 'all: mean'], phaseNames.map(([k, label]) => [
      label, ms(ph[k].median), ms(ph[k].p99), ms(phCold[k].median), ms(phCold[k].p99), ms(tail[k]), ms(tail[`${k}All`]),
    ])));
    out.push('');
    out.push(`Read per lookup (median / p99): ${ph.postingRecords.median} / ${ph.postingRecords.p99} posting records wanted, ${ph.postingReads.median} / ${ph.postingReads.p99} of them from the database (caches emptied: ${phCold.postingReads.median} / ${phCold.postingReads.p99}); ${ph.postingEntries.median} / ${ph.postingEntries.p99} posting entries ranked; ${ph.candidateReads.median} / ${ph.candidateReads.p99} of the ${ph.candidates.median} candidates read from the database; ranked on the last lookup's head (one round trip in all): ${Math.round(tail.lastHeadAll * 100)}% of the lookups (of the slowest 1%: ${Math.round(tail.lastHead * 100)}%).`);
    out.push('');
  }
  out.push(...restartMarkdown(r));
  if (r.storage && r.import) {
    out.push(`Storage: ${r.bytesPerOriginal} bytes per original on disk (${Number(r.storage.originals).toLocaleString('en')} originals imported, the browser restarted; ${r.storage.rightAfterImportBytesPerOriginal} right after the import, before LevelDB compacted). Import through the options page: ${r.import.seconds.toFixed(1)} s (reading and checking the file ${r.import.checkSeconds.toFixed(1)} s, writing ${r.import.writeSeconds.toFixed(1)} s), the progress bar at ${r.import.progressValues} values.`);
    out.push('');
  }
  out.push(markdown(['target', 'wanted', 'measured', 'met'], r.targets.map((t: Target) => [t.what, t.target, t.value, t.met ? 'yes' : '**no**'])));
  return out.join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  let opts: SpeedOptions;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    return 2;
  }
  const r = await run(opts);
  if (r.only === 'restart') {
    const rs = r.restart as { firstVerdictMs: Summary; warmVerdictMs: Summary };
    const m = r.machine as { loadStart: number[]; loadEnd?: number[]; engine: string };
    console.log(`load ${m.loadStart.join(' ')} → ${m.loadEnd?.join(' ')}; ${m.engine}`);
    console.log(`first verdict after a worker restart: median ${ms(rs.firstVerdictMs.median)} ms, max ${ms(rs.firstVerdictMs.max)} ms (worker running: ${ms(rs.warmVerdictMs.median)} ms)`);
    if (opts.json) writeFileSync(opts.json, `${JSON.stringify(r, null, 2)}\n`);
    if (opts.markdown) writeFileSync(opts.markdown, `${restartMarkdown(r).join('\n')}\n`);
    return 0;
  }
  if (r.only === 'pages') {
    const m = r.machine as { loadStart: number[]; loadEnd?: number[]; engine: string };
    const p = r.pages as { count: number; extracted: number; longestExtensionTaskMs: Summary };
    const c = r.contentScriptMs as Summary;
    console.log(`load ${m.loadStart.join(' ')} → ${m.loadEnd?.join(' ')}; ${m.engine}`);
    console.log(`pages: ${p.count} (${p.extracted} taken for articles); extension main-thread time per page: median ${ms(c.median)} ms, max ${ms(c.max)} ms; longest extension task: median ${ms(p.longestExtensionTaskMs.median)} ms, max ${ms(p.longestExtensionTaskMs.max)} ms; long tasks caused: ${r.longTasks}`);
    console.log(`bundles: ${JSON.stringify(r.bundleBytes)}`);
    if (opts.json) writeFileSync(opts.json, `${JSON.stringify(r, null, 2)}\n`);
    return 0;
  }
  if (!opts.importOnly) console.log(printTable(r));
  if (opts.json) {
    writeFileSync(opts.json, `${JSON.stringify(r, null, 2)}\n`);
    log(`figures written to ${opts.json}`);
  }
  if (opts.markdown) writeFileSync(opts.markdown, `${markdownReport(r)}\n`);
  const missing = r.missingFields as string[];
  if (missing.length) {
    log(`not measured in this run: ${missing.join(', ')}`);
    // A full run that leaves out a figure the issue asks for is a broken run.
    if (!opts.quick && !opts.sizes && opts.pages && !opts.importOnly) return 1;
  }
  return 0;
}

const invoked = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (invoked === path.resolve(import.meta.filename)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
