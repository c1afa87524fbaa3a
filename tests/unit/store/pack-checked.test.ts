/**
 * A pack's fingerprints are decoded once: the check keeps each original's bytes and index
 * keys (utils/pack/checked.ts) and the import files originals under them.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeFingerprint, encodeFingerprint, indexKeys } from '@/utils/engine';
import { fromBase64 } from '@/utils/engine/codec';
import { parsePackText } from '@/utils/pack';
import { checkedFingerprint, rememberChecked } from '@/utils/pack/checked';
import { openDatabase, type Db } from '@/utils/store/db';
import { readHead, readPostings, readStats } from '@/utils/store/key-index';
import { importPack } from '@/utils/store/packs';
import { corpus, originalOf } from '../helpers/corpus';

let db: Db | null = null;
afterEach(() => db?.close());

function packText(count: number, badAt = -1): string {
  const originals = corpus('fr', count).map((a, i) => {
    const o = originalOf(a);
    return { id: o.id, title: o.title, lang: 'fr', fingerprint: i === badAt ? 'AAAA' : encodeFingerprint(o.fingerprint) };
  });
  return JSON.stringify({ format: 'provenance-lens-pack', version: 1, created: '2024-05-01T00:00:00Z', originals, translations: [] });
}

describe('fingerprints checked once', () => {
  it('keeps what the check decoded for every valid original', () => {
    const r = parsePackText(packText(5));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    for (const o of r.pack.originals) {
      const c = checkedFingerprint(o)!;
      expect(c.bytes).toEqual(fromBase64(o.fingerprint));
      expect([...c.keys]).toEqual(indexKeys(decodeFingerprint(o.fingerprint)));
    }
  });

  it('still reports a fingerprint that does not decode, with its place', () => {
    const r = parsePackText(packText(4, 2));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([{ record: 'originals[2]', field: 'fingerprint', message: expect.stringMatching(/not a valid Provenance Lens fingerprint/) }]);
  });

  it('files an original under the keys the check found', async () => {
    const r = parsePackText(packText(2));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    // Keys no real fingerprint has: found in the index only if the import used the check's.
    const [a, b] = r.pack.originals;
    rememberChecked(a, { bytes: checkedFingerprint(a)!.bytes, keys: Uint32Array.of(7_000_001, 7_000_002) });
    db = await openDatabase('pack-checked-1');
    expect((await importPack(db, r.pack)).ok).toBe(true);
    const tx = db.transaction(['postings', 'retrieval']);
    const stats = await readStats(tx.objectStore('retrieval'), await readHead(tx.objectStore('retrieval')));
    const lists = await readPostings(tx.objectStore('postings'), [7_000_001, 7_000_002, indexKeys(decodeFingerprint(b.fingerprint))[0]], (k) => stats.frequencies.get(k));
    expect(stats.frequencies.get(7_000_001)).toBe(1);
    expect(lists.has(7_000_002)).toBe(true);
    expect(lists.size).toBe(3);
    expect((await db.get('originals', a.id))!.fingerprint).toEqual(fromBase64(a.fingerprint));
  });
});
