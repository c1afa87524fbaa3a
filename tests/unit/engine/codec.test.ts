import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFingerprint, encodeFingerprint, fingerprintArticle, toStored, type Fingerprint } from '@/utils/engine';
import { decodeBytes, encodeBytes, FingerprintFormatError, FORMAT_VERSION, posToByte } from '@/utils/engine/codec';
import { corpus } from '../helpers/corpus';
import { encodeFormat2 } from '../helpers/fingerprint-format2';

const stored = (lang: string, n?: number) => corpus(lang, n).map((a) => toStored(fingerprintArticle(a)));

describe('stored fingerprint codec', () => {
  it('round-trips exactly and stays under 1 KB for every corpus article', () => {
    for (const fp of stored('fr')) {
      const text = encodeFingerprint(fp);
      expect(decodeFingerprint(text)).toEqual(fp);
      expect(encodeBytes(fp).length).toBeLessThanOrEqual(1024);
    }
  });

  it('writes format 3, which keeps what format 2 kept in far fewer bytes', () => {
    let v2 = 0;
    let v3 = 0;
    for (const lang of ['fr', 'ru', 'de']) {
      for (const fp of stored(lang, 60)) {
        const bytes = encodeBytes(fp);
        expect(bytes[0]).toBe(FORMAT_VERSION);
        const old = encodeFormat2(fp);
        // The same information: format 2's bytes decode to what format 3's do.
        expect(decodeBytes(old)).toEqual(decodeBytes(bytes));
        v2 += old.length;
        v3 += bytes.length;
      }
    }
    expect(v3).toBeLessThan(0.75 * v2);
  });

  it('still reads format 2, as stores and packs made by earlier versions hold it', () => {
    for (const fp of stored('es', 40)) {
      const old = encodeFormat2(fp);
      expect(decodeBytes(old)).toEqual(fp);
      // Written again, it is format 3, and reads back the same.
      expect(decodeBytes(encodeBytes(decodeBytes(old)))).toEqual(fp);
    }
  });

  it('keeps fingerprints whose positions go back, and any anchor kind and skeleton', () => {
    const fp = toStored(fingerprintArticle(corpus('en', 1)[0]));
    const n = fp.keys.length;
    const odd: Fingerprint = {
      ...fp,
      pos: fp.pos.map((_, i) => [1000, 0, 500, 4][i % 4]),
      para: fp.para.map((_, i) => (n - i) % 256),
      kinds: fp.kinds.map((_, i) => (i % 3 ? 'num' : 'name')),
      coarse: fp.coarse.map((_, i) => (i * 37) % 1024),
      keys: fp.keys.map((k, i) => (i % 5 === 0 ? fp.keys[0] : k)),
    };
    const back = decodeBytes(encodeBytes(odd));
    expect(back).toEqual({ ...odd, pos: odd.pos.map((p) => Math.round((posToByte(p) * 1000) / 255)) });
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
    const future = good.slice();
    future[0] = FORMAT_VERSION + 1;
    expect(() => decodeBytes(future)).toThrow(/unknown format/);
    expect(() => decodeFingerprint(btoa(String.fromCharCode(...good.slice(0, 20))))).toThrow(FingerprintFormatError);
    // A byte more or less is refused, not misread.
    expect(() => decodeBytes(Uint8Array.of(...good, 0))).toThrow(FingerprintFormatError);
    expect(() => decodeBytes(good.slice(0, good.length - 1))).toThrow(FingerprintFormatError);
  });

  it('returns bytes of their own, never a view of a larger buffer (IndexedDB would store it whole)', () => {
    const bytes = encodeBytes(toStored(fingerprintArticle(corpus('de', 1)[0])));
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(bytes.length);
  });
});
