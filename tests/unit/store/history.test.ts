import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/utils/store/db';
import { clearHistory, listHistory, recordFlag, type FlagEntry } from '@/utils/store/history';

let db: Db;
let n = 0;
beforeEach(async () => {
  db = await openDatabase(`history-test-${n++}`);
});
afterEach(() => db.close());

const flag = (over: Partial<FlagEntry> = {}): FlagEntry => ({
  url: 'https://copie.example/it/a#top', lang: 'it', originalId: 'o1', originalTitle: 'Titre', score: 0.91, at: 1000, ...over,
});

describe('history', () => {
  it('records a flag once per page and original, under the canonical address', async () => {
    expect(await recordFlag(db, flag())).toBe(true);
    // The same page again (another fragment, a tracking parameter, a later score): kept as first seen.
    expect(await recordFlag(db, flag({ url: 'https://copie.example/it/a?utm_source=x', score: 0.5, at: 2000 }))).toBe(false);
    // The same page flagged for another original is another entry.
    expect(await recordFlag(db, flag({ originalId: 'o2', at: 3000 }))).toBe(true);
    const all = await listHistory(db);
    expect(all.map((h) => [h.url, h.originalId, h.score, h.flaggedAt])).toEqual([
      ['https://copie.example/it/a', 'o2', 0.91, 3000],
      ['https://copie.example/it/a', 'o1', 0.91, 1000],
    ]);
    expect(all[1]).toMatchObject({ lang: 'it', originalTitle: 'Titre', decision: null, decidedAt: null });
  });

  it('lists the most recent first, keeps a decision known when flagged, refuses non-http pages', async () => {
    await recordFlag(db, flag({ url: 'https://a.example/1', at: 5 }));
    await recordFlag(db, flag({ url: 'https://a.example/2', at: 9, decision: 'confirmed', score: null }));
    await recordFlag(db, flag({ url: 'https://a.example/3', at: 7, score: Number.NaN }));
    expect(await recordFlag(db, flag({ url: 'javascript:alert(1)' }))).toBe(false);
    const all = await listHistory(db);
    expect(all.map((h) => h.url)).toEqual(['https://a.example/2', 'https://a.example/3', 'https://a.example/1']);
    expect(all[0]).toMatchObject({ decision: 'confirmed', decidedAt: 9, score: null });
    expect(all[1].score).toBeNull(); // NaN says nothing: stored as no score
    await clearHistory(db);
    expect(await listHistory(db)).toEqual([]);
  });
});
