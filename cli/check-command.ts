/**
 * `provenance-lens check`: is each file a translated copy of a known original?
 */
import { parseArgs } from 'node:util';
import { fingerprintArticle, primaryLang, type Evidence } from '../utils/engine';
import { canonicalUrl, type PackOriginal, type PackTranslation } from '../utils/pack';
import { readArticles, type InputArticle } from './articles';
import { expandInputs } from './inputs';
import { CliError, EXIT, type Io } from './io';
import { loadLibrary, type Library } from './packs';
import { formatCheck } from './report';

export const CHECK_HELP = `Usage: provenance-lens check <file or folder>... [--pack pack.json]... [--json]

Says, for each article, whether it is a translated copy of an original in the packs:
"translation" (with the original and the evidence), "original" (it is that original),
or "none" (no known original).

Inputs: .html/.htm pages (the article is extracted as the extension does), .txt articles
(optional slug line, title line, paragraphs separated by blank lines), .jsonl (one
article per line: {"id","lang","title","paragraphs"}). Folders are searched recursively.

Options:
  --pack FILE    a pack to compare against; repeat for several (they are merged).
                 Default: the bundled pack (public/packs/default.json).
  --lang TAG     language of inputs that do not declare one (.txt files), e.g. "it"
  --json         one JSON object per line instead of the readable report:
                 {"file","pageLang","verdict","original","score","evidence",...}
  -h, --help     this help

Exit status: 0 all checked (whatever the verdicts), 1 some input could not be read,
2 bad usage or an invalid pack.`;

export type Verdict = 'translation' | 'original' | 'none';

export interface CheckResult {
  file: string;
  /** The input's own id (corpus lines), when it has one. */
  id?: string;
  pageTitle: string | null;
  pageLang: string | null;
  verdict: Verdict;
  /** The original's pack record (without its fingerprint); null for "none". */
  original: Omit<PackOriginal, 'fingerprint'> | null;
  /** The best match's score (0..1), null when no original shared anything with the page. */
  score: number | null;
  evidence: Evidence | null;
  /** Set when the page's address is listed in a pack as a known translated copy. */
  listed: PackTranslation | null;
  /** Why there was nothing to compare (empty file, no article found), else absent. */
  note?: string;
}

function metadata(o: PackOriginal): Omit<PackOriginal, 'fingerprint'> {
  const { fingerprint: _fp, ...rest } = o;
  return rest;
}

/** The result with its fields in reading order: what, then the verdict, then why. */
function result(
  article: InputArticle,
  verdict: Verdict,
  original: PackOriginal | undefined,
  score: number | null,
  evidence: Evidence | null,
  listed: PackTranslation | null,
  note?: string,
): CheckResult {
  return {
    file: article.source,
    ...(article.id ? { id: article.id } : {}),
    pageLang: article.lang,
    verdict,
    original: original ? metadata(original) : null,
    score,
    evidence,
    pageTitle: article.title,
    listed,
    ...(note ? { note } : {}),
  };
}

/** Checks one article against the library. Pure: no I/O. */
export function checkArticle(article: InputArticle, library: Library): CheckResult {
  const listed = article.url ? library.copies.get(canonicalUrl(article.url) ?? article.url) ?? null : null;
  // A page a pack lists as a known copy is one, even when its text has changed since.
  const listedOriginal = listed ? library.originals.get(listed.originalId) : undefined;
  if (!article.paragraphs.length) {
    return result(article, listedOriginal ? 'translation' : 'none', listedOriginal, null, null, listed, 'no article text found');
  }
  const page = fingerprintArticle({ title: article.title, byline: article.byline, lang: article.lang, paragraphs: article.paragraphs });
  const verdict = library.index.check(page);
  if (verdict.kind === 'none') {
    const best = verdict.best;
    const evidence = listedOriginal && best?.id === listedOriginal.id ? best.evidence : null;
    return result(article, listedOriginal ? 'translation' : 'none', listedOriginal, best?.score ?? null, evidence, listed);
  }
  const original = library.originals.get(verdict.match.id);
  return result(article, verdict.kind, original, verdict.match.score, verdict.match.evidence, listed);
}

export function runCheck(argv: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      pack: { type: 'string', multiple: true },
      lang: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(CHECK_HELP);
    return EXIT.ok;
  }
  if (!positionals.length) throw new CliError('check: no file given.\n\n' + CHECK_HELP);
  const lang = values.lang ? primaryLang(values.lang) && values.lang : null;
  if (values.lang && !lang) throw new CliError(`check: --lang "${values.lang}" is not a language tag (e.g. "it", "pt-BR")`);
  const library = loadLibrary(values.pack ?? []);

  let failed = 0;
  const fail = (file: string, message: string) => {
    failed++;
    if (values.json) io.out(JSON.stringify({ file, error: message }));
    else io.err(`${file}: ${message}`);
  };
  const { files, problems } = expandInputs(positionals);
  for (const p of problems) fail(p.path, p.message);
  for (const input of files) {
    const read = readArticles(input, { lang });
    if (!read.ok) {
      fail(input.path, read.message);
      continue;
    }
    for (const p of read.problems) fail(p.source, p.message);
    for (const article of read.articles) {
      const result = checkArticle(article, library);
      io.out(values.json ? JSON.stringify(result) : formatCheck(result));
    }
  }
  return failed ? EXIT.input : EXIT.ok;
}
