import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFromPlainText, looksLikeByline } from '../../utils/page/plain-text';

const seeds = path.join(process.env.PROVENANCE_SHARED ?? path.resolve(__dirname, '../../../shared'), 'seeds');

describe.skipIf(!existsSync(seeds))('the seed files', () => {
  it('French original: slug, title, byline recognised; paragraphs in order', () => {
    const a = articleFromPlainText(readFileSync(path.join(seeds, '000_aa5ed160621a76a1.txt'), 'utf8'), { lang: 'fr' });
    expect(a.slug).toBe('camaieu');
    expect(a.title).toBe('Camaïeu victime d’une cyberattaque');
    expect(a.byline).toBe('Yohann G.');
    expect(a.lang).toBe('fr');
    expect(a.paragraphs).toHaveLength(12);
    expect(a.paragraphs[0]).toMatch(/^Camaïeu, le géant du prêt-à-porter/);
    expect(a.paragraphs[1]).toBe('Une journée noire pour la boutique en ligne de Camaïeu');
    expect(a.paragraphs).toContain('A lire également Comment protéger en écriture vos dossiers sur votre appareil ?');
    expect(a.paragraphs.at(-1)).toMatch(/fonctionne de nouveau\.$/);
  });

  it('drops what the caller says is not the story', () => {
    const a = articleFromPlainText(readFileSync(path.join(seeds, '000_aa5ed160621a76a1.txt'), 'utf8'), { drop: (p) => /^A lire également/.test(p) });
    expect(a.paragraphs).toHaveLength(11);
    expect(a.paragraphs.join(' ')).not.toMatch(/A lire également/);
  });

  it('Italian copy: no byline, so the last paragraph stays a paragraph', () => {
    const a = articleFromPlainText(readFileSync(path.join(seeds, '001_8fc0ff38677826b1.txt'), 'utf8'));
    expect(a.title).toBe('Camaïeu vittima di un attacco informatico');
    expect(a.byline).toBeNull();
    expect(a.paragraphs.at(-1)).toMatch(/infrastruttura informatica\.$/);
  });
});

describe('articleFromPlainText', () => {
  it('keeps every paragraph of a text that is only paragraphs', () => {
    const text = 'First paragraph, ending with a period.\n\nSecond one.\n\nThird one.';
    expect(articleFromPlainText(text)).toEqual({ slug: null, title: null, byline: null, lang: null, paragraphs: ['First paragraph, ending with a period.', 'Second one.', 'Third one.'] });
  });

  it('joins hard-wrapped lines, and reads one paragraph per line when there is no blank line', () => {
    expect(articleFromPlainText('Title\n\nA paragraph\nwrapped over\nthree lines.\n\nNext.').paragraphs).toEqual(['A paragraph wrapped over three lines.', 'Next.']);
    expect(articleFromPlainText('Title\nOne.\nTwo.\r\nThree.').paragraphs).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('does not take a one-word first paragraph for a slug when it is the only text', () => {
    expect(articleFromPlainText('hello').paragraphs).toEqual(['hello']);
    expect(articleFromPlainText('').paragraphs).toEqual([]);
    expect(articleFromPlainText('\uFEFF\n\n  \n').paragraphs).toEqual([]);
  });

  it('caps the paragraphs it keeps', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `Paragraph ${i}.`).join('\n\n');
    expect(articleFromPlainText(text).paragraphs.length).toBe(2000);
  });
});

describe('looksLikeByline', () => {
  it.each(['Yohann G.', 'Jane Doe', 'By Jane Doe', 'Par Marie de la Tour', 'J. R. R. Tolkien'])('%s is a byline', (s) => {
    expect(looksLikeByline(s)).toBe(true);
  });
  it.each(['Reuters', 'The end.', 'Contact us: 555-1234', 'A short sentence that ends here.', 'Lire aussi ?', 'what happened next'])('%s is not', (s) => {
    expect(looksLikeByline(s)).toBe(false);
  });
});
