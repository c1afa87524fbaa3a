import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeFingerprint } from '@/utils/engine';
import { buildPack, parsePack, type Pack } from '@/utils/pack';
import { openDatabase, type Db } from '@/utils/store/db';
import { getOriginal, listOriginals, originalByUrl } from '@/utils/store/originals';
import { exportPack, importPack } from '@/utils/store/packs';
import { translationsAt, translationsOf } from '@/utils/store/translations';
import { corpus, originalOf } from '../helpers/corpus';

let db: Db;
let n = 0;
beforeEach(async () => {
  db = await openDatabase(`packs-test-${n++}`);
});
afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

/** A valid pack of `count` real French originals, one with a known Italian copy. */
function packOf(count: number, extra: Partial<Pack> = {}): Pack {
  const originals = corpus('fr', count).map((a, i) => {
    const o = originalOf(a);
    return {
      id: o.id,
      title: o.title,
      lang: 'fr',
      ...(i === 0 ? { author: 'Jeanne D.', url: 'https://journal.example/a?utm_medium=x' } : {}),
      fingerprint: encodeFingerprint(o.fingerprint),
    };
  });
  const r = buildPack({
    created: '2024-05-01T00:00:00Z',
    originals,
    translations: [{ url: 'https://copie.example/it/a#top', lang: 'it', originalId: originals[0].id, seen: '2024-05-02' }],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return { ...r.pack, ...extra };
}

describe('importPack', () => {
  it('imports every original and translation, in batches', async () => {
    const pack = packOf(7);
    const r = await importPack(db, pack, { batchSize: 2, now: 5 });
    expect(r).toEqual({ ok: true, originals: { added: 7, merged: 0 }, translations: { added: 1, merged: 0 }, dismissals: { added: 0, merged: 0 } });
    expect((await listOriginals(db)).length).toBe(7);
    const first = await getOriginal(db, pack.originals[0].id);
    expect(first).toMatchObject({ author: 'Jeanne D.', url: 'https://journal.example/a', lang: 'fr', addedAt: 5 });
    expect(encodeFingerprint(first!.fingerprint)).toBe(pack.originals[0].fingerprint);
    expect((await translationsAt(db, 'https://copie.example/it/a'))[0]).toMatchObject({ lang: 'it', originalId: pack.originals[0].id });
  });

  it('files each original under its address, and again when a later pack gives it one', async () => {
    const pack = packOf(3);
    expect((await importPack(db, pack)).ok).toBe(true);
    expect((await originalByUrl(db, 'https://journal.example/a#x'))?.id).toBe(pack.originals[0].id);
    expect(await originalByUrl(db, 'https://journal.example/elsewhere')).toBeUndefined();
    // The second original had no address: a later pack gives it one, the merge files it there.
    const later: Pack = { ...pack, originals: [{ ...pack.originals[1], url: 'https://journal.example/second' }], translations: [] };
    expect((await importPack(db, later)).ok).toBe(true);
    expect((await originalByUrl(db, 'https://journal.example/second'))?.id).toBe(pack.originals[1].id);
    expect((await originalByUrl(db, 'https://journal.example/a'))?.id).toBe(pack.originals[0].id);
  });

  it('reports its progress after every batch: rising, one total, ending at it, nothing committed before', async () => {
    const pack = packOf(7);
    const calls: Array<[number, number]> = [];
    const counted: number[] = [];
    const r = await importPack(db, pack, {
      batchSize: 2,
      onProgress: (done, total) => {
        calls.push([done, total]);
        // Progress is reported from inside the one transaction: nothing is visible yet.
        void db.count('originals').then((c) => counted.push(c));
      },
    });
    expect(r.ok).toBe(true);
    const total = calls[0][1];
    // 7 originals + their index lists + 1 translation; at least one call per batch of originals.
    expect(total).toBeGreaterThanOrEqual(7 + 1);
    expect(calls.length).toBeGreaterThanOrEqual(Math.ceil(7 / 2) + 1);
    expect(calls.every(([, t]) => t === total)).toBe(true);
    for (let i = 1; i < calls.length; i++) expect(calls[i][0]).toBeGreaterThanOrEqual(calls[i - 1][0]);
    expect(calls.at(-1)).toEqual([total, total]);
    await vi.waitFor(() => expect(counted.length).toBe(calls.length));
    expect(counted.every((c) => c === 0 || c === 7)).toBe(true);
  });

  it('reports no progress at all when a pack is refused', async () => {
    const pack = packOf(3);
    pack.originals[2] = { ...pack.originals[2], fingerprint: 'not a fingerprint' };
    const onProgress = vi.fn();
    expect((await importPack(db, pack, { onProgress })).ok).toBe(false);
    expect(onProgress).not.toHaveBeenCalled();
  });

  it('merges an original imported twice: newer fields win, older ones stay, addedAt kept', async () => {
    const pack = packOf(3);
    await importPack(db, pack, { now: 1 });
    const update = structuredClone(pack);
    update.originals[0] = { ...update.originals[0], title: 'Titre corrigé', publisher: 'Le Journal' };
    delete update.originals[0].author;
    const r = await importPack(db, update, { now: 2 });
    expect(r).toMatchObject({ ok: true, originals: { added: 0, merged: 3 }, translations: { added: 0, merged: 1 } });
    expect(await getOriginal(db, pack.originals[0].id)).toMatchObject({
      title: 'Titre corrigé', publisher: 'Le Journal', author: 'Jeanne D.', addedAt: 1,
    });
    expect((await listOriginals(db)).length).toBe(3);
  });

  it('writes nothing when one fingerprint is bad, however late in the pack', async () => {
    const pack = packOf(6);
    pack.originals[5] = { ...pack.originals[5], fingerprint: 'AAAA' };
    const r = await importPack(db, pack, { batchSize: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^originals\[5\].*invalid fingerprint/);
    expect(await db.count('originals')).toBe(0);
    expect(await db.count('translations')).toBe(0);
  });

  it('writes nothing when a translation names an original that exists nowhere', async () => {
    const pack = packOf(2);
    pack.translations.push({ url: 'https://x.example/y', lang: 'de', seen: '2024-01-01', originalId: 'missing' });
    const r = await importPack(db, pack);
    expect(r).toEqual({ ok: false, errors: [expect.stringMatching(/original "missing"/)] });
    expect(await db.count('originals')).toBe(0);
  });

  it('accepts a translation of an original registered earlier', async () => {
    const pack = packOf(2);
    await importPack(db, pack);
    const later: Pack = { ...pack, originals: [], translations: [{ url: 'https://y.example/z', lang: 'es', seen: '2024-02-01', originalId: pack.originals[1].id }] };
    expect((await importPack(db, later)).ok).toBe(true);
    expect((await translationsOf(db, pack.originals[1].id)).map((t) => t.url)).toEqual(['https://y.example/z']);
  });

  it('rolls back every batch already written when a write fails mid-way', async () => {
    await importPack(db, packOf(1));
    const before = await exportPack(db, 'x');
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++calls === 5) throw new DOMException('disk full', 'QuotaExceededError');
      return put.apply(this, args as Parameters<typeof put>);
    });
    const r = await importPack(db, packOf(8), { batchSize: 2 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/nothing was changed.*disk full/);
    vi.restoreAllMocks();
    expect(await exportPack(db, 'x')).toEqual(before);
  });
});

describe('exportPack', () => {
  it('exports a valid pack that imports back to the same store', async () => {
    await importPack(db, packOf(4));
    const out = await exportPack(db, '2024-06-01T00:00:00Z');
    const parsed = parsePack(JSON.parse(JSON.stringify(out)));
    expect(parsed.ok).toBe(true);
    const other = await openDatabase(`packs-test-${n++}`);
    expect((await importPack(other, out)).ok).toBe(true);
    expect(await exportPack(other, '2024-06-01T00:00:00Z')).toEqual(out);
    other.close();
  });
});
