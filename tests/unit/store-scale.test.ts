/**
 * The store at scale, in miniature: 2,000 originals (synthesised from the dev corpus as
 * bench/speed does) imported as one pack. A lookup must read a bounded handful of
 * records whatever the store holds — never every original — and still find the right
 * one; the import must report its progress; a v2 database must be filed on upgrade.
 */
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { decide, encodeFingerprint, indexKeys, MAX_CANDIDATES } from '@/utils/engine';
import { encodeBytes } from '@/utils/engine/codec';
import { PACK_FORMAT, PACK_VERSION, type Pack } from '@/utils/pack/schema';
import { openDatabase, type Db } from '@/utils/store/db';
import { LOOKUP_MAX_KEYS } from '@/utils/store/lookup-plan';
import { MIGRATIONS } from '@/utils/store/migrations';
import { candidatesFor, countOriginals } from '@/utils/store/originals';
import { importPack } from '@/utils/store/packs';
import { Synthesiser } from '../../bench/speed/synth';
import { synthOriginal } from '../../bench/speed/synth-pack';
import { corpus, originalOf, pageOf } from './helpers/corpus';

const SYNTHETIC = 2_000;
const REAL = 40;

function packOf(originals: Pack['originals']): Pack {
  return { format: PACK_FORMAT, version: PACK_VERSION, created: '2024-05-01T00:00:00Z', originals, translations: [] };
}

const realOriginals = () =>
  corpus('fr', REAL).map((a) => {
    const o = originalOf(a);
    return { id: o.id, title: o.title, lang: 'fr', fingerprint: encodeFingerprint(o.fingerprint) };
  });

let db: Db;
const progress: Array<[number, number]> = [];

beforeAll(async () => {
  const s = new Synthesiser(['fr', 'de', 'en', 'es', 'cs', 'ru'].flatMap((l) => corpus(l, 60).map((a) => ({ ...a, origlang: null }))));
  const synthetic = Array.from({ length: SYNTHETIC }, (_, i) => synthOriginal(s, i));
  db = await openDatabase('store-scale');
  const r = await importPack(db, packOf([...realOriginals(), ...synthetic]), { onProgress: (done, total) => progress.push([done, total]) });
  expect(r.ok).toBe(true);
}, 120_000);

/** Every request made on any store or index, as "store.index?.method". */
function recordRequests(): string[] {
  const seen: string[] = [];
  for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype]) {
    for (const m of ['get', 'getKey', 'getAll', 'getAllKeys', 'openCursor', 'openKeyCursor', 'count'] as const) {
      const real = proto[m] as (...a: unknown[]) => IDBRequest;
      vi.spyOn(proto, m).mockImplementation(function (this: IDBObjectStore | IDBIndex, ...args: unknown[]) {
        seen.push('objectStore' in this ? `${this.objectStore.name}.${this.name}.${m}` : `${this.name}.${m}`);
        return real.apply(this, args);
      } as never);
    }
  }
  return seen;
}

describe(`a store of ${SYNTHETIC + REAL} originals`, () => {
  it('holds them all', async () => {
    expect(await countOriginals(db)).toBe(SYNTHETIC + REAL);
  });

  it('reported the import as it went, ending at its total', () => {
    expect(progress.length).toBeGreaterThan(2);
    const total = progress[0][1];
    expect(total).toBeGreaterThanOrEqual(SYNTHETIC + REAL);
    expect(progress.every(([, t]) => t === total)).toBe(true);
    expect(progress.map(([d]) => d)).toEqual([...progress.map(([d]) => d)].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual([total, total]);
  });

  it('looks a page up reading at most MAX_CANDIDATES originals and a bounded set of posting lists', async () => {
    for (const de of corpus('de', 12)) {
      const seen = recordRequests();
      const candidates = await candidatesFor(db, pageOf(de));
      vi.restoreAllMocks();
      // Single-record reads only: no listing, cursor or count of any store — a scan would need one.
      expect(seen.filter((r) => !r.endsWith('.get'))).toEqual([]);
      const originalsRead = seen.filter((r) => r.startsWith('originals.'));
      expect(originalsRead.length).toBeLessThanOrEqual(MAX_CANDIDATES);
      expect(originalsRead.every((r) => r === 'originals.by-seq.get')).toBe(true);
      expect(seen.filter((r) => r === 'postings.get').length).toBeLessThanOrEqual(LOOKUP_MAX_KEYS);
      // head + frequencies at most: no listing of anything.
      expect(seen.filter((r) => r.startsWith('retrieval.')).length).toBeLessThanOrEqual(2);
      expect(seen.length).toBeLessThanOrEqual(MAX_CANDIDATES + LOOKUP_MAX_KEYS + 2);
      expect(candidates.length).toBeLessThanOrEqual(MAX_CANDIDATES);
    }
  });

  it('still finds the originals of real translations among them', async () => {
    const german = corpus('de', REAL);
    let found = 0;
    for (const de of german) {
      const page = pageOf(de);
      const v = decide(page, await candidatesFor(db, page));
      if (v.kind === 'translation' && v.match.id === de.id) found++;
    }
    expect(found).toBeGreaterThanOrEqual(Math.floor(REAL * 0.9));
  });
});

describe('upgrading a version-2 database', () => {
  it('files the originals it holds, so lookups find them', async () => {
    const name = 'store-scale-v2';
    const old = await openDatabase(name, MIGRATIONS.slice(0, 2));
    const articles = corpus('fr', 5);
    const originals = articles.map((a) => originalOf(a));
    for (const [i, o] of originals.entries()) {
      await (old as unknown as Awaited<ReturnType<typeof openDB>>).put('originals', {
        id: o.id, title: o.title, lang: 'fr', author: null, publisher: null, url: null, date: null,
        addedAt: i, fingerprint: encodeBytes(o.fingerprint), keys: indexKeys(o.fingerprint),
      });
    }
    old.close();
    const upgraded = await openDatabase(name);
    const seqs = (await upgraded.getAll('originals')).map((r) => r.seq);
    expect(new Set(seqs).size).toBe(originals.length);
    for (const a of articles) expect((await candidatesFor(upgraded, pageOf(a)))[0].id).toBe(a.id);
    upgraded.close();
  });
});
