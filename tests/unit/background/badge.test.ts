import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { badgeLook, COPY_COLOR, ORIGINAL_COLOR, showBadge } from '@/utils/background/badge';
import type { TabVerdict } from '@/utils/verdict';
import { loadMessages, translatorFor } from '../helpers/messages';

const t = translatorFor(loadMessages('en'));
const verdict = (state: TabVerdict['state']): TabVerdict => ({ state, url: 'https://a.example/', pageLang: 'it', checkedAt: 0 });

beforeEach(() => fakeBrowser.reset());

describe('badge', () => {
  it('is loud for a copy, quiet for an original, absent otherwise', () => {
    expect(badgeLook(verdict('translation'), t)).toMatchObject({ text: 'COPY', color: COPY_COLOR });
    expect(badgeLook(verdict('original'), t)).toMatchObject({ text: '✓', color: ORIGINAL_COLOR });
    for (const s of ['none', 'no-article', 'checking'] as const) expect(badgeLook(verdict(s), t).text).toBe('');
    expect(badgeLook(null, t).text).toBe('');
  });

  it('keeps to four characters in every locale', () => {
    for (const l of ['en', 'fr', 'it']) expect(badgeLook(verdict('translation'), translatorFor(loadMessages(l))).text.length).toBeLessThanOrEqual(4);
  });

  it('sets text, colour and tooltip on the tab only', async () => {
    await showBadge(5, verdict('translation'), t);
    expect(await browser.action.getBadgeText({ tabId: 5 })).toBe('COPY');
    expect(await browser.action.getBadgeBackgroundColor({ tabId: 5 })).toEqual([180, 35, 24, 255]);
    expect(await browser.action.getTitle({ tabId: 5 })).toBe('Provenance Lens: translated copy of a known original');
    expect(await browser.action.getBadgeText({ tabId: 6 })).toBe('');
    await showBadge(5, null, t);
    expect(await browser.action.getBadgeText({ tabId: 5 })).toBe('');
  });
});
