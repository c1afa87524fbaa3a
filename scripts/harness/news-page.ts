/**
 * A realistic news page built from a seed text file: site header and navigation, an
 * <article> with <h1>, byline and date, subheadings, the site's "related article" line
 * where the text has it, related links and a footer. Built at run time from the shared
 * seeds, so no article text is ever copied into the repository.
 *
 * Seed format (see shared/seeds/README.md): slug line, blank, title, blank, paragraphs
 * separated by blank lines; a short last line may be the author's signature.
 */
import { readFileSync } from 'node:fs';

export interface SeedArticle {
  slug: string;
  title: string;
  /** Body blocks in order; `heading` for subheadings. */
  blocks: Array<{ kind: 'p' | 'heading' | 'related'; text: string }>;
  byline: string | null;
}

export interface SiteStyle {
  lang: string;
  siteName: string;
  sections: string[];
  bylinePrefix: string;
  relatedHeading: string;
  relatedLinks: string[];
  footer: string;
  published: string;
}

const RELATED = /^(A lire également|À lire également|Leggi anche)\s+/i;

/** Signature: a last line of at most four words that is not a sentence ("Yohann G."). */
function isSignature(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return words.length <= 4 && text.length <= 40 && /^\p{Lu}/u.test(text) && !/[,;:!?]/.test(text);
}

/** A subheading: one short line that does not end a sentence. */
function isHeading(text: string): boolean {
  return text.length <= 90 && !/[.!?…»”"]$/.test(text.trim());
}

export function parseSeed(text: string): SeedArticle {
  const parts = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const [slug, title, ...rest] = parts;
  if (!slug || !title || rest.length === 0) throw new Error('seed file has no slug, title and body');
  let byline: string | null = null;
  if (isSignature(rest[rest.length - 1])) byline = rest.pop() ?? null;
  const blocks = rest.map((t) =>
    RELATED.test(t) ? { kind: 'related' as const, text: t } : { kind: isHeading(t) ? ('heading' as const) : ('p' as const), text: t },
  );
  return { slug, title, blocks, byline };
}

export function readSeed(file: string): SeedArticle {
  return parseSeed(readFileSync(file, 'utf8'));
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function newsPageHtml(a: SeedArticle, site: SiteStyle): string {
  const e = escapeHtml;
  const body = a.blocks
    .map((b) => {
      if (b.kind === 'heading') return `      <h2>${e(b.text)}</h2>`;
      if (b.kind === 'related') {
        const m = RELATED.exec(b.text)!;
        return `      <p class="related-inline"><strong>${e(m[1])}</strong> <a href="/related">${e(b.text.slice(m[0].length))}</a></p>`;
      }
      return `      <p>${e(b.text)}</p>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${e(site.lang)}">
<head>
  <meta charset="utf-8">
  <title>${e(a.title)} | ${e(site.siteName)}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta property="og:site_name" content="${e(site.siteName)}">
  <meta property="og:title" content="${e(a.title)}">
  <meta property="og:type" content="article">
  <style>
    body { font: 17px/1.6 Georgia, serif; margin: 0; color: #222; }
    header, footer { background: #f4f4f4; padding: 12px 24px; font-family: sans-serif; }
    nav a { margin-right: 14px; color: #333; }
    .layout { display: flex; gap: 32px; max-width: 1100px; margin: 0 auto; padding: 24px; }
    article { flex: 3; } aside { flex: 1; font-family: sans-serif; font-size: 14px; }
    .byline { color: #666; font-family: sans-serif; font-size: 14px; }
  </style>
</head>
<body>
  <header>
    <div class="logo">${e(site.siteName)}</div>
    <nav>${site.sections.map((s) => `<a href="/${encodeURIComponent(s.toLowerCase())}">${e(s)}</a>`).join('')}</nav>
  </header>
  <div class="layout">
    <main>
    <article>
      <h1>${e(a.title)}</h1>
${a.byline ? `      <p class="byline">${e(site.bylinePrefix)} <span class="author" rel="author">${e(a.byline)}</span> · <time datetime="${e(site.published)}">${e(site.published)}</time></p>` : `      <p class="byline"><time datetime="${e(site.published)}">${e(site.published)}</time></p>`}
${body}
    </article>
    </main>
    <aside>
      <h3>${e(site.relatedHeading)}</h3>
      <ul>${site.relatedLinks.map((l, i) => `<li><a href="/related/${i}">${e(l)}</a></li>`).join('')}</ul>
    </aside>
  </div>
  <footer>${e(site.footer)}</footer>
</body>
</html>
`;
}

export const FRENCH_SITE: SiteStyle = {
  lang: 'fr',
  siteName: 'Le Quotidien du Numérique',
  sections: ['Actualités', 'Sécurité', 'Commerce', 'Mobiles'],
  bylinePrefix: 'Par',
  relatedHeading: 'Les plus lus',
  relatedLinks: ['Les meilleurs forfaits mobiles du moment', 'Comment choisir un gestionnaire de mots de passe', 'Soldes : les sites pris d’assaut'],
  footer: '© Le Quotidien du Numérique — Mentions légales — Contact',
  published: '2022-06-14',
};

export const ITALIAN_SITE: SiteStyle = {
  lang: 'it',
  siteName: 'Notizie Digitali',
  sections: ['Notizie', 'Sicurezza', 'Shopping', 'Smartphone'],
  bylinePrefix: 'Di',
  relatedHeading: 'I più letti',
  relatedLinks: ['Le migliori offerte per smartphone', 'Come scegliere un password manager', 'Saldi: siti presi d’assalto'],
  footer: '© Notizie Digitali — Note legali — Contatti',
  published: '2022-06-16',
};
