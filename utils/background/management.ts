/**
 * What the background does for the popup and the options page (utils/management.ts),
 * free of wiring: each handler takes a payload already validated and answers plain JSON.
 * The background (entrypoints/background.ts) checks the sender and the payload first.
 *
 * Decisions are always about what the tab shows *now*: the page address and language come
 * from the tab's verdict, never from the message, so a stale popup cannot file a decision
 * for a page the tab has left.
 */
import type { ActionResult, DecideRequest, ManagementProtocol, OriginalEntry, SiteStatus } from '@/utils/management';
import { checkMeta } from '@/utils/original-meta';
import { httpUrl } from '@/utils/page/address';
import { clearAll } from '@/utils/store/clear';
import type { Db } from '@/utils/store/db';
import { confirmCopy, dismissCopy, forgetDecision } from '@/utils/store/decisions';
import { listHistory } from '@/utils/store/history';
import { removeOriginal, updateOriginalMeta } from '@/utils/store/original-edits';
import { addOriginal, DuplicateOriginalError, listOriginals } from '@/utils/store/originals';
import {
  hostOf, loadSettings, readSettings, saveSettings, setSiteSkipped, skipEntryFor, type SettingsArea,
} from '@/utils/store/settings';
import { draftOf, originalFromPage } from './register-original';
import type { TabChecker } from './tab-checker';

export interface ManagementDeps {
  db: () => Promise<Db>;
  checker: TabChecker;
  /** The address the tab shows, if any. */
  tabUrl: (tabId: number) => Promise<string | undefined>;
  /** Every open tab (to drop their verdicts when the data is cleared). */
  tabIds: () => Promise<number[]>;
  /** Installs the originals shipped with the extension. */
  installDefaults: (db: Db) => Promise<unknown>;
  settingsArea?: SettingsArea;
  now?: () => number;
  log?: (message: string, err?: unknown) => void;
}

type Handlers = { [K in keyof ManagementProtocol]: (...data: Parameters<ManagementProtocol[K]>) => Promise<ReturnType<ManagementProtocol[K]>> };

export function createManagement(deps: ManagementDeps): Handlers {
  const now = deps.now ?? Date.now;
  const log = deps.log ?? ((m, e) => console.warn(`[provenance-lens] ${m}`, e ?? ''));
  const area = deps.settingsArea;
  const pageIn = async (tabId: number) => httpUrl(await deps.tabUrl(tabId).catch(() => undefined));
  const failed = (what: string, err: unknown): ActionResult => {
    log(what, err);
    return { ok: false, error: 'failed' };
  };

  async function siteStatus(url: string | null): Promise<SiteStatus> {
    const host = hostOf(url);
    return { host, paused: host ? skipEntryFor(await loadSettings(area), url) !== null : false };
  }

  /**
   * Judges again every open tab that has a verdict, so what the popup and the badge say
   * follows the store (after a deletion, an import, a clear). One tab after the other.
   */
  async function recheckOpenTabs(): Promise<void> {
    for (const tabId of await deps.tabIds().catch(() => [] as number[])) {
      const url = await pageIn(tabId);
      const verdict = url ? await deps.checker.verdictFor(tabId, url) : null;
      if (!url || !verdict || verdict.state === 'no-article' || verdict.state === 'checking') continue;
      await deps.checker.recheck(tabId, url).catch((err) => log(`recheck of tab ${tabId}`, err));
    }
  }

  async function decide({ tabId, originalId, decision, note }: DecideRequest): Promise<ActionResult> {
    const url = await pageIn(tabId);
    if (!url) return { ok: false, error: 'no-page' };
    const verdict = await deps.checker.verdictFor(tabId, url);
    const flagged = verdict?.state === 'translation' && verdict.original?.id === originalId;
    const wasDismissed = verdict?.dismissed?.some((o) => o.id === originalId) ?? false;
    // Confirm or dismiss only what the tab is flagged for; undo only a decision it shows.
    if (!verdict || (decision === 'undecided' ? !(wasDismissed || (flagged && verdict.confirmed)) : !flagged)) {
      return { ok: false, error: 'stale' };
    }
    try {
      const db = await deps.db();
      const input = { url: verdict.url, originalId, lang: verdict.pageLang, note: note ?? null, at: now() };
      if (decision === 'confirmed') await confirmCopy(db, input);
      else if (decision === 'dismissed') await dismissCopy(db, input);
      else await forgetDecision(db, input);
    } catch (err) {
      return failed(`could not file the decision on ${url}`, err);
    }
    await deps.checker.recheck(tabId, verdict.url).catch((err) => log('recheck after a decision', err));
    return { ok: true, id: originalId };
  }

  return {
    async getSiteStatus({ tabId }) {
      return siteStatus(await pageIn(tabId));
    },

    async setSitePaused({ tabId, paused }) {
      const url = await pageIn(tabId);
      const host = hostOf(url);
      if (!url || !host) return { host: null, paused: false };
      await setSiteSkipped(host, paused, area);
      if (paused) await deps.checker.forget(tabId);
      else await deps.checker.pageReady(tabId, 0, url).catch((err) => log('check after resuming', err));
      return siteStatus(url);
    },

    async getOriginalDraft({ tabId }) {
      const url = await pageIn(tabId);
      if (!url) return { ok: false, error: 'no-page' };
      const page = await deps.checker.pageAt(tabId, url).catch((err) => {
        log(`could not read ${url}`, err);
        return null;
      });
      return page ? { ok: true, draft: draftOf(page) } : { ok: false, error: 'no-article' };
    },

    async registerOriginal({ tabId, meta }) {
      const checked = checkMeta(meta);
      if (!checked.ok) return { ok: false, error: 'invalid' };
      const url = await pageIn(tabId);
      if (!url) return { ok: false, error: 'no-page' };
      const page = await deps.checker.pageAt(tabId, url).catch(() => null);
      if (!page) return { ok: false, error: 'no-article' };
      const original = originalFromPage(page, checked.meta);
      try {
        await addOriginal(await deps.db(), original, now());
      } catch (err) {
        if (err instanceof DuplicateOriginalError) return { ok: false, error: 'exists' };
        return failed(`could not register ${url}`, err);
      }
      await deps.checker.recheck(tabId, url).catch((err) => log('recheck after registering', err));
      return { ok: true, id: original.id };
    },

    decideCopy: decide,

    async listOriginals() {
      const db = await deps.db();
      const [originals, translations] = await Promise.all([listOriginals(db), db.getAll('translations')]);
      const byOriginal = new Map<string, OriginalEntry['translations']>();
      for (const t of translations) {
        const list = byOriginal.get(t.originalId) ?? [];
        list.push({ url: t.url, lang: t.lang, seen: t.seen, note: t.note });
        byOriginal.set(t.originalId, list);
      }
      return originals.map((o) => ({ ...o, translations: byOriginal.get(o.id) ?? [] }));
    },

    async updateOriginal({ id, meta }) {
      const checked = checkMeta(meta);
      if (!checked.ok) return { ok: false, error: 'invalid' };
      try {
        if (!(await updateOriginalMeta(await deps.db(), id, checked.meta))) return { ok: false, error: 'not-found' };
      } catch (err) {
        return failed(`could not update original ${id}`, err);
      }
      await recheckOpenTabs();
      return { ok: true, id };
    },

    async deleteOriginal({ id }) {
      try {
        const undo = await removeOriginal(await deps.db(), id);
        if (!undo) return { ok: false, error: 'not-found' };
        await recheckOpenTabs();
        return { ok: true, undo };
      } catch (err) {
        log(`could not delete original ${id}`, err);
        return { ok: false, error: 'failed' };
      }
    },

    async listHistory() {
      return listHistory(await deps.db());
    },

    async getSettings() {
      return loadSettings(area);
    },

    async saveSettings(settings) {
      return saveSettings(readSettings(settings), area);
    },

    async clearData() {
      try {
        const db = await deps.db();
        await clearAll(db);
        // Back to the state of a fresh install: the shipped originals, nothing of the reader's.
        await deps.installDefaults(db);
      } catch (err) {
        return failed('could not clear the data', err);
      }
      await recheckOpenTabs();
      return { ok: true };
    },

    async storeChanged() {
      await recheckOpenTabs();
      return { ok: true };
    },
  };
}
