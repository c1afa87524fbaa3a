/**
 * The background's behaviour, free of wiring: what happens when a page reports an
 * article, when a tab moves to another address or closes, and what the popup is told.
 * Dependencies come in as functions, so the tests drive it with a fake browser and a
 * real (fake-indexeddb) store.
 */
import { parseExtraction } from '@/utils/extraction';
import type { Db } from '@/utils/store/db';
import type { TabVerdict } from '@/utils/verdict';
import { judgePage } from './check-page';
import type { TabVerdicts } from './tab-verdicts';

export interface CheckerDeps {
  /** The store, with the originals installed. */
  db: () => Promise<Db>;
  /** Runs the extractor in the frame; returns its raw result. */
  extract: (tabId: number, frameId: number) => Promise<unknown>;
  verdicts: TabVerdicts;
  badge: (tabId: number, verdict: TabVerdict | null) => Promise<void>;
  now?: () => number;
  log?: (message: string, err?: unknown) => void;
}

export interface TabChecker {
  /** The content script says the page at `url` looks like an article. */
  pageReady(tabId: number, frameId: number, url: string): Promise<TabVerdict | null>;
  /** The tab now shows `url` (navigation, history change). */
  urlChanged(tabId: number, url: string): Promise<void>;
  tabRemoved(tabId: number): Promise<void>;
  /** What the popup shows; `url` (when known) must be the page the verdict is for. */
  verdictFor(tabId: number, url?: string): Promise<TabVerdict | null>;
}

export function createTabChecker(deps: CheckerDeps): TabChecker {
  const now = deps.now ?? Date.now;
  const log = deps.log ?? ((m, e) => console.warn(`[provenance-lens] ${m}`, e ?? ''));

  async function settle(tabId: number, checkId: string, verdict: TabVerdict): Promise<TabVerdict | null> {
    if (!(await deps.verdicts.finish(tabId, checkId, verdict))) return null;
    await deps.badge(tabId, verdict);
    return verdict;
  }

  return {
    async pageReady(tabId, frameId, url) {
      const checkId = await deps.verdicts.begin(tabId, url, now());
      await deps.badge(tabId, null);
      try {
        const page = parseExtraction(await deps.extract(tabId, frameId));
        if (!page) return settle(tabId, checkId, { state: 'no-article', url, pageLang: null, checkedAt: now() });
        return settle(tabId, checkId, await judgePage(await deps.db(), page, now()));
      } catch (err) {
        // The page went away, forbids scripts, or sent nonsense: better to claim nothing
        // than something wrong. The reason goes to the worker's console.
        log(`could not check ${url}`, err);
        return settle(tabId, checkId, { state: 'no-article', url, pageLang: null, checkedAt: now() });
      }
    },
    async urlChanged(tabId, url) {
      if (await deps.verdicts.clearUnlessAt(tabId, url)) await deps.badge(tabId, null);
    },
    async tabRemoved(tabId) {
      await deps.verdicts.clear(tabId);
    },
    verdictFor(tabId, url) {
      return deps.verdicts.get(tabId, url);
    },
  };
}
