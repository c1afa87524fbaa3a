/**
 * Fits the score's weights (utils/engine/score.ts) by logistic regression over
 * page × candidate pairs of a corpus in the benchmark's format: for every query article,
 * the originals the index retrieves for it; label 1 for its own original, 0 otherwise.
 * The cross-language sets are used as they are and as copy-like variants (partial,
 * noisy, merged, split: bench/variants.ts) made with another seed than the benchmark's,
 * so the weights do not learn the very pages they are measured on.
 *
 *   npm run bench:calibrate -- <corpus folder> [--seed 7] [--neg-weight 3] [--write] [--diagnose]
 *
 * Prints the weights, the recall and false flags at the 0.5 threshold, and the margin
 * between the lowest-scoring positive and the highest-scoring negative. With --write it
 * rewrites the WEIGHTS line of score.ts. Deterministic: plain batch gradient descent.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { align } from '../utils/engine/align';
import { fingerprintArticle, toStored } from '../utils/engine/fingerprint';
import { chainFeatures } from '../utils/engine/match';
import { MemoryIndex } from '../utils/engine/memory-index';
import { FEATURE_NAMES, featureVector, logistic } from '../utils/engine/score';
import { loadCorpus } from './corpus';
import { variantSets } from './variants';

function main() {
  const args = process.argv.slice(2);
  const dir = args.find((a, i) => !a.startsWith('--') && !['--seed', '--neg-weight'].includes(args[i - 1]));
  if (!dir) {
    console.error('usage: bench:calibrate -- <corpus folder> [--seed 7] [--write]');
    process.exit(2);
  }
  const seed = args.includes('--seed') ? Number(args[args.indexOf('--seed') + 1]) : 7;
  const negWeight = args.includes('--neg-weight') ? Number(args[args.indexOf('--neg-weight') + 1]) : 3;
  const corpus = loadCorpus(dir);
  const index = new MemoryIndex();
  for (const a of corpus.originals) index.add({ id: a.id, lang: a.lang, fingerprint: toStored(fingerprintArticle(a)) });
  const cross = corpus.sets.filter((s) => !s.sameLanguage);
  const sets = [...cross, ...variantSets(cross, seed, corpus.registered)];

  const X: number[][] = [];
  const y: number[] = [];
  const tags: string[] = [];
  for (const set of sets) {
    for (const a of set.articles) {
      const page = fingerprintArticle(a);
      for (const c of index.retrieve(page)) {
        const f = chainFeatures(c.fingerprint, page, align(c.fingerprint, page, () => 1));
        if (f.distinct < 2) continue; // scored 0 without the model
        X.push(featureVector(f));
        y.push(c.id === a.id ? 1 : 0);
        tags.push(`${set.label} ${a.id} -> ${c.id}`);
      }
    }
  }
  const d = FEATURE_NAMES.length;
  const w = new Float64Array(d + 1);
  const n = X.length;
  for (let it = 0; it < 20_000; it++) {
    const g = new Float64Array(d + 1);
    for (let r = 0; r < n; r++) {
      let z = w[d];
      for (let i = 0; i < d; i++) z += w[i] * X[r][i];
      // Negatives weigh more: a false flag costs a reader more than a missed copy.
      const e = (logistic(z) - y[r]) * (y[r] ? 1 : negWeight);
      for (let i = 0; i < d; i++) g[i] += e * X[r][i];
      g[d] += e;
    }
    for (let i = 0; i <= d; i++) w[i] -= (2 * (g[i] / n + (i < d ? 1e-4 * w[i] : 0)));
  }
  const weights = Array.from(w, (v) => Math.round(v * 1000) / 1000);
  const p = X.map((x) => logistic(x.reduce((z, v, i) => z + weights[i] * v, weights[d])));
  const pos = p.filter((_, r) => y[r] === 1);
  const neg = p.filter((_, r) => y[r] === 0);
  console.log(`pairs ${n} (${pos.length} positive) from sets ${sets.map((s) => s.label).join(', ')} (variant seed ${seed})`);
  console.log('weights', Object.fromEntries([...FEATURE_NAMES, 'intercept'].map((k, i) => [k, weights[i]])));
  console.log(`at 0.5: recall ${(pos.filter((v) => v >= 0.5).length / pos.length).toFixed(4)}, negatives over ${neg.filter((v) => v >= 0.5).length}`);
  console.log(`highest negative ${Math.max(...neg).toFixed(3)}; positives at or below it: ${pos.filter((v) => v <= Math.max(...neg)).length}`);
  if (args.includes('--diagnose')) {
    const worst = p.map((v, r) => [v, r] as const).filter(([, r]) => y[r] === 0).sort((a, b) => b[0] - a[0]).slice(0, 15);
    for (const [v, r] of worst) console.log('neg', v.toFixed(3), tags[r], X[r].map((x) => x.toFixed(2)).join(' '));
    const low = p.map((v, r) => [v, r] as const).filter(([, r]) => y[r] === 1).sort((a, b) => a[0] - b[0]).slice(0, 15);
    for (const [v, r] of low) console.log('pos', v.toFixed(3), tags[r], X[r].map((x) => x.toFixed(2)).join(' '));
  }
  if (args.includes('--write')) {
    const file = new URL('../utils/engine/score.ts', import.meta.url);
    const src = readFileSync(file, 'utf8').replace(/export const WEIGHTS = \[[^\]]*\];/, `export const WEIGHTS = [${weights.join(', ')}];`);
    writeFileSync(file, src);
    console.log('wrote utils/engine/score.ts');
  }
}

main();
