/**
 * Article → fingerprint. Linear in the text's length and capped: a 10 MB page costs
 * no more than its first MAX_BODY_CHARS characters.
 */
import { readAnchors, type Anchor } from './anchors';
import { byteToLength, byteToPos, lengthToByte, posToByte } from './codec';
import { simhash } from './hash';
import { dominantScript, normaliseText } from './normalise';
import type { Article, Fingerprint, PageFingerprint } from './types';

/** Characters of body read at most (about 25,000 words of Latin text). */
export const MAX_BODY_CHARS = 150_000;
/** Paragraphs read at most. */
export const MAX_PARAGRAPHS = 2_000;
/** Anchors read from a page at most. */
export const MAX_PAGE_ANCHORS = 1_500;
/** Anchors kept in a stored fingerprint: bounds it to well under 1 KB once encoded. */
export const MAX_STORED_ANCHORS = 100;
/** Paragraph lengths kept in a stored fingerprint. */
export const MAX_STORED_PARAGRAPHS = 64;

/** Sentence lengths kept in a stored fingerprint. */
export const MAX_STORED_SENTENCES = 64;

// A sentence ends at . ! ? (or their Devanagari, Arabic forms), maybe followed by closing
// quotes or brackets, before white space (group 1); or at a CJK full stop even without one.
// Read with exec, never split: only the lengths are needed, not the sentences, and a
// global search without lookbehind is the fastest scan V8 offers here. The cut is that of
//   /(?<=[.!?\u0964\u061f][\u0022\u0027\u00bb\u201d\u2019)\]]*)\s+|(?<=[\u3002\uff01\uff1f])/u
// as a split, empty pieces left out (tests/unit/engine/sentences.test.ts checks it).
const SENTENCE_END = /[.!?\u0964\u061f][\u0022\u0027\u00bb\u201d\u2019)\]]*(\s+)|[\u3002\uff01\uff1f]/g;

/** Pushes the lengths of the sentences of paragraph `p` (number `para`) onto `out`. */
function pushSentences(p: string, para: number, out: number[], paraOf?: number[]): void {
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(p); m; m = SENTENCE_END.exec(p)) {
    const after = SENTENCE_END.lastIndex;
    const end = m[1] === undefined ? after : after - m[1].length;
    if (end > start) {
      out.push(end - start);
      paraOf?.push(para);
    }
    start = after;
  }
  if (p.length > start) {
    out.push(p.length - start);
    paraOf?.push(para);
  }
}

/**
 * Lengths of the sentences, paragraph by paragraph: the finer Gale–Church signal. With
 * `paraOf`, the paragraph of each sentence is pushed onto it.
 */
export function sentenceLengths(paragraphs: string[], paraOf?: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    pushSentences(paragraphs[i], i, out, paraOf);
    if (out.length > 4 * MAX_STORED_SENTENCES) break;
  }
  return out;
}

/** Primary language subtag, lower case ("fr-CA" → "fr"), or null. */
export function primaryLang(lang: string | null | undefined): string | null {
  const m = /^\s*([a-zA-Z]{2,3})(?:[-_]|$)/.exec(lang ?? '');
  return m ? m[1].toLowerCase() : null;
}

function bodyParagraphs(article: Article): string[] {
  const out: string[] = [];
  let total = 0;
  for (const raw of article.paragraphs) {
    if (out.length >= MAX_PARAGRAPHS || total >= MAX_BODY_CHARS) break;
    const p = normaliseText(String(raw ?? ''));
    if (!p) continue;
    const kept = p.length > MAX_BODY_CHARS - total ? p.slice(0, MAX_BODY_CHARS - total) : p;
    out.push(kept);
    total += kept.length;
  }
  return out;
}

/** Fingerprints an article as a page: every anchor, with the text it was read from. */
export function fingerprintArticle(article: Article): PageFingerprint {
  const paragraphs = bodyParagraphs(article);
  // The body is the paragraphs joined by one space: never built, only measured.
  let chars = Math.max(0, paragraphs.length - 1);
  for (const p of paragraphs) chars += p.length;
  const script = dominantScript(paragraphs);
  const words: number[] = [];
  const anchors = readAnchors(paragraphs, script, MAX_PAGE_ANCHORS, words);
  const n = anchors.length;
  const keys = new Array<number>(n);
  const coarse = new Array<number>(n);
  const kinds = new Array<Anchor['kind']>(n);
  const pos = new Array<number>(n);
  const para = new Array<number>(n);
  const labels = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const a = anchors[i];
    keys[i] = a.precise;
    coarse[i] = a.coarse;
    kinds[i] = a.kind;
    pos[i] = chars ? Math.min(1000, Math.round((a.offset / chars) * 1000)) : 0;
    para[i] = a.para;
    labels[i] = a.label.length > 60 ? a.label.slice(0, 60) : a.label;
  }
  const sentPara: number[] = [];
  return {
    v: 1,
    lang: primaryLang(article.lang),
    script,
    chars,
    paraLens: paragraphs.map((p) => p.length),
    sentLens: sentenceLengths(paragraphs, sentPara),
    keys,
    coarse,
    kinds,
    pos,
    para,
    simhash: simhash(words),
    labels,
    sentPara,
    title: article.title ? normaliseText(article.title).slice(0, 300) : null,
  };
}

/**
 * The stored form of a fingerprint: no labels, no title, at most MAX_STORED_ANCHORS
 * anchors chosen evenly through the text (so a long article is covered end to end) and
 * the first MAX_STORED_PARAGRAPHS paragraph lengths.
 */
export function toStored(fp: Fingerprint): Fingerprint {
  const n = fp.keys.length;
  const pick: number[] = [];
  if (n <= MAX_STORED_ANCHORS) for (let i = 0; i < n; i++) pick.push(i);
  else for (let k = 0; k < MAX_STORED_ANCHORS; k++) pick.push(Math.floor((k * n) / MAX_STORED_ANCHORS));
  // Rounded exactly as the binary form keeps them (codec.ts), so a fingerprint matches
  // the same whether it was just computed or read back from the database.
  const paraLens = fp.paraLens.slice(0, MAX_STORED_PARAGRAPHS).map((l) => byteToLength(lengthToByte(l)));
  const pos = pick.map((i) => byteToPos(posToByte(fp.pos[i])));
  return {
    v: 1,
    lang: fp.lang && /^[a-z]{2,3}$/.test(fp.lang) ? fp.lang : null,
    script: fp.script,
    chars: fp.chars,
    paraLens,
    sentLens: fp.sentLens.slice(0, MAX_STORED_SENTENCES).map((l) => byteToLength(lengthToByte(l))),
    keys: pick.map((i) => fp.keys[i]),
    coarse: pick.map((i) => fp.coarse[i]),
    kinds: pick.map((i) => fp.kinds[i]),
    pos,
    para: pick.map((i) => Math.min(255, fp.para[i])),
    simhash: fp.simhash,
  };
}
