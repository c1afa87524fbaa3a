/**
 * An author's name from a page's byline, for the register form. Readability returns the
 * byline element's text as the page shows it: "By Jane Doe · 2 May 2024", "Par Marie
 * Tremblay | Le Courrier". Only the name is wanted; the reader can still correct it.
 */

/** "By", "Par", "Di", "Von"… at the start, in the languages the extension speaks and its neighbours'. */
const PREFIX = /^(?:by|written by|par|de|di|da|von|por|door|av|af|przez|autor(?:e|in)?:?|author:?|от|автор:?)\s+/iu;
/** Where a byline goes on to a date, a site or a role. */
const SEPARATOR = /\s+(?:[·•|—–]|-\s)\s*|\s*[,;]\s+/u;
/** A trailing date, time or "updated …". */
const DATE_TAIL = /\s+(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}:\d{2}|(?:updated|published|mis à jour|publié|aggiornato|pubblicato)\b).*$/iu;

export function bylineName(byline: string | null | undefined): string | null {
  if (!byline) return null;
  let s = byline.replace(/\s+/g, ' ').trim();
  s = s.split(SEPARATOR)[0] ?? s;
  s = s.replace(DATE_TAIL, '').replace(PREFIX, '').replace(/^[\s:,.·|-]+|[\s:,·|-]+$/gu, '').trim();
  return s || null;
}
