/** "Check only when I click" (the setting itself), and the content key that keeps a late-rendering SPA from inheriting the previous article's verdict. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { contentKey } from '@/utils/content/page-watch';
import { CHECK_MODE_KEY, getCheckMode, setCheckMode } from '@/utils/check-mode';
import { documentOf } from '../helpers/pages';

beforeEach(() => fakeBrowser.reset());

describe('check mode', () => {
  it('is "auto" unless the reader chose "click"; anything else read counts as "auto"', async () => {
    expect(await getCheckMode()).toBe('auto');
    await setCheckMode('click');
    expect(await getCheckMode()).toBe('click');
    await setCheckMode('auto');
    expect(await getCheckMode()).toBe('auto');
    for (const junk of ['CLICK', 1, null, { mode: 'click' }]) {
      await fakeBrowser.storage.local.set({ [CHECK_MODE_KEY]: junk });
      expect(await getCheckMode()).toBe('auto');
    }
    const broken = { get: async () => Promise.reject(new Error('storage gone')), set: async () => undefined };
    expect(await getCheckMode(broken)).toBe('auto');
  });
});

describe('content key', () => {
  it('is the same for the same content, changes with it, and never throws', () => {
    const a = documentOf('<html><head><title>A</title></head><body><p>First article.</p></body></html>');
    const b = documentOf('<html><head><title>A</title></head><body><p>First article.</p></body></html>');
    expect(contentKey(a)).toBe(contentKey(b));
    b.body.innerHTML = '<p>Second article.</p>';
    expect(contentKey(b)).not.toBe(contentKey(a));
    expect(contentKey({} as Document)).toBe('undefined\n0\n');
    expect(contentKey(new Proxy({}, { get: () => { throw new Error('x'); } }) as Document)).toBe('');
  });
});
