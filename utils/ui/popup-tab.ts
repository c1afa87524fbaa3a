/**
 * Which tab the popup describes, and keeping it up to date while a check runs. Normally
 * the active tab of the popup's window; `popup.html?tab=<id>` names one explicitly (the
 * demo and the e2e tests open the popup as a page of its own).
 */
import { browser } from 'wxt/browser';
import type { TabVerdict } from '@/utils/verdict';

export function tabFromQuery(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return null;
  return Number(raw);
}

export async function popupTabId(search: string): Promise<number | null> {
  const explicit = tabFromQuery(search);
  if (explicit !== null) return explicit;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/**
 * Calls `onVerdict` with the tab's verdict, then again while it says "checking" (every
 * `intervalMs`, for at most `maxMs`). Returns a function that stops.
 */
export function followVerdict(
  fetchVerdict: () => Promise<TabVerdict | null>,
  onVerdict: (v: TabVerdict | null) => void,
  { intervalMs = 300, maxMs = 20_000 } = {},
): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const started = Date.now();
  const tick = async () => {
    let v: TabVerdict | null = null;
    try {
      v = await fetchVerdict();
    } catch {
      v = null;
    }
    if (stopped) return;
    onVerdict(v);
    if (v?.state === 'checking' && Date.now() - started < maxMs) timer = setTimeout(tick, intervalMs);
  };
  void tick();
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
  };
}
