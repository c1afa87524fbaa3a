/**
 * Property-based tests (fast-check) on what every page goes through: normalisation,
 * fingerprinting, the stored codec, matching, and extraction. For any input, hostile
 * ones included: no throw, the same answer twice, output the background accepts, and the
 * same fingerprint for the same text however it is marked up or sprinkled with invisible
 * characters. Seeds are fixed so a failure reproduces; set FC_SEED to explore others.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, decodeFingerprint, encodeFingerprint, fingerprintArticle, toStored, type Article, type Candidate } from '@/utils/engine';
import { decodeBytes, FingerprintFormatError } from '@/utils/engine/codec';
import { normaliseText } from '@/utils/engine/normalise';
import { parseExtraction } from '@/utils/extraction';
import { extractArticle } from '@/utils/page/extract';
import { cleanText } from '@/utils/page/text';
import { escapeHtml } from '../../../scripts/harness/news-page';
import { withInvisibles } from '../../../scripts/harness/hostile-pages';
import { corpus } from '../helpers/corpus';
import { documentOf } from '../helpers/pages';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20240601;
const params = (numRuns: number) => ({ seed, numRuns });

/** Characters that break naive text handling: invisible, control, bidi, surrogate halves, compatibility forms. */
const NASTY = [
  '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f', '\u00a0', '\u00ad', '\u200b', '\u200c', '\u200d', '\u200e',
  '\u202e', '\u2066', '\u2060', '\ufeff', '\ud800', '\udfff', '\ufffd', '\u3000', '\u2028', '\n', '\t', ' ',
  'e\u0301', 'é', 'ﬁ', '１２', '٣', '۴', '१', 'Ω', 'İ', 'ß', '😀', '👩‍👩‍👧', '🇫🇷', '東京', 'Москва', 'القاهرة', '<', '&amp;',
];
const nastyUnit = fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 3 }), fc.string({ unit: 'grapheme', maxLength: 4 }));
const hostileText = fc.string({ unit: nastyUnit, maxLength: 200 });

/** Article-like prose: words, capitalised names and numbers (what the engine anchors on). */
const word = fc.constantFrom('the', 'city', 'said', 'le', 'maire', 'a', 'dit', 'die', 'Stadt', 'и', 'город', 'budget', 'of', 'in');
const name = fc.constantFrom('Camaïeu', 'Ouzzani', 'Würth', 'Paris', 'Milano', 'Angela Merkel', 'Москва', 'Οδυσσέας', 'Nguyễn', 'McDonald');
const number = fc.oneof(fc.integer({ min: 0, max: 100_000 }).map(String), fc.constantFrom('7 juin', '2022', '3,5', '1.250.000', '٢٠٢٢'));
const sentence = fc.array(fc.oneof({ weight: 5, arbitrary: word }, { weight: 2, arbitrary: name }, { weight: 1, arbitrary: number }), { minLength: 3, maxLength: 25 })
  .map((ws) => `${ws.join(' ')}.`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 5 }).map((ss) => ss.join(' '));
const prose: fc.Arbitrary<Article> = fc.record({
  title: fc.option(sentence, { nil: null }),
  lang: fc.option(fc.constantFrom('fr', 'it', 'en-GB', 'ru', 'und', 'x', ''), { nil: null }),
  paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 12 }),
});
const hostileArticle: fc.Arbitrary<Article> = fc.record({
  title: fc.option(hostileText, { nil: null }),
  byline: fc.option(hostileText, { nil: null }),
  lang: fc.option(hostileText, { nil: null }),
  paragraphs: fc.array(fc.oneof(hostileText, paragraph), { maxLength: 20 }),
});

// eslint-disable-next-line no-control-regex
const INVISIBLE_OR_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/;

describe('normalisation', () => {
  it('never throws, is deterministic, and leaves no invisible or control character nor stray space', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const a = normaliseText(text);
        expect(normaliseText(text)).toBe(a);
        expect(a).not.toMatch(INVISIBLE_OR_CONTROL);
        expect(a).toBe(a.trim());
        expect(a).not.toMatch(/\s\s/);
      }),
      params(500),
    );
  });

  it('ignores invisible characters slipped into words', () => {
    fc.assert(
      fc.property(paragraph, (p) => {
        expect(normaliseText(withInvisibles(p))).toBe(normaliseText(p));
      }),
      params(200),
    );
  });
});

describe('fingerprint', () => {
  it('never throws on hostile articles, and gives output the background accepts', () => {
    fc.assert(
      fc.property(hostileArticle, (article) => {
        const fp = fingerprintArticle(article);
        expect(fingerprintArticle(article)).toEqual(fp);
        // The extractor's result crosses a process boundary and is re-validated there.
        expect(parseExtraction(JSON.parse(JSON.stringify({ url: 'https://x.example/', pageLang: null, fingerprint: fp, title: null, byline: null })))).not.toBeNull();
        for (const p of fp.pos) expect(p >= 0 && p <= 1000).toBe(true);
        for (const i of fp.para) expect(i >= 0 && i < Math.max(1, fp.paraLens.length)).toBe(true);
      }),
      params(300),
    );
  });

  it('is the same with invisible characters slipped into every word', () => {
    fc.assert(
      fc.property(prose, (article) => {
        const dirty = { ...article, paragraphs: article.paragraphs.map(withInvisibles) };
        expect(fingerprintArticle(dirty)).toEqual(fingerprintArticle(article));
      }),
      params(150),
    );
  });

  it('survives the stored codec: what is read back is what was stored', () => {
    fc.assert(
      fc.property(fc.oneof(prose, hostileArticle), (article) => {
        const stored = toStored(fingerprintArticle(article));
        const text = encodeFingerprint(stored);
        expect(decodeFingerprint(text)).toEqual(stored);
        expect(encodeFingerprint(decodeFingerprint(text))).toBe(text);
      }),
      params(200),
    );
  });

  it('decoding garbage throws a FingerprintFormatError or yields a valid fingerprint, nothing else', () => {
    const check = (fn: () => unknown, errorType: new (...a: never[]) => Error) => {
      let fp: unknown;
      try {
        fp = fn();
      } catch (e) {
        expect(e).toBeInstanceOf(errorType);
        return;
      }
      // Whatever decodes is a fingerprint the background would accept.
      expect(parseExtraction({ url: 'https://x.example/', pageLang: null, fingerprint: { ...(fp as object), labels: [], title: null }, title: null, byline: null })).not.toBeNull();
    };
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.uint8Array({ maxLength: 400 }), (text, bytes) => {
        // Base64 text that atob refuses (bad padding, "/" alone) surfaces as atob's own
        // DOMException, not a FingerprintFormatError: callers catch every Error (reported).
        check(() => decodeFingerprint(text), Error);
        check(() => decodeFingerprint(btoa(String.fromCharCode(...bytes))), FingerprintFormatError);
        check(() => decodeBytes(bytes), FingerprintFormatError);
      }),
      params(400),
    );
  });
});

describe('matching', () => {
  const candidates = (articles: Article[]): Candidate[] => articles.map((a, i) => ({ id: `c${i}`, lang: a.lang ?? null, fingerprint: toStored(fingerprintArticle(a)) }));

  it('never throws, answers the same twice, and scores within 0..1', () => {
    fc.assert(
      fc.property(fc.oneof(prose, hostileArticle), fc.array(fc.oneof(prose, hostileArticle), { maxLength: 6 }), (page, originals) => {
        const fp = fingerprintArticle(page);
        const cs = candidates(originals);
        const v = decide(fp, cs);
        expect(decide(fp, cs)).toEqual(v);
        if (v.kind !== 'none') expect(v.match.score >= 0 && v.match.score <= 1).toBe(true);
        if (v.kind === 'none' && v.best) expect(Number.isNaN(v.best.score) || (v.best.score >= 0 && v.best.score <= 1)).toBe(true);
      }),
      params(150),
    );
  });

  it('finds a registered original in its own text, whatever else is registered', () => {
    const real = corpus('fr', 40).filter((a) => a.paragraphs.join(' ').length > 1500);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: real.length - 1 }), fc.array(prose, { maxLength: 5 }), (i, others) => {
        const cs = [...candidates(others), { id: 'target', lang: 'fr', fingerprint: toStored(fingerprintArticle(real[i])) }];
        const v = decide(fingerprintArticle(real[i]), cs);
        expect(v.kind).toBe('original');
        if (v.kind !== 'none') expect(v.match.id).toBe('target');
      }),
      params(40),
    );
  });
});

describe('extraction: the same text in different markup', () => {
  /** Inline wrappers a paragraph's words may sit in, and block wrappers a paragraph may sit in. */
  const inline = fc.constantFrom('span', 'em', 'strong', 'b', 'i', 'a href="/x"', 'font face="serif"', 'span class="t" data-x="1"');
  const block = fc.constantFrom('p', 'p class="lead"', 'p style="margin:0"');
  const container = fc.constantFrom(
    (b: string) => `<article>${b}</article>`,
    (b: string) => `<main><article><div class="body">${b}</div></article></main>`,
    (b: string) => `<div id="content"><div class="story">${b}</div></div>`,
    (b: string) => `<section class="post">${b}</section><aside><ul><li><a href="/a">Related</a></li></ul></aside>`,
  );
  const gap = fc.constantFrom('', '\n', '\n   ', '<!-- ad -->', '\t\n');

  /** Marks up one paragraph: words split into runs, each run maybe in an inline element. */
  function markup(text: string, splits: number[], tags: string[]): string {
    const words = text.split(' ');
    const out: string[] = [];
    let start = 0;
    splits.forEach((s, k) => {
      const end = Math.min(words.length, start + 1 + (s % 6));
      if (start >= words.length) return;
      const run = escapeHtml(words.slice(start, end).join(' '));
      const tag = tags[k % tags.length];
      out.push(k % 2 ? `<${tag}>${run}</${tag.split(' ')[0]}>` : run);
      start = end;
    });
    if (start < words.length) out.push(escapeHtml(words.slice(start).join(' ')));
    return out.join(' ');
  }

  const real = [...corpus('fr', 15), ...corpus('de', 15), ...corpus('ru', 15)].filter((a) => a.paragraphs.length >= 4);

  it('gives the same paragraphs and the same fingerprint', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: real.length - 1 }),
        fc.array(fc.nat(20), { minLength: 1, maxLength: 12 }),
        fc.array(inline, { minLength: 1, maxLength: 4 }),
        fc.array(block, { minLength: 1, maxLength: 3 }),
        container,
        gap,
        (i, splits, tags, blocks, wrap, sep) => {
          const a = real[i];
          const paragraphs = a.paragraphs.map(cleanText).filter(Boolean);
          const plain = `<article>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</article>`;
          const fancy = wrap(paragraphs.map((p, k) => {
            const tag = blocks[k % blocks.length];
            return `${sep}<${tag}>${sep}${markup(p, splits, tags)}${sep}</p>`;
          }).join(''));
          const page = (body: string) => documentOf(`<!doctype html><html lang="${a.lang}"><head><title>Story</title></head><body>${body}</body></html>`);
          const x = extractArticle(page(plain));
          const y = extractArticle(page(fancy));
          expect(x?.paragraphs).toEqual(paragraphs);
          expect(y?.paragraphs).toEqual(paragraphs);
          expect(fingerprintArticle(y!)).toEqual(fingerprintArticle(x!));
        },
      ),
      params(40),
    );
  });
});
