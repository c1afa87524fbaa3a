/**
 * Notices which page the tab is showing, including client-side navigations (single-page
 * sites change the article without loading a new document), and calls `onPage` once
 * per address, after the page has had time to render and the browser is idle. Cheap by
 * design: it runs on every page the user visits.
 */

export interface PageWatchOptions {
  /** Called with the page's address (fragment removed) once the page has settled. */
  onPage: (url: string) => void;
  /** Wait after a client-side navigation for the new article to render (ms). */
  settleMs?: number;
  /** URL poll for browsers without the Navigation API (ms). */
  pollMs?: number;
  /** Longest wait for an idle moment (ms). */
  idleTimeoutMs?: number;
  win?: Window & typeof globalThis;
}

/** The address without its fragment: a fragment scrolls, it does not change the article. */
export function pageAddress(href: string): string {
  const hash = href.indexOf('#');
  return hash < 0 ? href : href.slice(0, hash);
}

/**
 * A cheap key of what the page shows (title, text length, the start of its text): after a
 * client-side navigation, the same key means the previous article is still on screen and
 * the new one has not rendered yet. Read once per navigation, never on a timer.
 */
export function contentKey(doc: Document): string {
  try {
    const text = doc.body?.textContent ?? '';
    return `${doc.title}\n${text.length}\n${text.slice(0, 2000)}`;
  } catch {
    return '';
  }
}

interface NavigationLike {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

/** Starts watching; returns a function that stops it. */
export function watchPage(opts: PageWatchOptions): () => void {
  const win = opts.win ?? window;
  const settleMs = opts.settleMs ?? 800;
  const idleTimeoutMs = opts.idleTimeoutMs ?? 3000;
  let reported: string | null = null;
  let timer: number | undefined;
  let idle: number | undefined;
  let stopped = false;

  const cancelPending = () => {
    if (timer !== undefined) win.clearTimeout(timer);
    if (idle !== undefined && typeof win.cancelIdleCallback === 'function') win.cancelIdleCallback(idle);
    timer = idle = undefined;
  };

  const whenIdle = (fn: () => void) => {
    if (typeof win.requestIdleCallback === 'function') idle = win.requestIdleCallback(fn, { timeout: idleTimeoutMs });
    else timer = win.setTimeout(fn, 1);
  };

  const check = (delay: number) => {
    if (stopped) return;
    const url = pageAddress(win.location.href);
    if (url === reported) return;
    cancelPending();
    timer = win.setTimeout(() => {
      whenIdle(() => {
        // The address may have moved on again while we waited: report what is shown now.
        const now = pageAddress(win.location.href);
        if (stopped || now === reported) return;
        reported = now;
        opts.onPage(now);
      });
    }, delay);
  };

  const onNavigate = () => check(settleMs);
  const onVisible = () => {
    if (win.document.visibilityState === 'visible') check(settleMs);
  };

  win.addEventListener('popstate', onNavigate);
  win.document.addEventListener('visibilitychange', onVisible);
  const navigation = (win as unknown as { navigation?: NavigationLike }).navigation;
  navigation?.addEventListener('navigatesuccess', onNavigate);
  // Without the Navigation API, pushState is invisible to us: poll the address, only
  // while the tab is visible (a string comparison every few seconds).
  const poll = navigation
    ? undefined
    : win.setInterval(() => {
        if (win.document.visibilityState === 'visible') check(settleMs);
      }, opts.pollMs ?? 2000);

  check(0);

  return () => {
    stopped = true;
    cancelPending();
    win.removeEventListener('popstate', onNavigate);
    win.document.removeEventListener('visibilitychange', onVisible);
    navigation?.removeEventListener('navigatesuccess', onNavigate);
    if (poll !== undefined) win.clearInterval(poll);
  };
}
