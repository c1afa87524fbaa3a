/** The retrieval index's parts: posting lists, key frequencies, the lookup plan. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyFrequencies } from '@/utils/store/key-frequencies';
import { LOOKUP_MAX_KEYS, LOOKUP_MIN_KEYS, planLookup } from '@/utils/store/lookup-plan';
import { bucketLists, decodeBucket, decodePosting, encodeBucket, encodePosting, mergePosting, postingLength } from '@/utils/store/postings';
import { rankStoredPostings } from '@/utils/store/rank-postings';
import { rankCandidates } from '@/utils/engine';

/** What a posting list holds: distinct seqs, ascending. */
const seqs = fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 40 }), { maxLength: 300 }).map((s) => s.sort((a, b) => a - b));

describe('posting lists', () => {
  it('decode what they encode, and count their entries', () => {
    fc.assert(
      fc.property(seqs, (s) => {
        const bytes = encodePosting(s);
        expect(decodePosting(bytes)).toEqual(s);
        expect(postingLength(bytes)).toBe(s.length);
      }),
    );
  });

  it('take one byte per entry for a common key', () => {
    const dense = Array.from({ length: 10_000 }, (_, i) => i * 3);
    expect(encodePosting(dense).length).toBeLessThanOrEqual(dense.length + 1);
  });

  it('drop a truncated tail rather than misread it', () => {
    const bytes = encodePosting([5, 1_000_000]);
    expect(decodePosting(bytes.slice(0, bytes.length - 1))).toEqual([5]);
  });

  it('a new list: the seqs as given when in order, sorted and distinct when not', () => {
    fc.assert(
      fc.property(seqs, fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { maxLength: 50 }), (sorted, any) => {
        expect(mergePosting(undefined, sorted)).toEqual(sorted.length ? encodePosting(sorted) : null);
        const want = [...new Set(any)].sort((a, b) => a - b);
        const got = mergePosting(undefined, any);
        expect(got && decodePosting(got)).toEqual(want.length ? want : null);
      }),
    );
  });

  it('merge: additions in, removals out, order kept', () => {
    fc.assert(
      fc.property(seqs, seqs, fc.array(fc.integer({ min: 0, max: 2 ** 40 })), (old, add, remove) => {
        const merged = mergePosting(encodePosting(old), add, new Set(remove));
        const want = [...new Set([...old.filter((s) => !remove.includes(s)), ...add])].sort((a, b) => a - b);
        if (want.length === 0) expect(merged).toBeNull();
        else expect(decodePosting(merged!)).toEqual(want);
      }),
    );
  });
});

describe('buckets', () => {
  const lists = fc
    .uniqueArray(fc.integer({ min: 0, max: 2 ** 30 }), { maxLength: 60 })
    .chain((keys) => fc.tuple(fc.constant(keys), fc.array(seqs.filter((s) => s.length > 0), { minLength: keys.length, maxLength: keys.length })));

  it('give back exactly the wanted keys\' lists, as decoding the whole bucket would', () => {
    fc.assert(
      fc.property(lists, fc.array(fc.integer({ min: 0, max: 2 ** 30 }), { maxLength: 8 }), ([keys, entries], extra) => {
        const bucket = encodeBucket(new Map(keys.map((k, i) => [k, encodePosting(entries[i])])));
        const all = decodeBucket(bucket);
        const wanted = [...keys.filter((_, i) => i % 3 === 0), ...extra];
        const got = bucketLists(bucket, wanted);
        const want = new Map(wanted.filter((k) => all.has(k)).map((k) => [k, all.get(k)!]));
        expect(got).toEqual(want);
      }),
    );
  });

  it('stop at a truncated entry rather than misread it', () => {
    const bucket = encodeBucket(new Map([[3, encodePosting([1, 2])], [9, encodePosting([5])]]));
    expect([...bucketLists(bucket.slice(0, bucket.length - 1), [3, 9]).keys()]).toEqual([3]);
  });
});

describe('key frequencies', () => {
  it('answer for every key, 0 for unknown ones, and change by copy', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 ** 25 }), fc.integer({ min: 1, max: 1e6 }))), (pairs) => {
        const truth = new Map(pairs);
        const table = new KeyFrequencies().with(truth);
        expect(table.size).toBe(truth.size);
        for (const [k, n] of truth) expect(table.get(k)).toBe(n);
        expect(table.get(2 ** 25 + 1)).toBe(0);
        const first = pairs[0]?.[0];
        if (first !== undefined) {
          const without = table.with(new Map([[first, 0]]));
          expect(without.get(first)).toBe(0);
          expect(table.get(first)).toBe(truth.get(first));
          expect(without.digest()).not.toBe(table.digest());
        }
      }),
    );
  });

  it('digest their content: equal tables, equal digests', () => {
    const a = new KeyFrequencies().with(new Map([[3, 1], [9, 4]]));
    const b = new KeyFrequencies().with(new Map([[9, 4]])).with(new Map([[3, 1]]));
    expect(a.digest()).toBe(b.digest());
    expect(a.with(new Map([[9, 5]])).digest()).not.toBe(a.digest());
    expect(a.digest(Uint8Array.of(1))).not.toBe(a.digest(Uint8Array.of(2)));
  });
});

describe('the lookup plan', () => {
  it('reads the rarest known keys first, within its budgets', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 500 }), { maxLength: 400 }),
        fc.func(fc.nat({ max: 5_000 })),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 20_000 }),
        (keys, freq, maxKeys, maxPostings) => {
          const plan = planLookup(keys, freq, maxKeys, maxPostings);
          expect(plan.length).toBeLessThanOrEqual(maxKeys);
          expect(new Set(plan).size).toBe(plan.length);
          for (const k of plan) expect(keys).toContain(k);
          for (const k of plan) expect(freq(k)).toBeGreaterThan(0);
          const counts = plan.map((k) => freq(k));
          expect(counts).toEqual([...counts].sort((a, b) => a - b));
          // Beyond the few always read, the budget of posting entries holds.
          const beyond = counts.slice(LOOKUP_MIN_KEYS);
          if (beyond.length) expect(counts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(maxPostings);
          // Nothing rarer was left out.
          const left = [...new Set(keys)].filter((k) => !plan.includes(k) && freq(k) > 0);
          if (plan.length && left.length) expect(Math.min(...left.map((k) => freq(k)))).toBeGreaterThanOrEqual(counts.at(-1)!);
        },
      ),
    );
  });

  it('requests nothing for keys no original has', () => {
    expect(planLookup([1, 2, 3], () => 0)).toEqual([]);
    expect(planLookup(Array.from({ length: 500 }, (_, i) => i), () => 1).length).toBe(LOOKUP_MAX_KEYS);
  });
});

describe('ranking on the stored lists', () => {
  const lists = fc.array(fc.uniqueArray(fc.integer({ min: 1, max: 300 }), { maxLength: 60 }).map((s) => s.sort((a, b) => a - b)), { maxLength: 30 });
  it('gives exactly what the engine\'s rankCandidates gives: order, ties and all', () => {
    fc.assert(
      fc.property(lists, fc.integer({ min: 1, max: 2_000 }), fc.integer({ min: 0, max: 20 }), fc.func(fc.integer({ min: 0, max: 70 })), (ls, n, max, kc) => {
        const keyCount = (seq: number) => kc(seq) || 1;
        const want = rankCandidates(ls.map((ids, key) => ({ key, ids })), n, max, keyCount);
        const got = rankStoredPostings(ls.map((ids, key) => ({ key, bytes: encodePosting(ids) })), n, max, keyCount);
        expect(got).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  it('beyond the flat arrays (seqs past 4 million) as well', () => {
    const ls = [[3, 9, 5_000_000], [9, 5_000_000, 7_000_000], [1, 3]];
    const keyCount = () => 10;
    expect(rankStoredPostings(ls.map((ids, key) => ({ key, bytes: encodePosting(ids) })), 50, 12, keyCount)).toEqual(
      rankCandidates(ls.map((ids, key) => ({ key, ids })), 50, 12, keyCount),
    );
    // …and leaves nothing behind for the next ranking.
    expect(rankStoredPostings([{ key: 1, bytes: encodePosting([3]) }], 50, 12, keyCount)).toEqual([3]);
  });
});
