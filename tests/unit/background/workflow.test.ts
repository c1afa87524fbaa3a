/**
 * The fact-checker's workflow in the background, end to end below the browser: the real
 * pipeline over the seed pages (extractor logic on linkedom), a real (fake-indexeddb)
 * store, WXT's fake browser for badges and storage.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browser } from 'wxt/browser';
import { showBadge } from '@/utils/background/badge';
import { installDefaultPack } from '@/utils/background/default-pack';
import { createManagement } from '@/utils/background/management';
import { createTabChecker, type TabChecker } from '@/utils/background/tab-checker';
import { TabVerdicts } from '@/utils/background/tab-verdicts';
import { readPage } from '@/utils/content/read-page';
import { openDatabase, type Db } from '@/utils/store/db';
import { listHistory } from '@/utils/store/history';
import { loadSettings, saveSettings } from '@/utils/store/settings';
import { loadMessages, translatorFor } from '../helpers/messages';
import { frenchSeedPage, italianSeedPage, savedPage } from '../helpers/pages';

const t = translatorFor(loadMessages('en'));
const defaultPack = () => JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../public/packs/default.json'), 'utf8'));

const FR = 'https://quotidien.example/fr/camaieu';
const IT = 'https://notizie.example/it/camaieu';
const GUARDIAN = 'https://guardian.example/world/story';
const PAGES: Record<string, () => Document> = { [FR]: frenchSeedPage, [IT]: italianSeedPage, [GUARDIAN]: () => savedPage('guardian-1') };

let n = 0;
let db: Db;
let tabs: Map<number, string>;
let extract: Mock<(tabId: number, frameId?: number) => Promise<unknown>>;
let checker: TabChecker;
let manage: ReturnType<typeof createManagement>;

beforeEach(async () => {
  fakeBrowser.reset();
  db = await openDatabase(`workflow-test-${n++}`);
  const install = (d: Db) => installDefaultPack(d, async () => defaultPack());
  await install(db);
  tabs = new Map();
  extract = vi.fn(async (tabId: number) => {
    const url = tabs.get(tabId)!;
    const page = PAGES[url.split('?')[0]];
    return page ? readPage(page(), url, null) : null;
  });
  const log = () => undefined;
  checker = createTabChecker({
    db: async () => db, extract, verdicts: new TabVerdicts(), badge: (id, v) => showBadge(id, v, t),
    settings: () => loadSettings(), log,
  });
  manage = createManagement({
    db: async () => db, checker, tabUrl: async (id) => tabs.get(id), tabIds: async () => [...tabs.keys()],
    installDefaults: install, log, now: () => Date.UTC(2024, 4, 2),
  });
});

async function visit(tabId: number, url: string) {
  tabs.set(tabId, url);
  return checker.pageReady(tabId, 0, url);
}
const badge = (tabId: number) => browser.action.getBadgeText({ tabId });

describe('registering an original from the popup', () => {
  it('pre-fills the form from the page, registers it, and the tab becomes "known original"', async () => {
    expect((await visit(1, GUARDIAN))?.state).toBe('none');
    const draft = await manage.getOriginalDraft({ tabId: 1 });
    expect(draft.ok).toBe(true);
    if (!draft.ok) return;
    expect(draft.draft).toMatchObject({ url: GUARDIAN, lang: 'en' });
    expect(draft.draft.title.length).toBeGreaterThan(10);
    expect(extract).toHaveBeenCalledTimes(1); // the page read for the check is reused

    const r = await manage.registerOriginal({ tabId: 1, meta: { ...draft.draft, author: 'A. Reporter', publisher: 'The Guardian' } });
    expect(r).toMatchObject({ ok: true });
    const v = await checker.verdictFor(1, GUARDIAN);
    expect(v).toMatchObject({ state: 'original', basis: 'address', original: { author: 'A. Reporter', publisher: 'The Guardian', lang: 'en' } });
    expect(await badge(1)).toBe('✓');
    // Twice is refused, clearly.
    expect(await manage.registerOriginal({ tabId: 1, meta: draft.draft })).toEqual({ ok: false, error: 'exists' });
  });

  it('refuses bad metadata, a tab without a page, and a page without an article', async () => {
    await visit(1, GUARDIAN);
    const meta = { title: 'T', author: null, publisher: null, url: 'javascript:alert(1)', date: null, lang: null };
    expect(await manage.registerOriginal({ tabId: 1, meta })).toEqual({ ok: false, error: 'invalid' });
    expect(await manage.registerOriginal({ tabId: 1, meta: { ...meta, url: null, title: '   ' } })).toEqual({ ok: false, error: 'invalid' });
    expect(await manage.getOriginalDraft({ tabId: 99 })).toEqual({ ok: false, error: 'no-page' });
    tabs.set(2, 'https://empty.example/');
    expect(await manage.getOriginalDraft({ tabId: 2 })).toEqual({ ok: false, error: 'no-article' });
    expect(await db.count('originals')).toBe(1); // only the default one
  });
});

describe('confirming or dismissing a flagged page', () => {
  it('confirm: the page is filed as a known translation and shows as confirmed, badge kept', async () => {
    const v = await visit(3, IT);
    expect(v).toMatchObject({ state: 'translation', basis: 'content' });
    const originalId = v!.original!.id;
    expect(await listHistory(db)).toMatchObject([{ url: IT, originalId, decision: null, lang: 'it' }]);

    expect(await manage.decideCopy({ tabId: 3, originalId, decision: 'confirmed', note: 'no credit given' })).toEqual({ ok: true, id: originalId });
    expect(await checker.verdictFor(3, IT)).toMatchObject({ state: 'translation', basis: 'address', confirmed: true, note: 'no credit given' });
    expect(await badge(3)).toBe('COPY');
    expect(await listHistory(db)).toMatchObject([{ decision: 'confirmed' }]);
    // The next visit (a new worker: nothing in memory) says the same.
    tabs.set(4, IT);
    expect(await checker.pageReady(4, 0, IT)).toMatchObject({ state: 'translation', confirmed: true });
    expect(await listHistory(db)).toHaveLength(1);

    // Undo: back to the content's verdict, undecided.
    expect(await manage.decideCopy({ tabId: 3, originalId, decision: 'undecided' })).toMatchObject({ ok: true });
    expect(await checker.verdictFor(3, IT)).toMatchObject({ state: 'translation', basis: 'content' });
  });

  it('dismiss: "not a copy" is remembered, the page is never flagged for that original again', async () => {
    const v = await visit(3, IT);
    const originalId = v!.original!.id;
    expect(await manage.decideCopy({ tabId: 3, originalId, decision: 'dismissed' })).toMatchObject({ ok: true });
    const after = await checker.verdictFor(3, IT);
    expect(after).toMatchObject({ state: 'none', dismissed: [{ id: originalId }] });
    expect(await badge(3)).toBe('');
    expect(await visit(5, `${IT}?utm_source=feed`)).toMatchObject({ state: 'none' });
    expect(await listHistory(db)).toMatchObject([{ decision: 'dismissed' }]);
    // Undo brings the flag back.
    expect(await manage.decideCopy({ tabId: 3, originalId, decision: 'undecided' })).toMatchObject({ ok: true });
    expect(await checker.verdictFor(3, IT)).toMatchObject({ state: 'translation' });
  });

  it('refuses a decision about something the tab does not show', async () => {
    const v = await visit(3, IT);
    const originalId = v!.original!.id;
    expect(await manage.decideCopy({ tabId: 3, originalId: 'another', decision: 'confirmed' })).toEqual({ ok: false, error: 'stale' });
    await visit(6, FR); // the original itself is no copy to confirm
    expect(await manage.decideCopy({ tabId: 6, originalId, decision: 'dismissed' })).toEqual({ ok: false, error: 'stale' });
    tabs.set(3, GUARDIAN); // the tab moved on; the popup is stale
    expect(await manage.decideCopy({ tabId: 3, originalId, decision: 'confirmed' })).toEqual({ ok: false, error: 'stale' });
    expect(await db.count('translations')).toBe(0);
    expect(await db.count('dismissals')).toBe(0);
  });
});

describe('settings in the check', () => {
  it('a paused site is not read; resuming checks it again', async () => {
    await visit(3, IT);
    expect(await manage.setSitePaused({ tabId: 3, paused: true })).toEqual({ host: 'notizie.example', paused: true });
    expect(await checker.verdictFor(3)).toBeNull();
    expect(await badge(3)).toBe('');
    extract.mockClear();
    expect(await visit(3, IT)).toBeNull();
    expect(extract).not.toHaveBeenCalled();
    expect(await manage.getSiteStatus({ tabId: 3 })).toEqual({ host: 'notizie.example', paused: true });
    expect(await manage.setSitePaused({ tabId: 3, paused: false })).toEqual({ host: 'notizie.example', paused: false });
    expect(await checker.verdictFor(3, IT)).toMatchObject({ state: 'translation' });
  });

  it('sensitivity moves the bar a match must clear', async () => {
    const score = (await visit(3, IT))!.score!;
    expect(score).toBeGreaterThan(0.5);
    // Strict: flagged only at 0.65 and above.
    await saveSettings({ sensitivity: 'strict', skipHosts: [] });
    expect((await visit(3, IT))?.state).toBe(score >= 0.65 ? 'translation' : 'none');
    await saveSettings({ sensitivity: 'sensitive', skipHosts: [] });
    expect((await visit(3, IT))?.state).toBe('translation');
    // An unrelated page stays unflagged even when sensitive.
    expect((await visit(4, GUARDIAN))?.state).toBe('none');
  });
});

describe('managing the store', () => {
  it('lists originals with their translations, edits, deletes with an undo pack, clears back to a fresh install', async () => {
    const v = await visit(3, IT);
    const originalId = v!.original!.id;
    await manage.decideCopy({ tabId: 3, originalId, decision: 'confirmed' });
    const list = await manage.listOriginals();
    expect(list).toHaveLength(1);
    expect(list[0].translations).toEqual([{ url: IT, lang: 'it', seen: '2024-05-02T00:00:00.000Z', note: null }]);

    const meta = { title: 'Camaïeu', author: 'Y. G.', publisher: 'Le Quotidien', url: FR, date: '2022-06-14', lang: 'fr' };
    expect(await manage.updateOriginal({ id: originalId, meta })).toEqual({ ok: true, id: originalId });
    expect(await manage.updateOriginal({ id: 'nope', meta })).toEqual({ ok: false, error: 'not-found' });
    expect((await manage.listOriginals())[0]).toMatchObject(meta);

    const del = await manage.deleteOriginal({ id: originalId });
    expect(del.ok && del.undo.translations).toHaveLength(1);
    expect(await manage.listOriginals()).toEqual([]);

    await visit(1, GUARDIAN);
    const draft = await manage.getOriginalDraft({ tabId: 1 });
    if (draft.ok) await manage.registerOriginal({ tabId: 1, meta: draft.draft });
    expect(await manage.clearData()).toEqual({ ok: true });
    expect((await manage.listOriginals()).map((o) => o.id)).toEqual(['seed:camaieu']);
    // The decisions are gone; the Italian copy, still open, is flagged anew by the shipped original.
    expect(await manage.listHistory()).toMatchObject([{ url: IT, decision: null }]);
    expect(await checker.verdictFor(3, IT)).toMatchObject({ state: 'translation', basis: 'content' });
    // The open tab is judged again: its page is no longer a known original.
    expect(await checker.verdictFor(1, GUARDIAN)).toMatchObject({ state: 'none' });
    expect(await badge(1)).toBe('');
  });
});
