import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dominantScript, normaliseSlowly, normaliseText, scriptOfCode } from '@/utils/engine/normalise';
import { corpus } from '../helpers/corpus';

describe('normaliseText', () => {
  it('gives what the full pass by pass normalisation gives, on real text', () => {
    for (const lang of ['fr', 'en', 'de', 'cs', 'es', 'ru']) {
      for (const a of corpus(lang, 40)) for (const p of a.paragraphs) expect(normaliseText(p)).toBe(normaliseSlowly(p));
    }
  });

  it('gives what the full normalisation gives on any mix of tricky characters (property)', () => {
    // Letters that compose with a following mark, marks, compatibility forms, other
    // scripts' digits, invisible characters, every kind of white space, Hangul jamo.
    const tricky = [
      ...'aeAEzç é', 'e\u0301', '\u0301', '\u0308', '\u0327', 'ﬁ', '²', '½', 'ª', 'ĳ', 'ſ', 'Ⅻ', '１２', '١٢', '٣', '०',
      '\u200b', '\u00ad', '\ufeff', '\u202e', '\u0007', '\t', '\n', '\u00a0', '\u2009', '\u3000', '\u2028', '\u0085',
      'Ж', 'й', 'и\u0306', 'Ω', 'ά', 'α\u0301', '가', '\u1100', '\u1161', '\u11a8', 'ｶ', 'ﾞ', 'カ', '\u3099', 'ö', 'o\u0308',
      '\ud83d\ude00', '\ud83d', ' ', ' ', '.',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tricky), { maxLength: 24 }).map((a) => a.join('')), (s) => {
        expect(normaliseText(s)).toBe(normaliseSlowly(s));
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        expect(normaliseText(s)).toBe(normaliseSlowly(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('leaves a plain paragraph as it is, and still folds every other one', () => {
    expect(normaliseText('  Le 15 novembre, à Paris.  ')).toBe('Le 15 novembre, à Paris.');
    expect(normaliseText('e\u0301t\u00e9  ﬁn\u00a0١٢')).toBe('\u00e9t\u00e9 fin 12');
  });
});

describe('scripts', () => {
  it('tells the script of a letter, the first time and every time after', () => {
    const cases: Array<[string, string]> = [
      ['a', 'latin'], ['Z', 'latin'], ['é', 'latin'], ['ẞ', 'latin'], ['Ж', 'cyrillic'], ['ω', 'greek'], ['Ա', 'armenian'],
      ['א', 'hebrew'], ['ب', 'arabic'], ['क', 'indic'], ['ก', 'thai'], ['ა', 'georgian'], ['カ', 'kana'], ['中', 'han'],
      ['가', 'hangul'], ['𠀀', 'han'], ['1', 'other'], ['€', 'other'], ['😀', 'other'],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [ch, script] of cases) expect(scriptOfCode(ch.codePointAt(0)!), ch).toBe(script);
    }
  });

  it('finds the dominant script of a text given whole or as paragraphs', () => {
    const paras = ['Президент Обама встретился', 'with Hillary Clinton', 'в Москве 15 ноября.'];
    expect(dominantScript(paras.join(' '))).toBe('cyrillic');
    expect(dominantScript(paras)).toBe('cyrillic');
    expect(dominantScript(['オバマ大統領は', 'ヒラリー・クリントンと会った。'])).toBe('kana');
    expect(dominantScript([])).toBe('other');
  });
});
