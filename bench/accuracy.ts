/**
 * The accuracy benchmark (contract: /work/shared/corpus/README.md).
 *
 *   npm run bench:accuracy -- <corpus folder> [--json FILE] [--methods engine,cl-c3g,...]
 *                             [--variants] [--seed N] [--diagnose [N]]
 *
 * For each method: register the original-language version of every registered id, then
 * query every article of every query set (every .jsonl but the original language's, then
 * the original language's own file) and, with --variants, the copy-like variants of every
 * plain cross-language set (bench/variants.ts). One row per method and set, then a total
 * row per method. A query's time covers everything the method does for a page
 * (fingerprinting + retrieval + verification for the engine) with every original
 * registered; a short untimed warm-up precedes the timed queries.
 */
import { writeFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGINE_NAME, compare, fingerprintArticle } from '../utils/engine/index';
import { calibrationSamples, CALIBRATION_MOD } from './baselines/calibrate';
import { EngineMethod, toArticle } from './baselines/engine';
import { DEFAULT_METHODS, METHODS } from './baselines/index';
import type { Method, Verdict, VerdictKind } from './baselines/types';
import { CorpusError, loadCorpus, type Corpus, type CorpusArticle, type QuerySet } from './corpus';
import { classify, methodRows, type Outcome, type OutcomeClass, type Row } from './stats';
import { formatResults, formatTable } from './table';
import { DEFAULT_SEED, variantSets } from './variants';

/** Untimed queries run before the timed ones, so that JIT warm-up does not land in the first set's times. */
export const WARMUP_QUERIES = 20;

/** What a registered/unregistered page of a set must be answered. */
export function expectedKind(set: QuerySet, id: string, registered: ReadonlySet<string>): VerdictKind {
  if (!registered.has(id)) return 'none';
  return set.sameLanguage ? 'original' : 'translation';
}

export interface MethodRun {
  method: Method;
  /** Queries on which the method threw: scored as 'none', reported (the first few in `errorSamples`). */
  errors: number;
  errorSamples: string[];
  registerMs: number;
  calibrateMs: number;
  bySet: { set: string; lang: string; outcomes: Outcome[] }[];
  rows: Row[];
}

/**
 * Runs one method: registers the originals, calibrates it when it has a threshold to fit
 * (on the corpus files' cross-language sets only, see baselines/calibrate.ts), warms it
 * up, then queries every set.
 */
export function runMethod(
  method: Method,
  corpus: Pick<Corpus, 'originals' | 'registered' | 'sets'>,
  sets: readonly QuerySet[],
  warmup = WARMUP_QUERIES,
): MethodRun {
  let t = performance.now();
  for (const o of corpus.originals) method.register(o);
  const registerMs = performance.now() - t;
  t = performance.now();
  if (method.calibrate) method.calibrate(calibrationSamples(corpus.sets, corpus.registered));
  const calibrateMs = performance.now() - t;
  let errors = 0;
  const errorSamples: string[] = [];
  const ask = (a: CorpusArticle, where: string): Verdict => {
    try {
      return method.query(a);
    } catch (e) {
      errors++;
      if (errorSamples.length < 5) errorSamples.push(`${method.name} threw on ${where} ${a.id}: ${(e as Error)?.message ?? e}`);
      return { kind: 'none', score: 0 };
    }
  };
  const warm = sets.flatMap((s) => s.articles).slice(0, warmup);
  for (const a of warm) ask(a, 'warm-up');
  errors = 0;

  const bySet = sets.map((set) => {
    const outcomes: Outcome[] = [];
    for (const a of set.articles) {
      const t0 = performance.now();
      const verdict = ask(a, set.label);
      const ms = performance.now() - t0;
      outcomes.push({ set: set.label, lang: set.lang, articleId: a.id, expected: expectedKind(set, a.id, corpus.registered), verdict, ms });
    }
    return { set: set.label, lang: set.lang, outcomes };
  });
  return { method, errors, errorSamples, registerMs, calibrateMs, bySet, rows: methodRows(method.name, bySet) };
}

// ---------------------------------------------------------------------------------------
// Diagnostics (engine only): where the engine fails, with ids and scores.

interface PositiveDiag {
  set: string;
  id: string;
  /** The verdict points at an article whose paragraph the noisy variant inserted. */
  donor: boolean;
  cls: OutcomeClass;
  rightScore: number;
  rank: number | null;
  verdict: Verdict;
}

interface NegativeDiag {
  set: string;
  id: string;
  donor: boolean;
  verdict: Verdict;
  shared: number;
  coverage: number;
  containment: number;
  labels: string;
}

const f3 = (x: number) => x.toFixed(3);
const isDonor = (a: CorpusArticle, v: Verdict) => !!(v.id && a.insertedFrom?.includes(v.id));

/** The engine's failures: per-set breakdown of misses, lowest positives, highest negatives. */
export function diagnoseEngine(engine: EngineMethod, run: MethodRun, sets: readonly QuerySet[], registered: ReadonlySet<string>, n: number): string {
  const byId = new Map(engine.index.candidates.map((c) => [c.id, c] as const));
  const positives: PositiveDiag[] = [];
  const negatives: NegativeDiag[] = [];
  const breakdown: { set: string; pos: number; hit: number; notRetrieved: number; belowThreshold: number; wrongOriginal: number; wrongKind: number }[] = [];
  sets.forEach((set, si) => {
    const b = { set: set.label, pos: 0, hit: 0, notRetrieved: 0, belowThreshold: 0, wrongOriginal: 0, wrongKind: 0 };
    set.articles.forEach((a: CorpusArticle, ai) => {
      const o = run.bySet[si].outcomes[ai];
      const cls = classify(o);
      if (registered.has(a.id)) {
        const page = fingerprintArticle(toArticle(a));
        const retrieved = engine.index.retrieve(page);
        const r = retrieved.findIndex((c) => c.id === a.id);
        const cand = byId.get(a.id);
        const rightScore = cand ? compare(page, cand).score : 0;
        positives.push({ set: set.label, id: a.id, donor: isDonor(a, o.verdict), cls, rightScore, rank: r >= 0 ? r + 1 : null, verdict: o.verdict });
        b.pos++;
        if (cls === 'hit') b.hit++;
        else if (cls === 'wrongOriginal') b.wrongOriginal++;
        else if (cls === 'wrongKind') b.wrongKind++;
        else if (r < 0) b.notRetrieved++;
        else b.belowThreshold++;
      } else if (o.verdict.id) {
        const page = fingerprintArticle(toArticle(a));
        const cand = byId.get(o.verdict.id);
        const m = cand ? compare(page, cand) : null;
        negatives.push({
          set: set.label,
          id: a.id,
          donor: isDonor(a, o.verdict),
          verdict: o.verdict,
          shared: m ? m.evidence.shared.length : 0,
          coverage: m ? m.evidence.coverage : 0,
          containment: m ? m.evidence.containment : 0,
          labels: m ? m.evidence.shared.slice(0, 8).map((s) => s.label).join(', ') : '',
        });
      }
    });
    breakdown.push(b);
  });

  const out: string[] = [];
  out.push(`Engine diagnostics (${ENGINE_NAME}); not timed.`);
  out.push('');
  out.push('Positives by outcome (notRetrieved: the right original not among the retrieved candidates; belowThreshold: retrieved, scored under the threshold):');
  out.push(
    formatTable(
      [
        { header: 'set', get: (r) => r.set, align: 'left' },
        { header: 'pos', get: (r) => String(r.pos) },
        { header: 'hit', get: (r) => String(r.hit) },
        { header: 'notRetrieved', get: (r) => String(r.notRetrieved) },
        { header: 'belowThreshold', get: (r) => String(r.belowThreshold) },
        { header: 'wrongOriginal', get: (r) => String(r.wrongOriginal) },
        { header: 'wrongKind', get: (r) => String(r.wrongKind) },
      ],
      breakdown,
    ),
  );
  out.push('');
  positives.sort((a, b) => a.rightScore - b.rightScore || a.set.localeCompare(b.set) || a.id.localeCompare(b.id));
  out.push(`Lowest-scoring positives (${Math.min(n, positives.length)} of ${positives.length}; rightScore: compare() with the right original; rank: its place among the retrieved candidates):`);
  out.push(
    formatTable<PositiveDiag>(
      [
        { header: 'set', get: (r) => r.set, align: 'left' },
        { header: 'id', get: (r) => r.id, align: 'left' },
        { header: 'outcome', get: (r) => r.cls, align: 'left' },
        { header: 'rightScore', get: (r) => f3(r.rightScore) },
        { header: 'rank', get: (r) => (r.rank === null ? '–' : String(r.rank)) },
        { header: 'verdict', get: (r) => r.verdict.kind, align: 'left' },
        { header: 'verdictScore', get: (r) => f3(r.verdict.score) },
        { header: 'verdictId (if other; * inserted by noisy)', get: (r) => (r.verdict.id && r.verdict.id !== r.id ? r.verdict.id + (r.donor ? ' *' : '') : ''), align: 'left' },
      ],
      positives.slice(0, n),
    ),
  );
  out.push('');
  const flagged = negatives.filter((d) => d.verdict.kind !== 'none');
  const wrongOrig = positives.filter((d) => d.cls === 'wrongOriginal');
  if (flagged.length || wrongOrig.length) {
    out.push(
      `Flags pointing at an article a noisy variant inserted a paragraph of: ${flagged.filter((d) => d.donor).length} of ${flagged.length} false flags, ` +
        `${wrongOrig.filter((d) => d.donor).length} of ${wrongOrig.length} wrong originals.`,
    );
    out.push('');
  }
  negatives.sort((a, b) => b.verdict.score - a.verdict.score || a.set.localeCompare(b.set) || a.id.localeCompare(b.id));
  out.push(`Highest-scoring negatives (${Math.min(n, negatives.length)} of ${negatives.length} with a best candidate; the evidence is that candidate's):`);
  out.push(
    formatTable<NegativeDiag>(
      [
        { header: 'set', get: (r) => r.set, align: 'left' },
        { header: 'id', get: (r) => r.id, align: 'left' },
        { header: 'verdict', get: (r) => r.verdict.kind, align: 'left' },
        { header: 'score', get: (r) => f3(r.verdict.score) },
        { header: 'bestId (* inserted by noisy)', get: (r) => (r.verdict.id ?? '') + (r.donor ? ' *' : ''), align: 'left' },
        { header: 'shared', get: (r) => String(r.shared) },
        { header: 'cov', get: (r) => f3(r.coverage) },
        { header: 'cont', get: (r) => f3(r.containment) },
        { header: 'first shared anchors', get: (r) => r.labels.slice(0, 70), align: 'left' },
      ],
      negatives.slice(0, n),
    ),
  );
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------
// Command line

export interface CliOptions {
  corpus: string;
  json: string | null;
  methods: string[];
  variants: boolean;
  seed: number;
  diagnose: number;
}

const USAGE = `usage: npm run bench:accuracy -- <corpus folder> [--json FILE] [--methods ${Object.keys(METHODS).join(',')}]
                              [--variants] [--seed N] [--diagnose [N]]
  default methods: ${DEFAULT_METHODS.join(',')}; --diagnose lists the engine's N (default 15) worst cases`;

export function parseArgs(argv: readonly string[]): CliOptions {
  const o: CliOptions = { corpus: '', json: null, methods: [...DEFAULT_METHODS], variants: false, seed: DEFAULT_SEED, diagnose: 0 };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let inline: string | null = null;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) [a, inline] = [a.slice(0, eq), a.slice(eq + 1)];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--json') o.json = value();
    else if (a === '--methods') o.methods = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '--variants') o.variants = true;
    else if (a === '--seed') o.seed = Number(value());
    else if (a === '--diagnose') {
      if (inline !== null) o.diagnose = Number(inline);
      else if (argv[i + 1] !== undefined && /^\d+$/.test(argv[i + 1])) o.diagnose = Number(argv[++i]);
      else o.diagnose = 15;
    } else if (a === '--help' || a === '-h') throw new Error('help');
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else rest.push(a);
  }
  if (rest.length !== 1) throw new Error(rest.length ? `one corpus folder expected, got ${rest.join(' ')}` : 'no corpus folder given');
  o.corpus = rest[0];
  const unknown = o.methods.filter((m) => !METHODS[m]);
  if (unknown.length) throw new Error(`unknown method(s) ${unknown.join(', ')}; known: ${Object.keys(METHODS).join(', ')}`);
  if (!o.methods.length) throw new Error('no method given');
  if (!Number.isInteger(o.seed)) throw new Error('--seed needs an integer');
  if (!Number.isInteger(o.diagnose) || o.diagnose < 0) throw new Error('--diagnose needs a whole number');
  return o;
}

/** Paths as the user typed them: npm run changes the working folder, INIT_CWD keeps the caller's. */
function userPath(p: string): string {
  return isAbsolute(p) ? p : resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

export function main(argv: readonly string[]): number {
  const started = performance.now();
  let opts: CliOptions;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    const msg = (e as Error).message;
    if (msg !== 'help') console.error(`bench:accuracy: ${msg}`);
    console.error(USAGE);
    return msg === 'help' ? 0 : 2;
  }
  let corpus: Corpus;
  try {
    corpus = loadCorpus(userPath(opts.corpus));
  } catch (e) {
    if (e instanceof CorpusError) {
      console.error(`bench:accuracy: ${e.message}`);
      return 2;
    }
    throw e;
  }
  for (const w of corpus.warnings) console.error(`warning: ${w}`);
  const generated = opts.variants ? variantSets(corpus.sets, opts.seed, corpus.registered) : [];
  const sets = [...corpus.sets, ...generated];
  const queries = sets.reduce((s, x) => s + x.articles.length, 0);
  const calib = calibrationSamples(corpus.sets, corpus.registered).length;

  console.log(`Accuracy benchmark: ${corpus.dir}`);
  console.log(`engine: ${ENGINE_NAME}`);
  console.log(
    `${corpus.originals.length} originals registered (${corpus.originalLang}, from ${corpus.originalLang}.jsonl); ` +
      `${corpus.sets.length} query sets from files` +
      (opts.variants ? ` + ${generated.length} variant sets (seed ${opts.seed})` : '') +
      `; ${queries} queries per method`,
  );
  console.log(`baseline thresholds fitted on a calibration split of ${calib} cross-language pages (id hash mod ${CALIBRATION_MOD} = 0); all pages reported`);

  const runs: MethodRun[] = [];
  for (const name of opts.methods) {
    const t = performance.now();
    const run = runMethod(METHODS[name](), corpus, sets);
    runs.push(run);
    const pos = run.bySet.flatMap((s) => s.outcomes).filter((o) => o.expected !== 'none');
    const top1 = pos.filter((o) => o.verdict.id === o.articleId).length;
    console.log(
      `- ${run.method.describe()}\n  registration ${run.registerMs.toFixed(0)} ms, calibration ${run.calibrateMs.toFixed(0)} ms, ` +
        `whole method ${((performance.now() - t) / 1000).toFixed(1)} s; ` +
        `best candidate is the right original for ${pos.length ? ((100 * top1) / pos.length).toFixed(1) : '–'}% of positives (whatever the threshold)`,
    );
    if (run.errors) {
      console.log(`  ${run.errors} queries threw (scored as 'none'); first: ${run.errorSamples[0]}`);
      for (const m of run.errorSamples) console.error(`error: ${m}`);
    }
  }
  const rows = runs.flatMap((r) => r.rows);
  console.log('');
  console.log('recall: flagged with the right original (original-language sets: recognised as the original); ' +
    'wrongOrig: positives flagged with another original; falseFlags: negatives flagged; times per query');
  console.log(formatResults(rows));

  if (opts.diagnose) {
    const run = runs.find((r) => r.method instanceof EngineMethod);
    console.log('');
    if (run) console.log(diagnoseEngine(run.method as EngineMethod, run, sets, corpus.registered, opts.diagnose));
    else console.log('--diagnose: the engine was not among the methods run');
  }

  if (opts.json) {
    const file = userPath(opts.json);
    const doc = {
      engine: ENGINE_NAME,
      corpus: corpus.dir,
      originalLang: corpus.originalLang,
      registered: corpus.originals.length,
      variants: opts.variants,
      seed: opts.seed,
      methods: runs.map((r) => ({ name: r.method.name, description: r.method.describe(), registerMs: Math.round(r.registerMs) })),
      results: rows,
    };
    writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
    console.log(`\nresults written to ${file}`);
  }
  console.log(`\ntotal run time ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

const invoked = process.argv[1] ? resolve(process.argv[1]) : '';
if (invoked === fileURLToPath(import.meta.url) || invoked === fileURLToPath(import.meta.url).replace(/\.ts$/, '')) {
  process.exitCode = main(process.argv.slice(2));
}
