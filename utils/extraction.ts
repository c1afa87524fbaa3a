/**
 * What the extractor script (entrypoints/extractor.ts) hands back to the background: the
 * page's fingerprint and how it describes itself. Never the article's text. The
 * background checks its shape before use — it crossed from a page's process.
 */
import * as v from 'valibot';
import type { PageFingerprint } from '@/utils/engine';
import { SCRIPTS } from '@/utils/engine/codec';
import { MAX_HANDOFF_CHARS } from '@/utils/page/bounds';

export interface PageExtraction {
  url: string;
  /** Language the page declares (`<html lang>`, meta), as written; null if none. */
  pageLang: string | null;
  /** Language the browser detected from the text, when the page declares none. */
  detectedLang?: string | null;
  fingerprint: PageFingerprint;
  title: string | null;
  byline: string | null;
  /** The site's name and the publication date as the page states them (register form). */
  siteName?: string | null;
  publishedTime?: string | null;
}

/** Generous bounds: far above what the engine produces, far below memory trouble. */
const MAX_ITEMS = 20_000;
const MAX_TEXT = 2_000;

const num = v.pipe(v.number(), v.finite());
const nums = v.pipe(v.array(num), v.maxLength(MAX_ITEMS));
const text = v.pipe(v.string(), v.maxLength(MAX_TEXT));
const lang = v.nullable(v.pipe(v.string(), v.maxLength(64)));

// Loose: fields the engine adds later (it keeps improving) pass through; the ones the
// background relies on are checked.
const FingerprintSchema = v.pipe(
  v.looseObject({
    v: v.literal(1),
    lang,
    script: v.picklist(SCRIPTS),
    chars: num,
    paraLens: nums,
    sentLens: v.optional(nums),
    sentPara: v.optional(nums),
    keys: nums,
    coarse: nums,
    kinds: v.pipe(v.array(v.picklist(['num', 'name'])), v.maxLength(MAX_ITEMS)),
    pos: nums,
    para: nums,
    simhash: num,
    labels: v.pipe(v.array(text), v.maxLength(MAX_ITEMS)),
    title: v.nullable(text),
  }),
  v.check(
    (f) => [f.coarse, f.kinds, f.pos, f.para, f.labels].every((a) => a.length === f.keys.length),
    'anchor arrays differ in length',
  ),
);

const ExtractionSchema = v.object({
  url: v.pipe(v.string(), v.maxLength(8192)),
  pageLang: lang,
  detectedLang: v.optional(lang),
  fingerprint: FingerprintSchema,
  title: v.nullable(text),
  byline: v.nullable(text),
  siteName: v.optional(v.nullable(text)),
  publishedTime: v.optional(v.nullable(text)),
});

/**
 * A large page handed over by the extractor instead of read in place (utils/content/
 * read-page.ts `handOff`): its HTML, read by the background away from the page. Stays in
 * the browser's memory, like everything else.
 */
export interface PageHandOff {
  handOff: true;
  url: string;
  html: string;
}


const HandOffSchema = v.object({
  handOff: v.literal(true),
  url: v.pipe(v.string(), v.maxLength(8192)),
  html: v.pipe(v.string(), v.maxLength(MAX_HANDOFF_CHARS)),
});

/** Whether the extractor handed the page over (checked: it crossed from a page's process). */
export function parseHandOff(result: unknown): PageHandOff | null {
  if (typeof result !== 'object' || result === null || !('handOff' in result)) return null;
  const r = v.safeParse(HandOffSchema, result);
  if (!r.success) throw new TypeError(`malformed hand-off: ${r.issues.map((i) => `${v.getDotPath(i) ?? ''} ${i.message}`).join('; ')}`);
  return r.output as PageHandOff;
}

/**
 * The extractor's result, checked. `null` means "no article here" (the extractor found
 * none); anything malformed throws with the reason.
 */
export function parseExtraction(result: unknown): PageExtraction | null {
  if (result === null || result === undefined) return null;
  const r = v.safeParse(ExtractionSchema, result);
  if (!r.success) throw new TypeError(`malformed extractor result: ${r.issues.map((i) => `${v.getDotPath(i) ?? ''} ${i.message}`).join('; ')}`);
  return r.output as PageExtraction;
}
