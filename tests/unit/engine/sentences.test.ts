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
