import { loadCorpus } from '../corpus';
import { synthOriginals } from '../speed/synth-pack';
import { fingerprintArticle, toStored, indexKeys, lookupKeys, rankCandidates, decide, decodeFingerprint, MemoryIndex } from '../../utils/engine/index';
const c = loadCorpus('/work/shared/corpus/dev');
const N = Number(process.argv[2] ?? 100000);
const synth = synthOriginals(c.dir, c.sets.flatMap(s => s.articles), 100000).slice(0, N);
const cands: any[] = []; const post = new Map<number, number[]>(); const kc: number[] = [];
const mem = new MemoryIndex();
const add = (id: string, lang: any, fp: any) => { const slot = cands.length; const cand = {id, lang, fingerprint: fp}; cands.push(cand); mem.add(cand); const ks = indexKeys(fp); kc.push(ks.length); for (const k of ks) { let l = post.get(k); if (!l) post.set(k, l = []); l.push(slot); } };
for (const o of synth) add(o.id, o.lang, decodeFingerprint(o.fingerprint));
for (const o of c.originals) add(o.id, o.lang, toStored(fingerprintArticle(o)));
const Ks = [8, 16, 24, 32, 48];
const res: any = {}; for (const K of [0, ...Ks]) res[K] = { inTop: 0, hit: 0, ff: 0, reads: [] as number[], ms: [] as number[] };
let pos = 0, neg = 0;
for (const set of c.sets) { if (set.sameLanguage) continue; for (const a of set.articles) {
  const fp = fingerprintArticle(a); const reg = c.registered.has(a.id); reg ? pos++ : neg++;
  const ks = lookupKeys(fp);
  for (const K of [0, ...Ks]) {
    const t = performance.now();
    let chosen = ks.filter(k => post.has(k));
    if (K) chosen = chosen.map((k, i) => [k, post.get(k)!.length, i]).sort((x, y) => x[1] - y[1] || x[2] - y[2]).slice(0, K).map(x => x[0]);
    const slots = rankCandidates(chosen.map(k => ({ key: k, ids: post.get(k)! })), cands.length, 12, (s) => kc[s]);
    const v = decide(fp, slots.map(s => cands[s]));
    const r = res[K]; r.ms.push(performance.now() - t);
    r.reads.push(chosen.reduce((t, k) => t + post.get(k)!.length, 0));
    if (reg) { if (slots.some(s => cands[s].id === a.id)) r.inTop++; if (v.kind !== 'none' && v.match.id === a.id) r.hit++; }
    else if (v.kind !== 'none') r.ff++;
  }
}}
const q = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
for (const K of [0, ...Ks]) { const r = res[K]; console.log(`N=${N} K=${K || 'all'} pos=${pos} inTop=${r.inTop} hit=${r.hit} neg=${neg} ff=${r.ff} readsMed=${q(r.reads, .5)} readsP99=${q(r.reads, .99)} msMed=${q(r.ms, .5).toFixed(2)} msP99=${q(r.ms, .99).toFixed(2)}`); }
