import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalName, coarseName, numberForm, readAnchors, stripClitics } from '@/utils/engine/anchors';
import { normaliseText } from '@/utils/engine/normalise';
import { toLatin } from '@/utils/engine/translit';

describe('numbers', () => {
  it('reads the same number in every locale and script', () => {
    const forms = ['1 000', '1,000', '1.000', '1000', '١٠٠٠', '１０００'].map((n) => numberForm(normaliseText(n)));
    expect(new Set(forms)).toEqual(new Set(['1000']));
    expect(numberForm('07')).toBeNull(); // one digit once leading zeros go
    expect(numberForm('2009')).toBe('2009');
    expect(numberForm('1,5')).toBe(numberForm('1.5'));
  });
});

describe('names', () => {
  it('strips elided articles and possessives, whatever the language', () => {
    expect(["l'OTAN", "dell'Italia", "Libya's", "L'Afghanistan", 'Obama'].map(stripClitics)).toEqual([
      'OTAN', 'Italia', 'Libya', 'Afghanistan', 'Obama',
    ]);
    expect(stripClitics("aujourd'hui")).toBe("aujourd'hui");
  });

  it('gives one phonetic skeleton to a name in any script', () => {
    const groups = [
      ['Obama', 'Обама', 'Ομπάμα', 'أوباما', 'ओबामा', 'オバマ', '오바마', 'אובמה'],
      ['Clinton', 'Клинтон', 'クリントン', '클린턴', 'क्लिंटन', 'كلينتون'],
      ['Hillary', 'Хиллари'],
      ['Čech', 'Чех'],
      ['Richtářová', 'Рихтаржова'],
    ];
    for (const g of groups) {
      const keys = g.map((w) => coarseName(canonicalName(w)));
      expect(new Set(keys).size, g.join(' ')).toBe(1);
      expect(keys[0]).toBeGreaterThan(0);
    }
    // and different names stay apart
    expect(coarseName(canonicalName('Obama'))).not.toBe(coarseName(canonicalName('Clinton')));
  });

  it('takes capitalised words inside sentences, not sentence openers, as names', () => {
    const a = readAnchors(['However the FBI said that Ian Kelly met him in 2009. However, Kelly left.'], 'latin', 100);
    expect(a.map((x) => x.label)).toEqual(['FBI', 'Ian', 'Kelly', '2009', 'Kelly']);
  });

  it('cuts Japanese runs at katakana and ignores hiragana', () => {
    const a = readAnchors(['オバマ大統領は2009年にヒラリー・クリントンと会った。'], 'kana', 100);
    expect(a.map((x) => x.label)).toEqual(['オバマ', '2009', 'ヒラリー', 'クリントン']);
  });
});

describe('canonicalName', () => {
  // The rules as regular expressions, applied one after the other: the reference.
  const byRules = (latin: string) =>
    latin
      .replace(/[^a-z]/g, '')
      .replace(/^kh/, 'h')
      .replace(/ph/g, 'f')
      .replace(/th/g, 't')
      .replace(/sch|sh/g, 's')
      .replace(/zh/g, 'z')
      .replace(/[ck]h|ck|c|q/g, 'k')
      .replace(/w/g, 'v')
      .replace(/[yj]/g, 'i')
      .replace(/x/g, 'ks')
      .replace(/z/g, 's')
      .replace(/(.)\1+/g, '$1');

  it('applies the rules in order, in one pass (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'abcdhjkpqstwxyz- \''.split('')), { maxLength: 14 }).map((a) => a.join('')), (w) => {
        expect(canonicalName(w)).toBe(byRules(w.toLowerCase()));
      }),
      { numRuns: 5000 },
    );
    for (const w of ['Schröder', 'Khodorkovsky', 'Хиллари', 'Čech', 'Zhang', 'Quixote', 'Richtářová', 'Рихтаржова']) {
      expect(canonicalName(w), w).toBe(byRules(toLatin(w)));
    }
  });
});
