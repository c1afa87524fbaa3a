import { describe, expect, it } from 'vitest';
import { readPage } from '@/utils/content/read-page';
import { parseExtraction } from '@/utils/extraction';
import { documentOf, italianSeedPage } from './helpers/pages';

const URL_IT = 'https://notizie.example/it/camaieu';

describe('readPage + parseExtraction', () => {
  it('reads a real page into a fingerprint that carries no sentence', async () => {
    const r = await readPage(italianSeedPage(), URL_IT, null);
    expect(r).toMatchObject({ url: URL_IT, pageLang: 'it', detectedLang: null, title: 'Camaïeu vittima di un attacco informatico' });
    expect(r!.fingerprint.labels).toContain('Würth');
    // Labels are names and numbers as written, never text.
    expect(Math.max(...r!.fingerprint.labels.map((l) => l.length))).toBeLessThanOrEqual(60);
    expect(JSON.stringify(r)).not.toMatch(/attacco informatico lo scorso giugno/);
    expect(parseExtraction(JSON.parse(JSON.stringify(r)))).toEqual(JSON.parse(JSON.stringify(r)));
  });

  it('asks the detector only when the page declares no language', async () => {
    const html = italianSeedPage().documentElement.outerHTML.replace('<html lang="it">', '<html>');
    const asked: string[] = [];
    const r = await readPage(documentOf(`<!doctype html>${html}`), URL_IT, async (text) => {
      asked.push(text);
      return 'it';
    });
    expect(asked).toHaveLength(1);
    expect(asked[0].length).toBeLessThanOrEqual(3000);
    expect(r).toMatchObject({ pageLang: null, detectedLang: 'it' });
    expect(r!.fingerprint.lang).toBe('it');
  });

  it('gives null for a page without an article', async () => {
    expect(await readPage(documentOf('<html><body></body></html>'), URL_IT, null)).toBeNull();
  });

  it('rejects a malformed result with the reason', async () => {
    expect(parseExtraction(null)).toBeNull();
    const good = JSON.parse(JSON.stringify(await readPage(italianSeedPage(), URL_IT, null)));
    expect(() => parseExtraction({ ...good, fingerprint: { ...good.fingerprint, labels: [] } })).toThrow(/differ in length/);
    expect(() => parseExtraction({ ...good, fingerprint: { ...good.fingerprint, script: 'klingon' } })).toThrow(/malformed/);
    expect(() => parseExtraction('nope')).toThrow(/malformed/);
  });
});

describe('detectedLanguage', () => {
  it('takes a reliable answer or a clear majority, nothing less', async () => {
    const { detectedLanguage } = await import('@/utils/content/read-page');
    const r = (isReliable: boolean, language: string, percentage: number) => ({ isReliable, languages: [{ language, percentage }] });
    expect(detectedLanguage(r(true, 'fr', 60))).toBe('fr');
    expect(detectedLanguage(r(false, 'zh', 91))).toBe('zh');
    expect(detectedLanguage(r(false, 'mt', 40))).toBeNull();
    expect(detectedLanguage(r(true, 'und', 100))).toBeNull();
    expect(detectedLanguage({ isReliable: false, languages: [] })).toBeNull();
    expect(detectedLanguage(undefined)).toBeNull();
  });
});
