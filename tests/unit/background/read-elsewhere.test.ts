import { describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { readHtmlWith } from '@/utils/background/read-html';
import { withHandOff, type ReadHtml } from '@/utils/background/read-elsewhere';
import { handOff, HANDOFF_ELEMENTS, readPage, shouldHandOff } from '@/utils/content/read-page';
import { italianSeedPage, savedPage } from '../helpers/pages';

const URL_IT = 'https://example.it/articolo';
const parse = (html: string) => parseHTML(html).document as unknown as Document;
const readHtml: ReadHtml = (html, url) => readHtmlWith(parse, html, url);

/** The Italian seed page inside a large site: `links` navigation links around the article. */
function largeItalianPage(links: number): Document {
  const doc = italianSeedPage();
  const nav = doc.createElement('nav');
  for (let i = 0; i < links; i++) {
    const a = doc.createElement('a');
    a.setAttribute('href', `/sezione/${i}`);
    a.textContent = `Sezione ${i}`;
    nav.appendChild(a);
  }
  doc.body.insertBefore(nav, doc.body.firstChild);
  return doc;
}

describe('a large page, read away from the page', () => {
  it('is handed over only past the element bound', () => {
    expect(shouldHandOff(italianSeedPage())).toBe(false);
    expect(shouldHandOff(largeItalianPage(HANDOFF_ELEMENTS))).toBe(true);
    expect(shouldHandOff(savedPage('wikipedia-2'))).toBe(true);
  });

  it('gives the extraction the page itself would have given', async () => {
    const doc = largeItalianPage(2000);
    const inPage = await readPage(doc, URL_IT, null, async () => {});
    const extract = vi.fn(async () => handOff(doc, URL_IT));
    const read = await withHandOff(extract, readHtml, null)(7, 0);
    expect(extract).toHaveBeenCalledWith(7, 0);
    expect(inPage).not.toBeNull();
    expect(read).toEqual(inPage);
  });

  it("fills in the detected language when the page declares none, as the page's own reading would", async () => {
    const doc = largeItalianPage(2000);
    doc.documentElement.removeAttribute('lang');
    doc.querySelectorAll('meta').forEach((m) => m.remove());
    const detect = vi.fn(async (text: string) => (text.includes('Camaïeu') ? 'it' : null));
    const inPage = await readPage(doc, URL_IT, detect, async () => {});
    const read = (await withHandOff(async () => handOff(doc, URL_IT), readHtml, detect)(1, 0)) as typeof inPage;
    expect(inPage?.pageLang).toBeNull();
    expect(read?.detectedLang).toBe('it');
    expect(read?.fingerprint.lang).toBe('it');
    expect(read).toEqual(inPage);
  });

  it('passes what the extractor read in place through untouched, and refuses a malformed hand-off', async () => {
    const small = await readPage(italianSeedPage(), URL_IT, null, async () => {});
    const readHtmlSpy = vi.fn(readHtml);
    expect(await withHandOff(async () => small, readHtmlSpy, null)(1, 0)).toBe(small);
    expect(await withHandOff(async () => null, readHtmlSpy, null)(1, 0)).toBeNull();
    expect(readHtmlSpy).not.toHaveBeenCalled();
    await expect(withHandOff(async () => ({ handOff: true, url: URL_IT, html: 42 }), readHtmlSpy, null)(1, 0)).rejects.toThrow(/malformed hand-off/);
  });

  it('answers "no article" for a handed-over page that holds none', async () => {
    const html = `<!doctype html><html><body>${'<div><span></span></div>'.repeat(1000)}</body></html>`;
    expect(await withHandOff(async () => ({ handOff: true, url: URL_IT, html }), readHtml, null)(1, 0)).toBeNull();
  });
});
