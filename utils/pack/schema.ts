/**
 * The pack format, version 1: a JSON file that shares known originals (metadata and a
 * fingerprint, never the article's text) and known translated copies of them.
 * Documented for humans in docs/pack-format.md; this file is the authority.
 *
 * Every string is bounded, every address is http(s), and validation builds fresh objects
 * holding only the known fields, so whatever else a file carries (`__proto__`, extra
 * keys, markup) can reach nothing. Text is kept as plain text: a title reading
 * `<b>x</b>` stays those characters, shown escaped, never parsed.
 */
import * as v from 'valibot';
import { decodeBytes, fromBase64 } from '../engine/codec';
import type { Fingerprint } from '../engine';

export const PACK_FORMAT = 'provenance-lens-pack';
export const PACK_VERSION = 1;

/** Bounds: generous for real metadata, small enough that no field can bloat a store. */
export const LIMITS = {
  id: 200,
  title: 500,
  name: 300,
  url: 2_048,
  lang: 35,
  date: 40,
  note: 1_000,
  /** A stored fingerprint is < 1 KB decoded, so < 1.4 KB in base64. */
  fingerprint: 4_096,
  originals: 1_000_000,
  translations: 1_000_000,
  dismissals: 1_000_000,
} as const;

/** C0/C1 control characters (tab, newline included): none belongs in a one-line field. */
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

const line = (max: number, what: string) =>
  v.pipe(
    v.string(`${what} must be a string`),
    v.minLength(1, `${what} must not be empty`),
    v.maxLength(max, `${what} must be at most ${max} characters`),
    v.check((s) => !CONTROL.test(s), `${what} must be one line of text without control characters`),
    v.check((s) => s.trim() === s && s.trim().length > 0, `${what} must not start or end with spaces`),
  );

/** Whether `s` is an absolute http(s) address (not javascript:, data:, file:…). */
export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

/** A BCP-47-shaped tag: "fr", "pt-BR", "zh-Hant-TW", "und" (unknown). Not a registry check. */
export const LANG_TAG = /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8}){0,7}$/;

/** "2024-05-01" or a full ISO 8601 date-time ("2024-05-01T12:00:00Z"), and a real date. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  // Date.parse forgives "2024-02-30" (it rolls over to March); a calendar day must exist.
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}

const url = (what: string) =>
  v.pipe(
    line(LIMITS.url, what),
    v.check(isHttpUrl, `${what} must be an absolute http:// or https:// address`),
  );
const lang = v.pipe(
  line(LIMITS.lang, 'lang'),
  v.regex(LANG_TAG, 'lang must be a language tag such as "fr", "pt-BR" or "und"'),
);
const date = (what: string) =>
  v.pipe(line(LIMITS.date, what), v.check(isIsoDate, `${what} must be an ISO 8601 date such as "2024-05-01"`));

/**
 * The fingerprint the check decoded last: decoding is the costliest part of checking a
 * pack (tens of microseconds an original), and an import needs the decoded fingerprint
 * again (its index keys) — parse.ts takes it from here instead of decoding twice.
 */
let lastDecoded: { text: string; bytes: Uint8Array; fingerprint: Fingerprint } | null = null;

function decodes(text: string): boolean {
  try {
    const bytes = fromBase64(text);
    lastDecoded = { text, bytes, fingerprint: decodeBytes(bytes) };
    return true;
  } catch {
    lastDecoded = null;
    return false;
  }
}

/** What the last fingerprint check decoded, if it was `text`'s (and `text` decodes); taken once. */
export function takeDecoded(text: string): { bytes: Uint8Array; fingerprint: Fingerprint } | null {
  const d = lastDecoded;
  lastDecoded = null;
  return d && d.text === text ? d : null;
}

const fingerprint = v.pipe(
  v.string('fingerprint must be a string'),
  v.minLength(1, 'fingerprint must not be empty'),
  v.maxLength(LIMITS.fingerprint, `fingerprint must be at most ${LIMITS.fingerprint} characters`),
  v.check(decodes, 'fingerprint is not a valid Provenance Lens fingerprint (base64 of the engine\'s codec)'),
);

/** A known original: who published what, in which language, and its fingerprint. */
export const OriginalSchema = v.object({
  id: line(LIMITS.id, 'id'),
  title: line(LIMITS.title, 'title'),
  lang,
  author: v.optional(line(LIMITS.name, 'author')),
  publisher: v.optional(line(LIMITS.name, 'publisher')),
  url: v.optional(url('url')),
  date: v.optional(date('date')),
  fingerprint,
});

/** A page known to be a translated copy of one of the pack's originals. */
export const TranslationSchema = v.object({
  url: url('url'),
  lang,
  seen: date('seen'),
  originalId: line(LIMITS.id, 'originalId'),
  note: v.optional(
    v.pipe(
      v.string('note must be a string'),
      v.maxLength(LIMITS.note, `note must be at most ${LIMITS.note} characters`),
    ),
  ),
});

/**
 * A page a reader checked and found NOT to be a copy of one of the pack's originals
 * (optional in version 1: older readers ignore it). It keeps that page from being
 * flagged for that original again, wherever the pack is imported.
 */
export const DismissalSchema = v.object({
  url: url('url'),
  originalId: line(LIMITS.id, 'originalId'),
  decided: date('decided'),
  note: v.optional(
    v.pipe(
      v.string('note must be a string'),
      v.maxLength(LIMITS.note, `note must be at most ${LIMITS.note} characters`),
    ),
  ),
});

/** The envelope, records left unchecked: they are validated one by one (parse.ts). */
export const EnvelopeSchema = v.object({
  format: v.string('format must be a string'),
  version: v.number('version must be a number'),
  created: date('created'),
  publisher: v.optional(line(LIMITS.name, 'publisher')),
  originals: v.pipe(
    v.array(v.unknown(), 'originals must be an array'),
    v.maxLength(LIMITS.originals, `a pack holds at most ${LIMITS.originals} originals`),
  ),
  translations: v.pipe(
    v.array(v.unknown(), 'translations must be an array'),
    v.maxLength(LIMITS.translations, `a pack holds at most ${LIMITS.translations} translations`),
  ),
  dismissals: v.optional(
    v.pipe(
      v.array(v.unknown(), 'dismissals must be an array'),
      v.maxLength(LIMITS.dismissals, `a pack holds at most ${LIMITS.dismissals} dismissals`),
    ),
  ),
});

export type PackOriginal = v.InferOutput<typeof OriginalSchema>;
export type PackTranslation = v.InferOutput<typeof TranslationSchema>;
export type PackDismissal = v.InferOutput<typeof DismissalSchema>;

export interface Pack {
  format: typeof PACK_FORMAT;
  version: typeof PACK_VERSION;
  /** When the pack was built (ISO 8601). */
  created: string;
  publisher?: string;
  originals: PackOriginal[];
  translations: PackTranslation[];
  /** Pages found not to be copies (absent when there are none). */
  dismissals?: PackDismissal[];
}

/** One problem found in a pack: where (record, field) and what, in words. */
export interface PackError {
  /** "pack" for the envelope, else e.g. "originals[3]", "translations[0]" or "dismissals[1]". */
  record: string;
  /** The field at fault, e.g. "url"; null when the record as a whole is wrong. */
  field: string | null;
  message: string;
}
