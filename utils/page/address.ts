/**
 * The address a page declares for itself (`<link rel="canonical">`, then `og:url`). A
 * saved page has no location, but usually still says where it lives; only absolute
 * http(s) addresses count.
 */
/** The address itself when absolute http(s), else null (javascript:, data:, relative…). */
export function httpUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const u = new URL(raw.trim());
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname ? u.href : null;
  } catch {
    return null;
  }
}

export function declaredUrl(doc: Document): string | null {
  try {
    const canonical = doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href');
    const og = doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
    return httpUrl(canonical) ?? httpUrl(og);
  } catch {
    return null;
  }
}
