/**
 * Input files → articles, the same way the extension reads pages: HTML through
 * extractArticle (over linkedom's DOM), plain text through articleFromPlainText, and the
 * corpus's JSONL (one article per line).
 */
import { parseHTML } from 'linkedom';
import { declaredUrl } from '../utils/page/address';
import { extractArticle } from '../utils/page/extract';
import { articleFromPlainText } from '../utils/page/plain-text';
import type { InputFile } from './inputs';
import { readTextFile } from './read-file';

export interface InputArticle {
  /** Where it came from: the file, plus ":<line>" for a JSONL line. */
  source: string;
  /** A given id (corpus lines have one). */
  id: string | null;
  title: string | null;
  byline: string | null;
  lang: string | null;
  url: string | null;
  siteName: string | null;
  publishedTime: string | null;
  /** Empty when the file holds no article text (empty page, no article found). */
  paragraphs: string[];
}

export type ReadArticles =
  | { ok: true; articles: InputArticle[]; problems: Array<{ source: string; message: string }> }
  | { ok: false; message: string };

const blank = (source: string): InputArticle => ({
  source, id: null, title: null, byline: null, lang: null, url: null, siteName: null, publishedTime: null, paragraphs: [],
});

/** Whether text given as .txt is in fact an HTML page (saved without an .html name). */
function isHtmlText(text: string): boolean {
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text.slice(0, 2048));
}

export function articleFromHtml(html: string, source: string): InputArticle {
  // linkedom wants a whole document; a bare fragment still gets a body to live in.
  const whole = /<html[\s>]/i.test(html.slice(0, 65536)) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(whole);
  const a = extractArticle(document as unknown as Document);
  const url = declaredUrl(document as unknown as Document);
  if (!a) return { ...blank(source), title: document.title?.trim() || null, url };
  return { source, id: null, ...a, url: a.url ?? url };
}

const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);

function fromJsonl(text: string, file: string): ReadArticles {
  const articles: InputArticle[] = [];
  const problems: Array<{ source: string; message: string }> = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const source = `${file}:${i + 1}`;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch (e) {
      problems.push({ source, message: `not valid JSON (${(e as Error).message})` });
      return;
    }
    if (!row || typeof row !== 'object' || Array.isArray(row)) {
      problems.push({ source, message: 'expected a JSON object {"id","lang","title","paragraphs"}' });
      return;
    }
    const r = row as Record<string, unknown>;
    if (!Array.isArray(r.paragraphs) || !r.paragraphs.every((p) => typeof p === 'string')) {
      problems.push({ source, message: '"paragraphs" must be an array of strings' });
      return;
    }
    articles.push({
      ...blank(source),
      id: str(r.id),
      title: str(r.title),
      byline: str(r.byline),
      lang: str(r.lang),
      url: str(r.url),
      paragraphs: r.paragraphs as string[],
    });
  });
  return { ok: true, articles, problems };
}

/** Reads one input file into its articles (one, or one per JSONL line). */
export function readArticles(input: InputFile, opts: { lang?: string | null } = {}): ReadArticles {
  const read = readTextFile(input.path, { html: input.kind === 'html' });
  if (!read.ok) return { ok: false, message: read.message };
  const withLang = (a: InputArticle): InputArticle => ({ ...a, lang: a.lang ?? opts.lang ?? null });
  if (input.kind === 'jsonl') {
    const r = fromJsonl(read.text, input.path);
    return r.ok ? { ...r, articles: r.articles.map(withLang) } : r;
  }
  if (input.kind === 'html' || isHtmlText(read.text)) {
    return { ok: true, articles: [withLang(articleFromHtml(read.text, input.path))], problems: [] };
  }
  const t = articleFromPlainText(read.text);
  return {
    ok: true,
    articles: [withLang({ ...blank(input.path), title: t.title, byline: t.byline, paragraphs: t.paragraphs })],
    problems: [],
  };
}
