/**
 * Hostile pages: what the content script and the extractor must survive on the open web.
 * Huge, deep, empty, framed, right-to-left, mixed scripts, invisible and control
 * characters, emoji, broken markup — and the Italian seed copy hidden inside several of
 * them, which must still be flagged. Built at run time (the seed text is read from the
 * shared folder, never copied in); the unit tests parse them with linkedom, the e2e tests
 * serve them to Chromium.
 */
import { escapeHtml, type SeedArticle } from './news-page';

export interface HostilePage {
  name: string;
  html: string;
  /** The page carries the Italian seed copy: it must be flagged as a translation. */
  carriesCopy: boolean;
}

const e = escapeHtml;

/** Deterministic filler prose (no randomness: a failing page must fail the same way again). */
function filler(words: number, seed = 1): string {
  const vocab = ['the', 'market', 'report', 'said', 'new', 'city', 'council', 'budget', 'week', 'water', 'road', 'school', 'plan', 'people', 'local', 'time'];
  const out: string[] = [];
  let x = seed;
  for (let i = 0; i < words; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(vocab[x % vocab.length]);
    if (i % 12 === 11) out[out.length - 1] += '.';
  }
  return out.join(' ');
}

const shell = (body: string, opts: { lang?: string; dir?: string; title?: string; head?: string } = {}) =>
  `<!doctype html><html${opts.lang ? ` lang="${opts.lang}"` : ''}${opts.dir ? ` dir="${opts.dir}"` : ''}><head><meta charset="utf-8"><title>${e(opts.title ?? 'Page')}</title>${opts.head ?? ''}</head><body>${body}</body></html>`;

/** Inserts invisible characters inside and between words: ZWSP, ZWNJ, ZWJ, soft hyphen, word joiner, BOM. */
export function withInvisibles(text: string): string {
  const marks = ['\u200B', '\u00AD', '\u200C', '\u2060', '\uFEFF', '\u200D'];
  let i = 0;
  return text.replace(/(\p{L}{3})(\p{L})/gu, (_, a: string, b: string) => `${a}${marks[i++ % marks.length]}${b}`);
}

/** The Italian copy's title and blocks as bare paragraphs of markup. */
function copyBody(a: SeedArticle, wrap: (text: string, i: number) => string, transform: (t: string) => string = (t) => t): string {
  return [`<h1>${e(transform(a.title))}</h1>`, ...a.blocks.map((b, i) => wrap(e(transform(b.text)), i))].join('\n');
}

/** Pages without any known copy: must not throw, hang or be flagged. */
export function hostilePages(): HostilePage[] {
  const pages: HostilePage[] = [];
  const add = (name: string, html: string) => pages.push({ name, html, carriesCopy: false });

  // ~10 MB of text: 200 paragraphs of ~50,000 characters.
  const big = filler(12_500);
  add('huge-text', shell(`<article><h1>A very long report</h1>${Array.from({ length: 200 }, () => `<p>${big}</p>`).join('')}</article>`, { lang: 'en', title: 'A very long report' }));
  add('many-paragraphs', shell(`<article><h1>Many paragraphs</h1>${Array.from({ length: 100_000 }, (_, i) => `<p>Paragraph ${i}: ${filler(6, i)}</p>`).join('')}</article>`, { lang: 'en' }));
  add('deep-nesting', shell(`${'<div>'.repeat(20_000)}<p>${filler(400)}</p>${'</div>'.repeat(20_000)}`, { lang: 'en' }));
  // Browsers' HTML parsers flatten nesting past 512 levels; a script is not so limited.
  // 2,000: Chromium's own renderer crashes from about 3,000 script-built levels, with or
  // without the extension (the 20,000-deep case runs in linkedom, in the unit tests).
  add('deep-nesting-scripted', shell(`<script>let n = document.body; for (let i = 0; i < 2000; i++) n = n.appendChild(document.createElement('div')); n.appendChild(document.createElement('p')).textContent = ${JSON.stringify(filler(400))};</script>`, { lang: 'en' }));
  add('empty', '');
  add('whitespace-only', ' \n\t ');
  add('no-body', '<html><head><title>x</title></head></html>');
  add('framed', shell(`<iframe srcdoc="${e(shell(`<article><p>${filler(300)}</p></article>`))}"></iframe><iframe src="about:blank"></iframe><iframe src="/does-not-exist"></iframe>`, { lang: 'en' }));
  add('frameset', `<!doctype html><html><frameset cols="50%,50%"><frame src="about:blank"><frame src="about:blank"></frameset></html>`);
  add('right-to-left', shell(`<article><h1>تقرير عن المدينة</h1>${Array.from({ length: 12 }, (_, i) => `<p>قال المجلس البلدي في مدينة القاهرة إن الميزانية الجديدة ستبلغ ${i + 3} ملايين جنيه هذا العام، وإن العمل سيبدأ في شهر مارس. \u202Eעברית ושפה אחרת\u202C والناس ينتظرون الطرق الجديدة والمدارس.</p>`).join('')}</article>`, { lang: 'ar', dir: 'rtl' }));
  add('mixed-scripts', shell(`<article><h1>Mixed</h1>${Array.from({ length: 12 }, (_, i) => `<p>Москва ${i} Αθήνα 東京都 मुंबई القاهرة กรุงเทพ Seoul 서울 and Paris met in 20${10 + i}; ${filler(40, i)}</p>`).join('')}</article>`));
  add('control-characters', shell(`<article><h1>Control\u0001 characters</h1>${Array.from({ length: 12 }, (_, i) => `<p>${Array.from({ length: 32 }, (_, c) => String.fromCharCode(c)).join('')}\u007F\u0085\u009F ${withInvisibles(filler(60, i))} \u202E\u2066\u2069</p>`).join('')}</article>`, { lang: 'en' }));
  add('emoji', shell(`<article><h1>😀 Emoji 👩‍👩‍👧‍👦</h1>${Array.from({ length: 12 }, (_, i) => `<p>🇫🇷🇮🇹 👍🏽 ${filler(40, i)} &#xD800; &#xDFFF; 𝕏 🏳️‍🌈 ${'🔥'.repeat(200)}</p>`).join('')}</article>`, { lang: 'en' }));
  add('broken-markup', `<html lang="en"><head><title>Broken<body><article><p>${filler(80)}<div><p>${filler(80, 2)}</b></i></span><table><p>${filler(80, 3)}<tr><td>${filler(50, 4)}<!-- never closed <p>${filler(50, 5)}`);
  add('script-soup', shell(`<article><p>${filler(100)}</p><script>throw new Error("page")</script><style>p{display:none}</style><p>${filler(100, 7)}</p><noscript>${filler(50)}</noscript></article>`, { lang: 'en' }));
  return pages;
}

/** The Italian seed copy inside hostile markup: each must still be flagged. */
export function hostileCopies(italian: SeedArticle): HostilePage[] {
  const p = (t: string) => `<p>${t}</p>`;
  const page = (name: string, body: string, head = '') => ({ name, html: shell(body, { lang: 'it', title: italian.title, head }), carriesCopy: true });
  return [
    page('copy-invisible-characters', `<article>${copyBody(italian, p, withInvisibles)}</article>`),
    // Unclosed paragraphs, stray end tags, <font> soup, a comment and a table in the middle.
    page('copy-broken-markup', `<div class="content"><article>${copyBody(italian, (t, i) => (i % 3 === 0 ? `<p>${t}</b></span>` : i % 3 === 1 ? `<p><font face="x"><font>${t}</font></font>` : `<p>${t}<!-- x -->`))}</article></div><table><tr><td>menu</td></table></div></div>`),
    page(
      'copy-among-junk',
      `<nav dir="rtl">${'<a href="#">قائمة</a>'.repeat(200)}</nav><aside>${'<span>😀🔥</span>'.repeat(3000)}</aside><iframe srcdoc="&lt;p&gt;frame&lt;/p&gt;"></iframe>` +
        `<main><article>${copyBody(italian, p)}</article></main><footer>${'<div>\u200B</div>'.repeat(2000)}</footer>`,
    ),
    page('copy-deeply-nested', `${'<div>'.repeat(150)}<article>${copyBody(italian, p)}</article>${'</div>'.repeat(150)}`),
    page('copy-with-controls', `<article>${copyBody(italian, p, (t) => t.replace(/ /g, (s, i: number) => (i % 7 === 0 ? '\u0007 ' : i % 5 === 0 ? '\u00A0' : s)))}</article>`),
  ];
}
