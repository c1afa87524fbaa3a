/**
 * The background's behaviour, free of wiring: what happens when a page reports an
 * article, when a tab moves to another address or closes, and what the popup is told.
 * Dependencies come in as functions, so the tests drive it with a fake browser and a
 * real (fake-indexeddb) store.
 *
 * The reader's settings apply here: a site on the "never checked" list is not read at
 * all, and matches are judged at the reader's sensitivity. Every flag is written to the
 * history. The last page read in each tab is kept (in memory) for the register form and
 * for judging again after a decision; when the worker has been restarted it is read anew.
 */
import { parseExtraction, type PageExtraction } from '@/utils/extraction';
import { canonicalUrl } from '@/utils/pack/id';
import type { Db } from '@/utils/store/db';
import { recordFlag } from '@/utils/store/history';
import { prepareLookups } from '@/utils/store/originals';
import { DEFAULT_SETTINGS, skipEntryFor, thresholdFor, type Settings } from '@/utils/store/settings';
import type { CheckProblem, TabVerdict } from '@/utils/verdict';
import { judgePage } from './check-page';
import { mark } from './timeline';
import { warmUpEngine } from './warm-up';
import type { TabVerdicts } from './tab-verdicts';

export interface CheckerDeps {
  /** The store, with the originals installed. */
  db: () => Promise<Db>;
  /** Runs the extractor in the frame; returns its raw result. */
  extract: (tabId: number, frameId: number) => Promise<unknown>;
  verdicts: TabVerdicts;
  badge: (tabId: number, verdict: TabVerdict | null) => Promise<void>;
  /** The reader's settings (defaults when absent). */
  settings?: () => Promise<Settings>;
  now?: () => number;
  log?: (message: string, err?: unknown) => void;
}

export interface TabChecker {
  /**
   * A check is coming: starts what it needs that does not depend on the page (the store
   * opened and readied, the engine compiled, the settings read) and returns the settings
   * read, for `pageReady`. Called first thing by a message that leads to a check, so that
   * the browser's round trips before it (the tab, its verdict so far) overlap these.
   */
  prepare(): Promise<Settings>;
  /**
   * The content script says the page at `url` looks like an article. `settings`: as read
   * by `prepare` for this check (else read now).
   */
  pageReady(tabId: number, frameId: number, url: string, settings?: Promise<Settings>): Promise<TabVerdict | null>;
  /** The tab now shows `url` (navigation, history change). */
  urlChanged(tabId: number, url: string): Promise<void>;
  tabRemoved(tabId: number): Promise<void>;
  /** What the popup shows; `url` (when known) must be the page the verdict is for. */
  verdictFor(tabId: number, url?: string): Promise<TabVerdict | null>;
  /** Judges the tab's page at `url` again (the reader registered or decided something). */
  recheck(tabId: number, url: string): Promise<TabVerdict | null>;
  /** The tab's page at `url` as read by the extractor (kept, else read now); null if no article. */
  pageAt(tabId: number, url: string): Promise<PageExtraction | null>;
  /** Drops the tab's verdict and badge (its site was just paused). */
  forget(tabId: number): Promise<void>;
}

/** A failure of the store, in the reader's terms: out of space, or the store itself. */
export function storeProblem(err: unknown): CheckProblem {
  const name = (err as { name?: unknown })?.name;
  const message = String((err as { message?: unknown })?.message ?? err);
  return name === 'QuotaExceededError' || /quota/i.test(message) ? 'quota' : 'storage';
}

export function createTabChecker(deps: CheckerDeps): TabChecker {
  mark('wired');
  const now = deps.now ?? Date.now;
  const log = deps.log ?? ((m, e) => console.warn(`[provenance-lens] ${m}`, e ?? ''));

  const settings = async () => (deps.settings ? deps.settings().catch(() => DEFAULT_SETTINGS) : DEFAULT_SETTINGS);
  /** The last page read in each tab. */
  const pages = new Map<number, PageExtraction>();

  async function settle(tabId: number, checkId: string, verdict: TabVerdict): Promise<TabVerdict | null> {
    if (!(await deps.verdicts.finish(tabId, checkId, verdict))) return null;
    await deps.badge(tabId, verdict);
    return verdict;
  }

  /** A flag goes to the history once per page and original; a failure there costs no verdict. */
  async function remember(db: Db, v: TabVerdict): Promise<void> {
    if (v.state !== 'translation' || !v.original) return;
    await recordFlag(db, {
      url: v.url, lang: v.pageLang, originalId: v.original.id, originalTitle: v.original.title,
      score: v.score ?? null, at: v.checkedAt, decision: v.confirmed ? 'confirmed' : null,
    }).catch((err) => log(`could not record ${v.url} in the history`, err));
  }

  /**
   * Opens the store and reads what every lookup needs first (the index's statistics),
   * and compiles the engine (warm-up.ts), without waiting: a worker just started has all
   * of it to do, and reading the page in the tab takes longer. Failures surface in
   * `judge`, which asks again.
   */
  let warming: Promise<unknown> | null = null;
  function warmUp(): void {
    if (warming) return; // one at a time: `prepare` and the check it leads to both ask
    warming = deps
      .db()
      .then(prepareLookups)
      .catch(() => undefined)
      .finally(() => (warming = null));
    // The engine's code compiled too, once the store's requests are on their way.
    setTimeout(() => {
      try {
        warmUpEngine();
      } catch {
        // Only a head start: the verdict will run the same code anyway.
      }
    }, 0);
  }

  async function judge(tabId: number, checkId: string, url: string, page: PageExtraction, s: Settings): Promise<TabVerdict | null> {
    try {
      const db = await deps.db();
      mark('store');
      const verdict = await settle(tabId, checkId, await judgePage(db, page, now(), { threshold: thresholdFor(s.sensitivity) }));
      mark('settled');
      if (verdict) await remember(db, verdict);
      return verdict;
    } catch (err) {
      // The store failed (no space left, a broken or blocked database, an aborted
      // transaction): the reader is told, rather than shown "nothing found".
      log(`could not check ${url}: the store failed`, err);
      return settle(tabId, checkId, { state: 'error', url, pageLang: null, checkedAt: now(), problem: storeProblem(err) });
    }
  }

  async function forget(tabId: number): Promise<void> {
    pages.delete(tabId);
    await deps.verdicts.clear(tabId);
    await deps.badge(tabId, null);
  }

  const checker: TabChecker = {
    prepare() {
      warmUp();
      return settings();
    },
    async pageReady(tabId, frameId, url, early) {
      mark('check');
      // The store is opened while the page is read, not after.
      warmUp();
      const s = await (early ?? settings()).catch(() => DEFAULT_SETTINGS);
      // A site the reader never wants checked is not even read.
      if (skipEntryFor(s, url)) {
        await forget(tabId);
        return null;
      }
      // Reading the page is the long pole: it starts first, the check is recorded and the
      // badge cleared meanwhile.
      const extraction = deps.extract(tabId, frameId);
      extraction.catch(() => undefined); // awaited below
      const checkId = await deps.verdicts.begin(tabId, url, now());
      await deps.badge(tabId, null);
      let page: ReturnType<typeof parseExtraction>;
      try {
        page = parseExtraction(await extraction);
        mark('extracted');
      } catch (err) {
        // The page went away, forbids scripts, or sent nonsense: better to claim nothing
        // than something wrong. The reason goes to the worker's console.
        log(`could not check ${url}`, err);
        return settle(tabId, checkId, { state: 'no-article', url, pageLang: null, checkedAt: now() });
      }
      if (!page) {
        pages.delete(tabId);
        return settle(tabId, checkId, { state: 'no-article', url, pageLang: null, checkedAt: now() });
      }
      if (frameId === 0) pages.set(tabId, page);
      return judge(tabId, checkId, url, page, s);
    },
    async urlChanged(tabId, url) {
      const kept = pages.get(tabId);
      if (kept && !samePage(kept.url, url)) pages.delete(tabId);
      if (await deps.verdicts.clearUnlessAt(tabId, url)) await deps.badge(tabId, null);
    },
    async tabRemoved(tabId) {
      pages.delete(tabId);
      await deps.verdicts.clear(tabId);
    },
    verdictFor(tabId, url) {
      return deps.verdicts.get(tabId, url);
    },
    async recheck(tabId, url) {
      const kept = pages.get(tabId);
      if (!kept || !samePage(kept.url, url)) return checker.pageReady(tabId, 0, url);
      const s = await settings();
      if (skipEntryFor(s, url)) {
        await forget(tabId);
        return null;
      }
      const checkId = await deps.verdicts.begin(tabId, url, now());
      return judge(tabId, checkId, url, kept, s);
    },
    async pageAt(tabId, url) {
      const kept = pages.get(tabId);
      if (kept && samePage(kept.url, url)) return kept;
      const page = parseExtraction(await deps.extract(tabId, 0));
      if (page && samePage(page.url, url)) pages.set(tabId, page);
      return page && samePage(page.url, url) ? page : null;
    },
    forget,
  };
  return checker;
}

function samePage(a: string, b: string): boolean {
  return (canonicalUrl(a) ?? a) === (canonicalUrl(b) ?? b);
}
