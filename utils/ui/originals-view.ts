/** Searching and sorting the originals list of the options page. */
import type { OriginalEntry } from '@/utils/management';

export const ORIGINAL_SORTS = ['newest', 'title', 'publisher', 'translations'] as const;
export type OriginalSort = (typeof ORIGINAL_SORTS)[number];

const fold = (s: string | null | undefined) => (s ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Originals whose title, author, publisher, address or language hold every word of the query (accents ignored). */
export function searchOriginals(list: OriginalEntry[], query: string): OriginalEntry[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return list;
  return list.filter((o) => {
    const hay = fold([o.title, o.author, o.publisher, o.url, o.lang, o.id].join(' '));
    return words.every((w) => hay.includes(w));
  });
}

export function sortOriginals(list: OriginalEntry[], sort: OriginalSort, locale: string): OriginalEntry[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const byTitle = (a: OriginalEntry, b: OriginalEntry) => collator.compare(a.title, b.title);
  const out = [...list];
  switch (sort) {
    case 'title':
      return out.sort(byTitle);
    case 'publisher':
      // Originals without a publisher go last, not first.
      return out.sort((a, b) => (a.publisher ? 0 : 1) - (b.publisher ? 0 : 1) || collator.compare(a.publisher ?? '', b.publisher ?? '') || byTitle(a, b));
    case 'translations':
      return out.sort((a, b) => b.translations.length - a.translations.length || byTitle(a, b));
    default:
      return out.sort((a, b) => b.addedAt - a.addedAt || byTitle(a, b));
  }
}
