/**
 * The extractor gives the page its main thread back between its steps (clone, Readability,
 * paragraphs, fingerprint), so its cost on a page is several short tasks rather than one
 * long one; and the stepwise reading gives exactly what the one-go `extractArticle` does.
 */
import { describe, expect, it, vi } from 'vitest';
import { readPage, yieldToPage } from '@/utils/content/read-page';
import { extractArticle } from '@/utils/page/extract';
import { documentOf, italianSeedPage } from '../helpers/pages';

const URL_IT = 'https://notizie.example/it/camaieu';

describe('readPage, step by step', () => {
  it('pauses between clone, Readability, paragraphs and fingerprint', async () => {
    const order: string[] = [];
    const pause = vi.fn(async () => void order.push('pause'));
    const detect = vi.fn(async () => (order.push('detect'), 'it'));
    const html = italianSeedPage().documentElement.outerHTML.replace('<html lang="it">', '<html>');
    const r = await readPage(documentOf(`<!doctype html>${html}`), URL_IT, detect, pause);
    expect(r?.fingerprint.labels).toContain('Würth');
    expect(pause).toHaveBeenCalledTimes(3);
    expect(order).toEqual(['pause', 'pause', 'detect', 'pause']);
  });

  it('reads the same article as extractArticle, and stops early on a page without one', async () => {
    const pause = vi.fn(async () => undefined);
    const r = await readPage(italianSeedPage(), URL_IT, null, pause);
    const a = extractArticle(italianSeedPage(), { url: URL_IT });
    expect(r?.title).toBe(a?.title);
    expect(r?.pageLang).toBe(a?.lang);
    pause.mockClear();
    expect(await readPage(documentOf('<html><body></body></html>'), URL_IT, null, pause)).toBeNull();
    expect(pause.mock.calls.length).toBeLessThanOrEqual(1);
  });

  it('yields through a macrotask where there is no scheduler.yield', async () => {
    let ran = false;
    setTimeout(() => (ran = true), 0);
    const before = ran;
    await yieldToPage();
    await new Promise((r) => setTimeout(r, 0));
    expect(before).toBe(false);
    expect(ran).toBe(true);
  });
});
