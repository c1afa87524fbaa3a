import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFingerprint, encodeFingerprint, fingerprintArticle, toStored } from '@/utils/engine';
import { encodeBytes, FingerprintFormatError } from '@/utils/engine/codec';
import { corpus } from '../helpers/corpus';

describe('stored fingerprint codec', () => {
  it('round-trips exactly and stays under 1 KB for every corpus article', () => {
    for (const a of corpus('fr')) {
      const stored = toStored(fingerprintArticle(a));
      const text = encodeFingerprint(stored);
      expect(decodeFingerprint(text)).toEqual(stored);
      expect(encodeBytes(stored).length).toBeLessThanOrEqual(1024);
    }
  });

  it('holds no sentence of the article', () => {
    const a = corpus('fr', 1)[0];
    const bytes = encodeBytes(toStored(fingerprintArticle(a)));
    const latin1 = String.fromCharCode(...bytes);
    for (const p of a.paragraphs) for (const word of p.split(/\s+/).filter((w) => w.length > 6)) expect(latin1).not.toContain(word);
  });

  it('refuses malformed input with its own error, never a crash', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        try {
          decodeFingerprint(s);
        } catch (e) {
          expect(e).toBeInstanceOf(FingerprintFormatError);
        }
      }),
    );
    const good = encodeBytes(toStored(fingerprintArticle(corpus('fr', 1)[0])));
    const old = good.slice();
    old[0] = 1;
    expect(() => decodeFingerprint(btoa(String.fromCharCode(...old)))).toThrow(/older engine/);
    expect(() => decodeFingerprint(btoa(String.fromCharCode(...good.slice(0, 20))))).toThrow(FingerprintFormatError);
  });
});
