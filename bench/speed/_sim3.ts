import { loadCorpus } from '../corpus';
import { synthOriginals } from './synth-pack';
import { fingerprintArticle, toStored, indexKeys, lookupKeys, rankCandidates, decide, decodeFingerprint } from '../../utils/engine/index';
const c = loadCorpus('/work/shared/corpus/dev');
const N = Number(process.argv[2] ?? 100000);
const synth = synthOriginals(c.dir, c.sets.flatMap(s => s.articles), 100000).slice(0, N);
const cands: any[] = []; const post = new Map<number, number[]>(); const kc: number[] = [];
const add = (id: string, lang: any, fp: any) => { const slot = cands.length; cands.push({id, lang, fingerprint: fp}); const ks = indexKeys(fp); kc.push(ks.length); for (const k of ks) { let l = post.get(k); if (!l) post.set(k, l = []); l.push(slot); } };
for (const o of synth) add(o.id, o.lang, decodeFingerprint(o.fingerprint));
for (const o of c.originals) add(o.id, o.lang, toStored(fingerprintArticle(o)));
console.log('distinct keys', post.size, 'singletons', [...post.values()].filter(l => l.length === 1).length);
type Strat = { name: string; pick: (ks: number[]) => number[] };
const rarest = (maxKeys: number, budget: number, cap = Infinity): Strat => ({ name: `rarest k${maxKeys} b${budget} cap${cap}`, pick: (ks) => {
  const sorted = ks.map((k, i) => [k, post.get(k)?.length ?? 0, i]).filter(x => x[1] > 0 && x[1] <= cap).sort((x, y) => x[1] - y[1] || x[2] - y[2]);
  const out: number[] = []; let sum = 0; for (const [k, d] of sorted) { if (out.length >= maxKeys || (out.length >= 4 && sum + d > budget)) break; out.push(k); sum += d; } return out; } });
const textOrder = (maxKeys: number, budget: number, capFrac: number): Strat => ({ name: `text k${maxKeys} b${budget} capFrac${capFrac}`, pick: (ks) => {
  const out: number[] = []; let sum = 0; for (const k of ks) { const d = post.get(k)?.length ?? 0; if (!d || d > capFrac * cands.length) continue; if (out.length >= maxKeys || sum + d > budget) break; out.push(k); sum += d; } return out; } });
const strats: Strat[] = [rarest(32, 20000), rarest(48, 20000), rarest(64, 20000), rarest(96, 20000), rarest(64, 10000), rarest(96, 40000), textOrder(64, 20000, 0.02), textOrder(96, 40000, 0.05)];
const queries: any[] = [];
for (const set of c.sets) { if (set.sameLanguage) continue; for (const a of set.articles) queries.push({ set: set.label, reg: c.registered.has(a.id), id: a.id, fp: fingerprintArticle(a) }); }
const q = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
for (const st of strats) {
  let inTop = 0, hit = 0, ff = 0; const reads: number[] = [], nk: number[] = [], ms: number[] = []; const by: any = {};
  for (const qq of queries) {
    const t = performance.now();
    const chosen = st.pick(lookupKeys(qq.fp));
    const slots = rankCandidates(chosen.map(k => ({ key: k, ids: post.get(k)! })), cands.length, 12, (s) => kc[s]);
    ms.push(performance.now() - t);
    nk.push(chosen.length); reads.push(chosen.reduce((t, k) => t + post.get(k)!.length, 0));
    const v = decide(qq.fp, slots.map(s => cands[s]));
    if (qq.reg) { by[qq.set] = (by[qq.set] ?? 0) + (v.kind !== 'none' && v.match.id === qq.id ? 1 : 0); if (slots.some(s => cands[s].id === qq.id)) inTop++; if (v.kind !== 'none' && v.match.id === qq.id) hit++; } else if (v.kind !== 'none') ff++;
  }
  console.log(`${st.name}: inTop=${inTop} hit=${hit} ff=${ff} keysMed=${q(nk, .5)} keysP99=${q(nk, .99)} readsMed=${q(reads, .5)} readsP99=${q(reads, .99)} rankMsMed=${q(ms, .5).toFixed(2)} p99=${q(ms, .99).toFixed(2)} ${JSON.stringify(by)}`);
}
