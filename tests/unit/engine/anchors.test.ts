import { describe, expect, it } from 'vitest';
import { canonicalName, coarseName, numberForm, readAnchors, stripClitics } from '@/utils/engine/anchors';
import { normaliseText } from '@/utils/engine/normalise';

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
