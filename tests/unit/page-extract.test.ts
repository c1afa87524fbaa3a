import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle, looksLikeArticle } from '../../utils/page/extract';
import { declaredLang, normaliseLangTag } from '../../utils/page/lang';
import { paragraphsOf } from '../../utils/page/paragraphs';
import { articleFromPlainText } from '../../utils/page/plain-text';
import { cleanText } from '../../utils/page/text';

const shared = process.env.PROVENANCE_SHARED ?? path.resolve(__dirname, '../../../shared');
const pagesDir = path.join(shared, 'pages', 'readability');
const seedsDir = path.join(shared, 'seeds');

const dom = (html: string) => parseHTML(html).document as unknown as Document;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A seed text file rendered as a realistic article page, with navigation, script and style around it. */
function seedAsHtml(file: string, lang: string): { html: string; title: string; paragraphs: string[] } {
  const t = articleFromPlainText(readFileSync(path.join(seedsDir, file), 'utf8'));
  const body = t.paragraphs
    .map((p) => (p.length < 80 && !/[.!?]$/.test(p) ? `<h2>${esc(p)}</h2>` : `<p>${esc(p)}</p>`))
    .join('\n');
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(t.title!)} | Le Site</title>
    <style>p { color: red } .Camaïeu-secret::after { content: "Camaïeu 99999" }</style>
    <script>var leaked = "Camaïeu 77777 Zorglub";</script></head>
    <body><header><nav><ul><li><a href="/">Accueil</a></li><li><a href="/tech">Tech</a></li><li><a href="/mode">Mode</a></li></ul></nav></header>
    <main><article><h1>${esc(t.title!)}</h1>
    <p class="byline">Par <span class="author">${esc(t.byline ?? 'Anon')}</span></p>
    ${body}
    <script>document.write("Zorglub 424242")</script>
    </article></main>
    <aside class="sidebar"><h3>Les plus lus</h3><ul><li><a href="/a">Autre article</a></li></ul></aside>
    <footer><p>© 2021 Le Site — Mentions légales</p></footer></body></html>`;
  return { html, title: t.title!, paragraphs: t.paragraphs };
}

describe.skipIf(!existsSync(pagesDir))('extractArticle on the Readability test pages', () => {
  const names = existsSync(pagesDir) ? readdirSync(pagesDir).filter((n) => existsSync(path.join(pagesDir, n, 'expected-metadata.json'))) : [];
  const rows = names.map((name) => {
    const html = readFileSync(path.join(pagesDir, name, 'source.html'), 'utf8');
    const expected = JSON.parse(readFileSync(path.join(pagesDir, name, 'expected-metadata.json'), 'utf8'));
    return { name, expected, article: extractArticle(dom(html)), readerable: looksLikeArticle(dom(html)) };
  });
  const rate = (pred: (r: (typeof rows)[number]) => boolean | null) => {
    const judged = rows.map(pred).filter((x): x is boolean => x !== null);
    return { agree: judged.filter(Boolean).length, of: judged.length };
  };

  it('finds an article on nearly every page', () => {
    const r = rate((row) => row.article !== null && row.article.paragraphs.length > 0);
    expect(r.of).toBeGreaterThanOrEqual(100);
    expect(r.agree / r.of).toBeGreaterThanOrEqual(0.98);
  });

  it('agrees with the expected title, byline and language', () => {
    // An expected title of "" means "none": null here.
    const title = rate((row) => (row.article ? (row.article.title ?? '') === cleanText(row.expected.title ?? '') : false));
    const byline = rate((row) => (row.expected.byline ? row.article?.byline === cleanText(row.expected.byline) : null));
    const lang = rate((row) => (row.expected.lang ? row.article?.lang?.toLowerCase() === row.expected.lang.toLowerCase() : null));
    const readerable = rate((row) => (typeof row.expected.readerable === 'boolean' ? row.readerable === row.expected.readerable : null));
    console.info(`agreement — title ${title.agree}/${title.of}, byline ${byline.agree}/${byline.of}, lang ${lang.agree}/${lang.of}, readerable ${readerable.agree}/${readerable.of}`);
    expect(title.agree / title.of).toBeGreaterThanOrEqual(0.97);
    expect(byline.agree / byline.of).toBeGreaterThanOrEqual(0.95);
    expect(lang.agree / lang.of).toBeGreaterThanOrEqual(0.98);
    expect(readerable.agree / readerable.of).toBeGreaterThanOrEqual(0.95);
  });

  it('reads the non-English pages in their language', () => {
    const byName = new Map(rows.map((r) => [r.name, r.article]));
    expect(byName.get('lemonde-1')?.lang).toBe('fr');
    expect(byName.get('heise')?.lang).toBe('de');
    expect(byName.get('lemonde-1')?.paragraphs.join(' ')).toMatch(/projet de loi/);
  });

  it('never returns script or style content, nor untidy or empty paragraphs', () => {
    let scripts = 0;
    for (const row of rows) {
      const source = dom(readFileSync(path.join(pagesDir, row.name, 'source.html'), 'utf8'));
      // Code the page runs or styles it with, long enough to be unmistakable.
      const code = [...source.querySelectorAll('script, style')]
        .map((el) => cleanText(el.textContent ?? ''))
        .filter((t) => t.length >= 40)
        .map((t) => t.slice(0, 40));
      scripts += code.length;
      const text = (row.article?.paragraphs ?? []).join('\n');
      for (const c of code) expect(text, `${row.name}: ${c}`).not.toContain(c);
      for (const p of row.article?.paragraphs ?? []) {
        expect(p).toBe(cleanText(p));
        expect(p.length).toBeGreaterThan(0);
      }
    }
    expect(scripts).toBeGreaterThan(100);
  });
});

describe.skipIf(!existsSync(seedsDir))('the seeds rendered as pages', () => {
  it.each([
    ['000_aa5ed160621a76a1.txt', 'fr'],
    ['001_8fc0ff38677826b1.txt', 'it'],
  ])('%s: title, language, and every paragraph in order, nothing else', (file, lang) => {
    const seed = seedAsHtml(file, lang);
    const doc = dom(seed.html);
    expect(looksLikeArticle(doc)).toBe(true);
    const a = extractArticle(doc, { url: 'https://example.com/camaieu' });
    expect(a).not.toBeNull();
    expect(a!.title?.startsWith(seed.title)).toBe(true);
    expect(a!.lang).toBe(lang);
    expect(a!.url).toBe('https://example.com/camaieu');
    // The headline is not repeated as a paragraph; headings are paragraphs of their own.
    const body = a!.paragraphs.filter((p) => !/^Par /.test(p));
    expect(body).toEqual(seed.paragraphs);
    const all = a!.paragraphs.join('\n');
    expect(all).not.toMatch(/Zorglub|77777|99999|424242|color: red/);
    expect(all).not.toMatch(/Accueil|Mentions légales/);
  });

  it('leaves the live document untouched (Readability works on a clone)', () => {
    const doc = dom(seedAsHtml('000_aa5ed160621a76a1.txt', 'fr').html);
    const before = doc.documentElement.outerHTML;
    extractArticle(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('extractArticle: paragraphs', () => {
  const page = (inner: string, head = '') =>
    dom(`<!doctype html><html lang="en"><head><title>The Headline</title>${head}</head><body><article>${inner}</article></body></html>`);
  const long = (word: string) => Array.from({ length: 40 }, (_, i) => `${word} sentence number ${i}.`).join(' ');

  it('splits block elements, keeps headings and list items apart, joins inline markup', () => {
    const a = extractArticle(page(`<h1>The Headline</h1><p>${long('First')}</p><h2>A subheading</h2>
      <p>Some <em>inline</em> <a href="#">link</a>ed text. ${long('Second')}</p>
      <ul><li>Item one</li><li>Item <b>two</b></li></ul><blockquote><p>${long('Quoted')}</p></blockquote>`));
    expect(a!.paragraphs[0]).toMatch(/^First sentence number 0/);
    expect(a!.paragraphs[1]).toBe('A subheading');
    expect(a!.paragraphs[2]).toMatch(/^Some inline linked text\. Second/);
    expect(a!.paragraphs).toContain('Item one');
    expect(a!.paragraphs).toContain('Item two');
    expect(a!.paragraphs.at(-1)).toMatch(/^Quoted/);
    expect(a!.paragraphs).not.toContain('The Headline');
  });

  it('is not fooled by script, style or template content', () => {
    const a = extractArticle(page(`<p>${long('Visible')}<script>var hidden = "SCRIPTTEXT";</script></p>
      <style>.x{content:"STYLETEXT"}</style><template><p>TEMPLATETEXT ${long('T')}</p></template><p>${long('Also')}</p>`));
    const all = a!.paragraphs.join(' ');
    expect(all).toMatch(/Visible/);
    expect(all).toMatch(/Also/);
    expect(all).not.toMatch(/SCRIPTTEXT|STYLETEXT|TEMPLATETEXT/);
  });

  it('bounds its work and output on a huge page', () => {
    const paras = Array.from({ length: 6000 }, (_, i) => `<p>Paragraph ${i} of a very long page. ${'Lorem ipsum dolor sit amet. '.repeat(6)}</p>`).join('');
    const t0 = performance.now();
    const a = extractArticle(page(paras));
    const ms = performance.now() - t0;
    expect(a).not.toBeNull();
    expect(a!.paragraphs.length).toBeLessThanOrEqual(2000);
    expect(a!.paragraphs.join('').length).toBeLessThanOrEqual(200_000);
    expect(ms).toBeLessThan(20_000);
  });

  it('gives up (null) on pages with absurdly many elements, quickly', () => {
    const spans = '<span>x</span>'.repeat(70_000);
    const t0 = performance.now();
    expect(extractArticle(page(`<p>${long('Body')}</p>${spans}`))).toBeNull();
    expect(performance.now() - t0).toBeLessThan(10_000);
  });

  it('never throws, whatever it is given', () => {
    const bad: unknown[] = [null, undefined, {}, { documentElement: null }, dom(''), dom('<html></html>'), dom('<frameset></frameset>'),
      new Proxy({}, { get: () => { throw new Error('boom'); } })];
    for (const d of bad) {
      expect(() => extractArticle(d as Document)).not.toThrow();
      expect(extractArticle(d as Document)).toBeNull();
      expect(() => looksLikeArticle(d as Document)).not.toThrow();
    }
    const deep = '<div>'.repeat(20_000) + `<p>${long('Deep')}</p>` + '</div>'.repeat(20_000);
    expect(() => extractArticle(page(deep))).not.toThrow();
  });

  it('keeps only http(s) addresses', () => {
    const doc = page(`<p>${long('Body')}</p>`);
    expect(extractArticle(doc, { url: 'javascript:alert(1)' })!.url).toBeNull();
    expect(extractArticle(doc, { url: 'https://news.example/a' })!.url).toBe('https://news.example/a');
  });

  it('paragraphsOf skips code and UI elements itself, not only by relying on Readability', () => {
    const body = dom(`<html><body><p>Kept <script>SCRIPT()</script>text</p><style>.s{}</style><noscript>NOSCRIPT</noscript>
      <svg><text>SVGTEXT</text></svg><p hidden>HIDDEN</p><button>BUTTON</button><p>Line<br>break</p></body></html>`).body;
    expect(paragraphsOf(body)).toEqual(['Kept text', 'Line break']);
  });

  it('paragraphsOf stops at its limits', () => {
    const body = dom(`<html><body>${'<p>abcdefghij</p>'.repeat(100)}</body></html>`).body;
    expect(paragraphsOf(body, { maxParagraphs: 7, maxChars: 1000 })).toHaveLength(7);
    const capped = paragraphsOf(body, { maxParagraphs: 1000, maxChars: 55 });
    expect(capped.join('').length).toBe(55);
    expect(capped).toHaveLength(6);
  });

  it('paragraphsOf survives nesting deeper than any recursion could', () => {
    let node = dom('<html><body></body></html>').body as Node;
    const root = node;
    for (let i = 0; i < 50_000; i++) node = node.appendChild(node.ownerDocument!.createElement('div'));
    node.appendChild(node.ownerDocument!.createTextNode('bottom'));
    expect(paragraphsOf(root)).toEqual(['bottom']);
  });
});

describe('page language', () => {
  const doc = (htmlAttrs: string, head: string) => dom(`<!doctype html><html ${htmlAttrs}><head>${head}</head><body></body></html>`);
  it('prefers <html lang>, then og:locale, then Content-Language', () => {
    expect(declaredLang(doc('lang="pt-br"', '<meta property="og:locale" content="en_US">'))).toBe('pt-br');
    expect(declaredLang(doc('', '<meta property="og:locale" content="fr_FR">'))).toBe('fr-FR');
    expect(declaredLang(doc('', '<meta http-equiv="Content-Language" content="de, en">'))).toBe('de');
    expect(declaredLang(doc('lang=""', ''))).toBeNull();
    expect(declaredLang(doc('lang="x-default"', '<meta property="og:locale" content="it_IT">'))).toBe('it-IT');
  });
  it('normalises tags and rejects what is not one', () => {
    expect(normaliseLangTag('FR_ca')).toBe('fr-ca');
    expect(normaliseLangTag('<script>')).toBeNull();
    expect(normaliseLangTag('*')).toBeNull();
  });
});
