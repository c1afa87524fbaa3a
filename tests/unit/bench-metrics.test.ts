import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { expectedKind, main, parseArgs, runMethod } from '../../bench/accuracy';
import { bestF1Threshold, decideKind } from '../../bench/baselines/calibrate';
import type { Method, Verdict } from '../../bench/baselines/types';
import type { CorpusArticle, QuerySet } from '../../bench/corpus';
import { median, percentile, summarise } from '../../bench/stats';
import { formatResults } from '../../bench/table';

const art = (id: string, lang: string): CorpusArticle => ({ id, lang, title: id, paragraphs: [`text of ${id}`], origlang: 'fr' });
const qs = (label: string, lang: string, ids: string[], sameLanguage = false): QuerySet => ({
  label, lang, variant: null, sameLanguage, source: 'file', articles: ids.map((id) => art(id, lang)),
});

// Registered: r1 r2 r3. Negatives: n1 n2.
const originals = ['r1', 'r2', 'r3'].map((id) => art(id, 'fr'));
const registered = new Set(['r1', 'r2', 'r3']);
const sets = [qs('de', 'de', ['r1', 'r2', 'r3', 'n1', 'n2']), qs('en', 'en', ['r1', 'n1']), qs('fr', 'fr', ['r1', 'r2', 'r3', 'n1', 'n2'], true)];
const corpus = { originals, registered, sets };

function fake(name: string, answer: (a: CorpusArticle, known: string[]) => Verdict): Method & { known: string[] } {
  const known: string[] = [];
  return { name, known, register: (o) => void known.push(o.id), query: (a) => answer(a, known), describe: () => name };
}

describe('runMethod and the rows', () => {
  it('a method that throws is scored none and counted', () => {
    const run = runMethod(fake('boom', (a) => { if (a.id === 'n1') throw new Error('bad page'); return { kind: 'none', score: 0 }; }), corpus, sets, 0);
    expect(run.errors).toBe(3);
    expect(run.errorSamples[0]).toMatch(/boom threw on de n1: bad page/);
    expect(run.rows.at(-1)!.negatives).toBe(5);
  });
  it('a method that always says none: recall 0, no wrong original, no false flag', () => {
    const run = runMethod(fake('none', () => ({ kind: 'none', score: 0 })), corpus, sets, 0);
    expect(run.rows.map((r) => [r.set, r.lang, r.positives, r.recall, r.wrongOriginal, r.negatives, r.falseFlags])).toEqual([
      ['de', 'de', 3, 0, 0, 2, 0],
      ['en', 'en', 1, 0, 0, 1, 0],
      ['fr', 'fr', 3, 0, 0, 2, 0],
      ['total', '*', 7, 0, 0, 5, 0],
    ]);
    expect(run.rows.every((r) => r.method === 'none' && r.medianMs !== null && r.p99Ms !== null)).toBe(true);
  });
  it('registers every original before querying', () => {
    const m = fake('oracle', (a, known) => {
      expect(known).toEqual(['r1', 'r2', 'r3']);
      if (!known.includes(a.id)) return { kind: 'none', score: 0.1 };
      return { kind: a.lang === 'fr' ? 'original' : 'translation', id: a.id, score: 0.9 };
    });
    const run = runMethod(m, corpus, sets, 0);
    expect(run.rows.map((r) => [r.set, r.recall, r.wrongOriginal, r.falseFlags])).toEqual([
      ['de', 1, 0, 0], ['en', 1, 0, 0], ['fr', 1, 0, 0], ['total', 1, 0, 0],
    ]);
  });
  it('a method that flags everything as a translation of r1', () => {
    const run = runMethod(fake('r1', () => ({ kind: 'translation', id: 'r1', score: 1 })), corpus, sets, 0);
    expect(run.rows.map((r) => [r.set, r.recall, r.wrongOriginal, r.falseFlags])).toEqual([
      ['de', 1 / 3, 2, 2],
      ['en', 1, 0, 1],
      // Same language: r1 must be recognised as the original, a 'translation' answer misses.
      ['fr', 0, 2, 2],
      ['total', 2 / 7, 4, 5],
    ]);
  });
  it('expected answers follow the contract', () => {
    expect(expectedKind(sets[0], 'r1', registered)).toBe('translation');
    expect(expectedKind(sets[2], 'r1', registered)).toBe('original');
    expect(expectedKind(sets[0], 'n1', registered)).toBe('none');
  });
  it('an empty set gives null recall and times', () => {
    const r = summarise('m', 'x', 'x', []);
    expect(r).toMatchObject({ positives: 0, recall: null, negatives: 0, medianMs: null, p99Ms: null });
  });
});

describe('stats', () => {
  it('median and nearest-rank percentiles', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    const xs = Array.from({ length: 200 }, (_, i) => i + 1);
    expect(percentile(xs, 99)).toBe(198);
    expect(percentile([5], 99)).toBe(5);
    expect(percentile([], 50)).toBeNull();
  });
});

describe('baseline thresholds', () => {
  it('picks the F1-maximising threshold between distinct scores', () => {
    const s = (id: string | null, score: number, expectedId: string | null) => ({ best: { id, score }, expectedId });
    const r = bestF1Threshold([s('a', 0.9, 'a'), s('b', 0.8, 'b'), s('x', 0.5, null), s('c', 0.3, 'c'), s('y', 0.2, null)]);
    // Flagging 0.9, 0.8, 0.5, 0.3: TP 3, FP 1, FN 0 → F1 6/7, above 0.8 (≥ 0.65) and 0.75 (all).
    expect(r.threshold).toBeCloseTo(0.25);
    expect(r.f1).toBeCloseTo(6 / 7);
    const wrongId = bestF1Threshold([s('a', 0.9, 'a'), s('z', 0.8, 'b')]);
    // A flag with the wrong original is a false positive and leaves its positive missed.
    expect(wrongId.threshold).toBeCloseTo(0.85);
  });
  it('decides same-language pages with the high threshold only', () => {
    const fr = art('a', 'fr');
    expect(decideKind(fr, 'fr', 0.5, 0.2)).toBe('none');
    expect(decideKind(fr, 'fr', 0.95, 0.2)).toBe('original');
    expect(decideKind(art('a', 'de'), 'fr', 0.5, 0.2)).toBe('translation');
    expect(decideKind({ ...fr, lang: null }, 'fr', 0.95, 0.2)).toBe('original');
  });
});

describe('command line', () => {
  it('parses options', () => {
    expect(parseArgs(['dir', '--json', 'o.json', '--methods=engine,cl-c3g', '--variants', '--diagnose', '5'])).toMatchObject({
      corpus: 'dir', json: 'o.json', methods: ['engine', 'cl-c3g'], variants: true, diagnose: 5,
    });
    expect(parseArgs(['--diagnose', 'dir']).diagnose).toBe(15);
    expect(() => parseArgs(['dir', '--methods', 'nope'])).toThrow(/unknown method/);
    expect(() => parseArgs([])).toThrow(/no corpus/);
  });
  it('runs every method end to end on a small corpus and writes the JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-e2e-'));
    const para = (k: number, lang: string) => [
      `In ${2000 + k} wurden ${k * 137} Menschen in Berlin und Paris von Angela Merkel ${lang} begrüßt.`,
      `Später kamen ${k * 11} Gäste aus Madrid, ${k + 3} Minister und Nicolas Sarkozy ${lang}.`,
    ];
    const lines = (lang: string, ids: number[]) => ids.map((k) => JSON.stringify({ id: `d${k}`, lang, title: `T${k}`, paragraphs: para(k, lang) })).join('\n');
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ originalLang: 'fr', registered: ['d1', 'd2'] }));
    writeFileSync(join(dir, 'fr.jsonl'), lines('fr', [1, 2, 3]));
    writeFileSync(
      join(dir, 'de.jsonl'),
      lines('de', [1, 2, 3]) + '\n{broken\n' + '{"id":"d9","lang":"de","title":null,"paragraphs":[]}\n{"id":"d1x","title":null,"paragraphs":["", "   "]}',
    );
    const out = join(dir, 'out.json');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const errors: string[] = [];
    const err = vi.spyOn(console, 'error').mockImplementation((m) => void errors.push(String(m)));
    try {
      expect(main([dir, '--json', out, '--methods', 'engine,cl-c3g,anchor-bag', '--variants', '--diagnose', '3'])).toBe(0);
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
    expect(errors.some((m) => /threw/.test(m))).toBe(false);
    expect(errors.some((m) => /de\.jsonl:4/.test(m))).toBe(true);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect(typeof doc.engine).toBe('string');
    // Sets: de, fr, 4 variants of de; plus a total: 7 rows per method.
    expect(doc.results).toHaveLength(3 * 7);
    for (const r of doc.results) {
      expect(Object.keys(r)).toEqual(['method', 'set', 'lang', 'positives', 'recall', 'wrongOriginal', 'negatives', 'falseFlags', 'medianMs', 'p99Ms']);
    }
    expect(doc.results.filter((r: { set: string }) => r.set === 'total').map((r: { positives: number }) => r.positives)).toEqual([12, 12, 12]);
    expect(doc.results.filter((r: { set: string }) => r.set === 'total').map((r: { negatives: number }) => r.negatives)).toEqual([16, 16, 16]);
  });
});

describe('table', () => {
  it('aligns the columns', () => {
    const rows = [summarise('m', 'de', 'de', []), summarise('m', 'total', '*', [])];
    const lines = formatResults(rows).split('\n');
    expect(lines[0]).toMatch(/^method\s+set\s+lang\s+pos\s+recall/);
    // Every column ends at the same place on every line (right-aligned numbers).
    const end = lines[0].length;
    expect(lines.filter((l) => !l.startsWith('-')).every((l) => l.length === end)).toBe(true);
  });
});
