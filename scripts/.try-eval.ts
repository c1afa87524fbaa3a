import { parseHTML } from 'linkedom';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { extractArticle, looksLikeArticle } from '../utils/page/extract';
import { cleanText } from '../utils/page/text';
const root = '/work/shared/pages/readability';
let n = 0, got = 0, t = 0, b = 0, bN = 0, l = 0, lN = 0, r = 0, rN = 0;
const miss: string[] = [];
for (const name of readdirSync(root)) {
  const mf = `${root}/${name}/expected-metadata.json`;
  if (!existsSync(mf)) continue;
  const exp = JSON.parse(readFileSync(mf, 'utf8'));
  const html = readFileSync(`${root}/${name}/source.html`, 'utf8');
  n++;
  const t0 = performance.now();
  const a = extractArticle(parseHTML(html).document);
  const dt = performance.now() - t0;
  const ra = looksLikeArticle(parseHTML(html).document);
  if (typeof exp.readerable === 'boolean') { rN++; if (ra === exp.readerable) r++; else miss.push(`${name} readerable exp=${exp.readerable} got=${ra}`); }
  if (!a) { miss.push(`${name}: null`); continue; }
  got++;
  if (cleanText(exp.title ?? '') === (a.title ?? '')) t++; else miss.push(`${name} title: ${JSON.stringify(exp.title)} vs ${JSON.stringify(a.title)}`);
  if (exp.byline) { bN++; if (cleanText(exp.byline) === a.byline) b++; else miss.push(`${name} byline: ${JSON.stringify(exp.byline)} vs ${JSON.stringify(a.byline)}`); }
  if (exp.lang) { lN++; if (exp.lang.toLowerCase() === (a.lang ?? '').toLowerCase()) l++; else miss.push(`${name} lang: ${exp.lang} vs ${a.lang}`); }
  if (dt > 300) miss.push(`${name} slow ${dt.toFixed(0)}ms`);
}
console.log(miss.join('\n'));
console.log({ n, got, t, b, bN, l, lN, r, rN });
