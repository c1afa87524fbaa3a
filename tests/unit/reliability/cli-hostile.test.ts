/**
 * The installed command on hostile inputs, spawned as a user would run it: empty, binary,
 * huge and malformed files, as articles and as packs. Each gets a verdict or a one-line
 * reason and a documented exit status (0, 1, 2), never a stack trace. The spawned runs go
 * in parallel (each pays tsx's start-up); the other malformed packs run in-process.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { hostileCopies } from '../../../scripts/harness/hostile-pages';
import { parseSeed } from '../../../scripts/harness/news-page';
import { sharedDir } from '../helpers/corpus';

const bin = path.resolve(import.meta.dirname, '../../../cli/bin.mjs');
const tmp = mkdtempSync(path.join(tmpdir(), 'provenance-cli-hostile-'));
const f = (name: string) => path.join(tmp, name);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The same command in-process (no launcher): for the cases that need no separate process. */
async function inProcess(args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: (t) => void (stdout += `${t}\n`), err: (t) => void (stderr += `${t}\n`) });
  return { code, stdout, stderr };
}

function cli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, PROVENANCE_DEBUG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A stack frame, as Node prints them: "    at fn (file:line:col)". */
const STACK = /^\s+at .+:\d+:\d+\)?$/m;

let runs: Record<string, Run>;

beforeAll(async () => {
  writeFileSync(f('empty.txt'), '');
  writeFileSync(f('empty.json'), '');
  writeFileSync(f('binary.html'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0xff, 0xfe, 0, 0]));
  writeFileSync(f('binary.json'), Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0]));
  writeFileSync(f('huge.json'), '');
  truncateSync(f('huge.json'), 100 * 1024 * 1024);
  writeFileSync(f('huge.html'), '');
  truncateSync(f('huge.html'), 100 * 1024 * 1024);
  writeFileSync(f('controls.txt'), Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).join('').repeat(50));
  writeFileSync(f('not-json.json'), '{"format": "provenance-lens-pack", "originals": [');
  writeFileSync(f('proto.json'), '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}');
  writeFileSync(f('wrong-version.json'), JSON.stringify({ format: 'provenance-lens-pack', version: 99, created: '2024-01-01', originals: [], translations: [] }));
  writeFileSync(f('bad-records.json'), JSON.stringify({
    format: 'provenance-lens-pack', version: 1, created: '2024-01-01',
    originals: [{ id: 'x', title: '<script>alert(1)</script>', lang: 'fr', url: 'data:text/html,hi', fingerprint: 'AA==' }], translations: 'none',
  }));
  const seedDir = path.join(sharedDir(), 'seeds');
  const itName = readFileSync(path.join(seedDir, 'README.md'), 'utf8').match(/001_[0-9a-f]+\.txt/)![0];
  const copy = hostileCopies(parseSeed(readFileSync(path.join(seedDir, itName), 'utf8'))).find((p) => p.name === 'copy-broken-markup')!;
  writeFileSync(f('hostile-copy.html'), copy.html);

  // Spawned: the empty, binary and huge files, as packs and as articles.
  const spawned: Record<string, string[]> = {
    emptyPack: ['check', '--pack', f('empty.json'), f('empty.txt')],
    binaryPack: ['check', '--pack', f('binary.json'), f('empty.txt')],
    hugePack: ['check', '--pack', f('huge.json'), f('empty.txt')],
    badRecords: ['check', '--pack', f('bad-records.json'), f('empty.txt')],
    inputs: ['check', '--json', f('empty.txt'), f('binary.html'), f('huge.html'), f('controls.txt'), f('hostile-copy.html'), tmp],
  };
  const inside: Record<string, string[]> = {
    notJsonPack: ['check', '--pack', f('not-json.json'), f('empty.txt')],
    protoPack: ['check', '--pack', f('proto.json'), f('empty.txt')],
    versionPack: ['check', '--pack', f('wrong-version.json'), f('empty.txt')],
    packHostile: ['pack', '--lang', 'fr', f('binary.html'), f('controls.txt'), '-o', f('out.json')],
  };
  const names = Object.keys(spawned);
  const results = await Promise.all(names.map((k) => cli(spawned[k])));
  runs = Object.fromEntries(names.map((k, i) => [k, results[i]]));
  for (const [k, args] of Object.entries(inside)) runs[k] = await inProcess(args);
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the CLI on hostile files', () => {
  it('never prints a stack trace, whatever it is given', () => {
    for (const [name, r] of Object.entries(runs)) {
      expect(r.stderr, name).not.toMatch(STACK);
      expect(r.stdout, name).not.toMatch(STACK);
      expect(r.stderr, name).not.toMatch(/internal error/);
      expect([0, 1, 2], name).toContain(r.code);
    }
  });

  it('refuses unusable packs with status 2 and the reason', () => {
    const reason = (name: string) => {
      expect(runs[name].code, name).toBe(2);
      return runs[name].stderr;
    };
    expect(reason('emptyPack')).toMatch(/empty\.json is not a valid Provenance Lens pack:\n\s+pack: pack is empty/);
    expect(reason('binaryPack')).toMatch(/binary\.json: is binary data/);
    expect(reason('hugePack')).toMatch(/huge\.json: too large \(100\.0 MB; at most \d+ MB\)/);
    expect(reason('notJsonPack')).toMatch(/pack is not valid JSON/);
    expect(reason('protoPack')).toMatch(/no "format" field/);
    expect(reason('versionPack')).toMatch(/pack version 99 is newer/);
    const bad = reason('badRecords');
    expect(bad).toMatch(/originals\[0\]\.url: url must be an absolute http/);
    expect(bad).toMatch(/originals\[0\]\.fingerprint/);
    expect(bad).toMatch(/translations must be an array/);
  });

  it('gives every readable input a verdict and every unreadable one a reason (status 1)', () => {
    const r = runs.inputs;
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; verdict?: string; error?: string; note?: string });
    const by = (name: string) => lines.filter((l) => l.file.endsWith(name));
    expect(by('empty.txt')[0]).toMatchObject({ verdict: 'none', note: 'no article text found' });
    expect(by('binary.html')[0]).toMatchObject({ error: 'is binary data, not text or HTML' });
    expect(by('huge.html')[0].error).toMatch(/too large/);
    expect(by('controls.txt')[0]).toMatchObject({ verdict: 'none' });
    // The Italian copy in broken markup, found in the folder as well as named directly.
    expect(by('hostile-copy.html').map((l) => l.verdict)).toEqual(['translation', 'translation']);
  });

  it('writes no pack when an input is unusable, and says which', () => {
    const r = runs.packHostile;
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/binary\.html: is binary data/);
    expect(r.stderr).toMatch(/pack not written/);
  });
});
