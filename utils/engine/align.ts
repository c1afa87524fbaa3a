/**
 * Monotone alignment of two anchor sequences: the heaviest chain of shared anchors that
 * stands in the same order in both texts. A translation keeps the order of its names and
 * numbers; an article on the same story shares them in another order.
 * Sparse (Hunt–Szymanski): only pairs of equal keys are visited, and a Fenwick tree
 * gives the best chain ending before each page position, so the cost is O(P log m)
 * for P matching pairs instead of O(n·m).
 */
import type { Fingerprint } from './types';

export interface Chain {
  /** Original anchor index and page anchor index of each aligned pair, in order. */
  orig: number[];
  page: number[];
  weight: number;
}

/** Pairs of one key beyond this many are noise (a year repeated throughout both texts). */
const MAX_PAIRS_PER_KEY = 24;

/** Whether two texts' names are compared letter by letter or by their sound. */
export function sameScript(a: Fingerprint, b: Fingerprint): boolean {
  return a.script === b.script;
}

/** The key an anchor is compared by when matched against a text of the other side. */
export function matchKey(fp: Fingerprint, i: number, phonetic: boolean): number {
  if (!phonetic || fp.kinds[i] === 'num') return fp.keys[i];
  const c = fp.coarse[i];
  return c ? 0x1000000 + c : -1;
}

/** A text's match keys in one mode, with their set: computed once per fingerprint. */
export interface KeyView {
  keys: Int32Array;
  set: Set<number>;
}

const views = new WeakMap<Fingerprint, [KeyView | null, KeyView | null]>();

export function keyView(fp: Fingerprint, phonetic: boolean): KeyView {
  let pair = views.get(fp);
  if (!pair) views.set(fp, (pair = [null, null]));
  const slot = phonetic ? 1 : 0;
  let view = pair[slot];
  if (!view) {
    const keys = new Int32Array(fp.keys.length);
    for (let i = 0; i < keys.length; i++) keys[i] = matchKey(fp, i, phonetic);
    view = pair[slot] = { keys, set: new Set(keys) };
  }
  return view;
}

export function align(orig: Fingerprint, page: Fingerprint, weightOf: (i: number) => number): Chain {
  const phonetic = !sameScript(orig, page);
  const origKeys = keyView(orig, phonetic).keys;
  const pageKeys = keyView(page, phonetic).keys;
  const where = new Map<number, number[]>();
  for (let i = 0; i < origKeys.length; i++) {
    const k = origKeys[i];
    if (k < 0) continue;
    const list = where.get(k);
    if (list) list.push(i);
    else where.set(k, [i]);
  }
  // Pairs (i, j), grouped by page index j ascending.
  const pi: number[] = [];
  const pj: number[] = [];
  const perKey = new Map<number, number>();
  for (let j = 0; j < pageKeys.length; j++) {
    const k = pageKeys[j];
    const list = k < 0 ? undefined : where.get(k);
    if (!list) continue;
    const used = perKey.get(k) ?? 0;
    if (used >= MAX_PAIRS_PER_KEY) continue;
    perKey.set(k, used + list.length);
    for (const i of list) {
      pi.push(i);
      pj.push(j);
    }
  }
  const P = pi.length;
  if (P === 0) return { orig: [], page: [], weight: 0 };
  // Visit pairs by original index ascending, page index descending within one original
  // index, so a chain never uses one original anchor twice.
  const order = Array.from({ length: P }, (_, x) => x).sort((a, b) => pi[a] - pi[b] || pj[b] - pj[a]);
  const m = page.keys.length;
  const treeVal = new Float64Array(m + 1);
  const treeArg = new Int32Array(m + 1).fill(-1);
  const best = new Float64Array(P);
  const prev = new Int32Array(P).fill(-1);
  let top = -1;
  for (const x of order) {
    // Best chain ending at a page index < pj[x].
    let v = 0;
    let arg = -1;
    for (let t = pj[x]; t > 0; t -= t & -t) {
      if (treeVal[t] > v) {
        v = treeVal[t];
        arg = treeArg[t];
      }
    }
    best[x] = v + weightOf(pi[x]);
    prev[x] = arg;
    if (top < 0 || best[x] > best[top]) top = x;
    for (let t = pj[x] + 1; t <= m; t += t & -t) {
      if (best[x] > treeVal[t]) {
        treeVal[t] = best[x];
        treeArg[t] = x;
      }
    }
  }
  const o: number[] = [];
  const p: number[] = [];
  for (let x = top; x >= 0; x = prev[x]) {
    o.push(pi[x]);
    p.push(pj[x]);
  }
  return { orig: o.reverse(), page: p.reverse(), weight: best[top] };
}
