/**
 * A single pack file is checked batch by batch while its first batches are written
 * (utils/ui/import-files.ts). An error found late — after batches were written in the
 * transaction — must still leave the store exactly as it was, with the errors checking the
 * whole file lists.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeFingerprint } from '@/utils/engine';
import { parsePackText } from '@/utils/pack/parse';
import { PACK_FORMAT, PACK_VERSION } from '@/utils/pack/schema';
import { openDatabase, type Db } from '@/utils/store/db';
import { IMPORT_BATCH } from '@/utils/store/packs';
import { importFiles, type ImportProgress } from '@/utils/ui/import-files';
import { corpus, originalOf } from '../helpers/corpus';

const FINGERPRINTS = corpus('fr', 4).map((a) => encodeFingerprint(originalOf(a).fingerprint));
/** A pack of `count` originals (fingerprints reused: ids and addresses differ). */
const packOf = (count: number, prefix: string) => ({
  format: PACK_FORMAT,
  version: PACK_VERSION,
  created: '2024-05-01T00:00:00Z',
  originals: Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`,
    title: `Article ${prefix} ${i}`,
    lang: 'fr',
    url: `https://news.example/${prefix}/${i}`,
    fingerprint: FINGERPRINTS[i % FINGERPRINTS.length],
  })),
  translations: [{ url: 'https://copy.example/a', lang: 'en', seen: '2024-05-02', originalId: `${prefix}-0` }],
});
const file = (name: string, pack: unknown) => ({ name, text: async () => JSON.stringify(pack) });

async function storeState(db: Db) {
  return {
    originals: await db.getAll('originals'),
    translations: await db.getAll('translations'),
    postings: await db.getAll('postings'),
    retrieval: await db.getAll('retrieval'),
  };
}

describe('importing one pack file, checked as it is written', () => {
  let db: Db;
  let n = 0;
  beforeEach(async () => {
    db = await openDatabase(`import-stream-${n++}`);
  });
  afterEach(() => db.close());

  it('imports a pack of several batches, progress from the first batch on', async () => {
    const seen: ImportProgress[] = [];
    const r = await importFiles(db, [file('big.json', packOf(3 * IMPORT_BATCH + 7, 'a'))], (p) => seen.push(p));
    expect(r).toEqual({ ok: true, originals: 3 * IMPORT_BATCH + 7, translations: 1, dismissals: 0 });
    expect(await db.count('originals')).toBe(3 * IMPORT_BATCH + 7);
    expect(seen.filter((p) => p.phase === 'writing' && p.done > 0 && p.done < p.total).length).toBeGreaterThan(3);
  });

  for (const [what, spoil] of [
    ['an original', (p: ReturnType<typeof packOf>) => void (p.originals[p.originals.length - 3].url = 'javascript:alert(1)')],
    ['a duplicate id', (p: ReturnType<typeof packOf>) => void (p.originals[p.originals.length - 1].id = p.originals[5].id)],
    ['a translation', (p: ReturnType<typeof packOf>) => void (p.translations[0].originalId = 'nobody')],
  ] as const) {
    it(`a bad record late in the pack (${what}) leaves the store unchanged, with the errors of the whole check`, async () => {
      expect((await importFiles(db, [file('first.json', packOf(30, 'old'))])).ok).toBe(true);
      const before = await storeState(db);
      const bad = packOf(3 * IMPORT_BATCH, 'new');
      spoil(bad);
      const seen: ImportProgress[] = [];
      const r = await importFiles(db, [file('bad.json', bad)], (p) => seen.push(p));
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const whole = parsePackText(JSON.stringify(bad));
      if (whole.ok) throw new Error('the spoiled pack should not pass its check');
      expect(r.errors).toEqual(whole.errors.map((e) => ({ file: 'bad.json', where: e.field ? `${e.record}.${e.field}` : e.record, message: e.message })));
      // Batches had been written (in the transaction) when the error was found …
      expect(seen.some((p) => p.phase === 'writing' && p.done >= IMPORT_BATCH)).toBe(true);
      // … and none of them was kept.
      expect(await storeState(db)).toEqual(before);
    });
  }
});
