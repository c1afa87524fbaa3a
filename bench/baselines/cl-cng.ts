/**
 * CL-CNG: character n-gram cosine (McNamee & Mayfield 2004; Potthast et al. 2011, who
 * found CL-C3G the best simple choice between related languages and useless across
 * scripts). To be fair across scripts, the text is first transliterated to Latin with
 * any-ascii (which also strips accents), then lower-cased; every run of characters other
 * than letters and digits becomes one space, and the n-grams are taken over the whole
 * text (title and body), spanning word boundaries; weights tf·idf (or raw tf, see
 * Weighting). Score: cosine between the page's vector and each original's; the best
 * original wins. Sparse vectors: an inverted index from n-gram to (original, weight).
 */
import anyAscii from 'any-ascii';
import type { CorpusArticle } from '../corpus';
import { bestF1Threshold, decideKind, SAME_TEXT_THRESHOLD, type Scored } from './calibrate';
import type { CalibrationSample, Method, Verdict } from './types';

/** Transliterated, lower-cased text reduced to letters, digits and single spaces. */
export function latinLetters(text: string): string {
  return anyAscii(text).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

export function articleText(a: CorpusArticle): string {
  return [a.title ?? '', ...a.paragraphs].join('\n');
}

/** Term frequencies of the character n-grams of a text (after latinLetters). */
export function charNgrams(text: string, n: number): Map<string, number> {
  const s = ` ${latinLetters(text)} `;
  const tf = new Map<string, number>();
  for (let i = 0; i + n <= s.length; i++) {
    const g = s.slice(i, i + n);
    tf.set(g, (tf.get(g) ?? 0) + 1);
  }
  return tf;
}

/**
 * Term weighting. 'tfidf' (the default CL-CNG here): raw tf × smoothed idf, idf =
 * ln((1 + N) / (1 + df)) + 1 over the N registered originals (what a deployed system
 * has; an n-gram no original contains gets df = 0), as in tf/idf document alignment
 * (Buck & Koehn 2016). 'tf': raw term frequencies, the plainest form.
 */
export type Weighting = 'tfidf' | 'tf';

export class CharNgramCosine implements Method {
  readonly name: string;
  private readonly tfs: Map<string, number>[] = [];
  private readonly ids: string[] = [];
  private readonly langs: (string | null)[] = [];
  // Built on first use, once every original is registered (idf needs them all).
  private vocab: Map<string, number> | null = null;
  private df: number[] = [];
  private postDocs: number[][] = [];
  private postWeights: number[][] = [];
  /** Cross-language threshold; until calibrated, the same-text one. */
  threshold = SAME_TEXT_THRESHOLD;
  private calibration = 'not calibrated';

  constructor(
    readonly n: number,
    readonly weighting: Weighting = 'tfidf',
  ) {
    this.name = `cl-c${n}g${weighting === 'tf' ? '-tf' : ''}`;
  }

  register(original: CorpusArticle): void {
    this.ids.push(original.id);
    this.langs.push(original.lang);
    this.tfs.push(charNgrams(articleText(original), this.n));
    this.vocab = null;
  }

  private idf(df: number): number {
    return this.weighting === 'tf' ? 1 : Math.log((1 + this.ids.length) / (1 + df)) + 1;
  }

  private build(): Map<string, number> {
    const vocab = new Map<string, number>();
    this.df = [];
    for (const tf of this.tfs) {
      for (const g of tf.keys()) {
        let k = vocab.get(g);
        if (k === undefined) {
          k = this.df.push(0) - 1;
          vocab.set(g, k);
        }
        this.df[k]++;
      }
    }
    this.postDocs = this.df.map(() => []);
    this.postWeights = this.df.map(() => []);
    this.tfs.forEach((tf, doc) => {
      let z = 0;
      for (const [g, v] of tf) z += (v * this.idf(this.df[vocab.get(g)!])) ** 2;
      z = Math.sqrt(z) || 1;
      for (const [g, v] of tf) {
        const k = vocab.get(g)!;
        this.postDocs[k].push(doc);
        this.postWeights[k].push((v * this.idf(this.df[k])) / z);
      }
    });
    this.vocab = vocab;
    return vocab;
  }

  /** The best original for a page and its cosine. */
  best(article: CorpusArticle): Scored & { doc: number } {
    const vocab = this.vocab ?? this.build();
    const tf = charNgrams(articleText(article), this.n);
    const scores = new Float64Array(this.ids.length);
    let z = 0;
    for (const [g, v] of tf) {
      const k = vocab.get(g);
      const w = v * this.idf(k === undefined ? 0 : this.df[k]);
      z += w * w;
      if (k === undefined) continue;
      const docs = this.postDocs[k];
      const ws = this.postWeights[k];
      for (let i = 0; i < docs.length; i++) scores[docs[i]] += w * ws[i];
    }
    z = Math.sqrt(z) || 1;
    let doc = -1;
    let score = 0;
    for (let d = 0; d < scores.length; d++) if (scores[d] > score) [doc, score] = [d, scores[d]];
    return { id: doc >= 0 ? this.ids[doc] : null, score: score / z, doc };
  }

  query(article: CorpusArticle): Verdict {
    const b = this.best(article);
    if (b.doc < 0) return { kind: 'none', score: 0 };
    return { kind: decideKind(article, this.langs[b.doc], b.score, this.threshold), id: b.id!, score: b.score };
  }

  calibrate(samples: readonly CalibrationSample[]): void {
    const r = bestF1Threshold(samples.map((s) => ({ best: this.best(s.article), expectedId: s.expectedId })));
    if (Number.isFinite(r.threshold)) this.threshold = r.threshold;
    this.calibration = `F1 ${r.f1.toFixed(3)} on ${samples.length} calibration pages`;
  }

  describe(): string {
    return (
      `${this.name}: any-ascii + lower case + [a-z0-9], ${this.n}-gram ${this.weighting === 'tf' ? 'tf' : 'tf·idf'} cosine; ` +
      `cross-language threshold ${this.threshold.toFixed(4)} (max F1 on the calibration split: ${this.calibration}), ` +
      `same language ≥ ${SAME_TEXT_THRESHOLD}`
    );
  }
}
