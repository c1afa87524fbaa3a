/**
 * The retrieval index never disagrees with the originals it files. After any sequence of
 * the store's writes — register, replace (same or new fingerprint), delete from the
 * background or from the options page, import (merging), undo, clear — the posting lists,
 * the key frequencies, the key counts and the head must be exactly what filing the
 * originals now stored from scratch would give: no original missing from a list (a copy
 * nobody finds), no stale seq left behind (wrong IDF, wasted reads).
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeFingerprint } from '@/utils/engine';
import { encodeBytes } from '@/utils/engine/codec';
import { PACK_FORMAT, PACK_VERSION, type Pack } from '@/utils/pack/schema';
import { clearAll } from '@/utils/store/clear';
import { openDatabase, type Db } from '@/utils/store/db';
import { filedKeys, postingRecordKey, SHORT_LIST } from '@/utils/store/key-index';
import { removeOriginal, updateOriginalMeta } from '@/utils/store/original-edits';
import { addOriginal, candidatesFor, deleteOriginal, putOriginal, type Original } from '@/utils/store/originals';
import { importPack } from '@/utils/store/packs';
import { decodeBucket, decodePosting } from '@/utils/store/postings';
import type { FrequenciesRecord, RetrievalHead } from '@/utils/store/schema';
import { corpus, originalOf, pageOf } from './helpers/corpus';

const ARTICLES = corpus('fr', 6);
const ORIGINALS: Original[] = ARTICLES.map((a) => originalOf(a));
/** Original i registered under article j's fingerprint (a re-registration with new text). */
const withFingerprintOf = (i: number, j: number): Original => ({ ...ORIGINALS[i], fingerprint: ORIGINALS[j].fingerprint });
const packOf = (originals: Original[]): Pack => ({
  format: PACK_FORMAT,
  version: PACK_VERSION,
  created: '2024-05-01T00:00:00Z',
  originals: originals.map((o) => ({ id: o.id, title: o.title, lang: o.lang ?? 'fr', fingerprint: encodeFingerprint(o.fingerprint) })),
  translations: [],
});

/** What the index holds, read raw: key → seqs, and the statistics. */
async function indexState(db: Db) {
  const lists = new Map<number, number[]>();
  for (const r of await db.getAll('postings')) {
    if (r.key >= 0) lists.set(r.key, decodePosting(r.entries));
    else for (const [k, bytes] of decodeBucket(r.entries)) {
      expect(postingRecordKey(k, 1), `key ${k} is in the bucket it belongs to`).toBe(r.key);
      expect(lists.has(k), `key ${k} is stored once`).toBe(false);
      lists.set(k, decodePosting(bytes));
    }
  }
  const head = (await db.get('retrieval', 'head')) as RetrievalHead | undefined;
  const freq = (await db.get('retrieval', 'frequencies')) as FrequenciesRecord | undefined;
  return { lists, head, freq };
}

/** The index the stored originals call for. */
async function expectedState(db: Db) {
  const lists = new Map<number, number[]>();
  const keyCounts = new Map<number, number>();
  const originals = await db.getAll('originals');
  for (const r of originals) {
    expect(r.seq, `${r.id} has a seq`).toBeTypeOf('number');
    const keys = [...new Set(filedKeys(r))];
    keyCounts.set(r.seq!, keys.length);
    for (const k of keys) lists.set(k, [...(lists.get(k) ?? []), r.seq!]);
  }
  for (const l of lists.values()) l.sort((a, b) => a - b);
  return { lists, keyCounts, count: originals.length };
}

async function expectConsistent(db: Db): Promise<void> {
  const got = await indexState(db);
  const want = await expectedState(db);
  expect(new Map([...got.lists].sort((a, b) => a[0] - b[0]))).toEqual(new Map([...want.lists].sort((a, b) => a[0] - b[0])));
  // A list lives in its own record exactly when it is long.
  for (const r of await db.getAllKeys('postings')) if (r >= 0) expect(got.lists.get(r)!.length).toBeGreaterThan(SHORT_LIST);
  if (want.count === 0 && !got.head) return; // cleared, or never written
  expect(got.head?.originals).toBe(want.count);
  const freq = new Map<number, number>();
  got.freq?.keys.forEach((k, i) => freq.set(k, got.freq!.counts[i]));
  expect(freq).toEqual(new Map([...want.lists].map(([k, l]) => [k, l.length])));
  for (const [seq, n] of want.keyCounts) expect(got.freq?.keyCounts[seq], `key count of seq ${seq}`).toBe(Math.min(255, n));
  const seqs = (await db.getAll('originals')).map((r) => r.seq!);
  expect(new Set(seqs).size).toBe(seqs.length);
  for (const s of seqs) expect(s).toBeLessThan(got.head!.nextSeq);
}

const i6 = fc.integer({ min: 0, max: ORIGINALS.length - 1 });
const op = fc.oneof(
  fc.record({ op: fc.constant('add' as const), i: i6 }),
  fc.record({ op: fc.constant('put' as const), i: i6, j: i6 }),
  fc.record({ op: fc.constant('delete' as const), i: i6 }),
  fc.record({ op: fc.constant('remove' as const), i: i6 }),
  fc.record({ op: fc.constant('edit' as const), i: i6 }),
  fc.record({ op: fc.constant('import' as const), ids: fc.uniqueArray(i6, { maxLength: 4 }), j: fc.option(i6) }),
  fc.record({ op: fc.constant('clear' as const) }),
);

let n = 0;

describe('the retrieval index stays exactly in step with the originals', () => {
  it('after any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        const db = await openDatabase(`index-consistency-${n++}`);
        const undo: Pack[] = [];
        try {
          for (const o of ops) {
            if (o.op === 'add') await addOriginal(db, ORIGINALS[o.i]).catch(() => undefined); // a duplicate is refused
            else if (o.op === 'put') await putOriginal(db, withFingerprintOf(o.i, o.j));
            else if (o.op === 'delete') await deleteOriginal(db, ORIGINALS[o.i].id);
            else if (o.op === 'remove') {
              const pack = await removeOriginal(db, ORIGINALS[o.i].id);
              if (pack) undo.push(pack);
            } else if (o.op === 'edit') await updateOriginalMeta(db, ORIGINALS[o.i].id, { title: 'T', lang: 'fr', author: null, publisher: null, url: null, date: null });
            else if (o.op === 'import') {
              const originals = o.ids.map((i) => (o.j === null ? ORIGINALS[i] : withFingerprintOf(i, o.j)));
              expect((await importPack(db, packOf(originals), { batchSize: 2 })).ok).toBe(true);
            } else await clearAll(db);
            await expectConsistent(db);
          }
          for (const pack of undo) {
            if (pack.originals.some((x) => ORIGINALS.some((y) => y.id === x.id))) await importPack(db, pack);
            await expectConsistent(db);
          }
          // And what is filed is found: a stored original is a candidate for the text it carries.
          const stored = ORIGINALS.map((x) => encodeBytes(x.fingerprint).join());
          for (const r of await db.getAll('originals')) {
            const text = ARTICLES[stored.indexOf(r.fingerprint.join())];
            expect((await candidatesFor(db, pageOf(text))).map((c) => c.id)).toContain(r.id);
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
