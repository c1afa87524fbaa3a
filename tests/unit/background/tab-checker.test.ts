import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browser } from 'wxt/browser';
import { showBadge } from '@/utils/background/badge';
import { installDefaultPack } from '@/utils/background/default-pack';
import { createTabChecker, type TabChecker } from '@/utils/background/tab-checker';
import { TabVerdicts } from '@/utils/background/tab-verdicts';
import { readPage } from '@/utils/content/read-page';
import { openDatabase, type Db } from '@/utils/store/db';
import { putOriginal, getOriginal } from '@/utils/store/originals';
import { loadMessages, translatorFor } from '../helpers/messages';
import { frenchSeedPage, italianSeedPage, savedPage } from '../helpers/pages';

const t = translatorFor(loadMessages('en'));
const defaultPack = () => JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../public/packs/default.json'), 'utf8'));

const FR = 'https://quotidien.example/fr/camaieu';
const IT = 'https://notizie.example/it/camaieu';
const GUARDIAN = 'https://guardian.example/world/story';

/** What the extractor script would return on each address: the real pipeline over real pages. */
const PAGES: Record<string, () => Document> = { [FR]: frenchSeedPage, [IT]: italianSeedPage, [GUARDIAN]: () => savedPage('guardian-1') };

let n = 0;
let db: Db;
let log: Mock<(message: string, err?: unknown) => void>;
let extract: (tabId: number, frameId: number) => Promise<unknown>;
let shownAt: Map<number, string>;

function checker(verdicts = new TabVerdicts()): TabChecker {
  return createTabChecker({
    db: async () => db,
    extract: (tabId, frameId) => extract(tabId, frameId),
    verdicts,
    badge: (tabId, v) => showBadge(tabId, v, t),
    log,
  });
}

beforeEach(async () => {
  fakeBrowser.reset();
  db = await openDatabase(`checker-test-${n++}`);
  const installed = await installDefaultPack(db, async () => defaultPack());
  expect(installed.ok).toBe(true);
  log = vi.fn<(message: string, err?: unknown) => void>();
  shownAt = new Map();
  extract = async (tabId) => {
    const url = shownAt.get(tabId)!;
    return PAGES[url] ? readPage(PAGES[url](), url, null) : null;
  };
});

const badge = (tabId: number) => browser.action.getBadgeText({ tabId });

describe('tab checker', () => {
  it('flags the Italian seed page as a translated copy of the French original', async () => {
    const c = checker();
    shownAt.set(7, IT);
    const v = await c.pageReady(7, 0, IT);
    expect(v).toMatchObject({ state: 'translation', url: IT, pageLang: 'it', basis: 'content' });
    expect(v?.original).toMatchObject({ title: 'Camaïeu victime d’une cyberattaque', lang: 'fr', author: 'Yohann G.' });
    expect(v?.evidence?.shared.map((s) => s.label)).toContain('Ouzzani');
    expect(await badge(7)).toBe('COPY');
    expect(await browser.action.getTitle({ tabId: 7 })).toBe(t('badgeTitleTranslation'));
    expect(await c.verdictFor(7, IT)).toEqual(v);
  });

  it('uses the settings `prepare` read for the check it leads to, and opens the store once', async () => {
    let reads = 0;
    let opens = 0;
    const c = createTabChecker({
      db: async () => (opens++, db),
      extract: (tabId, frameId) => extract(tabId, frameId),
      verdicts: new TabVerdicts(),
      badge: (tabId, v) => showBadge(tabId, v, t),
      settings: async () => (reads++, { sensitivity: 'normal', skipHosts: ['notizie.example'] }),
      log,
    });
    shownAt.set(7, IT);
    const settings = c.prepare();
    expect(await c.pageReady(7, 0, IT, settings)).toBeNull(); // a site never checked: not read
    expect(reads).toBe(1);
    // The store was readied once, for both (the check forgot the tab without it).
    expect(opens).toBe(1);
    // Without settings handed over, the check reads them itself.
    expect(await c.pageReady(7, 0, IT)).toBeNull();
    expect(reads).toBe(2);
  });

  it('recognises the French seed page as the known original, quietly', async () => {
    const c = checker();
    shownAt.set(3, FR);
    const v = await c.pageReady(3, 0, FR);
    expect(v).toMatchObject({ state: 'original', pageLang: 'fr', original: { lang: 'fr' } });
    expect(await badge(3)).toBe('✓');
  });

  it('flags nothing on an unrelated real article', async () => {
    const c = checker();
    shownAt.set(4, GUARDIAN);
    const v = await c.pageReady(4, 0, GUARDIAN);
    expect(v).toMatchObject({ state: 'none', pageLang: 'en' });
    expect(v?.original).toBeUndefined();
    expect(await badge(4)).toBe('');
  });

  it('a page at the original’s registered address is the original, even translated in place', async () => {
    const original = (await db.getAll('originals'))[0];
    await putOriginal(db, { ...(await getOriginal(db, original.id))!, url: IT });
    const c = checker();
    shownAt.set(5, IT); // Italian text at the original's address: what Chrome's page translation shows
    const v = await c.pageReady(5, 0, `${IT}#comments`);
    expect(v).toMatchObject({ state: 'original', basis: 'address', original: { id: original.id } });
  });

  it('says "no article" when the extractor finds none, fails, or returns nonsense', async () => {
    const c = checker();
    extract = async () => null;
    expect(await c.pageReady(1, 0, FR)).toMatchObject({ state: 'no-article' });
    extract = async () => {
      throw new Error('Cannot access contents of the page');
    };
    expect(await c.pageReady(1, 0, FR)).toMatchObject({ state: 'no-article' });
    extract = async () => ({ url: FR, fingerprint: { keys: 'x' } });
    expect(await c.pageReady(1, 0, FR)).toMatchObject({ state: 'no-article' });
    expect(log).toHaveBeenCalledTimes(2);
    expect(String(log.mock.calls[1][1])).toMatch(/malformed extractor result/);
    expect(await badge(1)).toBe('');
  });

  it('never lets a slow check of the previous article overwrite the current one', async () => {
    const c = checker();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const real = extract;
    extract = async (tabId, frameId) => {
      const url = shownAt.get(tabId);
      if (url === IT) await gate; // the Italian page is slow to extract…
      return real(tabId, frameId);
    };
    shownAt.set(9, IT);
    const slow = c.pageReady(9, 0, IT);
    shownAt.set(9, GUARDIAN); // …and the tab moved on meanwhile
    await c.urlChanged(9, GUARDIAN);
    const current = await c.pageReady(9, 0, GUARDIAN);
    release();
    expect(await slow).toBeNull();
    expect(current?.state).toBe('none');
    expect(await c.verdictFor(9)).toMatchObject({ state: 'none', url: GUARDIAN });
    expect(await badge(9)).toBe('');
  });

  it('clears the verdict and badge when the tab leaves the page, not on a fragment change', async () => {
    const c = checker();
    shownAt.set(2, IT);
    await c.pageReady(2, 0, IT);
    await c.urlChanged(2, `${IT}#section-2`);
    expect(await badge(2)).toBe('COPY');
    await c.urlChanged(2, 'https://notizie.example/it/other-story');
    expect(await badge(2)).toBe('');
    expect(await c.verdictFor(2)).toBeNull();
  });

  it('answers for a tab only about the page the tab shows', async () => {
    const c = checker();
    shownAt.set(6, IT);
    await c.pageReady(6, 0, IT);
    expect(await c.verdictFor(6, IT)).not.toBeNull();
    expect(await c.verdictFor(6, 'https://notizie.example/it/other')).toBeNull();
    await c.tabRemoved(6);
    expect(await c.verdictFor(6)).toBeNull();
  });

  it('keeps verdicts across a worker restart (storage.session)', async () => {
    shownAt.set(8, IT);
    await checker().pageReady(8, 0, IT);
    const restarted = checker(new TabVerdicts()); // a new worker: nothing in memory
    expect(await restarted.verdictFor(8, IT)).toMatchObject({ state: 'translation' });
  });
});
