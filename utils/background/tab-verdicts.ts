/**
 * The verdict of each tab, in `storage.session`: an MV3 service worker may be stopped at
 * any time, and session storage outlives it (but not the browser session, and is not
 * readable by content scripts). One entry per tab, holding the URL it belongs to, so a
 * verdict is never shown for a page it was not reached on.
 *
 * A check takes time; the page may change meanwhile. `begin` hands out a check id and
 * `finish` writes only if that check is still the tab's latest, so a slow answer about
 * the previous article never overwrites the current one. Writes per tab are serialised.
 */
import { browser } from 'wxt/browser';
import { canonicalUrl } from '@/utils/pack/id';
import type { TabVerdict } from '@/utils/verdict';

interface Entry {
  checkId: string;
  verdict: TabVerdict;
}

/** The part of a storage area used here (browser.storage.session, or memory). */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/** For browsers without `storage.session` (Firefox before 115): lost with the worker. */
export function memoryArea(): KeyValueArea {
  const m = new Map<string, unknown>();
  return {
    async get(key) {
      return m.has(key) ? { [key]: m.get(key) } : {};
    },
    async set(items) {
      for (const [k, val] of Object.entries(items)) m.set(k, val);
    },
    async remove(key) {
      m.delete(key);
    },
  };
}

export function sessionArea(): KeyValueArea {
  return (browser.storage as { session?: KeyValueArea }).session ?? memoryArea();
}

const keyOf = (tabId: number) => `verdict:${tabId}`;

function sameUrl(a: string, b: string): boolean {
  return (canonicalUrl(a) ?? a) === (canonicalUrl(b) ?? b);
}

function newCheckId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export class TabVerdicts {
  private readonly queues = new Map<number, Promise<unknown>>();

  constructor(private readonly area: KeyValueArea = sessionArea()) {}

  /** Runs `fn` after every earlier operation on the same tab. */
  private serial<T>(tabId: number, fn: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(tabId) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    const settled = next.catch(() => undefined);
    this.queues.set(tabId, settled);
    void settled.then(() => {
      if (this.queues.get(tabId) === settled) this.queues.delete(tabId);
    });
    return next;
  }

  private async read(tabId: number): Promise<Entry | null> {
    const got = await this.area.get(keyOf(tabId));
    const e = got[keyOf(tabId)] as Entry | undefined;
    return e && typeof e === 'object' && e.verdict ? e : null;
  }

  /** The tab's verdict; with `url`, only if it was reached for that page. */
  async get(tabId: number, url?: string): Promise<TabVerdict | null> {
    const e = await this.read(tabId);
    if (!e) return null;
    return url === undefined || sameUrl(e.verdict.url, url) ? e.verdict : null;
  }

  /** Marks the tab as being checked at `url`; returns the id `finish` needs. */
  begin(tabId: number, url: string, now = Date.now()): Promise<string> {
    return this.serial(tabId, async () => {
      const checkId = newCheckId();
      const verdict: TabVerdict = { state: 'checking', url, pageLang: null, checkedAt: now };
      await this.area.set({ [keyOf(tabId)]: { checkId, verdict } satisfies Entry });
      return checkId;
    });
  }

  /** Stores the check's outcome, unless a newer check (or a navigation) replaced it. */
  finish(tabId: number, checkId: string, verdict: TabVerdict): Promise<boolean> {
    return this.serial(tabId, async () => {
      const e = await this.read(tabId);
      if (!e || e.checkId !== checkId) return false;
      await this.area.set({ [keyOf(tabId)]: { checkId, verdict } satisfies Entry });
      return true;
    });
  }

  /** Forgets the tab's verdict if it belongs to another page than `url`. */
  clearUnlessAt(tabId: number, url: string): Promise<boolean> {
    return this.serial(tabId, async () => {
      const e = await this.read(tabId);
      if (!e || sameUrl(e.verdict.url, url)) return false;
      await this.area.remove(keyOf(tabId));
      return true;
    });
  }

  clear(tabId: number): Promise<void> {
    return this.serial(tabId, () => this.area.remove(keyOf(tabId)));
  }
}
