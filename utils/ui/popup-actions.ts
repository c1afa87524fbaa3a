/** What the popup's workflow controls ask of the background, for one tab. */
import type { ActionResult, DecisionChoice, DraftResult, SiteStatus } from '@/utils/management';
import { sendMessage } from '@/utils/messaging';
import type { OriginalMeta } from '@/utils/original-meta';

export interface PopupActions {
  siteStatus(): Promise<SiteStatus>;
  setPaused(paused: boolean): Promise<SiteStatus>;
  loadDraft(): Promise<DraftResult>;
  register(meta: OriginalMeta): Promise<ActionResult>;
  decide(originalId: string, decision: DecisionChoice, note?: string | null): Promise<ActionResult>;
}

/** A failed message (the worker stopped, an update) reads as "did not work", never as a throw. */
const orFailed = <T>(p: Promise<T>): Promise<T | { ok: false; error: 'failed' }> => p.catch(() => ({ ok: false as const, error: 'failed' as const }));

export function popupActions(tabId: number): PopupActions {
  return {
    siteStatus: () => sendMessage('getSiteStatus', { tabId }).catch(() => ({ host: null, paused: false })),
    setPaused: (paused) => sendMessage('setSitePaused', { tabId, paused }),
    loadDraft: () => orFailed(sendMessage('getOriginalDraft', { tabId })),
    register: (meta) => orFailed(sendMessage('registerOriginal', { tabId, meta })),
    decide: (originalId, decision, note) => orFailed(sendMessage('decideCopy', { tabId, originalId, decision, ...(note ? { note } : {}) })),
  };
}
