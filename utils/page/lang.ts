/**
 * The language a page declares for itself. Pages say it in several places, with
 * different reliability: `<html lang>` is what the author (or CMS) set for the document;
 * Readability's own `lang` reads the same attribute; `og:locale` and Content-Language are
 * site-wide settings, so they come last.
 */
import { cleanOrNull } from './text';

/** "fr_FR" → "fr-FR"; null unless it looks like a BCP-47 tag ("x-default", "*" are not). */
export function normaliseLangTag(raw: string | null | undefined): string | null {
  const t = cleanOrNull(raw, 64);
  if (!t) return null;
  // Content-Language may list several: "fr, en" — the first is the primary one.
  const first = t.split(/[,;\s]/)[0].replace(/_/g, '-');
  if (!/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/.test(first)) return null;
  const [primary, ...rest] = first.split('-');
  return [primary.toLowerCase(), ...rest].join('-');
}

function metaContent(doc: Document, selector: string): string | null {
  try {
    return doc.querySelector(selector)?.getAttribute('content') ?? null;
  } catch {
    return null;
  }
}

/** The page's declared language, best source first; `readabilityLang` may be null. */
export function declaredLang(doc: Document, readabilityLang: string | null = null): string | null {
  const root = doc.documentElement;
  const candidates = [
    root?.getAttribute('lang'),
    root?.getAttribute('xml:lang'),
    readabilityLang,
    metaContent(doc, 'meta[property="og:locale"]'),
    metaContent(doc, 'meta[http-equiv="content-language" i]'),
    metaContent(doc, 'meta[name="language" i]'),
    metaContent(doc, 'meta[name="dc.language" i]'),
  ];
  for (const c of candidates) {
    const tag = normaliseLangTag(c);
    if (tag) return tag;
  }
  return null;
}
