/**
 * The reader's choice of when pages are checked: automatically as they load (the
 * default), or only when the reader clicks the toolbar button. In "click" mode the
 * content script does nothing on its own, and a click lets the background read that one
 * tab through `activeTab` — which also works when the reader has withheld the extension's
 * access to all sites (Chrome's "site access: on click", Firefox's per-add-on permissions).
 *
 * Kept in `storage.local`: readable by the content script, not by the page.
 */
import { browser } from 'wxt/browser';

export type CheckMode = 'auto' | 'click';

export const CHECK_MODE_KEY = 'checkMode';

/** The http(s) reach the automatic mode needs (the manifest's host permissions). */
export const ALL_SITES = ['http://*/*', 'https://*/*'];

interface LocalArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const local = (): LocalArea => browser.storage.local as unknown as LocalArea;

/** The mode in force; anything unreadable or unknown counts as the default, "auto". */
export async function getCheckMode(area?: LocalArea): Promise<CheckMode> {
  try {
    // Inside the try: an orphaned content script (extension updated) has no storage at all.
    const got = await (area ?? local()).get(CHECK_MODE_KEY);
    return got[CHECK_MODE_KEY] === 'click' ? 'click' : 'auto';
  } catch {
    return 'auto';
  }
}

export async function setCheckMode(mode: CheckMode, area: LocalArea = local()): Promise<void> {
  await area.set({ [CHECK_MODE_KEY]: mode === 'click' ? 'click' : 'auto' });
}

/** Whether the extension may read every http(s) page (false when the reader withheld it). */
export async function hasAllSitesAccess(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: ALL_SITES });
  } catch {
    return false;
  }
}
