/**
 * Reading a pack: from text (a file, a download) or from an already-parsed value, to
 * either a valid Pack or the full list of what is wrong, record by record and field by
 * field, in words a person can act on. Never throws.
 */
import * as v from 'valibot';
import { indexKeys } from '../engine/keys';
import {
  DismissalSchema, EnvelopeSchema, LIMITS, OriginalSchema, PACK_FORMAT, PACK_VERSION, TranslationSchema, takeDecoded,
  type Pack, type PackDismissal, type PackError, type PackOriginal, type PackTranslation,
} from './schema';
import { rememberChecked } from './checked';
import { canonicalUrl } from './id';

/** Largest pack text read (characters): far above any real pack, far below memory trouble. */
export const MAX_PACK_CHARS = 200 * 1024 * 1024;
/** Errors listed at most; a summary line says how many more there were. */
export const MAX_ERRORS = 100;

export type PackResult =
  | { ok: true; pack: Pack }
  | {
      ok: false;
      errors: PackError[];
      /**
       * The records that are valid, when the envelope itself is fine: lets a caller offer
       * "import the valid ones" instead of losing everything to one bad record.
       */
      partial: Pack | null;
    };

/** Keys that could reach a prototype if some later code copied objects carelessly. */
const POISON = new Set(['__proto__', 'constructor', 'prototype']);

function fieldOf(issue: v.BaseIssue<unknown>): string | null {
  const path = issue.path?.map((p) => String(p.key)) ?? [];
  return path.length ? path.join('.') : null;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? `"${value.slice(0, 40)}…"` : JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function issuesToErrors(record: string, issues: readonly v.BaseIssue<unknown>[]): PackError[] {
  return issues.map((issue) => {
    const field = fieldOf(issue);
    // A missing key reaches the field's own schema as undefined: say "missing", not "must be a string".
    const message = field && issue.input === undefined ? `${field} is missing` : issue.message;
    return { record, field, message };
  });
}

/** Checks an already-parsed JSON value. */
export function parsePack(json: unknown): PackResult {
  const errors: PackError[] = [];
  let more = 0;
  const add = (list: PackError[]) => {
    for (const e of list) {
      if (errors.length < MAX_ERRORS) errors.push(e);
      else more++;
    }
  };
  const fail = (): PackResult => {
    if (more) errors.push({ record: 'pack', field: null, message: `…and ${more} more errors` });
    return { ok: false, errors, partial: null };
  };

  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    add([{ record: 'pack', field: null, message: `not a Provenance Lens pack: expected a JSON object, found ${describe(json)}` }]);
    return fail();
  }
  const obj = json as Record<string, unknown>;
  if (obj.format !== PACK_FORMAT) {
    add([{
      record: 'pack',
      field: 'format',
      message: obj.format === undefined
        ? `not a Provenance Lens pack: no "format" field (expected "${PACK_FORMAT}")`
        : `not a Provenance Lens pack: format is ${describe(obj.format)}, expected "${PACK_FORMAT}"`,
    }]);
    return fail();
  }
  if (obj.version !== PACK_VERSION) {
    const newer = typeof obj.version === 'number' && obj.version > PACK_VERSION;
    add([{
      record: 'pack',
      field: 'version',
      message: newer
        ? `pack version ${obj.version} is newer than this version of Provenance Lens reads (${PACK_VERSION}); update Provenance Lens`
        : `unsupported pack version ${describe(obj.version)} (expected ${PACK_VERSION})`,
    }]);
    return fail();
  }
  const envelope = v.safeParse(EnvelopeSchema, obj, { abortPipeEarly: true });
  if (!envelope.success) add(issuesToErrors('pack', envelope.issues));
  // Records are checked even when the envelope is wrong, so one pass reports everything.
  const list = (key: 'originals' | 'translations' | 'dismissals'): unknown[] =>
    Array.isArray(obj[key]) ? (obj[key] as unknown[]).slice(0, LIMITS[key]) : [];

  const originals: PackOriginal[] = [];
  const firstAt = new Map<string, number>();
  const invalidIds = new Set<unknown>();
  list('originals').forEach((raw, i) => {
    const record = `originals[${i}]`;
    const r = v.safeParse(OriginalSchema, raw, { abortPipeEarly: true });
    if (!r.success) {
      if (raw && typeof raw === 'object') invalidIds.add((raw as Record<string, unknown>).id);
      add(r.issues.length && raw !== null && typeof raw === 'object' && !Array.isArray(raw)
        ? issuesToErrors(record, r.issues)
        : [{ record, field: null, message: `must be an object, found ${describe(raw)}` }]);
      return;
    }
    const seen = firstAt.get(r.output.id);
    if (seen !== undefined) {
      add([{ record, field: 'id', message: `duplicate id "${r.output.id}" (first used by originals[${seen}])` }]);
      return;
    }
    firstAt.set(r.output.id, i);
    // The fingerprint was just decoded by the schema's check: kept for an import (checked.ts).
    const decoded = takeDecoded(r.output.fingerprint);
    if (decoded) rememberChecked(r.output, { bytes: decoded.bytes, keys: Uint32Array.from(indexKeys(decoded.fingerprint)) });
    originals.push(r.output);
  });

  const translations: PackTranslation[] = [];
  list('translations').forEach((raw, i) => {
    const record = `translations[${i}]`;
    const r = v.safeParse(TranslationSchema, raw, { abortPipeEarly: true });
    if (!r.success) {
      add(raw !== null && typeof raw === 'object' && !Array.isArray(raw)
        ? issuesToErrors(record, r.issues)
        : [{ record, field: null, message: `must be an object, found ${describe(raw)}` }]);
      return;
    }
    if (!firstAt.has(r.output.originalId)) {
      const id = r.output.originalId.slice(0, 80);
      add([{
        record,
        field: 'originalId',
        message: invalidIds.has(r.output.originalId)
          ? `refers to original "${id}", which is invalid (see its errors)`
          : `no original with id "${id}" in this pack`,
      }]);
      return;
    }
    translations.push(r.output);
  });

  // Optional: "not a copy" decisions. A page cannot be both a copy of an original and
  // not one, so a dismissal that contradicts a translation of the pack is an error.
  const dismissals: PackDismissal[] = [];
  const pairKey = (url: string, originalId: string) => JSON.stringify([canonicalUrl(url) ?? url, originalId]);
  const translated = new Map(translations.map((t, i) => [pairKey(t.url, t.originalId), i]));
  list('dismissals').forEach((raw, i) => {
    const record = `dismissals[${i}]`;
    const r = v.safeParse(DismissalSchema, raw, { abortPipeEarly: true });
    if (!r.success) {
      add(raw !== null && typeof raw === 'object' && !Array.isArray(raw)
        ? issuesToErrors(record, r.issues)
        : [{ record, field: null, message: `must be an object, found ${describe(raw)}` }]);
      return;
    }
    if (!firstAt.has(r.output.originalId)) {
      add([{ record, field: 'originalId', message: `no original with id "${r.output.originalId.slice(0, 80)}" in this pack` }]);
      return;
    }
    const clash = translated.get(pairKey(r.output.url, r.output.originalId));
    if (clash !== undefined) {
      add([{ record, field: 'url', message: `contradicts translations[${clash}]: the same page is listed as a copy of that original` }]);
      return;
    }
    dismissals.push(r.output);
  });

  if (!envelope.success) return fail();
  const pack: Pack = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    created: envelope.output.created,
    ...(envelope.output.publisher !== undefined ? { publisher: envelope.output.publisher } : {}),
    originals,
    translations,
    ...(dismissals.length ? { dismissals } : {}),
  };
  if (errors.length) return { ...(fail() as Extract<PackResult, { ok: false }>), partial: pack };
  return { ok: true, pack };
}

/** Parses pack text (a file's content): size cap, JSON syntax, then `parsePack`. */
export function parsePackText(text: string): PackResult {
  const failure = (message: string): PackResult => ({ ok: false, errors: [{ record: 'pack', field: null, message }], partial: null });
  if (typeof text !== 'string') return failure('not text');
  if (text.length > MAX_PACK_CHARS) {
    return failure(`pack is too large (${Math.round(text.length / 1048576)} MB; at most ${MAX_PACK_CHARS / 1048576} MB)`);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.trim()) return failure('pack is empty');
  let json: unknown;
  try {
    // The reviver drops prototype-named keys outright, so they exist nowhere downstream.
    json = JSON.parse(body, (key, value) => (POISON.has(key) ? undefined : value));
  } catch (e) {
    return failure(`pack is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  return parsePack(json);
}
