/**
 * The management messages through the real background (entrypoints/background.ts on WXT's
 * fake browser): answered for the popup and the options page, validated, and refused to a
 * content script. (tests/unit/reliability/background-messages.test.ts sends every message
 * of the protocol from web pages.)
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

const root = path.resolve(import.meta.dirname, '../../..');
const defaultPack = readFileSync(path.join(root, 'public/packs/default.json'), 'utf8');
const ID = fakeBrowser.runtime.id;
const popup = { id: ID, url: `chrome-extension://${ID}/popup.html` };
const optionsTab = { id: ID, url: `chrome-extension://${ID}/options.html`, tab: { id: 9 }, frameId: 0 };
const contentScript = { id: ID, url: 'https://evil.example/', tab: { id: 9, url: 'https://evil.example/' }, frameId: 0 };

let seq = 0;
function send(type: string, data: unknown, sender: object): Promise<{ res?: unknown; err?: unknown } | undefined> {
  return new Promise((resolve) => {
    // The fake's types omit `sendResponse`, which the messaging library answers through.
    const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (...args: unknown[]) => Promise<unknown[]>;
    void trigger({ id: ++seq, type, data, timestamp: Date.now() }, sender, (r: unknown) => resolve(r as { res?: unknown }))
      .then((handled) => {
        if (!(handled as unknown[]).some((h) => h === true)) resolve(undefined);
      });
  });
}

beforeEach(async () => {
  fakeBrowser.reset();
  // Assigned, not stubbed: unstubbing would also remove the fake `chrome` WXT's setup provides.
  globalThis.indexedDB = new IDBFactory();
  globalThis.fetch = vi.fn(async () => new Response(defaultPack));
  // A fresh worker each time: the messaging module keeps one listener per type per context.
  vi.resetModules();
  (await import('@/entrypoints/background')).default.main!();
});
const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('management messages', () => {
  it('answer the popup and the options page (even opened in a tab)', async () => {
    const fromPopup = await send('listOriginals', undefined, popup);
    expect((fromPopup?.res as Array<{ id: string }>).map((o) => o.id)).toEqual(['seed:camaieu']);
    expect((await send('getSettings', undefined, optionsTab))?.res).toEqual({ sensitivity: 'normal', skipHosts: [] });
    const saved = await send('saveSettings', { sensitivity: 'strict', skipHosts: ['News.Example'] }, optionsTab);
    expect(saved?.res).toEqual({ sensitivity: 'strict', skipHosts: ['news.example'] });
  });

  it('refuse a malformed payload with a reason, and a content script with nothing', async () => {
    const bad = await send('decideCopy', { tabId: 1, originalId: 'x', decision: 'maybe' }, popup);
    expect(String((bad?.err as { message?: string })?.message ?? bad?.err)).toMatch(/decideCopy/);
    expect((await send('listOriginals', undefined, contentScript))?.res).toBeNull();
    expect((await send('saveSettings', { sensitivity: 'strict', skipHosts: [] }, contentScript))?.res).toBeNull();
    expect((await send('getSettings', undefined, popup))?.res).toEqual({ sensitivity: 'normal', skipHosts: [] });
  });
});
