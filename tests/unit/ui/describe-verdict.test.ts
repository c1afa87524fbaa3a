import { describe, expect, it } from 'vitest';
import { describeVerdict, HIGH_CONFIDENCE } from '@/utils/ui/describe-verdict';
import { formatters } from '@/utils/ui/format';
import { languageNames } from '@/utils/ui/language-names';
import type { TabVerdict } from '@/utils/verdict';
import { loadMessages, translatorFor } from '../helpers/messages';

const original = {
  id: 'fp-1', title: 'Camaïeu victime d’une cyberattaque', lang: 'fr', author: 'Yohann G.', publisher: null, url: null, date: null,
};
const base = { url: 'https://notizie.example/it/camaieu', checkedAt: 0 };
const copy: TabVerdict = { ...base, state: 'translation', pageLang: 'it', original, score: 0.97, basis: 'content' };

function inLocale(l: string) {
  const t = translatorFor(loadMessages(l));
  return (v: TabVerdict | null) => describeVerdict(v, t, languageNames(l), formatters(l));
}

describe('the one sentence', () => {
  it('names the copy, the original, its language and author — in English', () => {
    const d = inLocale('en')(copy);
    expect(d.sentence).toBe('This Italian page is a translated copy of «Camaïeu victime d’une cyberattaque» — French original by Yohann G.');
    expect(d.confidence).toBe('High confidence (0.97)');
    expect(d.tone).toBe('alert');
  });

  it('in French and Italian, with language names and numbers of that language', () => {
    expect(inLocale('fr')(copy)).toMatchObject({
      sentence: 'Cette page en italien est une copie traduite de « Camaïeu victime d’une cyberattaque » — original en français de Yohann G.',
      confidence: 'Confiance élevée (0,97)',
    });
    expect(inLocale('it')(copy)).toMatchObject({
      sentence: 'Questa pagina in italiano è una copia tradotta di «Camaïeu victime d’une cyberattaque» — originale in francese di Yohann G.',
      confidence: 'Affidabilità alta (0,97)',
    });
  });

  it('copes with an unknown page language and an anonymous original', () => {
    const d = inLocale('en')({ ...copy, pageLang: null, original: { ...original, author: null } });
    expect(d.sentence).toBe('This page is a translated copy of «Camaïeu victime d’une cyberattaque» — French original.');
  });

  it('says the page is the known original', () => {
    const d = inLocale('en')({ ...base, state: 'original', pageLang: 'fr', original, score: 0.99 });
    expect(d.sentence).toBe('This French page is a known original: «Camaïeu victime d’une cyberattaque», by Yohann G.');
    expect(d.tone).toBe('known');
  });

  it('says how the address decided, when it did', () => {
    const d = inLocale('en')({ ...base, state: 'original', pageLang: 'it', original, basis: 'address' });
    expect(d.confidence).toBe('Recognised by its address');
  });

  it('grades confidence in bands', () => {
    const en = inLocale('en');
    expect(en({ ...copy, score: HIGH_CONFIDENCE }).confidence).toMatch(/^High/);
    expect(en({ ...copy, score: 0.7 }).confidence).toBe('Medium confidence (0.70)');
    expect(en({ ...copy, score: 0.55 }).confidence).toBe('Low confidence (0.55)');
    expect(en({ ...copy, score: Number.NaN }).confidence).toBeNull();
    // Never rounded up to a certainty the engine did not claim.
    expect(en({ ...copy, score: 0.996 }).confidence).toBe('High confidence (0.99)');
  });

  it('says nothing matched, no article, checking, or not checked', () => {
    const en = inLocale('en');
    expect(en({ ...base, state: 'none', pageLang: 'en' }).sentence).toBe('Checked locally: this English page matches nothing known.');
    expect(inLocale('fr')({ ...base, state: 'none', pageLang: 'en' }).sentence).toBe('Vérifiée localement : cette page en anglais ne correspond à rien de connu.');
    expect(en({ ...base, state: 'no-article', pageLang: null }).sentence).toBe('No article on this page, so there is nothing to check.');
    expect(en({ ...base, state: 'checking', pageLang: null }).sentence).toBe('Checking this page…');
    expect(en(null).sentence).toMatch(/^Nothing checked here/);
    for (const s of ['none', 'no-article', 'checking'] as const) expect(en({ ...base, state: s, pageLang: null }).tone).toBe('quiet');
  });
});
