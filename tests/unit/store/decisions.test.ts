import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/utils/store/db';
import { confirmCopy, dismissCopy, forgetDecision, NotHttpError } from '@/utils/store/decisions';
import { dismissedAt, listDismissals } from '@/utils/store/dismissals';
import { listHistory, recordFlag } from '@/utils/store/history';
import { translationsAt } from '@/utils/store/translations';

let db: Db;
let n = 0;
beforeEach(async () => {
  db = await openDatabase(`decisions-test-${n++}`);
  await recordFlag(db, { url: PAGE, lang: 'it', originalId: 'o1', originalTitle: 'T', score: 0.8, at: 100 });
});
afterEach(() => db.close());

const PAGE = 'https://copie.example/it/a';
const input = { url: `${PAGE}#p3`, originalId: 'o1', lang: 'it', at: Date.UTC(2024, 4, 2, 12) };

describe('decisions', () => {
  it('confirm files the page as a known translation and records the decision', async () => {
    await confirmCopy(db, { ...input, note: '  machine translation, no credit  ' });
    expect(await translationsAt(db, PAGE)).toEqual([
      { url: PAGE, lang: 'it', seen: '2024-05-02T12:00:00.000Z', originalId: 'o1', note: 'machine translation, no credit' },
    ]);
    expect((await listHistory(db))[0]).toMatchObject({ decision: 'confirmed', decidedAt: input.at, flaggedAt: 100 });
    expect(await dismissedAt(db, PAGE)).toEqual(new Set());
  });

  it('dismiss remembers "not a copy" for that original only, and replaces a confirmation', async () => {
    await confirmCopy(db, input);
    await dismissCopy(db, { ...input, at: input.at + 1 });
    expect(await translationsAt(db, PAGE)).toEqual([]);
    expect(await dismissedAt(db, `${PAGE}?utm_campaign=z`)).toEqual(new Set(['o1']));
    expect(await dismissedAt(db, 'https://copie.example/it/b')).toEqual(new Set());
    expect(await listDismissals(db)).toEqual([{ url: PAGE, originalId: 'o1', decided: '2024-05-02T12:00:00.001Z', note: null }]);
    expect((await listHistory(db))[0]).toMatchObject({ decision: 'dismissed' });
  });

  it('forget undoes either decision', async () => {
    await dismissCopy(db, input);
    await forgetDecision(db, input);
    expect(await dismissedAt(db, PAGE)).toEqual(new Set());
    expect((await listHistory(db))[0]).toMatchObject({ decision: null, decidedAt: null });
    await confirmCopy(db, input);
    await forgetDecision(db, input);
    expect(await translationsAt(db, PAGE)).toEqual([]);
  });

  it('a decision on a page never flagged still files it (no history entry invented)', async () => {
    await dismissCopy(db, { ...input, url: 'https://other.example/x' });
    expect(await dismissedAt(db, 'https://other.example/x')).toEqual(new Set(['o1']));
    expect(await listHistory(db)).toHaveLength(1);
  });

  it('refuses a page that is not http(s), changing nothing', async () => {
    await expect(confirmCopy(db, { ...input, url: 'file:///etc/passwd' })).rejects.toBeInstanceOf(NotHttpError);
    expect(await db.count('translations')).toBe(0);
  });
});
