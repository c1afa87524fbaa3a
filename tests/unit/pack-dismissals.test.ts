/** "Not a copy" decisions in packs: optional, validated record by record, merged, imported. */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeFingerprint } from '@/utils/engine';
import { buildPack, mergePacks, parsePack, parsePackText, serialisePack, type Pack } from '@/utils/pack';
import { openDatabase, type Db } from '@/utils/store/db';
import { dismissedAt } from '@/utils/store/dismissals';
import { exportPack, importPack } from '@/utils/store/packs';
import { translationsAt } from '@/utils/store/translations';
import { corpus, originalOf } from './helpers/corpus';

function basePack(created = '2024-05-01T00:00:00Z'): Pack {
  const [a] = corpus('fr', 1);
  const o = originalOf(a);
  const r = buildPack({
    created,
    originals: [{ id: 'o1', title: o.title, lang: 'fr', fingerprint: encodeFingerprint(o.fingerprint) }],
    translations: [{ url: 'https://copie.example/it/a', lang: 'it', originalId: 'o1', seen: '2024-05-02' }],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.pack;
}
const dismissal = { url: 'https://autre.example/de/b', originalId: 'o1', decided: '2024-05-03T10:00:00.000Z', note: 'same topic, own reporting' };

describe('pack dismissals', () => {
  it('are optional, and a pack without them reads and writes exactly as before', () => {
    const pack = basePack();
    expect(pack.dismissals).toBeUndefined();
    expect(serialisePack(pack)).not.toContain('dismissals');
    const withThem = { ...pack, dismissals: [dismissal] };
    const text = serialisePack(withThem);
    expect(text).toContain('"dismissals": [\n    {"url":"https://autre.example/de/b"');
    expect(parsePackText(text)).toEqual({ ok: true, pack: withThem });
  });

  it('are checked record by record and field by field', () => {
    const r = parsePack({
      ...basePack(),
      dismissals: [
        dismissal,
        { ...dismissal, url: 'javascript:alert(1)' },
        { ...dismissal, originalId: 'nope' },
        { ...dismissal, decided: 'yesterday' },
        { ...dismissal, url: 'https://copie.example/it/a#x' }, // the pack says it IS a copy
        'x',
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => `${e.record}.${e.field}`)).toEqual([
      'dismissals[1].url', 'dismissals[2].originalId', 'dismissals[3].decided', 'dismissals[4].url', 'dismissals[5].null',
    ]);
    expect(r.errors[3].message).toMatch(/contradicts translations\[0\]/);
    expect(r.partial?.dismissals).toEqual([dismissal]);
    expect(parsePack({ ...basePack(), dismissals: {} }).ok).toBe(false);
  });

  it('merge: the latest decision about a page wins, and the clash is reported', () => {
    const older = { ...basePack('2024-05-01'), dismissals: [{ ...dismissal, url: 'https://copie.example/it/a', decided: '2024-05-05' }] };
    // The older pack says "not a copy" on 05-05, the newer one saw it as a copy on 05-02: the later date wins.
    const m = mergePacks([older, basePack('2024-06-01')], { created: '2024-06-02' });
    expect(m.pack.translations).toEqual([]);
    expect(m.pack.dismissals?.map((d) => d.url)).toEqual(['https://copie.example/it/a']);
    expect(m.conflicts.some((c) => c.includes('not a copy'))).toBe(true);
    expect(parsePack(m.pack).ok).toBe(true);
  });
});

describe('importing and exporting dismissals', () => {
  let db: Db;
  let n = 0;
  beforeEach(async () => {
    db = await openDatabase(`pack-dismissals-${n++}`);
  });
  afterEach(() => db.close());

  it('round-trips through the store, and the imported pack has the last word on a page', async () => {
    const pack = { ...basePack(), dismissals: [dismissal] };
    const r = await importPack(db, pack, { now: 1 });
    expect(r).toMatchObject({ ok: true, dismissals: { added: 1, merged: 0 } });
    expect(await dismissedAt(db, dismissal.url)).toEqual(new Set(['o1']));
    expect(await exportPack(db, pack.created)).toEqual(pack);

    // A later pack says the dismissed page is a copy after all, and the copy is not.
    const flip = {
      ...basePack(),
      translations: [{ url: dismissal.url, lang: 'de', originalId: 'o1', seen: '2024-06-01' }],
      dismissals: [{ url: 'https://copie.example/it/a', originalId: 'o1', decided: '2024-06-01' }],
    };
    expect((await importPack(db, flip, { now: 2 })).ok).toBe(true);
    expect(await dismissedAt(db, dismissal.url)).toEqual(new Set());
    expect((await translationsAt(db, dismissal.url)).map((t) => t.originalId)).toEqual(['o1']);
    expect(await translationsAt(db, 'https://copie.example/it/a')).toEqual([]);
    expect(await dismissedAt(db, 'https://copie.example/it/a')).toEqual(new Set(['o1']));
  });

  it('refuses a dismissal of an original neither in the pack nor registered, importing nothing', async () => {
    const pack = { ...basePack(), originals: [], translations: [], dismissals: [dismissal] };
    const r = await importPack(db, pack);
    expect(r.ok).toBe(false);
    expect(await db.count('dismissals')).toBe(0);
  });
});
