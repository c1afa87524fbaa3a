import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parsePack } from '@/utils/pack';
import { clearAll } from '@/utils/store/clear';
import { openDatabase, type Db } from '@/utils/store/db';
import { confirmCopy, dismissCopy } from '@/utils/store/decisions';
import { recordFlag } from '@/utils/store/history';
import { removeOriginal, updateOriginalMeta } from '@/utils/store/original-edits';
import { addOriginal, getOriginal, originalByUrl } from '@/utils/store/originals';
import { exportPack, importPack } from '@/utils/store/packs';
import { corpus, originalOf } from '../helpers/corpus';

let db: Db;
let n = 0;
beforeEach(async () => {
  db = await openDatabase(`original-edits-test-${n++}`);
});
afterEach(() => db.close());

const meta = { title: 'Nouveau titre', author: 'J. D.', publisher: 'Le Journal', url: 'https://journal.example/b/', date: '2024-05-01', lang: 'fr' };

describe('editing and deleting originals', () => {
  it('replaces the metadata, keeps the fingerprint and re-files the address', async () => {
    const [a] = corpus('fr', 1);
    const o = originalOf(a, { url: 'https://journal.example/a' });
    await addOriginal(db, o, 10);
    expect(await updateOriginalMeta(db, a.id, meta)).toBe(true);
    const back = await getOriginal(db, a.id);
    expect(back).toMatchObject({ ...meta, url: 'https://journal.example/b', addedAt: 10 });
    expect(back?.fingerprint).toEqual(o.fingerprint);
    expect(await originalByUrl(db, 'https://journal.example/a')).toBeUndefined();
    expect((await originalByUrl(db, 'https://journal.example/b'))?.id).toBe(a.id);
    expect(await updateOriginalMeta(db, 'nope', meta)).toBe(false);
  });

  it('deletes an original with its translations and dismissals, and its undo pack restores them', async () => {
    const [a, b] = corpus('fr', 2);
    await addOriginal(db, originalOf(a, { author: 'A' }), 10);
    await addOriginal(db, originalOf(b), 10);
    const at = Date.UTC(2024, 4, 2);
    await recordFlag(db, { url: 'https://c.example/1', lang: 'de', originalId: a.id, originalTitle: 'T', score: 0.9, at });
    await confirmCopy(db, { url: 'https://c.example/1', originalId: a.id, lang: 'de', note: 'n', at });
    await dismissCopy(db, { url: 'https://c.example/2', originalId: a.id, lang: null, at });
    await dismissCopy(db, { url: 'https://c.example/2', originalId: b.id, lang: null, at });
    const before = await exportPack(db, '2024-06-01');

    const undo = await removeOriginal(db, a.id, '2024-06-01');
    expect(undo && parsePack(undo).ok).toBe(true);
    expect(undo?.originals.map((o) => o.id)).toEqual([a.id]);
    expect(undo?.translations).toHaveLength(1);
    expect(undo?.dismissals).toHaveLength(1);
    expect(await getOriginal(db, a.id)).toBeUndefined();
    expect(await db.count('translations')).toBe(0);
    expect(await db.count('dismissals')).toBe(1); // b's stays
    expect(await db.count('history')).toBe(1); // the history keeps what was flagged
    expect(await removeOriginal(db, a.id)).toBeNull();

    expect((await importPack(db, undo!, { now: 10 })).ok).toBe(true);
    const after = await exportPack(db, '2024-06-01');
    const sorted = (p: typeof after) => JSON.stringify({ ...p, originals: [...p.originals].sort((x, y) => x.id.localeCompare(y.id)) });
    expect(sorted(after)).toBe(sorted(before));
  });

  it('clearAll empties every store at once', async () => {
    const [a] = corpus('fr', 1);
    await addOriginal(db, originalOf(a));
    await recordFlag(db, { url: 'https://c.example/1', lang: 'de', originalId: a.id, originalTitle: 'T', score: 0.9, at: 1 });
    await dismissCopy(db, { url: 'https://c.example/2', originalId: a.id, lang: null, at: 1 });
    await clearAll(db);
    for (const store of ['originals', 'translations', 'history', 'dismissals'] as const) expect(await db.count(store), store).toBe(0);
  });
});
