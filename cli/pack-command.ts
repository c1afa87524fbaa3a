/**
 * `provenance-lens pack`: articles → a pack of their fingerprints and metadata.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fingerprintArticle, primaryLang } from '../utils/engine';
import { buildPack, LANG_TAG, serialisePack, type OriginalInput } from '../utils/pack';
import { readArticles } from './articles';
import { expandInputs } from './inputs';
import { CliError, EXIT, type Io } from './io';

export const PACK_HELP = `Usage: provenance-lens pack <file or folder>... [-o pack.json] [--lang TAG] [--publisher NAME]

Builds a pack of known originals from articles: each article's title, language, author,
address and fingerprint (names and numbers in order, paragraph lengths), never its text.

Inputs: .html/.htm pages (the article is extracted as the extension does), .txt articles
(optional slug line, title line, paragraphs separated by blank lines, optional byline
last), .jsonl (one article per line: {"id","lang","title","paragraphs"}, the corpus
format). Folders are searched recursively.

Options:
  -o, --output FILE   where to write the pack (default: standard output)
  --lang TAG          language of inputs that do not declare one (.txt files), e.g. "fr"
  --publisher NAME    the pack's publisher (also each original's, unless the page names one)
  -h, --help          this help

If any input cannot be used (unreadable, binary, no article, no language), the pack is
not written and the exit status is 1; every problem is listed.`;

export function runPack(argv: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      lang: { type: 'string' },
      publisher: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(PACK_HELP);
    return EXIT.ok;
  }
  if (!positionals.length) throw new CliError('pack: no input given.\n\n' + PACK_HELP);
  if (values.lang && !(LANG_TAG.test(values.lang) && primaryLang(values.lang))) {
    throw new CliError(`pack: --lang "${values.lang}" is not a language tag (e.g. "fr", "pt-BR")`);
  }

  const problems: string[] = [];
  const originals: OriginalInput[] = [];
  const { files, problems: missing } = expandInputs(positionals);
  for (const p of missing) problems.push(`${p.path}: ${p.message}`);
  for (const input of files) {
    const read = readArticles(input, { lang: values.lang ?? null });
    if (!read.ok) {
      problems.push(`${input.path}: ${read.message}`);
      continue;
    }
    for (const p of read.problems) problems.push(`${p.source}: ${p.message}`);
    for (const a of read.articles) {
      if (!a.paragraphs.length) {
        problems.push(`${a.source}: no article text found`);
        continue;
      }
      if (!a.lang) {
        problems.push(`${a.source}: the language is not declared; pass --lang (e.g. --lang fr)`);
        continue;
      }
      if (!LANG_TAG.test(a.lang)) {
        problems.push(`${a.source}: "${a.lang.slice(0, 40)}" is not a language tag (e.g. "fr", "pt-BR")`);
        continue;
      }
      const fingerprint = fingerprintArticle(a);
      if (!fingerprint.keys.length) io.err(`warning: ${a.source}: no names or numbers found; this original can hardly be recognised`);
      originals.push({
        id: a.id,
        title: a.title ?? a.id ?? a.source.replace(/^.*[\\/]/, ''),
        lang: a.lang,
        author: a.byline,
        publisher: a.siteName ?? values.publisher ?? null,
        url: a.url,
        date: a.publishedTime && /^\d{4}-\d{2}-\d{2}/.test(a.publishedTime) ? a.publishedTime.slice(0, 10) : null,
        fingerprint,
      });
    }
  }
  if (problems.length) {
    for (const p of problems) io.err(p);
    io.err(`pack not written: ${problems.length} problem${problems.length > 1 ? 's' : ''} in the inputs.`);
    return EXIT.input;
  }
  const result = buildPack({ originals, publisher: values.publisher ?? null });
  if (!result.ok) {
    for (const e of result.errors) io.err(`${e.record}${e.field ? `.${e.field}` : ''}: ${e.message}`);
    io.err('pack not written: the articles gave invalid records (see above).');
    return EXIT.input;
  }
  const text = serialisePack(result.pack);
  if (values.output && values.output !== '-') {
    try {
      writeFileSync(values.output, text);
    } catch (e) {
      throw new CliError(`cannot write ${values.output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, EXIT.input);
    }
    io.err(`Wrote ${values.output}: ${result.pack.originals.length} original${result.pack.originals.length === 1 ? '' : 's'}.`);
  } else {
    io.out(text);
  }
  return EXIT.ok;
}
