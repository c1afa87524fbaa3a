/**
 * Distinct originals at scale, synthesised from real news text: the dev corpus holds a
 * few hundred articles, the speed benchmark needs up to 100,000 originals whose
 * fingerprints are as varied as real ones.
 *
 * How one synthetic article is made (deterministic from its number):
 * 1. take three different real articles of one language of the corpus as donors, and the
 *    length (in paragraphs) of a fourth, cut to a random 60–100 %;
 * 2. fill the paragraphs from the donors in turn, each donor giving the paragraph at the
 *    same relative place in its own article (a lead where a lead is, a closing paragraph
 *    at the end), so no real article gives more than a third of the paragraphs, and
 *    never two in a row: a synthetic article is no copy of any real one, which would be
 *    a true match for the queries of the accuracy check, not a false flag;
 * 3. replace every capitalised word by a name drawn from the pool of capitalised words
 *    of all articles of that script, in proportion to how often they occur (so common
 *    names stay common and rare ones rare), consistently within the article; replace
 *    every number by a random number of as many digits.
 * Step 3 is what makes it a different article for the engine: names and numbers are
 * all it reads. The prose around them stays real, so the text's shape is real.
 */
import type { CorpusArticle } from '../corpus';

/** mulberry32: a small, fast, seedable generator (deterministic runs). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SynthArticle {
  title: string;
  lang: string;
  paragraphs: string[];
  /** The real article its title and first paragraph come from (for reports only). */
  baseId: string;
}

/** Real articles mixed into each synthetic one. */
const DONORS = 3;

const NAME = /\p{Lu}[\p{L}\p{M}]+/gu;
const NUMBER = /\d+/g;
const CYRILLIC = /[\u0400-\u052f]/;

function scriptKey(text: string): 'cyrillic' | 'latin' {
  return CYRILLIC.test(text) ? 'cyrillic' : 'latin';
}

export class Synthesiser {
  private readonly byLang = new Map<string, CorpusArticle[]>();
  private readonly langs: string[] = [];
  /** Capitalised words by script, with repetition (drawing one is frequency-weighted). */
  private readonly names = new Map<string, string[]>();

  constructor(articles: readonly CorpusArticle[]) {
    for (const a of articles) {
      if (!a.lang || a.paragraphs.length === 0) continue;
      const list = this.byLang.get(a.lang) ?? [];
      list.push(a);
      this.byLang.set(a.lang, list);
      for (const p of a.paragraphs) {
        const pool = this.names.get(scriptKey(p)) ?? [];
        for (const m of p.matchAll(NAME)) pool.push(m[0]);
        this.names.set(scriptKey(p), pool);
      }
    }
    this.langs = [...this.byLang.keys()].sort();
    if (this.langs.length === 0) throw new Error('no articles to synthesise from');
  }

  /** The i-th synthetic article (the same i always gives the same article). */
  article(i: number): SynthArticle {
    const r = rng(0x9e3779b9 ^ Math.imul(i + 1, 0x85ebca6b));
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
    const lang = this.langs[i % this.langs.length];
    const pool = this.byLang.get(lang)!;
    const donors: CorpusArticle[] = [];
    for (let tries = 0; donors.length < DONORS && tries < 50; tries++) {
      const d = pick(pool);
      if (!donors.includes(d) || pool.length < DONORS) donors.push(d);
    }
    const shape = pick(pool);
    const length = Math.max(1, Math.round(shape.paragraphs.length * (0.6 + 0.4 * r())));
    const paragraphs = Array.from({ length }, (_, j) => {
      const d = donors[j % donors.length];
      return d.paragraphs[Math.min(d.paragraphs.length - 1, Math.floor((j / length) * d.paragraphs.length))];
    });
    const base = donors[0];

    const names = this.names.get(scriptKey(paragraphs.join(' '))) ?? this.names.get('latin') ?? [];
    const renamed = new Map<string, string>();
    const renumbered = new Map<string, string>();
    const rename = (w: string) => {
      let x = renamed.get(w);
      if (x === undefined) renamed.set(w, (x = names.length ? pick(names) : w));
      return x;
    };
    const renumber = (n: string) => {
      let x = renumbered.get(n);
      if (x === undefined) {
        x = String(1 + Math.floor(r() * 9));
        while (x.length < n.length) x += String(Math.floor(r() * 10));
        renumbered.set(n, x);
      }
      return x;
    };
    const rewrite = (t: string) => t.replace(NAME, rename).replace(NUMBER, renumber);
    return {
      title: rewrite(base.title ?? paragraphs[0].slice(0, 80)),
      lang,
      paragraphs: paragraphs.map(rewrite),
      baseId: base.id,
    };
  }
}
