/**
 * A worker just started compiles each function of the matching engine the first time it
 * runs (V8 compiles lazily): its first verdict paid several milliseconds for compiling
 * the comparison, the alignment and the scoring. The worker has tens of milliseconds to
 * spare meanwhile — the tab is reading its page — so it runs them once then, on a
 * made-up page and its made-up original. Pure computation: nothing is read or written.
 */
import { decide, type PageFingerprint } from '@/utils/engine';
import { decodeBytes, encodeBytes } from '@/utils/engine/codec';
import { encodePosting } from '@/utils/store/postings';
import { rankStoredPostings } from '@/utils/store/rank-postings';

let warmed = false;

/** A small page: three paragraphs, a dozen names and numbers, some repeated. */
function madeUpPage(): PageFingerprint {
  const keys = [0x1a2b3c, 0x2b3c4d, 0x3c4d5e, 0x1a2b3c, 0x4d5e6f, 0x5e6f70, 0x2b3c4d, 0x6f7081, 0x708192, 0x8192a3, 0x1a2b3c, 0x92a3b4];
  const kinds = keys.map((_, i) => (i % 4 === 3 ? 'num' : 'name') as 'num' | 'name');
  return {
    v: 1,
    lang: 'en',
    script: 'latin',
    chars: 1500,
    paraLens: [420, 610, 470],
    sentLens: [140, 130, 150, 200, 210, 200, 160, 150, 160],
    sentPara: [0, 0, 0, 1, 1, 1, 2, 2, 2],
    keys,
    coarse: keys.map((k, i) => (kinds[i] === 'num' ? 0 : k % 1021)),
    kinds,
    pos: keys.map((_, i) => Math.round((i * 1000) / keys.length)),
    para: keys.map((_, i) => Math.floor((i * 3) / keys.length)),
    simhash: 0x5a5a5a5a,
    labels: keys.map((k) => `a${k}`),
    title: 'made-up page',
  };
}

/** Runs the lookup's and the engine's code once (at most once per worker). */
export function warmUpEngine(): void {
  if (warmed) return;
  warmed = true;
  const page = madeUpPage();
  // Its "original": the same anchors in another language, paragraphs a little longer.
  const stored = decodeBytes(encodeBytes({ ...page, lang: 'fr', paraLens: page.paraLens.map((l) => l * 1.1), sentLens: page.sentLens.map((l) => l * 1.1) }));
  rankStoredPostings([{ key: 1, bytes: encodePosting([1, 2, 3]) }, { key: 2, bytes: encodePosting([2]) }], 3, 2, () => 8);
  decide(page, [{ id: 'warm-up', lang: 'fr', fingerprint: stored }]);
}
