/**
 * The metadata of an original as a person types it (the popup's register form, the
 * options page's edit form): checked the same way in the form, to point at the field at
 * fault, and in the background, which trusts no message. The rules are the pack format's
 * (utils/pack/schema.ts), so whatever is registered can be exported as a valid pack.
 */
import { primaryLang } from '@/utils/engine';
import { isHttpUrl, isIsoDate, LANG_TAG, LIMITS } from '@/utils/pack/schema';
import { cleanText } from '@/utils/page/text';
import type { OriginalInfo } from '@/utils/verdict';

/** The editable part of an original. */
export type OriginalMeta = Omit<OriginalInfo, 'id'>;
export type MetaField = keyof OriginalMeta;
export const META_FIELDS: readonly MetaField[] = ['title', 'author', 'publisher', 'url', 'date', 'lang'];

/** What is wrong with a field; the form shows it in the reader's language. */
export type MetaProblem = 'required' | 'tooLong' | 'url' | 'date' | 'lang';

export type MetaCheck =
  | { ok: true; meta: OriginalMeta }
  | { ok: false; problems: Partial<Record<MetaField, MetaProblem>> };

const MAX: Record<MetaField, number> = {
  title: LIMITS.title, author: LIMITS.name, publisher: LIMITS.name, url: LIMITS.url, date: LIMITS.date, lang: LIMITS.lang,
};

/** One line of text, or null when empty (control characters become spaces). */
function field(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const t = cleanText(raw.replace(/[\u0000-\u001F\u007F-\u009F]/g, ' '));
  return t || null;
}

/** Checks and tidies metadata from a form or a message. Never throws. */
export function checkMeta(raw: unknown): MetaCheck {
  const obj = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const values = Object.fromEntries(META_FIELDS.map((f) => [f, field(obj[f])])) as Record<MetaField, string | null>;
  const problems: Partial<Record<MetaField, MetaProblem>> = {};
  for (const f of META_FIELDS) if (values[f] && values[f]!.length > MAX[f]) problems[f] = 'tooLong';
  if (!values.title) problems.title = 'required';
  if (values.url && !problems.url && !isHttpUrl(values.url)) problems.url = 'url';
  if (values.date && !problems.date && !isIsoDate(values.date)) problems.date = 'date';
  if (values.lang && !problems.lang && !LANG_TAG.test(values.lang)) problems.lang = 'lang';
  if (Object.keys(problems).length) return { ok: false, problems };
  const lang = primaryLang(values.lang);
  return {
    ok: true,
    meta: {
      title: values.title!,
      author: values.author,
      publisher: values.publisher,
      url: values.url,
      date: values.date,
      lang: lang && lang !== 'und' ? lang : null,
    },
  };
}

/** A page's stated publication time as a form date ("2022-06-14"), or null if unreadable. */
export function dayOf(text: string | null | undefined): string | null {
  if (!text) return null;
  const t = text.trim();
  if (isIsoDate(t)) return t.slice(0, 10);
  const ms = Date.parse(t);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : null;
}
