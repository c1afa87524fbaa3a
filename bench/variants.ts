/**
 * Copy-like variants of a query set, made the way real copy sites make them. All are
 * deterministic: the random choices come from a seeded PRNG whose seed is derived from
 * (seed, set label, variant, article id), so an article's variant does not depend on the
 * order or on the other articles queried (except `noisy`, which draws its inserted
 * paragraphs from the set itself, in file order).
 *
 * - partial: only the first half of the body, by characters (a paywall): whole
 *   paragraphs, then the paragraph crossing the half cut at the sentence boundary closest
 *   to it; at least one sentence is kept. Title kept.
 * - noisy: title dropped; 2–4 unrelated paragraphs ("related links", ads), each taken
 *   from another article of the same set (a paragraph that is at most a third of its
 *   article), inserted at random positions (their ids are
 *   kept in `insertedFrom`: a donor may itself be a translation of a registered original,
 *   so a flag pointing at a donor is told apart by --diagnose).
 * - merged: adjacent paragraphs merged, in groups of 2 or 3 (one paragraph: no-op).
 * - split: every paragraph split at its sentence boundaries, one sentence per paragraph.
 *
 * Positives and negatives get the same treatment.
 */
import type { CorpusArticle, QuerySet } from './corpus';

export const VARIANTS = ['partial', 'noisy', 'merged', 'split'] as const;
export type VariantName = (typeof VARIANTS)[number];

/** Default seed of the variants (bench:accuracy --seed changes it). */
export const DEFAULT_SEED = 1;

/** 32-bit FNV-1a of a string (UTF-16 code units). */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer in [lo, hi] (both included). */
function randInt(rng: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

/** Sentence-final punctuation of many scripts (Latin, Devanagari, Arabic, Urdu, Ethiopic, Armenian, Myanmar, ...). */
const TERMINAL = '.!?…‼⁇⁈⁉।॥؟۔።፧։။᙮';
/** Full-width terminals, followed by no space in Chinese and Japanese. */
const TERMINAL_CJK = '。！？｡';
/** Closing quotes and brackets that may follow a terminal. */
const CLOSERS = '"\'”’»)\\]」』）›';
const BOUNDARY = new RegExp(
  `[${TERMINAL}]+[${CLOSERS}]*\\s+(?=[^\\p{Ll}\\s])|[${TERMINAL_CJK}]+[${CLOSERS}]*\\s*`,
  'gu',
);

/**
 * Splits a text into sentences at sentence punctuation of any script: after . ! ? … । ؟
 * etc. followed by a space and a character that is not a lower-case letter, and after
 * 。！？ with or without a space. The pieces keep their punctuation; joined with spaces
 * they give the text back (modulo whitespace).
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    const end = m.index + m[0].length;
    const piece = text.slice(start, end).trim();
    if (piece) out.push(piece);
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

function nonEmpty(paragraphs: string[]): string[] {
  return paragraphs.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** The first half of the body, by characters (see the file's comment). */
export function partial(a: CorpusArticle): CorpusArticle {
  const paras = nonEmpty(a.paragraphs);
  const total = paras.reduce((s, p) => s + p.length, 0);
  const target = total / 2;
  const kept: string[] = [];
  let acc = 0;
  for (const p of paras) {
    if (acc + p.length <= target) {
      kept.push(p);
      acc += p.length;
      continue;
    }
    // The paragraph crossing the half: cut at the sentence boundary closest to it.
    const sentences = splitSentences(p);
    let best = 0;
    let bestDist = Math.abs(target - acc);
    let len = 0;
    for (let k = 0; k < sentences.length; k++) {
      len += sentences[k].length + (k ? 1 : 0);
      const d = Math.abs(target - (acc + len));
      if (d < bestDist) [best, bestDist] = [k + 1, d];
    }
    if (best === 0 && kept.length === 0) best = 1;
    if (best > 0) kept.push(sentences.slice(0, best).join(' '));
    break;
  }
  return { ...a, paragraphs: kept };
}

/** A donor paragraph may make up at most this share of its article's text. */
export const MAX_DONOR_SHARE = 1 / 3;

/**
 * The paragraphs `noisy` may insert, with their article's id: paragraphs of other
 * articles that are at most MAX_DONOR_SHARE of their article's text, so that an inserted
 * paragraph is never the whole (or most) of another article: in some corpora a whole
 * article is one paragraph, and inserting it would insert a complete translated copy.
 */
export function donorParagraphs(
  pool: readonly CorpusArticle[],
  exceptId: string,
  notFrom: ReadonlySet<string> = new Set(),
): { id: string; text: string }[] {
  const out: { id: string; text: string }[] = [];
  for (const o of pool) {
    if (o.id === exceptId || notFrom.has(o.id)) continue;
    const paras = nonEmpty(o.paragraphs);
    const total = paras.reduce((s, p) => s + p.length, 0);
    for (const p of paras) if (p.length <= total * MAX_DONOR_SHARE) out.push({ id: o.id, text: p });
  }
  return out;
}

/**
 * Title dropped and 2–4 paragraphs of other articles of `pool` (same language set),
 * each from a different article, inserted at random positions (donorParagraphs). Donors
 * are never registered articles (`notFrom`): a paragraph of another registered article's
 * translation is not boilerplate but a partial copy of it, and would make the page's
 * expected answer ambiguous. With nothing to draw from, only the
 * title goes.
 */
export function noisy(
  a: CorpusArticle,
  pool: readonly CorpusArticle[],
  rng: () => number,
  notFrom: ReadonlySet<string> = new Set(),
): CorpusArticle {
  const paras = nonEmpty(a.paragraphs);
  const donors = donorParagraphs(pool, a.id, notFrom);
  const insertedFrom: string[] = [];
  if (donors.length) {
    const n = randInt(rng, 2, 4);
    // At most one paragraph from any one article: several paragraphs of the same other
    // article would make the page a partial copy of it, not boilerplate.
    for (let k = 0, tries = 0; k < n && tries < 50; tries++) {
      const d = donors[Math.floor(rng() * donors.length)];
      if (insertedFrom.includes(d.id)) continue;
      paras.splice(randInt(rng, 0, paras.length), 0, d.text);
      insertedFrom.push(d.id);
      k++;
    }
  }
  return { ...a, title: null, paragraphs: paras, insertedFrom };
}

/** Adjacent paragraphs merged in groups of 2 or 3. */
export function merged(a: CorpusArticle, rng: () => number): CorpusArticle {
  const paras = nonEmpty(a.paragraphs);
  const out: string[] = [];
  for (let i = 0; i < paras.length; ) {
    const size = randInt(rng, 2, 3);
    out.push(paras.slice(i, i + size).join(' '));
    i += size;
  }
  return { ...a, paragraphs: out };
}

/** Every paragraph split at its sentence boundaries. */
export function split(a: CorpusArticle): CorpusArticle {
  return { ...a, paragraphs: nonEmpty(a.paragraphs).flatMap(splitSentences) };
}

/** The PRNG of one article in one variant of one set. */
export function articleRng(seed: number, label: string, variant: string, id: string): () => number {
  return mulberry32(fnv1a(`${seed}|${label}|${variant}|${id}`));
}

/** One variant of a whole query set, labelled `<lang>~<variant>`. */
export function makeVariantSet(
  set: QuerySet,
  variant: VariantName,
  seed = DEFAULT_SEED,
  notFrom: ReadonlySet<string> = new Set(),
): QuerySet {
  const articles = set.articles.map((a) => {
    const rng = articleRng(seed, set.label, variant, a.id);
    switch (variant) {
      case 'partial':
        return partial(a);
      case 'noisy':
        return noisy(a, set.articles, rng, notFrom);
      case 'merged':
        return merged(a, rng);
      case 'split':
        return split(a);
    }
  });
  return {
    label: `${set.lang}~${variant}`,
    lang: set.lang,
    variant,
    sameLanguage: set.sameLanguage,
    source: 'generated',
    articles,
  };
}

/**
 * The --variants sets: every variant of every plain cross-language set read from the
 * corpus (a file labelled with a language only, not the original language's), variant by
 * variant. A label
 * that a corpus file already uses gets a `+gen` suffix.
 */
export function variantSets(
  sets: readonly QuerySet[],
  seed = DEFAULT_SEED,
  notFrom: ReadonlySet<string> = new Set(),
): QuerySet[] {
  const taken = new Set(sets.map((s) => s.label));
  const out: QuerySet[] = [];
  const sources = sets.filter((s) => s.source === 'file' && s.variant === null && !s.sameLanguage);
  for (const v of VARIANTS) {
    for (const s of sources) {
      const vs = makeVariantSet(s, v, seed, notFrom);
      if (taken.has(vs.label)) vs.label += '+gen';
      taken.add(vs.label);
      out.push(vs);
    }
  }
  return out;
}
