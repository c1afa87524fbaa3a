import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureOriginals, installDefaultPack } from '@/utils/background/default-pack';
import { openDatabase, type Db } from '@/utils/store/db';
import { countOriginals, listOriginals } from '@/utils/store/originals';

const shipped = () => JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../public/packs/default.json'), 'utf8'));

let db: Db;
let n = 0;
beforeEach(async () => {
  db = await openDatabase(`default-pack-test-${n++}`);
});
afterEach(() => db.close());

describe('default pack', () => {
  it('the shipped pack installs with this engine and holds the French seed original', async () => {
    const r = await installDefaultPack(db, async () => shipped());
    expect(r.ok).toBe(true);
    const [o] = await listOriginals(db);
    expect(o).toMatchObject({ title: 'Camaïeu victime d’une cyberattaque', lang: 'fr', author: 'Yohann G.' });
  });

  it('is installed when the store is empty, and only then', async () => {
    let fetched = 0;
    const fetchPack = async () => (fetched++, shipped());
    expect((await ensureOriginals(db, fetchPack))?.ok).toBe(true);
    expect(await ensureOriginals(db, fetchPack)).toBeNull();
    expect(fetched).toBe(1);
  });

  it('installing twice merges instead of duplicating', async () => {
    await installDefaultPack(db, async () => shipped());
    expect(await installDefaultPack(db, async () => shipped())).toMatchObject({ ok: true, originals: { added: 0, merged: 1 } });
    expect(await countOriginals(db)).toBe(1);
  });

  it('reports a broken or unreadable pack and installs nothing', async () => {
    const broken = shipped();
    broken.originals[0].fingerprint = 'not base64!';
    const r = await installDefaultPack(db, async () => broken);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^default pack: originals\[0\]\.fingerprint/);
    const r2 = await installDefaultPack(db, async () => {
      throw new Error('HTTP 404');
    });
    expect(r2).toEqual({ ok: false, errors: ['default pack could not be read: HTTP 404'] });
    expect(await countOriginals(db)).toBe(0);
  });
});
