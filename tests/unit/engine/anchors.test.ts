import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atSentenceStart, canonicalName, coarseName, isAcronym, numberForm, readAnchors, stripClitics } from '@/utils/engine/anchors';
import { normaliseText } from '@/utils/engine/normalise';
import { toLatin } from '@/utils/engine/translit';
import { hash24 } from '@/utils/engine/hash';
import { conceptOf } from '@/utils/engine/concepts';

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

  it('keys an acronym by its letters, whatever their order in the language', () => {
    const keys = (p: string, script: 'latin' | 'cyrillic' = 'latin') => readAnchors([p], script, 100).map((x) => x.precise);
    const fr = keys("Selon l'OTAN, le FMI, l'UE et la BCE, le VIH et le SIDA, dit le FBI.");
    const en = keys('Said NATO, the IMF, the EU and the ECB, HIV and AIDS, said the FBI.');
    expect(en).toEqual(fr);
    expect(new Set(fr).size).toBe(fr.length); // and different acronyms stay apart
    // Spanish doubles a plural's initials: EEUU is EU (the reading writes a run of one letter once).
    expect(keys('dijo EEUU hoy')).toEqual(keys('dit EU hier'));
    // Repeated letters apart are kept: FIFA is not FIA; a longer word is not an acronym.
    expect(keys('la FIFA dit')).not.toEqual(keys('la FIA dit'));
    expect(isAcronym('NATO')).toBe(true);
    expect(isAcronym('ВИЧ')).toBe(true);
    expect(['Nato', 'N', 'NATIONS', 'EZB-Chef', 'Ab'].map(isAcronym)).toEqual([false, false, false, false, false]);
    // A name is not an acronym: its key is its first letters, as before.
    expect(keys('le Tano dit')).not.toEqual(keys('le TANO dit'));
    expect(keys('le NOTA dit')).toEqual(keys('le TANO dit'));
  });

  it("reads a compound's first part, and its acronyms, as words of their own", () => {
    const a = readAnchors(['Die HIV-Viren, der EZB-Präsident und Karl-Theodor sahen die Irland-Krise und die Anti-NATO-Liga.'], 'latin', 100);
    expect(a.map((x) => x.label)).toEqual(['HIV', 'EZB', 'Karl', 'Irland', 'Anti', 'NATO']);
    // Each part where the text has it, keyed as the word alone is.
    const alone = readAnchors(["le VIH, l'EZB, Karl, Irlande, l'Anti et l'OTAN."], 'latin', 100);
    expect(a.map((x) => x.precise)).toEqual(alone.map((x) => x.precise));
    expect(a[1].offset).toBe('Die HIV-Viren, der '.length);
    expect(a[5].offset).toBe('Die HIV-Viren, der EZB-Präsident und Karl-Theodor sahen die Irland-Krise und die Anti-'.length);
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

describe('name keys', () => {
  // The keys as first written: string operations on the canonical reading.
  const CLASS: Record<string, number> = { b: 1, p: 1, f: 1, v: 1, k: 2, g: 2, s: 3, i: 0, d: 4, t: 4, l: 5, r: 5, m: 6, n: 6 };
  const coarseByString = (canon: string) => {
    const s = canon.replace(/m(?=[bp])/g, '');
    let key = 0;
    let n = 0;
    let last = -1;
    for (const ch of s) {
      const c = CLASS[ch];
      if (!c) {
        last = -1;
        continue;
      }
      if (c === last) continue;
      key = key * 7 + c;
      last = c;
      if (++n === 3) break;
    }
    return n >= 2 ? key + (n === 2 ? 400 : 0) : 0;
  };

  it('computes the phonetic skeleton as the string rules do (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'abdefgiklmnoprstuvé'.split('')), { maxLength: 200 }).map((a) => a.join('')), (w) => {
        expect(coarseName(w)).toBe(coarseByString(w));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the same keys from a page as from the canonical strings (property)', () => {
    const names = fc.array(fc.constantFrom(...'abcdhjkmpqstwxyzAKSZ'.split('')), { minLength: 1, maxLength: 90 }).map((a) => 'Q' + a.join(''));
    fc.assert(
      fc.property(names, (w) => {
        fc.pre(conceptOf(w, true) === null); // a country's name in some language is a concept, not a name
        const [anchor] = readAnchors([`le ${w} dit`], 'latin', 10);
        const canon = canonicalName(w);
        if (canon.length < 2) {
          expect(anchor).toBeUndefined();
          return;
        }
        expect(anchor.precise).toBe(isAcronym(w) ? hash24('^' + [...canon].sort().join('')) : hash24(canon.slice(0, 4)));
        expect(anchor.coarse).toBe(coarseByString(canon));
      }),
      { numRuns: 2000 },
    );
    for (const w of ['Richtářová', 'Рихтаржова', 'Ομπάμα', 'オバマ', 'Schröder']) {
      const script = w === 'オバマ' ? 'kana' : w === 'Ομπάμα' ? 'greek' : w === 'Рихтаржова' ? 'cyrillic' : 'latin';
      const [anchor] = readAnchors([`x ${w} y`], script, 10);
      expect(anchor.coarse, w).toBe(coarseByString(canonicalName(w)));
      expect(anchor.precise, w).toBe(hash24(canonicalName(w).slice(0, 4)));
    }
  });
});

describe('atSentenceStart', () => {
  const REFERENCE = /[.!?:;«»"“”„()\[\]\u3002\uff01\uff1f\u061f\u0964-]\s*$/;
  it('is a sentence end at most three units back, then only white space (property, against the expression)', () => {
    const alphabet = fc.constantFrom(...'ab .!?:;«»"“”„()[]-。！？؟।\u00a0\t\u2009\u3000'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 8 }).map((a) => a.join('')), (before) => {
        const p = before + 'Word';
        const index = before.length;
        expect(atSentenceStart(p, index)).toBe(index === 0 || REFERENCE.test(p.slice(Math.max(0, index - 3), index)));
      }),
      { numRuns: 4000 },
    );
  });
});
