import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusError, loadCorpus, parseJsonl, parseLabel } from '../../bench/corpus';

function corpusDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('parseJsonl', () => {
  it('tolerates extra keys, null titles, empty paragraphs, BOM, CRLF, blank and malformed lines', () => {
    const warnings: string[] = [];
    const text =
      '\uFEFF{"id":"a","lang":"de","title":null,"paragraphs":["x", "", null, 5],"extra":{"k":1}}\r\n' +
      '\r\n' +
      '{not json\n' +
      '[1,2]\n' +
      '{"title":"no id","paragraphs":[]}\n' +
      '{"id":"b","paragraphs":"one string"}\n' +
      '{"id":"c","title":"t"}\n' +
      '{"id":"a","paragraphs":["again"]}\n' +
      '{"id":"d","paragraphs":[]}\n';
    const arts = parseJsonl(text, 'de.jsonl', 'de', (m) => warnings.push(m));
    expect(arts.map((a) => a.id)).toEqual(['a', 'b', 'd']);
    expect(arts[0]).toEqual({ id: 'a', lang: 'de', title: null, paragraphs: ['x', '', '5'], origlang: null });
    expect(arts[1].paragraphs).toEqual(['one string']);
    expect(arts[1].lang).toBe('de');
    expect(arts[2].paragraphs).toEqual([]);
    expect(warnings).toHaveLength(6);
    expect(warnings[0]).toMatch(/^de\.jsonl:3: not valid JSON/);
    expect(warnings.some((w) => /de\.jsonl:8: id a repeated/.test(w))).toBe(true);
  });
});

describe('parseLabel', () => {
  it('reads the language before ~', () => {
    expect(parseLabel('it~partial')).toEqual({ lang: 'it', variant: 'partial' });
    expect(parseLabel('DE')).toEqual({ lang: 'de', variant: null });
  });
});

describe('loadCorpus', () => {
  const line = (o: object) => JSON.stringify(o) + '\n';
  it('registers the original-language versions of registered ids and lists every other file as a set', () => {
    const dir = corpusDir({
      'manifest.json': JSON.stringify({ originalLang: 'fr', registered: ['a', 'b', 'ghost'], extra: true }),
      'fr.jsonl': line({ id: 'a', lang: 'fr', title: 'A', paragraphs: ['p'] }) + line({ id: 'b', title: null, paragraphs: ['q'] }) + line({ id: 'c', paragraphs: ['r'] }),
      'de.jsonl': line({ id: 'a', lang: 'de', paragraphs: ['p'] }) + 'garbage\n',
      'it~partial.jsonl': line({ id: 'b', lang: 'it', paragraphs: ['q'] }),
      'notes.txt': 'ignored',
    });
    const c = loadCorpus(dir);
    expect(c.originalLang).toBe('fr');
    expect(c.originals.map((a) => a.id)).toEqual(['a', 'b']);
    expect(c.originals[1].lang).toBe('fr');
    expect([...c.registered]).toEqual(['a', 'b']);
    expect(c.sets.map((s) => [s.label, s.lang, s.variant, s.sameLanguage])).toEqual([
      ['de', 'de', null, false],
      ['it~partial', 'it', 'partial', false],
      ['fr', 'fr', null, true],
    ]);
    expect(c.warnings.some((w) => /de\.jsonl:2/.test(w))).toBe(true);
    expect(c.warnings.some((w) => /1 registered id/.test(w))).toBe(true);
  });
  it('survives a missing original file and empty files', () => {
    const dir = corpusDir({ 'manifest.json': '{"originalLang":"fr","registered":["a"]}', 'de.jsonl': '' });
    const c = loadCorpus(dir);
    expect(c.originals).toEqual([]);
    expect(c.sets.map((s) => s.label)).toEqual(['de']);
    expect(c.warnings.some((w) => /fr\.jsonl: missing/.test(w))).toBe(true);
  });
  it('fails cleanly without a folder or a manifest', () => {
    expect(() => loadCorpus('/nonexistent/corpus')).toThrow(CorpusError);
    const dir = corpusDir({});
    expect(() => loadCorpus(dir)).toThrow(CorpusError);
    const sub = join(dir, 'x');
    mkdirSync(sub);
    writeFileSync(join(sub, 'manifest.json'), '{"registered":[]}');
    expect(() => loadCorpus(sub)).toThrow(/originalLang/);
  });
});
