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
 * An address in the form that identifies the article: no fragment, no utm_* tracking
 * parameters, no trailing slash; host lower-cased by URL itself. Null unless http(s).
 */
export function canonicalUrl(raw: string): string | null {
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
