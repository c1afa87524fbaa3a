/**
 * Bag of anchors, Jaccard: the engine's signal (numbers and names) without its order,
 * alignment or structure, to show what those add. Anchors: numbers (digits of any script,
 * separators removed) and capitalised words of 3+ letters (Unicode upper-case initial),
 * keyed by their first 5 letters after any-ascii transliteration, lower-cased. Scripts
 * without case (Arabic, Han, ...) give numbers only. Score: Jaccard of the two sets of
 * distinct anchors, through an inverted index. Thresholds as for CL-CNG (calibrate.ts).
 */
import anyAscii from 'any-ascii';
import type { CorpusArticle } from '../corpus';
import { bestF1Threshold, decideKind, SAME_TEXT_THRESHOLD, type Scored } from './calibrate';
import { articleText } from './cl-cng';
import type { CalibrationSample, Method, Verdict } from './types';

const TOKEN = /\p{Nd}(?:[\p{Nd}.,\u00a0\u202f']*\p{Nd})?|\p{Lu}[\p{L}\p{M}]{2,}/gu;

/** The distinct anchor keys of a text. */
export function anchorBag(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    if (/^\p{Nd}/u.test(t)) {
      const digits = anyAscii(t).replace(/[^0-9]/g, '');
      if (digits) out.add(`#${digits}`);
    } else {
      const key = anyAscii(t).toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 5);
      if (key.length >= 3) out.add(key);
    }
  }
  return out;
}

export class AnchorBagJaccard implements Method {
  readonly name = 'anchor-bag';
  private readonly postings = new Map<string, number[]>();
  private readonly sizes: number[] = [];
  private readonly ids: string[] = [];
  private readonly langs: (string | null)[] = [];
  threshold = SAME_TEXT_THRESHOLD;
  private calibration = 'not calibrated';

  register(original: CorpusArticle): void {
    const doc = this.ids.push(original.id) - 1;
    this.langs.push(original.lang);
    const bag = anchorBag(articleText(original));
    this.sizes.push(bag.size);
    for (const k of bag) {
      const list = this.postings.get(k);
      if (list) list.push(doc);
      else this.postings.set(k, [doc]);
    }
  }

  best(article: CorpusArticle): Scored & { doc: number } {
    const bag = anchorBag(articleText(article));
    const inter = new Int32Array(this.ids.length);
    for (const k of bag) for (const d of this.postings.get(k) ?? []) inter[d]++;
    let doc = -1;
    let score = 0;
    for (let d = 0; d < inter.length; d++) {
      if (!inter[d]) continue;
      const j = inter[d] / (bag.size + this.sizes[d] - inter[d]);
      if (j > score) [doc, score] = [d, j];
    }
    return { id: doc >= 0 ? this.ids[doc] : null, score, doc };
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
      `${this.name}: numbers + capitalised names (any-ascii, 5-letter keys), Jaccard; ` +
      `cross-language threshold ${this.threshold.toFixed(4)} (max F1 on the calibration split: ${this.calibration}), ` +
      `same language ≥ ${SAME_TEXT_THRESHOLD}`
    );
  }
}
