import { parseHTML } from 'linkedom';
import { readdirSync, readFileSync } from 'node:fs';
import { extractArticle } from '../utils/page/extract';
const long = (word: string) => Array.from({ length: 40 }, (_, i) => `${word} sentence number ${i}.`).join(' ');
const page = (inner: string) => parseHTML(`<!doctype html><html lang="en"><head><title>The Headline</title></head><body><article>${inner}</article></body></html>`).document as unknown as Document;
function maxDepth(doc: Document) {
  const all = doc.querySelectorAll('*');
  const depth = new Map<Element, number>();
  let max = 0;
  for (const el of all) {
    const d = (el.parentElement ? depth.get(el.parentElement) ?? 0 : 0) + 1;
    depth.set(el, d);
    if (d > max) max = d;
  }
  return max;
}
const root = '/work/shared/pages/readability';
const depths = readdirSync(root).map((n) => [n, maxDepth(parseHTML(readFileSync(`${root}/${n}/source.html`, 'utf8')).document as any)] as const).sort((a, b) => b[1] - a[1]);
console.log(depths.slice(0, 8));
for (const n of [100, 200, 400]) {
  const d = page('<div>'.repeat(n) + `<p>${long('Deep')}</p>` + '</div>'.repeat(n));
  let t0 = performance.now();
  const md = maxDepth(d);
  const t1 = performance.now();
  const r = extractArticle(d);
  console.log(n, md, 'depth calc', (t1 - t0).toFixed(1), 'extract', (performance.now() - t1).toFixed(0), r?.paragraphs.length);
}
const d = page('<div>'.repeat(20000) + `<p>${long('Deep')}</p>` + '</div>'.repeat(20000));
let t0 = performance.now(); console.log(maxDepth(d), performance.now() - t0);
