/**
 * The toolbar badge of a tab: loud for a translated copy, quiet for a known original, a
 * "!" when the check itself failed, nothing otherwise (no article, nothing matched, still
 * checking) — the badge should only ever draw the eye when there is something to know.
 */
import { browser } from 'wxt/browser';
import type { Translate } from '@/utils/ui/i18n';
import type { TabVerdict } from '@/utils/verdict';

export interface BadgeLook {
  text: string;
  /** Background colour; null leaves the browser's default. */
  color: string | null;
  textColor: string | null;
  /** Tooltip of the toolbar button. */
  title: string;
}

export const COPY_COLOR = '#B42318';
export const ORIGINAL_COLOR = '#52606D';
export const ERROR_COLOR = '#8A5300';

export function badgeLook(verdict: TabVerdict | null, t: Translate): BadgeLook {
  switch (verdict?.state) {
    case 'translation':
      return { text: t('badgeTranslation'), color: COPY_COLOR, textColor: '#FFFFFF', title: t('badgeTitleTranslation') };
    case 'original':
      return { text: '✓', color: ORIGINAL_COLOR, textColor: '#FFFFFF', title: t('badgeTitleOriginal') };
    case 'error':
      // The check failed (the store, not the page): worth a glance, not an alarm.
      return { text: '!', color: ERROR_COLOR, textColor: '#FFFFFF', title: t('badgeTitleError') };
    default:
      return { text: '', color: null, textColor: null, title: t('extName') };
  }
}

/** Applies the look to the tab's toolbar button. A closed tab is not an error. */
export async function showBadge(tabId: number, verdict: TabVerdict | null, t: Translate): Promise<void> {
  const look = badgeLook(verdict, t);
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  try {
    // Independent calls, all in flight at once: each is a round trip to the browser, and
    // a verdict is shown when the last one lands.
    await Promise.all([
      action.setBadgeText({ tabId, text: look.text }),
      look.color ? action.setBadgeBackgroundColor({ tabId, color: look.color }) : undefined,
      look.textColor && typeof action.setBadgeTextColor === 'function' ? action.setBadgeTextColor({ tabId, color: look.textColor }) : undefined,
      action.setTitle({ tabId, title: look.title }),
    ]);
  } catch (err) {
    if (!/no tab with id/i.test(String(err))) throw err;
  }
}
