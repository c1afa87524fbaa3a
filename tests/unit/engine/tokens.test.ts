import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldHashes } from '@/utils/engine/fold';
import { lowerHash32 } from '@/utils/engine/hash';
import { nextToken, scanTokens, token } from '@/utils/engine/tokens';
import { corpus } from '../helpers/corpus';

const REFERENCE = /(\d{1,3}(?:[ ,.'’]\d{3})+(?!\d)(?:[.,]\d+)?|\d+(?:[.,]\d+)?)|([\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*)/gu;

function reference(p: string): string[] {
  return [...p.matchAll(REFERENCE)].map((m) => (m[1] ? '#' : 'w') + m[0]);
}

function scanned(p: string): string[] {
  const out: string[] = [];
  scanTokens(p, (s, e, num) => {
    out.push((num ? '#' : 'w') + p.slice(s, e));
  });
  return out;
}

describe('scanTokens', () => {
  it('reads numbers of every locale and words with inner apostrophes and hyphens', () => {
    expect(scanned("Le 15 novembre 2011, 1 000 000 € et 1.000,50 $ ou 12’345 — l'OTAN, Jean-Luc, A380, 1,0000 et 12 345 6789.")).toEqual(
      reference("Le 15 novembre 2011, 1 000 000 € et 1.000,50 $ ou 12’345 — l'OTAN, Jean-Luc, A380, 1,0000 et 12 345 6789."),
    );
  });

  it('gives exactly the tokens of the reference expression on real text in six languages', () => {
    for (const lang of ['fr', 'en', 'de', 'cs', 'es', 'ru']) {
      for (const a of corpus(lang, 40)) for (const p of a.paragraphs) expect(scanned(p)).toEqual(reference(p));
    }
  });

  it('agrees with the reference on any string (property)', () => {
    const alphabet = fc.constantFrom(...'0123456789 ,.\'’-aZéЖ中ͅ😀\u0301'.split(''), '😀', '𠀀');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')), (s) => {
        expect(scanned(s)).toEqual(reference(s));
      }),
      { numRuns: 3000 },
    );
  });

  it("hashes each word in lower case and folded as it reads it, as lowerHash32 and foldHashes do (property)", () => {
    const check = (p: string) => {
      for (let at = 0; nextToken(p, at); at = token.end) {
        if (token.isNumber) continue;
        const word = p.slice(token.start, token.end);
        expect(token.lower, word).toBe(lowerHash32(word));
        if (!/[\ud800-\udfff]/.test(word)) expect(token.folded, word).toBe(foldHashes(word, { length: 0, whole: 0, less1: 0, less2: 0 }).whole);
        else expect(token.folded).toBe(-1);
      }
    };
    const alphabet = fc.constantFrom(...'09 ,.\'’-aZéÉЖжΣς中İẞ'.split(''), '😀', '𝐀', '\u0301');
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')), check), { numRuns: 3000 });
    for (const lang of ['de', 'ru']) for (const a of corpus(lang, 10)) a.paragraphs.forEach(check);
  });
});
