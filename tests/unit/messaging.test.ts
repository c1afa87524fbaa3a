import { describe, expect, it } from 'vitest';
import { isExtensionPage, isOwnSender, parsePageReady, parseTabRef } from '@/utils/messaging';

describe('message validation', () => {
  it('accepts a pageReady with an http(s) URL and nothing else', () => {
    expect(parsePageReady({ url: 'https://a.example/x' })).toEqual({ url: 'https://a.example/x' });
    expect(() => parsePageReady({ url: 'javascript:alert(1)' })).toThrow(/http\(s\) URL/);
    expect(() => parsePageReady({ url: 42 })).toThrow(/pageReady/);
    expect(() => parsePageReady(null)).toThrow(/pageReady/);
    expect(() => parsePageReady({ url: `https://a.example/${'x'.repeat(9000)}` })).toThrow();
  });

  it('accepts a tab id that is a non-negative integer', () => {
    expect(parseTabRef({ tabId: 12 })).toEqual({ tabId: 12 });
    for (const bad of [{ tabId: -1 }, { tabId: 1.5 }, { tabId: '3' }, {}]) expect(() => parseTabRef(bad)).toThrow(/getTabVerdict/);
  });

  it('answers only this extension, and the popup only from extension pages', () => {
    const origin = 'chrome-extension://abc/';
    expect(isOwnSender({ id: 'abc' }, 'abc')).toBe(true);
    expect(isOwnSender({ id: 'other' }, 'abc')).toBe(false);
    expect(isOwnSender(undefined, 'abc')).toBe(false);
    expect(isExtensionPage({ id: 'abc', url: 'chrome-extension://abc/popup.html?tab=3' }, 'abc', origin)).toBe(true);
    // A content script of this extension runs inside a web page: not an extension page.
    expect(isExtensionPage({ id: 'abc', url: 'https://evil.example/', tab: {} }, 'abc', origin)).toBe(false);
  });
});
