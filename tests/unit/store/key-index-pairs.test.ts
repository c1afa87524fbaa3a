/**
 * KeyIndexWriter files its (key, seq) pairs in flat typed arrays sorted once at the commit
 * (filed-pairs.ts) instead of a Map of one array per key. What it writes must not change
 * by a byte: here its records are compared with those the Map algorithm gives, written
 * out by hand below from scratch, for a few thousand synthetic originals (keys drawn so
 * that some lists are long enough for records of their own and most share buckets).
 */
import { describe, expect, it } from 'vitest';
import { FiledPairs } from '@/utils/store/filed-pairs';
import { KeyFrequencies } from '@/utils/store/key-frequencies';
import { KeyIndexWriter, postingRecordKey, type StoreLike } from '@/utils/store/key-index';
import { encodeBucket, mergePosting } from '@/utils/store/postings';
import type { FrequenciesRecord, PostingRecord, RetrievalRecord } from '@/utils/store/schema';

class MemoryStore<V, K> implements StoreLike<V, K> {
  readonly rows = new Map<K, V>();
  constructor(private readonly keyOf: (v: V) => K) {}
  async get(key: K) {
    return this.rows.get(key);
  }
  async getAll() {
    return [...this.rows.values()];
  }
  async put(value: V) {
    this.rows.set(this.keyOf(value), value);
  }
  async delete(key: K) {
    this.rows.delete(key);
  }
}

/** A deterministic generator (mulberry32): the same originals on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Originals' keys: up to 64, some repeated within an original, common and rare keys mixed. */
function syntheticKeys(n: number, seed: number): number[][] {
  const rnd = random(seed);
  return Array.from({ length: n }, () => {
    const keys: number[] = [];
    const count = 1 + Math.floor(rnd() * 70);
    for (let i = 0; i < count; i++) {
      const r = rnd();
      // A few hundred common keys (long lists), else rare ones below 2^25 (buckets).
      keys.push(r < 0.3 ? Math.floor(rnd() * 300) : Math.floor(rnd() * 2 ** 25));
    }
    return keys;
  });
}

/**
 * The Map algorithm: seqs grouped by key in a Map (the writer before filed-pairs.ts), each
 * list encoded and placed by its length, buckets encoded whole; the statistics as the
 * writer computes them.
 */
function expectedRecords(filed: Map<number, number[]>) {
  const byKey = new Map<number, number[]>();
  const keyCounts = new Uint8Array(Math.max(0, ...filed.keys()) + 1);
  for (const [seq, keys] of filed) {
    const distinct = new Set(keys);
    for (const k of distinct) {
      const list = byKey.get(k);
      if (list) list.push(seq);
      else byKey.set(k, [seq]);
    }
    keyCounts[seq] = Math.min(255, distinct.size);
  }
  const postings = new Map<number, Uint8Array>();
  const buckets = new Map<number, Map<number, Uint8Array>>();
  const changes = new Map<number, number>();
  for (const [key, seqs] of byKey) {
    const entries = mergePosting(undefined, seqs)!;
    changes.set(key, seqs.length);
    const at = postingRecordKey(key, seqs.length);
    if (at >= 0) postings.set(key, entries);
    else buckets.set(at, (buckets.get(at) ?? new Map()).set(key, entries));
  }
  for (const [b, lists] of buckets) postings.set(b, encodeBucket(lists));
  return { postings, frequencies: new KeyFrequencies().with(changes), keyCounts };
}

async function writtenRecords(rounds: Array<(w: KeyIndexWriter) => void>) {
  const postings = new MemoryStore<PostingRecord, number>((r) => r.key);
  const retrieval = new MemoryStore<RetrievalRecord, RetrievalRecord['name']>((r) => r.name);
  for (const round of rounds) {
    const writer = await KeyIndexWriter.open(postings, retrieval);
    round(writer);
    await writer.commit();
  }
  return { postings: new Map([...postings.rows].map(([k, r]) => [k, r.entries])), frequencies: retrieval.rows.get('frequencies') as FrequenciesRecord };
}

function expectSame(got: Awaited<ReturnType<typeof writtenRecords>>, want: ReturnType<typeof expectedRecords>) {
  expect([...got.postings.keys()].sort((a, b) => a - b)).toEqual([...want.postings.keys()].sort((a, b) => a - b));
  // Compared as bytes, and the differing records listed (thousands of toEqual are slow).
  const differ = [...want.postings].filter(([k, entries]) => !Buffer.from(entries).equals(Buffer.from(got.postings.get(k)!)));
  expect(differ.map(([k]) => k)).toEqual([]);
  expect(got.frequencies.keys).toEqual(want.frequencies.keys);
  expect(got.frequencies.counts).toEqual(want.frequencies.counts);
  expect(got.frequencies.keyCounts).toEqual(want.keyCounts);
  expect(got.frequencies.digest).toBe(want.frequencies.digest(want.keyCounts));
}

describe('KeyIndexWriter filing by sorted pairs', () => {
  it('writes byte for byte what the Map algorithm writes, for 3,000 originals in one import', async () => {
    const keys = syntheticKeys(3_000, 1);
    const got = await writtenRecords([(w) => keys.forEach((k) => w.add(w.allocate(), k))]);
    const want = expectedRecords(new Map(keys.map((k, i) => [i + 1, k])));
    expect(want.postings.size).toBeGreaterThan(300); // long lists and buckets both present
    expectSame(got, want);
  });

  it('and after a second import re-files some originals and adds others', async () => {
    const first = syntheticKeys(2_000, 2);
    const second = syntheticKeys(1_500, 3);
    const final = new Map(first.map((k, i) => [i + 1, k]));
    const got = await writtenRecords([
      (w) => first.forEach((k) => w.add(w.allocate(), k)),
      (w) => {
        // Originals 1–500 get new fingerprints (removed, filed again); 1,000 new ones.
        second.slice(0, 500).forEach((k, i) => {
          w.remove(i + 1, first[i]);
          w.add(i + 1, k);
          final.set(i + 1, k);
        });
        second.slice(500).forEach((k) => {
          const seq = w.allocate();
          w.add(seq, k);
          final.set(seq, k);
        });
      },
    ]);
    expectSame(got, expectedRecords(final));
  });
});

describe('FiledPairs', () => {
  it('groups seqs by key, keys ascending, each key\'s seqs in filing order, duplicates within an add dropped', () => {
    const pairs = new FiledPairs();
    expect(pairs.add(5, [70_000, 3, 3, 2 ** 31 + 1])).toBe(3);
    expect(pairs.add(2, [3, 65_539])).toBe(2);
    expect(pairs.add(9, new Uint32Array([3, 70_000]))).toBe(2);
    const groups = () => [...pairs.groups()].map(([k, seqs]) => [k, [...seqs]]);
    expect(groups()).toEqual([
      [3, [5, 2, 9]],
      [65_539, [2]],
      [70_000, [5, 9]],
      [2 ** 31 + 1, [5]],
    ]);
    // Filed after a sort: still in filing order.
    pairs.add(1, [70_000]);
    expect(groups().at(-2)).toEqual([70_000, [5, 9, 1]]);
    expect(pairs.length).toBe(8);
  });

  it('refuses a key or seq that is not an unsigned 32-bit integer', () => {
    const pairs = new FiledPairs();
    expect(() => pairs.add(1, [-1])).toThrow(RangeError);
    expect(() => pairs.add(1, [2 ** 32])).toThrow(RangeError);
    expect(() => pairs.add(1.5, [1])).toThrow(RangeError);
  });
});
