/**
 * The speed benchmark's figures: summaries (median, p99 by nearest rank), the machine
 * they were taken on, the targets of issue #4 and the human-readable table.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { median, percentile } from '../stats';

export interface Summary {
  median: number;
  p99: number;
  /** Samples the figures come from. */
  n: number;
  max: number;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

export function summary(values: readonly number[]): Summary {
  if (!values.length) return { median: NaN, p99: NaN, n: 0, max: NaN };
  return { median: r3(median(values)!), p99: r3(percentile(values, 99)!), n: values.length, max: r3(Math.max(...values)) };
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGB: number;
  node: string;
  chromium: string;
  os: string;
  /** `uptime`'s load averages (1, 5, 15 min) at the start and at the end of the run. */
  loadStart: number[];
  loadEnd: number[] | null;
  engine: string;
  date: string;
}

function cpuModel(): string {
  try {
    const m = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m);
    if (m) return m[1].trim();
  } catch {
    // not Linux
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

function chromiumVersion(executable: string): string {
  try {
    return execFileSync(executable, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

/** The commit the figures are for, and whether the tree had uncommitted changes. */
function revision(cwd: string): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'utils', 'entrypoints', 'components'], { cwd, encoding: 'utf8' }).trim();
    return dirty ? `${head} (uncommitted changes in utils/entrypoints/components)` : head;
  } catch {
    return 'unknown';
  }
}

export const loadNow = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

export function machine(chromium: string, repo: string): Machine {
  return {
    cpus: os.cpus().length,
    cpuModel: cpuModel(),
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    chromium: chromiumVersion(chromium),
    os: `${os.type()} ${os.release()}`,
    loadStart: loadNow(),
    loadEnd: null,
    engine: revision(repo),
    date: new Date().toISOString(),
  };
}

/** A plain text table, columns padded. */
export function table(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** A markdown table (docs/performance.md, the README). */
export function markdown(header: string[], rows: Array<Array<string | number>>): string {
  return [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export const ms = (x: number) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) : '—');
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * The figures issue #4 asks `--json` to carry, as paths into the result: each must be a
 * finite number in a full run (1,000 / 10,000 / 100,000 originals, the pages traced).
 */
export const ISSUE_FIELDS: readonly string[] = [
  ...['500', '2000', '10000'].flatMap((w) => [`fingerprintMs.${w}.median`, `fingerprintMs.${w}.p99`]),
  ...['lookupMs', 'scanMs'].flatMap((f) => ['1000', '10000', '100000'].flatMap((n) => [`${f}.${n}.median`, `${f}.${n}.p99`])),
  'bytesPerOriginal',
  'import100kSeconds',
  ...['content', 'background', 'popup', 'chromeZip', 'firefoxZip'].map((b) => `bundleBytes.${b}`),
  'longTasks',
  'contentScriptMs.median',
  'contentScriptMs.max',
];

/** The ISSUE_FIELDS that `result` lacks or holds no finite number at. */
export function missingFields(result: unknown): string[] {
  return ISSUE_FIELDS.filter((p) => {
    let v: unknown = result;
    for (const part of p.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
    return typeof v !== 'number' || !Number.isFinite(v);
  });
}
