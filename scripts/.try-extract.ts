import { parseHTML } from 'linkedom';
import { readFileSync } from 'node:fs';
import { extractArticle, looksLikeArticle } from '/work/main/utils/page/extract';
const html = readFileSync('/work/shared/pages/readability/lemonde-1/source.html', 'utf8');
const { document } = parseHTML(html);
console.log(looksLikeArticle(document));
const a = extractArticle(document);
console.log(JSON.stringify(a, null, 1).slice(0, 3000));
