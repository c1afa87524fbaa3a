/**
 * Any page: huge, deep, empty, framed, right-to-left, mixed scripts, control and invisible
 * characters, emoji, broken markup. What runs on a page (the content script's gate and the
 * extractor) never throws, stays within its caps, and still finds the Italian seed copy
 * when it is hidden in hostile markup. Pages are parsed by linkedom; the same pages run in
 * Chromium in tests/e2e/reliability.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFingerprint, MemoryIndex } from '@/utils/engine';
import { readPage } from '@/utils/content/read-page';
import { parseExtraction } from '@/utils/extraction';
import { extractArticle, looksLikeArticle } from '@/utils/page/extract';
import { DEFAULT_PARAGRAPH_LIMITS } from '@/utils/page/paragraphs';
import { hostileCopies, hostilePages } from '../../../scripts/harness/hostile-pages';
import { parseSeed } from '../../../scripts/harness/news-page';
import { sharedDir } from '../helpers/corpus';
import { documentOf } from '../helpers/pages';

/** Per page, parse excluded: generous for 2 shared cores, far below a hang. */
const PAGE_BUDGET_MS = 8_000;

function defaultIndex(): MemoryIndex {
  const pack = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../public/packs/default.json'), 'utf8'));
  const index = new MemoryIndex();
  for (const o of pack.originals) index.add({ id: o.id, lang: o.lang, fingerprint: decodeFingerprint(o.fingerprint) });
  return index;
}

function italianSeed() {
  const dir = path.join(sharedDir(), 'seeds');
  const name = readFileSync(path.join(dir, 'README.md'), 'utf8').match(/001_[0-9a-f]+\.txt/)![0];
  return parseSeed(readFileSync(path.join(dir, name), 'utf8'));
}

async function timed<T>(fn: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

describe('hostile pages without a copy', () => {
  for (const page of hostilePages()) {
    it(`${page.name}: no throw, bounded time and output, nothing flagged`, async () => {
      const doc = documentOf(page.html);
      const gate = await timed(() => looksLikeArticle(doc));
      expect(typeof gate.value).toBe('boolean');
      const read = await timed(() => readPage(doc, `https://hostile.example/${page.name}`, async () => null));
      expect(gate.ms + read.ms, `${page.name} took ${Math.round(gate.ms)} + ${Math.round(read.ms)} ms`).toBeLessThan(PAGE_BUDGET_MS);
      const extraction = read.value;
      if (extraction) {
        // What crosses to the background passes the background's own checks…
        expect(parseExtraction(JSON.parse(JSON.stringify(extraction)))).not.toBeNull();
        // …and is bounded whatever the page's size.
        expect(extraction.fingerprint.paraLens.length).toBeLessThanOrEqual(DEFAULT_PARAGRAPH_LIMITS.maxParagraphs);
        expect(JSON.stringify(extraction).length).toBeLessThan(1_000_000);
        expect(defaultIndex().check(extraction.fingerprint).kind).toBe('none');
      }
    });
  }

  it('caps a 10 MB article at the paragraph limits instead of reading it all', () => {
    const page = hostilePages().find((p) => p.name === 'huge-text')!;
    expect(page.html.length).toBeGreaterThan(10_000_000);
    const a = extractArticle(documentOf(page.html));
    expect(a).not.toBeNull();
    expect(a!.paragraphs.join('').length).toBeLessThanOrEqual(DEFAULT_PARAGRAPH_LIMITS.maxChars);
  });

  it('gives up on 100,000 paragraphs and 20,000 nested elements rather than grinding', () => {
    for (const name of ['many-paragraphs', 'deep-nesting']) {
      expect(extractArticle(documentOf(hostilePages().find((p) => p.name === name)!.html)), name).toBeNull();
    }
  });
});

describe('the Italian copy inside hostile markup', () => {
  const index = defaultIndex();
  for (const page of hostileCopies(italianSeed())) {
    it(`${page.name}: still flagged as a translation of the French original`, async () => {
      const doc = documentOf(page.html);
      expect(looksLikeArticle(doc)).toBe(true);
      const { value: extraction, ms } = await timed(() => readPage(doc, `https://hostile.example/${page.name}`, null));
      expect(ms).toBeLessThan(PAGE_BUDGET_MS);
      expect(extraction?.pageLang).toBe('it');
      const verdict = index.check(extraction!.fingerprint);
      expect(verdict.kind).toBe('translation');
      if (verdict.kind !== 'none') expect(verdict.match.evidence.shared.map((s) => s.label)).toContain('Ouzzani');
    });
  }
});
