/**
 * The concept table is read in place (concept-forms.ts, bloom.ts) instead of being built
 * into maps on first use: the lookup must answer exactly as the maps did
 * (helpers/concepts-reference.ts), for every form of the table, its stems and declined
 * forms, every word of real articles, and so leave every fingerprint as it was.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { calendarOf, conceptOf, mayBeCalendar, type Concept } from '@/utils/engine/concepts';
import { foldConcept } from '@/utils/engine/fold';
import * as reference from '../helpers/concepts-reference';
import { corpus } from '../helpers/corpus';

const LANGS = ['cs', 'de', 'en', 'es', 'fr', 'ru'];
/** Endings of declined names in the corpus's languages and others of the table. */
const ENDINGS = ['a', 'e', 'i', 'o', 'u', 'y', 'á', 'é', 'ě', 'ů', 's', 'n', 'em', 'ou', 'om', 'ns', 'es', 'en', 'ii', 'а', 'е', 'и', 'у', 'ы', 'ой', 'ии', 'ию', 'ом', 'ς', 'ου'];

const show = (c: Concept | null) => (c ? `${c.kind}:${c.id}` : null);
const capitalised = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** Every lookup of `word` the engine makes, by both lookups; the words where they differ. */
function differences(words: Iterable<string>): string[] {
  const out: string[] = [];
  for (const w of words) {
    const got = [show(conceptOf(w, true)), show(conceptOf(w, false)), show(calendarOf(w))];
    const want = [show(reference.conceptOf(w, true)), show(reference.conceptOf(w, false)), show(reference.calendarOf(w))];
    if (got.join() !== want.join()) out.push(`${w}: ${got.join()} ≠ ${want.join()}`);
    // The filter may let other words through, never a month or weekday.
    if (reference.calendarOf(w) && !mayBeCalendar(w, 0, w.length)) out.push(`${w}: mayBeCalendar false`);
  }
  return out;
}

const articles = LANGS.flatMap((l) => corpus(l));

describe('the concept lookup read in place', () => {
  const forms = reference.tablePairs().map(([f]) => f);

  it('answers as the maps did for every form of the table, capitalised, in capitals, its stems and declined forms', () => {
    const words = new Set<string>();
    for (const f of forms) {
      for (const w of [f, f.slice(0, -1), f.slice(0, -2), ...ENDINGS.flatMap((e) => [f + e, f.slice(0, -1) + e])]) {
        words.add(w);
        words.add(capitalised(w));
        words.add(w.toUpperCase());
      }
    }
    expect(words.size).toBeGreaterThan(500_000);
    expect(differences(words)).toEqual([]);
  });

  it('answers as the maps did for every word of 360 articles of the dev corpus', () => {
    const words = new Set<string>();
    for (const l of LANGS) {
      for (const a of corpus(l, 60)) {
        for (const p of a.paragraphs) for (const w of p.split(/[^\p{L}\p{M}'’-]+/u)) if (w) words.add(w).add(w.toLowerCase());
      }
    }
    expect(words.size).toBeGreaterThan(30_000);
    // Many are concepts (the test would prove little otherwise).
    expect([...words].filter((w) => reference.conceptOf(w, true)).length).toBeGreaterThan(300);
    expect(differences(words)).toEqual([]);
  });

  it('finds every form of the table with its own concept', () => {
    const wrong = reference.tablePairs().filter(([f, id]) => {
      // Territory names of three letters count only in capitals (acronyms), checked above.
      if (/^[md]\d/.test(id)) return calendarOf(f)?.id !== id;
      return f.length >= 4 && conceptOf(f, true)?.id !== id;
    });
    expect(wrong).toEqual([]);
    expect(calendarOf(foldConcept('Listopadu'))?.id).toBe('m11');
  });
});

describe('fingerprints', () => {
  afterAll(() => {
    vi.doUnmock('@/utils/engine/concepts');
    vi.resetModules();
  });

  it(`are those the maps gave, for all ${articles.length} articles of the dev corpus`, async () => {
    const now = await import('@/utils/engine/fingerprint');
    const fingerprints = articles.map((a) => now.fingerprintArticle(a));
    vi.resetModules();
    vi.doMock('@/utils/engine/concepts', () => import('../helpers/concepts-reference'));
    // The engine now runs on the reference lookup.
    expect('tablePairs' in (await import('@/utils/engine/concepts'))).toBe(true);
    const before = await import('@/utils/engine/fingerprint');
    expect(before.fingerprintArticle).not.toBe(now.fingerprintArticle);
    let conceptLabels = 0;
    articles.forEach((a, i) => {
      const want = before.fingerprintArticle(a);
      expect(fingerprints[i], a.id).toEqual(want);
      conceptLabels += want.labels.filter((l) => reference.conceptOf(l, true) ?? reference.calendarOf(l)).length;
    });
    // Countries, months and weekdays are among the anchors compared.
    expect(conceptLabels).toBeGreaterThan(1000);
  }, 120_000);
});
