/**
 * Loads a corpus folder in the format of the accuracy benchmark's contract
 * (/work/shared/corpus/README.md): one `<label>.jsonl` per query set plus `manifest.json`
 * `{"originalLang": "fr", "registered": [...]}`.
 *
 * Tolerant by design: extra keys are ignored, null or missing titles become null,
 * non-string paragraphs are dropped, blank lines are skipped, a BOM or CRLF line ends are
 * accepted, and a malformed line is reported (file:line: reason) and skipped, never fatal.
 * Only a missing/unreadable folder or manifest is fatal (CorpusError).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

/** One article as a corpus line gives it (normalised). */
export interface CorpusArticle {
  id: string;
  /** The line's `lang`, else the set's language. */
  lang: string | null;
  title: string | null;
  paragraphs: string[];
  origlang: string | null;
  /** Generated `noisy` variants only: the ids of the articles whose paragraphs were inserted. */
  insertedFrom?: string[];
}

/** One query set: a file of the corpus, or a variant made from one (bench/variants.ts). */
export interface QuerySet {
  /** The file name without `.jsonl` (or `<lang>~<variant>` for a generated variant). */
  label: string;
  /** The set's language: the label's part before `~`, lower case. */
  lang: string;
  /** The label's part after `~`, or null. */
  variant: string | null;
  /**
   * True when the set is in the original language: a registered article must then be
   * recognised as the known original (kind 'original'), not as a translation of it.
   */
  sameLanguage: boolean;
  /** 'file': read from the corpus; 'generated': made by --variants. */
  source: 'file' | 'generated';
  articles: CorpusArticle[];
}

export interface Corpus {
  dir: string;
  originalLang: string;
  /**
   * The ids actually registered: the manifest's `registered` ids that have a line in the
   * original language's file (an id without one cannot be registered, so its copies are
   * scored as negatives, and a warning says so).
   */
  registered: Set<string>;
  /** The originals to register: originalLang versions of registered ids that exist. */
  originals: CorpusArticle[];
  /** Every query set, the original-language file last. */
  sets: QuerySet[];
  /** Problems found while loading (malformed lines, missing originals, ...). */
  warnings: string[];
}

export class CorpusError extends Error {}

/** Primary language subtag, lower case ("pt-BR" → "pt"). */
export function primarySubtag(lang: string): string {
  return lang.trim().toLowerCase().split(/[-_]/)[0];
}

/** A set label's language and variant: "it~partial" → {lang: "it", variant: "partial"}. */
export function parseLabel(label: string): { lang: string; variant: string | null } {
  const i = label.indexOf('~');
  if (i < 0) return { lang: label.trim().toLowerCase(), variant: null };
  return { lang: label.slice(0, i).trim().toLowerCase(), variant: label.slice(i + 1) || null };
}

function asText(x: unknown): string | null {
  if (typeof x === 'string') return x;
  if (typeof x === 'number' && Number.isFinite(x)) return String(x);
  return null;
}

/**
 * Parses the text of a `.jsonl` file. `where` names the file in messages; `setLang`
 * fills in a missing `lang`. Bad lines are reported through `warn` and skipped; a
 * repeated id keeps its first line.
 */
export function parseJsonl(
  text: string,
  where: string,
  setLang: string | null,
  warn: (message: string) => void,
): CorpusArticle[] {
  const out: CorpusArticle[] = [];
  const seen = new Set<string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const at = `${where}:${i + 1}`;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch (e) {
      warn(`${at}: not valid JSON (${(e as Error).message.slice(0, 80)}), skipped`);
      return;
    }
    if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
      warn(`${at}: not a JSON object, skipped`);
      return;
    }
    const r = rec as Record<string, unknown>;
    const id = asText(r.id);
    if (!id || !id.trim()) {
      warn(`${at}: no id, skipped`);
      return;
    }
    let paragraphs: string[];
    if (Array.isArray(r.paragraphs)) {
      paragraphs = r.paragraphs.map(asText).filter((p): p is string => p !== null);
    } else if (typeof r.paragraphs === 'string') {
      paragraphs = [r.paragraphs];
      warn(`${at}: "paragraphs" is a string, read as one paragraph`);
    } else {
      warn(`${at}: no "paragraphs" array, skipped`);
      return;
    }
    if (seen.has(id)) {
      warn(`${at}: id ${id} repeated, first line kept`);
      return;
    }
    seen.add(id);
    const lang = asText(r.lang);
    const origlang = asText(r.origlang);
    out.push({
      id,
      lang: lang && lang.trim() ? lang.trim() : setLang,
      title: asText(r.title),
      paragraphs,
      origlang: origlang && origlang.trim() ? origlang.trim() : null,
    });
  });
  return out;
}

/** Loads a corpus folder; throws CorpusError when it cannot be used at all. */
export function loadCorpus(dir: string): Corpus {
  const warnings: string[] = [];
  const warn = (m: string) => warnings.push(m);
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new CorpusError(`corpus folder not found: ${dir}`);
  }
  if (!st.isDirectory()) throw new CorpusError(`not a folder: ${dir}`);

  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new CorpusError(`cannot read ${join(dir, 'manifest.json')}: ${(e as Error).message}`);
  }
  const m = (manifest ?? {}) as Record<string, unknown>;
  if (typeof m.originalLang !== 'string' || !m.originalLang.trim()) {
    throw new CorpusError('manifest.json: no "originalLang"');
  }
  const originalLang = m.originalLang.trim();
  const listed = new Set<string>();
  if (!Array.isArray(m.registered)) warn('manifest.json: no "registered" array: nothing is registered');
  else {
    for (const x of m.registered) {
      const id = asText(x);
      if (id) listed.add(id);
      else warn(`manifest.json: registered entry ${JSON.stringify(x)} is not an id, ignored`);
    }
  }

  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  const origFile = `${originalLang}.jsonl`;
  const origPrimary = primarySubtag(originalLang);
  const sets: QuerySet[] = [];
  let originalSet: QuerySet | null = null;
  for (const f of files) {
    const label = basename(f, '.jsonl');
    const { lang, variant } = parseLabel(label);
    let text: string;
    try {
      text = readFileSync(join(dir, f), 'utf8');
    } catch (e) {
      warn(`${f}: unreadable (${(e as Error).message}), skipped`);
      continue;
    }
    const articles = parseJsonl(text, f, lang || null, warn);
    const set: QuerySet = {
      label,
      lang,
      variant,
      sameLanguage: primarySubtag(lang) === origPrimary,
      source: 'file',
      articles,
    };
    if (f === origFile) originalSet = set;
    else sets.push(set);
  }
  if (!originalSet) {
    warn(`${origFile}: missing: no original can be registered`);
  } else sets.push(originalSet);

  const byId = new Map((originalSet?.articles ?? []).map((a) => [a.id, a] as const));
  const originals: CorpusArticle[] = [];
  const registered = new Set<string>();
  let missing = 0;
  for (const id of listed) {
    const a = byId.get(id);
    if (a) {
      originals.push(a);
      registered.add(id);
    } else missing++;
  }
  if (missing) {
    warn(`manifest.json: ${missing} registered id(s) have no line in ${origFile}: not registered, scored as negatives`);
  }
  return { dir, originalLang, registered, originals, sets, warnings };
}
