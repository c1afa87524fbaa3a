/**
 * Page × original → Match (a calibrated score with its evidence), and page × candidates
 * → the verdict. One score, one threshold, for every language.
 */
import { align, keyView, sameScript, type Chain } from './align';
import { COARSE_BASE } from './keys';
import { popcount32 } from './hash';
import { scoreFeatures, scoreUpperBound, type Features } from './score';
import { structureCost } from './structure';
import type {
  Candidate, EngineVerdict, Evidence, Fingerprint, Match, PageFingerprint, ParagraphLink, SharedAnchor,
} from './types';

/** The one threshold: a page whose best score reaches it is flagged. */
export const THRESHOLD = 0.5;
/** SimHash bits apart at most for two texts to count as the same text. */
const SAME_TEXT_BITS = 6;

function distinctIn(keys: Int32Array, from: number, to: number): number {
  const s = new Set<number>();
  for (let i = from; i <= to; i++) if (keys[i] >= 0) s.add(keys[i]);
  return s.size;
}

/** Pearson correlation, or null with fewer than 3 pairs. */
function correlation(xs: number[], ys: number[]): number | null {
  const n = xs.length;
  if (n < 3) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

/**
 * Characters of page per character of original, measured over the aligned span (so a
 * partial copy or inserted boilerplate does not distort it); the whole texts' ratio when
 * the span is too short to tell.
 */
function spanRatio(orig: Fingerprint, page: Fingerprint, chain: Chain): number {
  const k = chain.orig.length;
  const whole = orig.chars > 0 ? page.chars / orig.chars : 1;
  if (k < 2) return whole;
  const pageSpan = page.pos[chain.page[k - 1]] - page.pos[chain.page[0]];
  const origSpan = orig.pos[chain.orig[k - 1]] - orig.pos[chain.orig[0]];
  return pageSpan > 100 && origSpan > 100 ? (pageSpan * page.chars) / (origSpan * orig.chars) : whole;
}

/** For each anchor of `a`, how many anchors before it have a key that `b` also has. */
function sharedRanks(a: Int32Array, inB: Set<number>): Int32Array {
  const ranks = new Int32Array(a.length);
  let r = 0;
  for (let i = 0; i < a.length; i++) {
    ranks[i] = r;
    if (a[i] >= 0 && inB.has(a[i])) r++;
  }
  return ranks;
}

/**
 * Phonetic skeletons are few (a few hundred in practice): between texts of different
 * scripts, some are shared by chance, the more so the more words a text offers (every
 * word is a candidate in a script without capitals). The expected number of such
 * coincidences, for the score to discount.
 */
const SKELETONS = 300;
function chanceMatches(a: Set<number>, b: Set<number>): number {
  let na = 0;
  let nb = 0;
  for (const k of a) if (k >= COARSE_BASE) na++;
  for (const k of b) if (k >= COARSE_BASE) nb++;
  return (na * nb) / SKELETONS;
}

/**
 * Candidates whose score cannot reach this, whatever their structure, are not aligned
 * by structure (its dynamic programming is most of a comparison's cost): well below the
 * lowest threshold the reader's sensitivity setting can choose.
 */
export const STRUCTURE_FLOOR = 0.2;

/**
 * The chain's features: how many distinct anchors, how densely, how locally in order.
 * With `structureFloor`, the structure is measured only if the score could reach it.
 */
export function chainFeatures(orig: Fingerprint, page: Fingerprint, chain: Chain, structureFloor = 0): Features {
  const k = chain.orig.length;
  const phonetic = !sameScript(orig, page);
  if (k === 0) return { distinct: 0, chance: 0, covOrig: 0, covPage: 0, local: 0, spanOrig: 0, spanPage: 0, order: 0, structure: null, sentences: null };
  const o = keyView(orig, phonetic);
  const p = keyView(page, phonetic);
  const distinct = new Set(chain.orig.map((i) => o.keys[i])).size;
  const covOrig = distinct / Math.max(1, distinctIn(o.keys, chain.orig[0], chain.orig[k - 1]));
  const covPage = distinct / Math.max(1, distinctIn(p.keys, chain.page[0], chain.page[k - 1]));
  // Locality is counted over the anchors the other text could match at all, so words
  // one language capitalises and the other does not (German nouns) do not break it.
  const origShared = sharedRanks(o.keys, p.set);
  const pageShared = sharedRanks(p.keys, o.set);
  // Spans are measured over local steps only, so one stray match at either end (a
  // common name) does not stretch a quoted paragraph into a whole-article copy.
  let local = 0;
  let spanOrig = 0;
  let spanPage = 0;
  for (let t = 0; t + 1 < k; t++) {
    const dOrig = origShared[chain.orig[t + 1]] - origShared[chain.orig[t]];
    const dPage = pageShared[chain.page[t + 1]] - pageShared[chain.page[t]];
    if (dOrig <= 2 && dPage <= 2) {
      local++;
      spanOrig += orig.pos[chain.orig[t + 1]] - orig.pos[chain.orig[t]];
      spanPage += page.pos[chain.page[t + 1]] - page.pos[chain.page[t]];
    }
  }
  spanOrig /= 1000;
  spanPage /= 1000;
  // Of the distinct keys both texts have, how many the chain puts in the same order.
  let shared = 0;
  for (const key of o.set) if (key >= 0 && p.set.has(key)) shared++;
  const anchors: Features = {
    distinct,
    chance: phonetic ? chanceMatches(o.set, p.set) : 0,
    covOrig,
    covPage,
    local: k > 1 ? local / (k - 1) : 0,
    spanOrig,
    spanPage,
    order: distinct / Math.max(1, shared),
    structure: null,
    sentences: null,
  };
  if (structureFloor > 0 && scoreUpperBound(anchors) < structureFloor) return anchors;
  const ratio = spanRatio(orig, page, chain);
  const whole = orig.chars > 0 ? page.chars / orig.chars : 1;
  // Paragraphs that look inserted by a copy site (related links, ads) are cheap to skip,
  // and the length ratio is also tried without their text.
  const foreign = foreignParagraphs(page, chain);
  if (!foreign.size) {
    return {
      ...anchors,
      structure: structureCost(orig.paraLens, page.paraLens, ratio, whole),
      sentences: structureCost(orig.sentLens, page.sentLens, ratio, whole),
    };
  }
  const insertedParas = page.paraLens.map((_, i) => foreign.has(i));
  const total = page.paraLens.reduce((x, y) => x + y, 0);
  const kept = page.paraLens.reduce((x, y, i) => (foreign.has(i) ? x : x + y), 0) / Math.max(1, total);
  const extra = [ratio * kept, whole * kept];
  const sentPara = (page as PageFingerprint).sentPara;
  const insertedSents = sentPara?.length === page.sentLens.length ? sentPara.map((p) => foreign.has(p)) : undefined;
  const structure = structureCost(orig.paraLens, page.paraLens, ratio, whole, insertedParas, extra);
  const sentences = structureCost(orig.sentLens, page.sentLens, ratio, whole, insertedSents, extra);
  return { ...anchors, structure, sentences };
}

/**
 * Page paragraphs that look inserted into a copy: with names or numbers of their own
 * (two at least), none of them aligned with the original. A translated paragraph shares
 * its names and numbers with its original; a "related links" block or an ad does not.
 */
function foreignParagraphs(page: Fingerprint, chain: Chain): Set<number> {
  const anchors = new Map<number, number>();
  for (const p of page.para) anchors.set(p, (anchors.get(p) ?? 0) + 1);
  const aligned = new Set(chain.page.map((j) => page.para[j]));
  const out = new Set<number>();
  for (const [p, n] of anchors) if (n >= 2 && !aligned.has(p)) out.add(p);
  return out;
}

function evidenceOf(orig: Fingerprint, page: PageFingerprint, chain: Chain, f: Features): Evidence {
  const shared: SharedAnchor[] = chain.page.map((j, t) => ({
    label: page.labels[j] ?? '',
    kind: page.kinds[j],
    pagePara: page.para[j],
    originalPara: orig.para[chain.orig[t]],
  }));
  const byPair = new Map<string, ParagraphLink>();
  for (const s of shared) {
    const id = `${s.pagePara}:${s.originalPara}`;
    const link = byPair.get(id);
    if (link) link.anchors++;
    else byPair.set(id, { pagePara: s.pagePara, originalPara: s.originalPara, anchors: 1 });
  }
  const links = [...byPair.values()];
  const lenPairs = links.filter((l) => l.pagePara < page.paraLens.length && l.originalPara < orig.paraLens.length);
  const lengthCorrelation = correlation(
    lenPairs.map((l) => page.paraLens[l.pagePara]),
    lenPairs.map((l) => orig.paraLens[l.originalPara]),
  );
  const k = chain.orig.length;
  const pageSpan = k ? ((page.pos[chain.page[k - 1]] - page.pos[chain.page[0]]) / 1000) * page.chars : 0;
  const origSpan = k ? ((orig.pos[chain.orig[k - 1]] - orig.pos[chain.orig[0]]) / 1000) * orig.chars : 0;
  return {
    shared,
    links,
    coverage: Math.min(1, f.spanOrig),
    containment: f.covPage,
    lengthCorrelation,
    lengthRatio: origSpan > 0 ? pageSpan / origSpan : null,
  };
}

/** Compares a page with one original. */
export function compare(page: PageFingerprint, candidate: Candidate): Match {
  const orig = candidate.fingerprint;
  const chain = align(orig, page, () => 1);
  const f = chainFeatures(orig, page, chain, STRUCTURE_FLOOR);
  return { id: candidate.id, score: scoreFeatures(f), evidence: evidenceOf(orig, page, chain, f) };
}

/** Whether the page is the same text as the original, rather than a translation of it. */
export function isSameText(page: Fingerprint, orig: Fingerprint): boolean {
  if (page.lang && orig.lang) return page.lang === orig.lang;
  return popcount32((page.simhash ^ orig.simhash) >>> 0) <= SAME_TEXT_BITS;
}

/** The verdict for a page, given the originals retrieved for it. */
export function decide(page: PageFingerprint, candidates: Candidate[]): EngineVerdict {
  let best: Match | null = null;
  let bestCandidate: Candidate | null = null;
  for (const c of candidates) {
    const m = compare(page, c);
    if (!best || m.score > best.score) [best, bestCandidate] = [m, c];
  }
  if (!best || !bestCandidate || best.score < THRESHOLD) return { kind: 'none', best };
  return isSameText(page, bestCandidate.fingerprint) ? { kind: 'original', match: best } : { kind: 'translation', match: best };
}
