/**
 * Plain-text clean-up shared by the page readers. Everything read from a page goes
 * through here before it is used or shown, so markup never survives as markup.
 */

/** Collapses every run of whitespace (incl. NBSP and zero-width spaces) to one space. */
export function cleanText(text: string): string {
  return text
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/[\s\u00A0\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g, ' ')
    .trim();
}

/** cleanText, then null for empty; bounded so a hostile attribute cannot bloat a record. */
export function cleanOrNull(text: string | null | undefined, max = 1_000): string | null {
  if (typeof text !== 'string') return null;
  const t = cleanText(text);
  return t ? t.slice(0, max) : null;
}

/** Loose equality used to spot the title repeated as the first paragraph. */
export function sameWords(a: string, b: string): boolean {
  const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const ka = key(a);
  return ka.length > 0 && ka === key(b);
}
