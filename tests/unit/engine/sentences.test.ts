import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentenceLengths } from '@/utils/engine/fingerprint';
import { corpus } from '../helpers/corpus';

const REFERENCE = /(?<=[.!?\u0964\u061f][\u0022\u0027\u00bb\u201d\u2019)\]]*)\s+|(?<=[\u3002\uff01\uff1f])/u;
const reference = (paragraphs: string[]) => paragraphs.flatMap((p) => p.split(REFERENCE).filter(Boolean).map((s) => s.length));

describe('sentenceLengths', () => {
  it('cuts sentences as the reference expression does, on real text', () => {
    for (const lang of ['fr', 'en', 'de', 'cs', 'es', 'ru']) {
      for (const a of corpus(lang, 30)) {
        const paras = a.paragraphs.slice(0, 8);
        expect(sentenceLengths(paras)).toEqual(reference(paras));
      }
    }
  });

  it('agrees with the reference on any string (property)', () => {
    const alphabet = fc.constantFrom(...'ab .!?"\')]»”’。！？।؟\u00a0\t'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }).map((a) => a.join('')), (s) => {
        expect(sentenceLengths([s])).toEqual(reference([s]));
      }),
      { numRuns: 3000 },
    );
  });

  it('tells the paragraph of each sentence', () => {
    const paraOf: number[] = [];
    expect(sentenceLengths(['One. Two.', 'Three'], paraOf)).toEqual([4, 4, 5]);
    expect(paraOf).toEqual([0, 0, 1]);
  });
});

describe('simhash', () => {
  it('is the majority vote of the bigram hashes, bit by bit (property, against the plain count)', async () => {
    const { simhash } = await import('@/utils/engine/hash');
    const plain = (hs: number[]) => {
      const votes = new Int32Array(32);
      for (let i = 0; i + 1 < hs.length; i++) {
        let h = (hs[i] ^ Math.imul(hs[i + 1], 0x9e3779b1)) >>> 0;
        h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
        h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
        h ^= h >>> 16;
        for (let b = 0; b < 32; b++) votes[b] += ((h >>> b) & 1) * 2 - 1;
      }
      let out = 0;
      for (let b = 0; b < 32; b++) if (votes[b] > 0) out |= 1 << b;
      return out >>> 0;
    };
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 1600 }), (hs) => {
        expect(simhash(hs)).toBe(plain(hs.slice(0, 1500)));
      }),
      { numRuns: 300 },
    );
  });
});
