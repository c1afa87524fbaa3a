/**
 * Messages into the real background (entrypoints/background.ts on WXT's fake browser and
 * fake-indexeddb): only well-formed messages from this extension's own contexts do
 * anything. Malformed payloads, foreign senders, unknown or prototype-named types, and
 * every message type of the protocol sent from a web page's content script with whatever
 * payload: nothing is injected, judged, stored, confirmed or flagged.
 *
 * The protocol's message types are read from utils/messaging.ts, so a message added
 * later (register, confirm…) is covered without editing this test.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readPage } from '@/utils/content/read-page';
import { italianSeedPage } from '../helpers/pages';

const root = path.resolve(import.meta.dirname, '../../..');
const defaultPack = readFileSync(path.join(root, 'public/packs/default.json'), 'utf8');
const RUNTIME_ID = fakeBrowser.runtime.id;
const PAGE_URL = 'https://notizie.example/it/camaieu';

/** The message types of the protocol, as declared in `interface ProtocolMap`. */
function protocolTypes(): string[] {
  const src = readFileSync(path.join(root, 'utils/messaging.ts'), 'utf8');
  const body = /export interface ProtocolMap\s*{([\s\S]*?)\n}/.exec(src)?.[1] ?? '';
  return [...body.matchAll(/^\s*(\w+)\s*[(:]/gm)].map((m) => m[1]);
}

interface Sender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id: number; url?: string };
  frameId?: number;
}

/** A web page's content script, as the browser describes it to the background. */
const contentScript = (tabId: number, url = PAGE_URL): Sender => ({ id: RUNTIME_ID, url, origin: new URL(url).origin, tab: { id: tabId, url }, frameId: 0 });
const popup: Sender = { id: RUNTIME_ID, url: `chrome-extension://${RUNTIME_ID}/popup.html`, origin: `chrome-extension://${RUNTIME_ID}` };

let seq = 0;
/** Delivers a raw message as the browser would; resolves with what the background answered. */
async function deliver(message: unknown, sender: Sender): Promise<unknown> {
  let answer: unknown;
  const responded = new Promise<void>((resolve) => {
    // The fake's trigger passes every argument to the listeners, as the browser does.
    const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (...args: unknown[]) => Promise<unknown[]>;
    void trigger(message, sender, (r: unknown) => {
      answer = r;
      resolve();
    }).then((handled) => {
      // No listener claimed it (returned false): there will be no answer.
      if (!handled.some((h) => h === true)) resolve();
    });
  });
  await responded;
  return answer;
}
const send = (type: string, data: unknown, sender: Sender) => deliver({ id: ++seq, type, data, timestamp: Date.now() }, sender);

let executeScript: ReturnType<typeof vi.fn>;

async function sessionState(): Promise<Record<string, unknown>> {
  return fakeBrowser.storage.session.get(null);
}

/** Every record of every store of the extension's database. */
async function databaseState(): Promise<Record<string, unknown[]>> {
  const { openDB } = await import('idb');
  const db = await openDB('provenance-lens');
  const out: Record<string, unknown[]> = {};
  for (const name of db.objectStoreNames) out[name] = await db.getAll(name);
  db.close();
  return out;
}

const realFetch = globalThis.fetch;

beforeEach(async () => {
  fakeBrowser.reset();
  // A fresh, empty IndexedDB, and the bundled pack served as the extension would serve it.
  globalThis.indexedDB = new IDBFactory();
  globalThis.fetch = vi.fn(async () => new Response(defaultPack, { headers: { 'content-type': 'application/json' } }));
  const extraction = await readPage(italianSeedPage(), PAGE_URL, null);
  executeScript = vi.fn(async () => [{ result: JSON.parse(JSON.stringify(extraction)) }]);
  (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
  // A fresh worker each time: the messaging module keeps one listener per type per context.
  vi.resetModules();
  const background = (await import('@/entrypoints/background')).default;
  background.main!();
});

afterEach(() => {
  globalThis.fetch = realFetch;
});

/** Lets queued work (checks started by a message) run to its end. */
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('the background, from its own contexts', () => {
  it('checks a page its content script reports, and answers its popup (the control case)', async () => {
    await send('pageReady', { url: PAGE_URL }, contentScript(5));
    await settle();
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(executeScript.mock.calls[0][0]).toMatchObject({ target: { tabId: 5, frameIds: [0] } });
    const answer = (await send('getTabVerdict', { tabId: 5 }, popup)) as { res: { state: string; url: string } | null };
    expect(answer.res).toMatchObject({ url: PAGE_URL });
    expect(answer.res?.state).not.toBe('checking');
  });

  it('in "check only when I click" mode, ignores content scripts and checks when the popup asks', async () => {
    await fakeBrowser.storage.local.set({ checkMode: 'click' });
    await send('pageReady', { url: PAGE_URL }, contentScript(5));
    await settle();
    expect(executeScript).not.toHaveBeenCalled();
    const tab = await fakeBrowser.tabs.create({ url: `${PAGE_URL}#comments` });
    const answer = (await send('checkTab', { tabId: tab.id }, popup)) as { res: { state: string; url: string } | null };
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(answer.res).toMatchObject({ url: PAGE_URL });
    // A second click on a checked page answers from the verdict: no second extraction.
    await send('checkTab', { tabId: tab.id }, popup);
    expect(executeScript).toHaveBeenCalledTimes(1);
    // Not a web page: nothing to check.
    const settings = await fakeBrowser.tabs.create({ url: 'chrome://settings' });
    expect(await send('checkTab', { tabId: settings.id }, popup)).toEqual({ res: null });
  });
});

describe('the background, from anything else', () => {
  it('ignores malformed messages, foreign senders and odd types', async () => {
    const junk: Array<[unknown, Sender]> = [
      [null, contentScript(1)],
      ['pageReady', contentScript(1)],
      [42, contentScript(1)],
      [[{ type: 'pageReady' }], contentScript(1)],
      [{ type: 'pageReady', data: { url: PAGE_URL } }, contentScript(1)], // no timestamp: not the protocol's shape
      [{ type: 'pageReady', timestamp: '0', data: { url: PAGE_URL } }, contentScript(1)],
      ...['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'unknownType'].map(
        (type): [unknown, Sender] => [{ id: 1, type, timestamp: 0, data: { url: PAGE_URL, tabId: 1 } }, contentScript(1)],
      ),
    ];
    for (const [message, sender] of junk) await expect(deliver(message, sender)).resolves.not.toThrow();

    const badData = [null, undefined, 'x', 7, [], {}, { url: 42 }, { url: 'javascript:alert(1)' }, { url: 'data:text/html,x' },
      { url: 'chrome://settings' }, { url: `https://a.example/${'x'.repeat(10_000)}` }, { url: ['https://a.example/'] }];
    for (const data of badData) {
      const answer = (await send('pageReady', data, contentScript(2))) as { err?: unknown };
      expect(answer?.err, JSON.stringify(data)).toBeDefined();
    }
    const strangers: Sender[] = [
      { ...contentScript(3), id: 'some-other-extension' },
      { url: PAGE_URL, tab: { id: 3 } }, // a web page itself (no extension id)
      { id: RUNTIME_ID }, // no tab: not a content script
      { ...contentScript(3), tab: { id: -1 } },
      {},
    ];
    for (const sender of strangers) await send('pageReady', { url: PAGE_URL }, sender);
    await settle();

    expect(executeScript).not.toHaveBeenCalled();
    expect(await sessionState()).toEqual({});
    for (const tabId of [1, 2, 3]) expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe('');
  });

  it('answers no verdict to a content script, nor to another extension', async () => {
    await send('pageReady', { url: PAGE_URL }, contentScript(5));
    await settle();
    // The verdict of tab 5 exists, but a page (through a content script) cannot read it…
    expect(await send('getTabVerdict', { tabId: 5 }, contentScript(6, 'https://evil.example/'))).toEqual({ res: null });
    // …nor can another extension, nor the popup with a malformed tab id.
    expect(await send('getTabVerdict', { tabId: 5 }, { ...popup, id: 'other' })).toEqual({ res: null });
    for (const tabId of [-1, 1.5, '5', null]) expect(((await send('getTabVerdict', { tabId }, popup)) as { err?: unknown }).err).toBeDefined();
  });

  it('lets no message of the protocol, sent from a web page, store, confirm or flag anything', async () => {
    // The store and the session as they are after an ordinary check of tab 5.
    await send('pageReady', { url: PAGE_URL }, contentScript(5));
    await settle();
    const db0 = await databaseState();
    const session0 = await sessionState();
    expect(Object.keys(db0).length).toBeGreaterThan(0);
    executeScript.mockClear();

    const types = protocolTypes();
    expect(types).toEqual(expect.arrayContaining(['pageReady', 'getTabVerdict']));
    const payloads: unknown[] = [
      undefined, null, {}, 'x', { tabId: 5 }, { tabId: 7 }, { url: 'https://evil.example/' }, { url: 'javascript:alert(1)' },
      { originalId: 'seed:camaieu', url: 'https://evil.example/' }, { id: 'seed:camaieu' }, { decision: 'translation', url: 'https://evil.example/', originalId: 'seed:camaieu' },
      { text: defaultPack }, { pack: JSON.parse(defaultPack) }, { __proto__: { polluted: true } }, { constructor: { prototype: { polluted: true } } },
    ];
    for (const type of types) {
      for (const data of payloads) {
        // pageReady with a valid address is the content script's own job: it starts a check
        // of *its* tab (covered above); every other combination must change nothing.
        if (type === 'pageReady' && data && typeof data === 'object' && 'url' in data && String((data as { url: string }).url).startsWith('https://')) continue;
        await send(type, data, contentScript(7, 'https://evil.example/'));
        await send(type, data, { url: 'https://evil.example/', tab: { id: 7 } });
      }
    }
    await settle();
    expect(executeScript).not.toHaveBeenCalled();
    expect(await databaseState()).toEqual(db0);
    expect(await sessionState()).toEqual(session0);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
