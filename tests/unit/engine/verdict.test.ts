import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decide, fingerprintArticle, MemoryIndex, toStored, type Article } from '@/utils/engine';
import { corpus, sharedDir } from '../helpers/corpus';

function seed(file: string, lang: string): Article {
  const blocks = readFileSync(path.join(sharedDir(), 'seeds', file), 'utf8').split(/\n\s*\n/).map((b) => b.trim());
  return { title: blocks[1], lang, paragraphs: blocks.slice(2) };
}

describe('the seed case', () => {
  const fr = seed('000_aa5ed160621a76a1.txt', 'fr');
  const it_ = seed('001_8fc0ff38677826b1.txt', 'it');
  const original = { id: 'camaieu', lang: 'fr', fingerprint: toStored(fingerprintArticle(fr)) };

  it('calls the Italian copy a translation of the French original, with evidence', () => {
    const v = decide(fingerprintArticle(it_), [original]);
    expect(v.kind).toBe('translation');
    if (v.kind !== 'translation') return;
    expect(v.match.score).toBeGreaterThan(0.9);
    expect(v.match.evidence.shared.map((s) => s.label)).toEqual(expect.arrayContaining(['Camaïeu', 'Ouzzani', 'Würth']));
    expect(v.match.evidence.links.length).toBeGreaterThan(2);
  });

  it('calls the French page the known original', () => {
    expect(decide(fingerprintArticle(fr), [original]).kind).toBe('original');
  });

  it('still finds a copy that lost its title and its last quarter (paywall)', () => {
    const cut = { ...it_, title: null, paragraphs: it_.paragraphs.slice(0, 9) };
    expect(decide(fingerprintArticle(cut), [original]).kind).toBe('translation');
  });

  it('flags the first half alone too: names and a date, in the original order', () => {
    // Camaïeu, Ous, Ouzzani, then the date (5 giugno ↔ 5 juin, one month in any language).
    const half = { ...it_, title: null, paragraphs: it_.paragraphs.slice(0, 6) };
    const v = decide(fingerprintArticle(half), [original]);
    expect(v.kind).toBe('translation');
    if (v.kind === 'translation') expect(v.match.evidence.shared.map((s) => s.label)).toContain('giugno');
  });

  it('does not flag the first two paragraphs: two names and one repeated are too little', () => {
    // A known limit, kept visible: Camaïeu, Ous and Ouzzani alone do not make a copy.
    const lead = { ...it_, title: null, paragraphs: it_.paragraphs.slice(0, 2) };
    expect(decide(fingerprintArticle(lead), [original]).kind).toBe('none');
  });

  it('does not flag an unrelated article', () => {
    for (const a of corpus('en', 30)) expect(decide(fingerprintArticle(a), [original]).kind).toBe('none');
  });

  it('is deterministic', () => {
    expect(fingerprintArticle(it_)).toEqual(fingerprintArticle(it_));
  });
});

describe('a copy padded with paragraphs of other articles (related links, ads)', () => {
  const fr = corpus('fr', 40);
  const de = corpus('de', 40);
  // A registered article with enough paragraphs, and three paragraphs of other German
  // articles (each with names or numbers of its own) slipped between its paragraphs.
  const k = fr.findIndex((a) => a.paragraphs.length >= 8);
  const page = de.find((a) => a.id === fr[k].id)!;
  const donors = de
    .filter((a) => a.id !== page.id)
    .map((a) => a.paragraphs.find((p) => /\d{2}|\s\p{Lu}/u.test(p.slice(1)))!)
    .filter(Boolean);
  const padded = [...page.paragraphs];
  padded.splice(6, 0, donors[0]);
  padded.splice(4, 0, donors[1]);
  padded.splice(2, 0, donors[2]);
  const original = { id: fr[k].id, lang: 'fr', fingerprint: toStored(fingerprintArticle(fr[k])) };

  it('is still flagged as a translation of its original', () => {
    const v = decide(fingerprintArticle({ title: null, lang: 'de', paragraphs: padded }), [original]);
    expect(v.kind).toBe('translation');
  });

  it('keeps a better shape when the inserted paragraphs are cheap to skip', async () => {
    const { structureCost } = await import('@/utils/engine/structure');
    const inserted = padded.map((p) => donors.slice(0, 3).includes(p));
    const lens = padded.map((p) => p.length);
    const orig = fr[k].paragraphs.map((p) => p.length);
    const plain = structureCost(orig, lens, 1.1)!;
    const aware = structureCost(orig, lens, 1.1, 1.1, inserted)!;
    expect(aware.cost).toBeLessThan(plain.cost);
  });
});

describe('dev corpus sample', () => {
  it('finds English translations of registered French originals and flags no other article', () => {
    const fr = corpus('fr', 60);
    const en = corpus('en', 60);
    const index = new MemoryIndex();
    fr.slice(0, 30).forEach((a) => index.add({ id: a.id, lang: 'fr', fingerprint: toStored(fingerprintArticle(a)) }));
    let found = 0;
    for (const a of en.slice(0, 30)) {
      const v = index.check(fingerprintArticle(a));
      if (v.kind === 'translation' && v.match.id === a.id) found++;
    }
    expect(found).toBeGreaterThanOrEqual(28);
    for (const a of en.slice(30)) expect(index.check(fingerprintArticle(a)).kind).toBe('none');
  });
});
