/**
 * Stable ids for originals. The same original must get the same id whoever builds the
 * pack, so that packs merge and the extension's store de-duplicates: from its address
 * when it has one (the address *is* its identity), else from its title and fingerprint
 * (what a file on disk has). Hashed, so an id is short and says nothing a reader could
 * mistake for content.
 */

/** 64-bit hash (two independent 32-bit lanes, cyrb53-style) as 16 hex digits. */
export function hash64(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/**
 * Addresses `canonicalUrl` returns unchanged, recognised without parsing: an import
 * canonicalises every original's address, and `new URL` with its search parameters cost
 * about 25 µs an address (2.7 s of an import of 100,000, for addresses mostly canonical
 * already). Deliberately narrow — anything else goes through URL:
 * - scheme `http` or `https`, lower case;
 * - host of lower-case letters, digits and hyphens in non-empty labels, the last one
 *   starting with a letter (a last label of digits or 0x… makes an IPv4 address, which
 *   URL rewrites), no `xn--` (punycode, which URL checks), no port, no user;
 * - a path of characters URL keeps as they are (unreserved, sub-delimiters, `:`, `@`,
 *   `%` and two hex digits), `/` alone or not ending in `/`;
 * - no query (URLSearchParams re-encodes one), no fragment.
 * Dot segments (`/./`, `/../`, `%2e`), which URL resolves, are ruled out by DOT_SEGMENT.
 */
const ALREADY_CANONICAL =
  /^https?:\/\/(?!(?:[^/]*\.)?xn--)(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*(?:\/|(?:\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*)*\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})+)$/;
const DOT_SEGMENT = /\/(?:\.|%2e){1,2}(?=\/|$)/i;

/**
 * An address in the form that identifies the article: no fragment, no utm_* tracking
 * parameters, no trailing slash; host lower-cased by URL itself. Null unless http(s).
 */
export function canonicalUrl(raw: string): string | null {
  return isAlreadyCanonical(raw) ? raw : canonicalByUrl(raw);
}

/** Whether `raw` is one of the addresses `canonicalUrl` returns unchanged, known without URL. */
export function isAlreadyCanonical(raw: string): boolean {
  return ALREADY_CANONICAL.test(raw) && !DOT_SEGMENT.test(raw);
}

/** `canonicalUrl` the long way, by URL (exported for the test that the short way agrees). */
export function canonicalByUrl(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) if (/^utm_/i.test(key)) u.searchParams.delete(key);
  u.search = u.searchParams.toString() ? `?${u.searchParams.toString()}` : '';
  const path = u.pathname.length > 1 ? u.pathname.replace(/\/+$/, '') : u.pathname;
  return `${u.protocol}//${u.host}${path}${u.search}`;
}

export interface OriginalIdInput {
  url?: string | null;
  title: string | null;
  /** The encoded fingerprint (encodeFingerprint's output). */
  fingerprint: string;
}

/** "url-<hash>" from the canonical address, else "fp-<hash>" from title + fingerprint. */
export function originalId(input: OriginalIdInput): string {
  const canonical = input.url ? canonicalUrl(input.url) : null;
  if (canonical) return `url-${hash64(canonical)}`;
  const title = (input.title ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  return `fp-${hash64(`${title}\n${input.fingerprint}`)}`;
}
