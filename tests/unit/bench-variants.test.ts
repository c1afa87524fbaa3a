import { describe, expect, it } from 'vitest';
import type { CorpusArticle, QuerySet } from '../../bench/corpus';
import {
  articleRng, makeVariantSet, merged, mulberry32, noisy, partial, split, splitSentences, variantSets, VARIANTS,
} from '../../bench/variants';

const art = (id: string, paragraphs: string[], title: string | null = `Title ${id}`): CorpusArticle => ({
  id, lang: 'de', title, paragraphs, origlang: null,
});

const body = (a: CorpusArticle) => a.paragraphs.join(' ').replace(/\s+/g, ' ').trim();

const A = art('a', [
  'Erster Satz hier. Zweiter Satz folgt! Dritter Satz?',
  'Ein ganz anderer Absatz mit 2010 und Berlin.',
  'Noch ein Absatz. Mit zwei Sätzen.',
  'Der letzte Absatz des Artikels, recht lang, über Paris und 42 Menschen.',
]);
const B = art('b', ['Fremder Text eins.', 'Fremder Text zwei über Rom.', 'Und noch ein dritter fremder Absatz.']);
const C = art('c', ['Dritter Artikel, einziger Absatz.']);
const D = art('d', ['Vierter Artikel, erster Absatz.', 'Vierter Artikel, zweiter Absatz.', 'Vierter Artikel, dritter Absatz.']);
const E = art('e', ['Fünfter Artikel, eins.', 'Fünfter Artikel, zwei.', 'Fünfter Artikel, drei.', 'Fünfter Artikel, vier.']);
const F = art('f', ['Sechster Artikel, eins.', 'Sechster Artikel, zwei.', 'Sechster Artikel, drei.']);
const set: QuerySet = { label: 'de', lang: 'de', variant: null, sameLanguage: false, source: 'file', articles: [A, B, C, D, E, F] };
const donorsOk = (p: string) => [B, D, E, F].some((x) => x.paragraphs.includes(p));

describe('splitSentences', () => {
  it('splits at sentence punctuation of several scripts', () => {
    expect(splitSentences('One. Two! Three? Four')).toEqual(['One.', 'Two!', 'Three?', 'Four']);
    expect(splitSentences('他来了。她走了！为什么？好')).toEqual(['他来了。', '她走了！', '为什么？', '好']);
    expect(splitSentences('राम घर गया। सीता आई।')).toEqual(['राम घर गया।', 'सीता आई।']);
    expect(splitSentences('هل أتى؟ نعم أتى.')).toEqual(['هل أتى؟', 'نعم أتى.']);
    expect(splitSentences('Он сказал: «Да.» Потом ушёл.')).toEqual(['Он сказал: «Да.»', 'Потом ушёл.']);
  });
  it('does not split inside numbers or before lower case', () => {
    expect(splitSentences('It rose 3.5 percent, e.g. in the U.S. market.')).toHaveLength(1);
  });
  it('keeps the text', () => {
    const t = 'A b c. D e f! G h i? J';
    expect(splitSentences(t).join(' ')).toBe(t);
  });
});

describe('mulberry32', () => {
  it('is deterministic and in [0, 1)', () => {
    const a = mulberry32(7), b = mulberry32(7);
    const xs = Array.from({ length: 100 }, () => a());
    expect(xs).toEqual(Array.from({ length: 100 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(8)()).not.toBe(mulberry32(7)());
  });
});

describe('variants', () => {
  it('partial keeps about the first half, by characters, from the start', () => {
    const p = partial(A);
    const full = body(A), half = body(p);
    expect(full.startsWith(half)).toBe(true);
    expect(half.length).toBeGreaterThan(full.length * 0.3);
    expect(half.length).toBeLessThan(full.length * 0.7);
    expect(p.title).toBe(A.title);
  });
  it('partial of a one-paragraph article cuts at a sentence and keeps at least one', () => {
    const one = art('x', ['Alpha beta gamma. Delta epsilon zeta. Eta theta iota. Kappa lambda mu.']);
    expect(partial(one).paragraphs).toEqual(['Alpha beta gamma. Delta epsilon zeta.']);
    expect(partial(art('y', ['Only one sentence here'])).paragraphs).toEqual(['Only one sentence here']);
  });
  it('noisy drops the title and inserts 2–4 paragraphs of other articles', () => {
    for (let seed = 0; seed < 20; seed++) {
      const n = noisy(A, set.articles, mulberry32(seed));
      expect(n.title).toBeNull();
      const added = n.paragraphs.length - A.paragraphs.length;
      expect(added).toBeGreaterThanOrEqual(2);
      expect(added).toBeLessThanOrEqual(4);
      // The article's own paragraphs stay, in order.
      expect(n.paragraphs.filter((p) => A.paragraphs.includes(p))).toEqual(A.paragraphs);
      const foreign = n.paragraphs.filter((p) => !A.paragraphs.includes(p));
      // From other articles only, never a paragraph that is most of its article (C's only
      // one), and at most one paragraph from any one article.
      expect(foreign.every(donorsOk)).toBe(true);
      expect(new Set(n.insertedFrom).size).toBe(n.insertedFrom!.length);
    }
  });
  it('noisy never draws from the articles it is told to avoid (registered ones)', () => {
    for (let seed = 0; seed < 20; seed++) {
      const n = noisy(A, set.articles, mulberry32(seed), new Set(['b', 'd']));
      expect(n.insertedFrom!.every((id) => id === 'e' || id === 'f')).toBe(true);
    }
  });
  it('noisy records its donors', () => {
    const n = noisy(A, set.articles, mulberry32(2));
    expect(n.insertedFrom!.length).toBe(n.paragraphs.length - A.paragraphs.length);
    expect(n.insertedFrom!.every((id) => ['b', 'd', 'e', 'f'].includes(id))).toBe(true);
  });
  it('noisy with no other article only drops the title', () => {
    expect(noisy(A, [A], mulberry32(1))).toEqual({ ...A, title: null, insertedFrom: [] });
    expect(noisy(A, [A, C], mulberry32(1))).toEqual({ ...A, title: null, insertedFrom: [] });
  });
  it('merged joins adjacent paragraphs, text unchanged', () => {
    const m = merged(A, mulberry32(3));
    expect(m.paragraphs.length).toBeLessThan(A.paragraphs.length);
    expect(m.paragraphs.length).toBeGreaterThanOrEqual(Math.ceil(A.paragraphs.length / 3));
    expect(body(m)).toBe(body(A));
    expect(merged(C, mulberry32(3)).paragraphs).toEqual(C.paragraphs);
  });
  it('split splits at sentences, text unchanged, also with one paragraph', () => {
    const s = split(A);
    expect(s.paragraphs.length).toBe(3 + 1 + 2 + 1);
    expect(body(s)).toBe(body(A));
    expect(split(art('z', ['Eins. Zwei. Drei.'])).paragraphs).toEqual(['Eins.', 'Zwei.', 'Drei.']);
  });
  it('variant sets are deterministic, per article, and labelled <lang>~<variant>', () => {
    for (const v of VARIANTS) {
      const x = makeVariantSet(set, v, 5), y = makeVariantSet(set, v, 5);
      expect(x).toEqual(y);
      expect(x.label).toBe(`de~${v}`);
      expect(x.source).toBe('generated');
      expect(x.articles.map((a) => a.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    }
    expect(makeVariantSet(set, 'noisy', 5)).not.toEqual(makeVariantSet(set, 'noisy', 6));
    expect(articleRng(1, 'de', 'noisy', 'a')()).toBe(articleRng(1, 'de', 'noisy', 'a')());
  });
  it('variantSets: only plain cross-language file sets, no label clash', () => {
    const fr: QuerySet = { ...set, label: 'fr', lang: 'fr', sameLanguage: true };
    const itPartial: QuerySet = { ...set, label: 'de~partial', variant: 'partial' };
    const out = variantSets([set, fr, itPartial]);
    expect(out.map((s) => s.label)).toEqual(['de~partial+gen', 'de~noisy', 'de~merged', 'de~split']);
  });
});
