/**
 * An article saved as plain text (the seeds' format, or any .txt):
 *
 *     slug            ← optional: one lowercase token, no spaces (the page's URL slug)
 *                     
 *     Title           ← one short line
 *
 *     Paragraph…      ← paragraphs separated by blank lines (hard-wrapped lines join)
 *
 *     Yohann G.       ← optional: a final short line that reads like a name is the byline
 *
 * Each rule only fires when the text clearly has that shape, so a file that is just
 * paragraphs loses none of them.
 */
import { cleanText } from './text';

export interface PlainTextArticle {
  slug: string | null;
  title: string | null;
  byline: string | null;
  lang: string | null;
  paragraphs: string[];
}

export interface PlainTextOptions {
  lang?: string | null;
  /** Paragraphs to leave out (e.g. a site's "read also" links), tested on the cleaned text. */
  drop?: (paragraph: string) => boolean;
  /** Paragraphs kept at most (the engine reads no more than 2,000). */
  maxParagraphs?: number;
}

const SLUG = /^[a-z0-9][a-z0-9._~-]{0,99}$/;
/** Name particles that stay lower case inside a name. */
const PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'du', 'des', 'la', 'le', 'y', 'e', 'et', 'and', 'und', 'bin', 'al', 'el', 'dos', 'das']);
/** Words that may open a byline. */
const BY = /^(by|par|di|von|por|de|от|автор:?)$/i;

/** Whether a short line reads like a person's name ("Yohann G.", "By Jane Doe", "Par M. Dupont"). */
export function looksLikeByline(line: string): boolean {
  if (line.length > 60 || /[!?:;,]$/.test(line) || /\d/.test(line)) return false;
  const words = line.split(' ');
  if (words.length < 1 || words.length > 6) return false;
  const rest = BY.test(words[0]) && words.length > 1 ? words.slice(1) : words;
  let names = 0;
  for (const w of rest) {
    if (/^\p{Lu}\.(\p{Lu}\.)*$/u.test(w) || /^\p{Lu}[\p{L}'’-]*\.?$/u.test(w)) names++;
    else if (!PARTICLES.has(w.toLowerCase())) return false;
  }
  // "Yohann G." or a full name; a lone capitalised word is as likely a heading or a brand.
  return names >= 2;
}

/**
 * Blocks of text separated by blank lines, lines within a block joined by a space (hard
 * wrapping). A text with no blank line at all has one paragraph per line instead.
 */
function blocks(text: string, max: number): string[] {
  const out: string[] = [];
  const unix = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const parts = /\n[ \t\u00A0]*\n/.test(unix.trim()) ? unix.split(/\n[ \t\u00A0]*\n/) : unix.split('\n');
  for (const raw of parts) {
    const b = cleanText(raw);
    if (b) out.push(b);
    if (out.length >= max) break;
  }
  return out;
}

export function articleFromPlainText(text: string, opts: PlainTextOptions = {}): PlainTextArticle {
  const all = blocks(String(text ?? ''), (opts.maxParagraphs ?? 2_000) + 3);
  let slug: string | null = null;
  let title: string | null = null;
  let byline: string | null = null;
  if (all.length > 1 && SLUG.test(all[0])) slug = all.shift()!;
  if (all.length > 1 && all[0].length <= 250 && !/[.:;,]$/.test(all[0])) title = all.shift()!;
  if (all.length > 1 && looksLikeByline(all[all.length - 1])) byline = all.pop()!;
  const paragraphs = (opts.drop ? all.filter((p) => !opts.drop!(p)) : all).slice(0, opts.maxParagraphs ?? 2_000);
  return { slug, title, byline, lang: opts.lang ?? null, paragraphs };
}
