import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pageAddress, watchPage } from '@/utils/content/page-watch';

/** A window just rich enough for the watcher: location, events, timers, idle callbacks. */
function fakeWindow(href: string, withNavigation: boolean) {
  const win = new EventTarget() as EventTarget & Record<string, unknown>;
  const doc = new EventTarget() as EventTarget & { visibilityState: string };
  doc.visibilityState = 'visible';
  const navigation = withNavigation ? new EventTarget() : undefined;
  Object.assign(win, {
    location: { href },
    document: doc,
    navigation,
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (id: number) => clearTimeout(id),
    setInterval: (fn: () => void, ms: number) => setInterval(fn, ms),
    clearInterval: (id: number) => clearInterval(id),
    requestIdleCallback: (fn: () => void) => setTimeout(fn, 5),
    cancelIdleCallback: (id: number) => clearTimeout(id),
  });
  return {
    win: win as unknown as Window & typeof globalThis,
    go(url: string) {
      (win.location as { href: string }).href = url;
    },
    fire(target: 'window' | 'navigation', type: string) {
      (target === 'window' ? win : navigation!).dispatchEvent(new Event(type));
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('page watch', () => {
  it('drops the fragment only', () => {
    expect(pageAddress('https://a.example/x?y=1#z')).toBe('https://a.example/x?y=1');
  });

  it('reports the first page once idle, then each client-side navigation once it settles', async () => {
    const w = fakeWindow('https://a.example/one', true);
    const seen: string[] = [];
    const stop = watchPage({ onPage: (u) => seen.push(u), win: w.win, settleMs: 500 });
    await vi.advanceTimersByTimeAsync(10);
    expect(seen).toEqual(['https://a.example/one']);

    w.go('https://a.example/one#comments');
    w.fire('navigation', 'navigatesuccess');
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen).toHaveLength(1); // same article

    w.go('https://a.example/two');
    w.fire('navigation', 'navigatesuccess');
    await vi.advanceTimersByTimeAsync(100);
    expect(seen).toHaveLength(1); // still settling
    await vi.advanceTimersByTimeAsync(500);
    expect(seen).toEqual(['https://a.example/one', 'https://a.example/two']);

    w.go('https://a.example/one');
    w.fire('window', 'popstate');
    await vi.advanceTimersByTimeAsync(600);
    expect(seen.at(-1)).toBe('https://a.example/one');
    stop();
    w.go('https://a.example/three');
    w.fire('window', 'popstate');
    await vi.advanceTimersByTimeAsync(5000);
    expect(seen).toHaveLength(3);
  });

  it('without the Navigation API, notices pushState by polling while visible', async () => {
    const w = fakeWindow('https://spa.example/a', false);
    const seen: string[] = [];
    watchPage({ onPage: (u) => seen.push(u), win: w.win, settleMs: 100, pollMs: 1000 });
    await vi.advanceTimersByTimeAsync(10);
    w.go('https://spa.example/b'); // pushState: no event at all
    await vi.advanceTimersByTimeAsync(1200);
    expect(seen).toEqual(['https://spa.example/a', 'https://spa.example/b']);
  });

  it('reports only the page shown when navigations come in a burst', async () => {
    const w = fakeWindow('https://a.example/1', true);
    const seen: string[] = [];
    watchPage({ onPage: (u) => seen.push(u), win: w.win, settleMs: 300 });
    await vi.advanceTimersByTimeAsync(10);
    for (const p of ['2', '3', '4']) {
      w.go(`https://a.example/${p}`);
      w.fire('navigation', 'navigatesuccess');
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen).toEqual(['https://a.example/1', 'https://a.example/4']);
  });
});
