import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeFingerprint } from '@/utils/engine';
import type { OriginalEntry } from '@/utils/management';
import { buildPack, serialisePack } from '@/utils/pack';
import { openDatabase, type Db } from '@/utils/store/db';
import type { HistoryRecord } from '@/utils/store/schema';
import { dateFormatters } from '@/utils/ui/dates';
import { exportName, historyCsv, historyJson } from '@/utils/ui/history-export';
import { importFiles, type ImportProgress } from '@/utils/ui/import-files';
import { searchOriginals, sortOriginals } from '@/utils/ui/originals-view';
import { corpus, originalOf } from '../helpers/corpus';

const entry = (id: string, title: string, over: Partial<OriginalEntry> = {}): OriginalEntry => ({
  id, title, lang: 'fr', author: null, publisher: null, url: null, date: null, addedAt: 0, translations: [], ...over,
});

describe('originals list', () => {
  const list = [
    entry('a', 'Élection à Montréal', { publisher: 'Le Devoir', addedAt: 3 }),
    entry('b', 'budget 2024', { author: 'Jean Dupont', addedAt: 1, translations: [{ url: 'https://x', lang: 'en', seen: '2024', note: null }] }),
    entry('c', 'Zoo', { publisher: 'Abc', url: 'https://zoo.example/a', addedAt: 2 }),
  ];
  it('searches every word in title, author, publisher, address, accents ignored', () => {
    expect(searchOriginals(list, 'election montreal').map((o) => o.id)).toEqual(['a']);
    expect(searchOriginals(list, 'DUPONT').map((o) => o.id)).toEqual(['b']);
    expect(searchOriginals(list, 'zoo.example').map((o) => o.id)).toEqual(['c']);
    expect(searchOriginals(list, '  ')).toHaveLength(3);
  });
  it('sorts by date added, title, publisher (none last), known translations', () => {
    expect(sortOriginals(list, 'newest', 'fr').map((o) => o.id)).toEqual(['a', 'c', 'b']);
    expect(sortOriginals(list, 'title', 'fr').map((o) => o.id)).toEqual(['b', 'a', 'c']);
    expect(sortOriginals(list, 'publisher', 'fr').map((o) => o.id)).toEqual(['c', 'a', 'b']);
    expect(sortOriginals(list, 'translations', 'fr').map((o) => o.id)).toEqual(['b', 'a', 'c']);
  });
});

describe('history export', () => {
  const records: HistoryRecord[] = [
    { url: 'https://c.example/a,b', lang: 'it', originalId: 'o1', originalTitle: '=HYPERLINK("http://evil")', score: 0.9, flaggedAt: Date.UTC(2024, 4, 2), decision: 'confirmed', decidedAt: Date.UTC(2024, 4, 3) },
    { url: 'https://c.example/x', lang: null, originalId: 'o2', originalTitle: 'Say "hi"\nthere', score: null, flaggedAt: 0, decision: null, decidedAt: null },
  ];
  it('CSV: quoted where needed, no formula a spreadsheet would run', () => {
    expect(historyCsv(records).split('\r\n')).toEqual([
      'url,lang,originalId,originalTitle,score,flaggedAt,decision,decidedAt',
      '"https://c.example/a,b",it,o1,"\'=HYPERLINK(""http://evil"")",0.9,2024-05-02T00:00:00.000Z,confirmed,2024-05-03T00:00:00.000Z',
      'https://c.example/x,,o2,"Say ""hi""\nthere",,1970-01-01T00:00:00.000Z,,',
      '',
    ]);
  });
  it('JSON: every field, ISO times', () => {
    const json = JSON.parse(historyJson(records, '2024-06-01T00:00:00.000Z'));
    expect(json.format).toBe('provenance-lens-history');
    expect(json.entries[0]).toMatchObject({ url: 'https://c.example/a,b', decision: 'confirmed', flaggedAt: '2024-05-02T00:00:00.000Z' });
    expect(json.entries[1]).toMatchObject({ score: null, decidedAt: null });
    expect(exportName('history', 'csv', new Date('2024-05-02T10:00:00Z'))).toBe('provenance-lens-history-2024-05-02.csv');
  });
});

describe('dates', () => {
  it('a day stays the day written; a moment gets its time', () => {
    const d = dateFormatters('fr');
    expect(d.day('2024-05-02')).toBe('2 mai 2024');
    expect(d.day('not a date')).toBe('not a date');
    expect(d.day(null)).toBe('');
    expect(d.moment(Number.NaN)).toBe('');
  });
});

describe('importing pack files', () => {
  let db: Db;
  let n = 0;
  beforeEach(async () => {
    db = await openDatabase(`import-files-${n++}`);
  });
  afterEach(() => db.close());

  const packText = (from: number, count: number, created = '2024-05-01T00:00:00Z') => {
    const originals = corpus('fr', from + count).slice(from).map((a) => {
      const o = originalOf(a);
      return { id: o.id, title: o.title, lang: 'fr', fingerprint: encodeFingerprint(o.fingerprint) };
    });
    const r = buildPack({ created, originals });
    if (!r.ok) throw new Error('bad pack');
    return serialisePack(r.pack);
  };
  const file = (name: string, text: string) => ({ name, text: async () => text });

  it('merges several files (duplicates once) and reports its progress', async () => {
    const seen: ImportProgress[] = [];
    const r = await importFiles(db, [file('a.json', packText(0, 3)), file('b.json', packText(2, 3, '2024-06-01'))], (p) => seen.push(p));
    expect(r).toEqual({ ok: true, originals: 5, translations: 0, dismissals: 0 });
    expect(await db.count('originals')).toBe(5);
    expect(seen.map((p) => p.phase)).toEqual(expect.arrayContaining(['reading', 'checking', 'writing']));
    expect(seen.at(-1)).toEqual({ phase: 'writing', done: 5, total: 5 });
  });

  it('all or nothing: one bad file and nothing is written; errors by file, record and field', async () => {
    const bad = JSON.parse(packText(3, 2));
    bad.originals[1].url = 'javascript:alert(1)';
    const r = await importFiles(db, [file('good.json', packText(0, 2)), file('bad.json', JSON.stringify(bad)), file('junk.json', '{')]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toEqual({ file: 'bad.json', where: 'originals[1].url', message: 'url must be an absolute http:// or https:// address' });
    expect(r.errors[1]).toMatchObject({ file: 'junk.json', where: 'pack' });
    expect(r.errors[1].message).toMatch(/not valid JSON/);
    expect(await db.count('originals')).toBe(0);
  });

  it('uses the importer’s progress when it reports some', async () => {
    const seen: ImportProgress[] = [];
    const importer = async (_db: Db, _pack: unknown, opts: { onProgress?: (d: number, t: number) => void }) => {
      opts.onProgress?.(1, 2);
      return { ok: true as const, originals: { added: 2, merged: 0 }, translations: { added: 0, merged: 0 }, dismissals: { added: 0, merged: 0 } };
    };
    await importFiles(db, [file('a.json', packText(0, 2))], (p) => seen.push(p), importer);
    expect(seen).toContainEqual({ phase: 'writing', done: 1, total: 2 });
  });
});
