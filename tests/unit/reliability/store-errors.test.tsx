/**
 * Quota and transaction errors reach the reader: a check whose store fails ends in an
 * "error" verdict (badge "!", a sentence saying why), never in a quiet "nothing found";
 * a default pack that cannot be installed fails the check instead of leaving an empty
 * store to answer; the popup shows each problem in words.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { PopupView } from '@/components/PopupView';
import { showBadge } from '@/utils/background/badge';
import { lazyDatabase } from '@/utils/background/database';
import { createTabChecker, storeProblem } from '@/utils/background/tab-checker';
import { TabVerdicts } from '@/utils/background/tab-verdicts';
import { readPage } from '@/utils/content/read-page';
import { openDatabase } from '@/utils/store/db';
import { describeVerdict } from '@/utils/ui/describe-verdict';
import { formatters } from '@/utils/ui/format';
import { languageNames } from '@/utils/ui/language-names';
import type { CheckProblem, TabVerdict } from '@/utils/verdict';
import { LOCALES, loadMessages, translatorFor } from '../helpers/messages';
import { italianSeedPage } from '../helpers/pages';

const t = translatorFor(loadMessages('en'));
const defaultPack = () => JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../public/packs/default.json'), 'utf8'));
const URL_IT = 'https://notizie.example/it/camaieu';

let n = 0;
beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

function checkerWith(db: () => Promise<never> | ReturnType<typeof openDatabase>, log = vi.fn()) {
  return createTabChecker({
    db: db as never,
    extract: async () => readPage(italianSeedPage(), URL_IT, null),
    verdicts: new TabVerdicts(),
    badge: (tabId, v) => showBadge(tabId, v, t),
    log,
  });
}

describe('a store failure during a check', () => {
  it('quota exceeded: an "error" verdict that says so, a "!" badge, the cause logged', async () => {
    const log = vi.fn();
    const c = checkerWith(async () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }, log);
    const v = await c.pageReady(4, 0, URL_IT);
    expect(v).toMatchObject({ state: 'error', problem: 'quota', url: URL_IT });
    expect(await c.verdictFor(4, URL_IT)).toEqual(v);
    expect(await browser.action.getBadgeText({ tabId: 4 })).toBe('!');
    expect(await browser.action.getTitle({ tabId: 4 })).toBe(t('badgeTitleError'));
    expect(String(log.mock.calls[0][1])).toMatch(/quota/);
  });

  it('a transaction that fails (database closed under it): an "error" verdict about the store', async () => {
    const db = await openDatabase(`store-errors-${n++}`);
    db.close(); // every transaction now throws InvalidStateError
    const v = await checkerWith(async () => db).pageReady(5, 0, URL_IT);
    expect(v).toMatchObject({ state: 'error', problem: 'storage' });
    expect(await browser.action.getBadgeText({ tabId: 5 })).toBe('!');
  });

  it('tells a quota problem from any other', () => {
    expect(storeProblem(new DOMException('x', 'QuotaExceededError'))).toBe('quota');
    expect(storeProblem(new Error('import failed, nothing was changed: The quota has been exceeded.'))).toBe('quota');
    expect(storeProblem(new DOMException('x', 'InvalidStateError'))).toBe('storage');
    expect(storeProblem('weird')).toBe('storage');
    expect(storeProblem(null)).toBe('storage');
  });
});

describe('the default pack cannot be installed', () => {
  it('fails the check (not "nothing known"), and installs it on the next try', async () => {
    const put = IDBObjectStore.prototype.put;
    const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const log = vi.fn();
    // lazyDatabase opens the extension's own database name: give this test a fresh factory.
    const { IDBFactory } = await import('fake-indexeddb');
    const realFactory = globalThis.indexedDB;
    globalThis.indexedDB = new IDBFactory();
    try {
      const db = lazyDatabase(async () => defaultPack(), log);
      const c = checkerWith(db);
      expect(await c.pageReady(6, 0, URL_IT)).toMatchObject({ state: 'error', problem: 'quota' });
      expect(log).toHaveBeenCalledWith('default pack not installed', expect.anything());
      full.mockRestore();
      expect(IDBObjectStore.prototype.put).toBe(put);
      const again = await c.pageReady(6, 0, URL_IT);
      expect(again?.state).not.toBe('error');
      expect(await (await db()).count('originals')).toBeGreaterThan(0);
    } finally {
      globalThis.indexedDB = realFactory;
    }
  });
});

describe('the popup shows the problem', () => {
  const fmt = formatters('en');
  function popup(l: string, v: TabVerdict) {
    const { document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
    (globalThis as { document?: unknown }).document = document;
    const root = document.getElementById('app') as unknown as HTMLElement;
    const tl = translatorFor(loadMessages(l));
    render(<PopupView verdict={v} text={describeVerdict(v, tl, languageNames(l), fmt)} t={tl} fmt={fmt} />, root);
    return root;
  }

  it('in words, in every locale, with its own look', () => {
    const problems: CheckProblem[] = ['storage', 'quota', 'unreachable'];
    for (const l of LOCALES) {
      const sentences = new Set<string>();
      for (const problem of problems) {
        const root = popup(l, { state: 'error', problem, url: URL_IT, pageLang: null, checkedAt: 0 });
        const sentence = root.querySelector('.verdict--error .verdict__sentence')?.textContent ?? '';
        expect(sentence.length, `${l} ${problem}`).toBeGreaterThan(20);
        sentences.add(sentence);
        expect(root.querySelector('details')).toBeNull();
      }
      expect(sentences.size, l).toBe(3);
    }
    expect(popup('en', { state: 'error', problem: 'quota', url: URL_IT, pageLang: null, checkedAt: 0 }).textContent).toMatch(/no storage space left/);
  });
});
