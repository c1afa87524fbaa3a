/**
 * Building a pack from what a publisher has: originals' metadata with their fingerprints
 * (computed by the engine; the text itself is never put in a pack) and known translated
 * copies. Loose input in, the same validation as any pack read from disk on the way out.
 */
import { encodeFingerprint, toStored, type Fingerprint } from '../engine';
import { cleanText } from '../page/text';
import { originalId } from './id';
import { mergeOriginals, mergeTranslations } from './merge';
import { parsePack, type PackResult } from './parse';
import { LIMITS, PACK_FORMAT, PACK_VERSION, type Pack, type PackOriginal, type PackTranslation } from './schema';

export interface OriginalInput {
  /** Given ids are kept (e.g. a corpus id); else `originalId` derives one. */
  id?: string | null;
  title: string;
  lang: string;
  author?: string | null;
  publisher?: string | null;
  url?: string | null;
  date?: string | null;
  /** The engine's fingerprint of the article (stored form taken here), or its encoded text. */
  fingerprint: Fingerprint | string;
}

export interface TranslationInput {
  url: string;
  lang: string;
  originalId: string;
  /** When the copy was seen (ISO date); today by default. */
  seen?: string | null;
  note?: string | null;
}

export interface BuildInput {
  originals: OriginalInput[];
  translations?: TranslationInput[];
  publisher?: string | null;
  /** ISO date; now by default. */
  created?: string;
}

/** One line of plain text within `max` characters, or undefined when nothing is left. */
function tidy(text: string | null | undefined, max: number): string | undefined {
  if (typeof text !== 'string') return undefined;
  const t = cleanText(text.replace(/[\u0000-\u001F\u007F-\u009F]/g, ' '));
  if (!t) return undefined;
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

function encoded(fp: Fingerprint | string): string {
  return typeof fp === 'string' ? fp.trim() : encodeFingerprint(toStored(fp));
}

function original(input: OriginalInput): PackOriginal {
  const fingerprint = encoded(input.fingerprint);
  const title = tidy(input.title, LIMITS.title) ?? '';
  const url = tidy(input.url, LIMITS.url);
  const out: PackOriginal = {
    id: tidy(input.id, LIMITS.id) ?? originalId({ url, title, fingerprint }),
    title,
    lang: tidy(input.lang, LIMITS.lang) ?? '',
    fingerprint,
  };
  const author = tidy(input.author, LIMITS.name);
  const publisher = tidy(input.publisher, LIMITS.name);
  const date = tidy(input.date, LIMITS.date);
  if (author) out.author = author;
  if (publisher) out.publisher = publisher;
  if (url) out.url = url;
  if (date) out.date = date;
  return out;
}

function translation(input: TranslationInput, today: string): PackTranslation {
  const out: PackTranslation = {
    url: tidy(input.url, LIMITS.url) ?? '',
    lang: tidy(input.lang, LIMITS.lang) ?? '',
    seen: tidy(input.seen, LIMITS.date) ?? today,
    originalId: tidy(input.originalId, LIMITS.id) ?? '',
  };
  const note = typeof input.note === 'string' ? input.note.trim().slice(0, LIMITS.note) : '';
  if (note) out.note = note;
  return out;
}

/**
 * Builds and validates a pack. Duplicates (the same article given twice) merge by the
 * pack merge rules; anything invalid comes back as errors, per record and field.
 */
export function buildPack(input: BuildInput): PackResult {
  const created = input.created ?? new Date().toISOString();
  const o = mergeOriginals(input.originals.map(original));
  const t = mergeTranslations((input.translations ?? []).map((x) => translation(x, created.slice(0, 10))), o.aliases);
  const publisher = tidy(input.publisher, LIMITS.name);
  return parsePack({
    format: PACK_FORMAT,
    version: PACK_VERSION,
    created,
    ...(publisher ? { publisher } : {}),
    originals: o.originals,
    translations: t.translations,
  });
}

/** The pack as file text: envelope first, one record per line (readable diffs, grep-able). */
export function serialisePack(pack: Pack): string {
  const { originals, translations, dismissals, ...head } = pack;
  const fields = Object.entries(head).map(([k, val]) => `  ${JSON.stringify(k)}: ${JSON.stringify(val)}`);
  const list = (name: string, items: unknown[]) =>
    items.length
      ? `  "${name}": [\n${items.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]`
      : `  "${name}": []`;
  const lists = [list('originals', originals), list('translations', translations)];
  // Written only when there are some, so a pack without decisions reads as before.
  if (dismissals?.length) lists.push(list('dismissals', dismissals));
  return `{\n${[...fields, ...lists].join(',\n')}\n}\n`;
}
