/**
 * `canonicalUrl` returns an address already in canonical form as it is, without parsing
 * it (utils/pack/id.ts, ALREADY_CANONICAL). That short way must agree with the long way
 * (URL) on every input: addresses built from pieces that URL rewrites (upper case, ports,
 * dot segments, %2e, IPv4-looking hosts, punycode, queries, trailing slashes) and pieces
 * it keeps.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalByUrl, canonicalUrl, isAlreadyCanonical } from '@/utils/pack/id';

const pick = (...xs: string[]) => fc.constantFrom(...xs);
/** Mostly `usual` (what URL keeps), sometimes `odd` (what it may rewrite): both ways get exercised. */
const mostly = <T,>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: usual }, { weight: 1, arbitrary: odd });
const label = mostly(
  fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
  fc.oneof(fc.stringMatching(/^[a-zA-Z0-9-]{1,6}$/), pick('xn--bcher-kva', 'xn--zz', '0x7f', '127', '1', 'Example', 'a_b', '')),
);
const host = fc.array(label, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('.'));
const segment = mostly(
  fc.stringMatching(/^[A-Za-z0-9\-._~!$&'()*+,;=:@]{0,10}$/),
  fc.oneof(fc.stringMatching(/^[A-Za-z0-9.%]{0,6}$/), pick('.', '..', '%2e', '%2E%2e', '.%2E', '%41', '%zz', '%', 'é', 'a b', '"', '<x>', '{}', '`', '^', '|', '\\', '[1]', 'index.html')),
);
const path = fc.array(segment, { maxLength: 5 }).chain((segs) =>
  mostly(fc.constant(''), fc.constant('/')).map((end) => (segs.length ? `/${segs.join('/')}` : '') + end),
);
const address = fc
  .tuple(
    mostly(pick('http://', 'https://'), pick('HTTP://', 'Https://', 'ftp://', 'http:/', ' https://', 'https://user@')),
    host,
    mostly(fc.constant(''), pick(':80', ':443', ':8080', ':0080', '.')),
    path,
    mostly(fc.constant(''), pick('?', '?a=1', '?utm_source=x&b=2', '?q=a+b%20c', '#top', '#', '?x=/y#z')),
    mostly(fc.constant(''), pick(' ', '\t')),
  )
  .map(([scheme, h, port, p, tail, space]) => `${scheme}${h}${port}${p}${tail}${space}`);

describe('canonicalUrl, short way', () => {
  it('gives what URL gives, on any address', () => {
    let short = 0;
    fc.assert(
      fc.property(address, (raw) => {
        if (isAlreadyCanonical(raw)) short++;
        expect(canonicalUrl(raw)).toBe(canonicalByUrl(raw));
      }),
      { numRuns: 20_000 },
    );
    // The property would hold vacuously if the short way never applied.
    expect(short).toBeGreaterThan(1_000);
  });

  it('on real-looking addresses too', () => {
    fc.assert(
      fc.property(fc.webUrl({ withFragments: true, withQueryParameters: true }), (raw) => {
        expect(canonicalUrl(raw)).toBe(canonicalByUrl(raw));
      }),
      { numRuns: 5_000 },
    );
  });

  it('takes the short way for the usual article address, not for one URL would change', () => {
    expect(isAlreadyCanonical('https://www.example-news.com/2024/05/01/some-article-title-123')).toBe(true);
    expect(isAlreadyCanonical('https://example.com/')).toBe(true);
    for (const raw of ['https://example.com', 'https://Example.com/a', 'https://example.com/a/', 'https://example.com/a/../b', 'https://example.com:443/a', 'https://1.2.3/a', 'https://example.com/a?b=1']) {
      expect(isAlreadyCanonical(raw), raw).toBe(false);
    }
  });
});
