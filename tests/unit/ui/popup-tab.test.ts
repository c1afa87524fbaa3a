import { describe, expect, it } from 'vitest';
import { followVerdict, tabFromQuery } from '@/utils/ui/popup-tab';
import type { TabVerdict } from '@/utils/verdict';

describe('popup tab', () => {
  it('reads ?tab=<id>, and nothing else', () => {
    expect(tabFromQuery('?tab=42')).toBe(42);
    expect(tabFromQuery('')).toBeNull();
    for (const bad of ['?tab=-1', '?tab=1e3', '?tab=x', '?tab=']) expect(tabFromQuery(bad)).toBeNull();
  });

  it('follows a verdict while it is being checked, then stops', async () => {
    const states: TabVerdict['state'][] = ['checking', 'checking', 'translation'];
    let calls = 0;
    const seen: Array<string | undefined> = [];
    await new Promise<void>((done) => {
      followVerdict(
        async () => ({ state: states[Math.min(calls++, states.length - 1)], url: 'u', pageLang: null, checkedAt: 0 }),
        (v) => {
          seen.push(v?.state);
          if (v?.state !== 'checking') done();
        },
        { intervalMs: 5 },
      );
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(seen).toEqual(['checking', 'checking', 'translation']);
    expect(calls).toBe(3);
  });

  it('shows "not checked" when the background cannot answer', async () => {
    const v = await new Promise((resolve) => followVerdict(async () => Promise.reject(new Error('no receiver')), resolve));
    expect(v).toBeNull();
  });
});
