/**
 * Fits the score's weights (utils/engine/score.ts) by logistic regression over
 * page × candidate pairs of a corpus in the benchmark's format: for every query article,
 * the originals the index retrieves for it; label 1 for its own original, 0 otherwise.
 *
 *   npm run bench:calibrate -- <corpus folder> [--sets en,de] [--write]
 *
 * Prints the weights, the recall and false flags at the 0.5 threshold, and the margin
 * between the lowest-scoring positive and the highest-scoring negative. With --write it
 * rewrites the WEIGHTS line of score.ts. Deterministic: plain batch gradient descent.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { align } from '../utils/engine/align';
import { fingerprintArticle, toStored } from '../utils/engine/fingerprint';
import { chainFeatures } from '../utils/engine/match';
import { MemoryIndex } from '../utils/engine/memory-index';
import { FEATURE_NAMES, featureVector, logistic } from '../utils/engine/score';
import type { Article } from '../utils/engine/types';

interface Line extends Article {
  id: string;
}

function readSet(file: string): Line[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Line);
}

function main() {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  if (!dir) {
    console.error('usage: bench:calibrate -- <corpus folder> [--sets en,de] [--write]');
    process.exit(2);
  }
  const setsArg = args[args.indexOf('--sets') + 1];
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const registered = new Set<string>(manifest.registered);
  const index = new MemoryIndex();
  for (const a of readSet(join(dir, `${manifest.originalLang}.jsonl`))) {
    if (registered.has(a.id)) index.add({ id: a.id, lang: a.lang ?? null, fingerprint: toStored(fingerprintArticle(a)) });
  }
  const sets = args.includes('--sets')
    ? setsArg.split(',')
    : readdirSync(dir).filter((f) => f.endsWith('.jsonl')).map((f) => f.slice(0, -6)).filter((s) => s !== manifest.originalLang);

  const X: number[][] = [];
  const y: number[] = [];
  for (const set of sets) {
    for (const a of readSet(join(dir, `${set}.jsonl`))) {
      const page = fingerprintArticle(a);
      for (const c of index.retrieve(page)) {
        const f = chainFeatures(c.fingerprint, page, align(c.fingerprint, page, () => 1));
        if (f.distinct < 2) continue; // scored 0 without the model
        X.push(featureVector(f));
        y.push(c.id === a.id ? 1 : 0);
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
      const e = logistic(z) - y[r];
      for (let i = 0; i < d; i++) g[i] += e * X[r][i];
      g[d] += e;
    }
    for (let i = 0; i <= d; i++) w[i] -= (2 * (g[i] / n + (i < d ? 1e-4 * w[i] : 0)));
  }
  const weights = Array.from(w, (v) => Math.round(v * 1000) / 1000);
  const p = X.map((x) => logistic(x.reduce((z, v, i) => z + weights[i] * v, weights[d])));
  const pos = p.filter((_, r) => y[r] === 1);
  const neg = p.filter((_, r) => y[r] === 0);
  console.log(`pairs ${n} (${pos.length} positive) from sets ${sets.join(', ')}`);
  console.log('weights', Object.fromEntries([...FEATURE_NAMES, 'intercept'].map((k, i) => [k, weights[i]])));
  console.log(`at 0.5: recall ${(pos.filter((v) => v >= 0.5).length / pos.length).toFixed(4)}, negatives over ${neg.filter((v) => v >= 0.5).length}`);
  console.log(`highest negative ${Math.max(...neg).toFixed(3)}; positives at or below it: ${pos.filter((v) => v <= Math.max(...neg)).length}`);
  if (args.includes('--write')) {
    const file = new URL('../utils/engine/score.ts', import.meta.url);
    const src = readFileSync(file, 'utf8').replace(/export const WEIGHTS = \[[^\]]*\];/, `export const WEIGHTS = [${weights.join(', ')}];`);
    writeFileSync(file, src);
    console.log('wrote utils/engine/score.ts');
  }
}

main();
