import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { formatCheck } from '../../cli/report';
import { parsePackText } from '../../utils/pack';

const repo = path.resolve(__dirname, '../..');
const shared = process.env.PROVENANCE_SHARED ?? path.resolve(repo, '../shared');
const fr = path.join(shared, 'seeds', '000_aa5ed160621a76a1.txt');
const it_ = path.join(shared, 'seeds', '001_8fc0ff38677826b1.txt');
const unrelated = path.join(shared, 'pages', 'readability', 'lemonde-1', 'source.html');
const tmp = mkdtempSync(path.join(tmpdir(), 'provenance-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => { out += t.endsWith('\n') ? t : `${t}\n`; }, err: (t) => { err += t.endsWith('\n') ? t : `${t}\n`; } });
  // Whatever happens, the user never sees a stack trace.
  expect(err).not.toMatch(/\n\s+at .+:\d+:\d+/);
  return { code, out, err };
}
const jsonLines = (out: string) => out.trim().split('\n').map((l) => JSON.parse(l));

describe('help and usage', () => {
  it('prints help for the CLI and each command', async () => {
    expect((await run('--help')).out).toMatch(/Usage: provenance-lens <command>/);
    expect((await run('pack', '--help')).out).toMatch(/Usage: provenance-lens pack/);
    expect((await run('check', '-h')).out).toMatch(/Usage: provenance-lens check/);
    expect((await run('help', 'check')).out).toMatch(/--json/);
  });

  it('rejects bad usage with exit status 2 and a message', async () => {
    const none = await run();
    expect(none.code).toBe(2);
    const unknown = await run('frobnicate');
    expect(unknown).toMatchObject({ code: 2, err: expect.stringMatching(/unknown command "frobnicate"/) });
    const option = await run('check', '--nope', fr);
    expect(option).toMatchObject({ code: 2, err: expect.stringMatching(/Unknown option '--nope'.*\n.*check --help/) });
    expect((await run('check')).err).toMatch(/no file given/);
    expect((await run('pack', '--lang', 'français', fr)).err).toMatch(/not a language tag/);
  });
});

describe.skipIf(!existsSync(fr))('check against the bundled pack', () => {
  it('Italian copy → translation of the French original; French → the original; unrelated → none', async () => {
    const r = await run('check', '--json', it_, fr, unrelated);
    expect(r.code).toBe(0);
    const [itR, frR, other] = jsonLines(r.out);
    expect(itR).toMatchObject({ file: it_, verdict: 'translation', original: { title: 'Camaïeu victime d’une cyberattaque', lang: 'fr', author: 'Yohann G.' } });
    expect(itR.score).toBeGreaterThanOrEqual(0.5);
    expect(itR.evidence.shared.map((s: { label: string }) => s.label)).toContain('Würth');
    expect(itR.original.fingerprint).toBeUndefined();
    expect(frR).toMatchObject({ verdict: 'original', original: { lang: 'fr' } });
    expect(other).toMatchObject({ verdict: 'none', original: null, pageLang: 'fr' });
  });

  it('writes a readable report without --json', async () => {
    const r = await run('check', '--lang', 'it', it_);
    expect(r.out).toMatch(/\[it\]: TRANSLATED COPY of «Camaïeu victime d’une cyberattaque» \(fr, Yohann G\.\) — score (0\.\d\d|1\.00)/);
    expect(r.out).toMatch(/shared names and numbers, in order: .*Würth/);
  });
});

describe.skipIf(!existsSync(fr))('pack, then check: a round trip through the CLI', () => {
  it('builds a pack from the French seed and recognises the Italian copy with it', async () => {
    const out = path.join(tmp, 'fr.json');
    const built = await run('pack', fr, '--lang', 'fr', '--publisher', 'Test Press', '-o', out);
    expect(built).toMatchObject({ code: 0, err: expect.stringMatching(/Wrote .*1 original/) });
    const pack = parsePackText(readFileSync(out, 'utf8'));
    expect(pack.ok).toBe(true);
    if (!pack.ok) return;
    expect(pack.pack.publisher).toBe('Test Press');
    expect(pack.pack.originals[0]).toMatchObject({ title: 'Camaïeu victime d’une cyberattaque', lang: 'fr', author: 'Yohann G.', publisher: 'Test Press' });
    // Metadata and fingerprint only: no sentence of the article.
    expect(readFileSync(out, 'utf8')).not.toMatch(/prêt-à-porter|cyberattaque en juin/);
    const [itR] = jsonLines((await run('check', '--json', '--pack', out, it_)).out);
    expect(itR).toMatchObject({ verdict: 'translation', original: { id: pack.pack.originals[0].id } });
  });

  it('reads HTML pages and JSONL corpus lines', async () => {
    const html = path.join(tmp, 'page.html');
    const paras = readFileSync(fr, 'utf8').split(/\n\s*\n/).slice(2, -1);
    writeFileSync(html, `<!doctype html><html lang="fr"><head><title>Camaïeu</title><link rel="canonical" href="https://news.example.fr/camaieu"></head><body><article><h1>Camaïeu</h1>${paras.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`);
    const jsonl = path.join(tmp, 'corpus.jsonl');
    // A shorter text than the page's: the same text twice would (rightly) merge into one original.
    writeFileSync(jsonl, `${JSON.stringify({ id: 'corpus:1', lang: 'fr', title: null, paragraphs: paras.slice(0, -3) })}\n\n`);
    const out = path.join(tmp, 'mixed.json');
    expect((await run('pack', html, jsonl, '-o', out)).code).toBe(0);
    const pack = parsePackText(readFileSync(out, 'utf8'));
    if (!pack.ok) throw new Error(JSON.stringify(pack.errors));
    const ids = pack.pack.originals.map((o) => o.id);
    expect(ids).toContain('corpus:1');
    expect(ids.find((id) => id.startsWith('url-'))).toBeDefined();
    expect(pack.pack.originals.find((o) => o.url)?.url).toBe('https://news.example.fr/camaieu');
    const [r] = jsonLines((await run('check', '--json', '--pack', out, it_)).out);
    expect(r.verdict).toBe('translation');
  });

  it('refuses to write a pack when an input has no language, and says how to fix it', async () => {
    const out = path.join(tmp, 'nolang.json');
    const r = await run('pack', fr, '-o', out);
    expect(r).toMatchObject({ code: 1, err: expect.stringMatching(/language is not declared; pass --lang/) });
    expect(existsSync(out)).toBe(false);
  });
});

describe('bad inputs', () => {
  it('missing, binary, huge and empty files: a clear message or verdict, status 1 when unreadable', async () => {
    const binary = path.join(tmp, 'image.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0x00]));
    const huge = path.join(tmp, 'huge.html');
    writeFileSync(huge, '');
    truncateSync(huge, 40 * 1024 * 1024);
    const empty = path.join(tmp, 'empty.txt');
    writeFileSync(empty, '');
    const r = await run('check', '--json', path.join(tmp, 'missing.html'), binary, huge, empty);
    expect(r.code).toBe(1);
    const lines = jsonLines(r.out);
    expect(lines).toEqual([
      { file: path.join(tmp, 'missing.html'), error: 'no such file' },
      { file: binary, error: 'is binary data, not text or HTML' },
      { file: huge, error: expect.stringMatching(/too large \(40\.0 MB; at most 32 MB\)/) },
      expect.objectContaining({ file: empty, verdict: 'none', note: 'no article text found' }),
    ]);
    const human = await run('check', binary);
    expect(human).toMatchObject({ code: 1, err: `${binary}: is binary data, not text or HTML\n` });
  });

  it('an invalid pack: status 2 and the record and field at fault', async () => {
    const bad = path.join(tmp, 'bad-pack.json');
    writeFileSync(bad, JSON.stringify({ format: 'provenance-lens-pack', version: 1, created: '2024-01-01', originals: [{ id: 'x', title: 'T', lang: 'fr', url: 'javascript:alert(1)', fingerprint: 'AAAA' }], translations: [] }));
    const r = await run('check', '--pack', bad, fr);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad-pack\.json is not a valid Provenance Lens pack/);
    expect(r.err).toMatch(/originals\[0\]\.url: url must be an absolute http/);
    expect(r.err).toMatch(/originals\[0\]\.fingerprint: /);
    const notJson = path.join(tmp, 'not.json');
    writeFileSync(notJson, '{"format":');
    expect((await run('check', '--pack', notJson, fr)).err).toMatch(/not valid JSON/);
    expect((await run('check', '--pack', path.join(tmp, 'nope.json'), fr))).toMatchObject({ code: 2, err: expect.stringMatching(/nope\.json: no such file/) });
  });

  it('a JSONL file with broken lines: those lines reported, the others checked', async () => {
    const f = path.join(tmp, 'broken.jsonl');
    writeFileSync(f, `{"id":"a","lang":"en","title":"T","paragraphs":["Hello world, said Alice Smith in 2021."]}\n{oops\n{"id":"b","paragraphs":"not a list"}\n`);
    const r = await run('check', '--json', f);
    expect(r.code).toBe(1);
    const lines = jsonLines(r.out);
    expect(lines[0]).toMatchObject({ file: `${f}:2`, error: expect.stringMatching(/not valid JSON/) });
    expect(lines[1]).toMatchObject({ file: `${f}:3`, error: expect.stringMatching(/paragraphs/) });
    expect(lines[2]).toMatchObject({ file: `${f}:1`, verdict: 'none' });
  });
});

describe('the installed command', () => {
  const bin = path.join(repo, 'cli', 'bin.mjs');
  it('runs through its launcher with real exit codes', () => {
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: provenance-lens/);
    const missing = spawnSync(process.execPath, [bin, 'check', path.join(tmp, 'absent.txt')], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/absent\.txt: no such file/);
  });
});

describe('untrusted text in the readable report', () => {
  it('never passes terminal control sequences through', () => {
    const report = formatCheck({
      file: 'page\u001b[2J.html',
      pageLang: 'it',
      verdict: 'translation',
      original: { id: 'x', title: 'Title \u001b[31mred\u001b[0m', lang: 'fr' },
      score: 0.9,
      evidence: {
        shared: [{ label: 'Alice\u001b]0;pwned\u0007', kind: 'name', pagePara: 0, originalPara: 0 }],
        links: [{ pagePara: 0, originalPara: 0, anchors: 1 }],
        coverage: 1, containment: 1, lengthCorrelation: null, lengthRatio: null,
      },
      pageTitle: null,
      listed: null,
    });
    expect(report).not.toMatch(/[\u0000-\u0009\u000B-\u001F]/);
    expect(report).toMatch(/TRANSLATED COPY of «Title \uFFFD\[31mred/);
    expect(report).toMatch(/Alice\uFFFD\]0;pwned\uFFFD/);
  });
});
