/**
 * The one message protocol of the extension. Content script → background: `pageReady`
 * (the page at this URL looks like an article). Popup → background: `getTabVerdict`, and
 * `checkTab` (check this tab now: the reader clicked, in "check only when I click" mode).
 * Popup and options page → background: the fact-checker's workflow (utils/management.ts).
 * The background validates every payload (`parse*` below) and answers only this
 * extension's own contexts.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import * as v from 'valibot';
import type { ManagementProtocol } from './management';
import type { TabVerdict } from './verdict';
import type { HandedRead } from './background/read-elsewhere';
import { MAX_HANDOFF_CHARS } from './page/bounds';

export interface PageReady {
  url: string;
}

export interface TabRef {
  tabId: number;
}

/** A large page's HTML, for the offscreen document to read (Chrome). */
export interface ReadHtml {
  html: string;
  url: string;
}

export interface ProtocolMap {
  pageReady(data: PageReady): void;
  getTabVerdict(data: TabRef): TabVerdict | null;
  checkTab(data: TabRef): TabVerdict | null;
  // Background → offscreen document (Chrome): read the article of a large page.
  readHtml(data: ReadHtml): HandedRead | null;
  // The fact-checker's workflow, from the popup and the options page only; payloads,
  // validation and the sender rule in utils/management.ts.
  getSiteStatus: ManagementProtocol['getSiteStatus'];
  setSitePaused: ManagementProtocol['setSitePaused'];
  getOriginalDraft: ManagementProtocol['getOriginalDraft'];
  registerOriginal: ManagementProtocol['registerOriginal'];
  decideCopy: ManagementProtocol['decideCopy'];
  listOriginals: ManagementProtocol['listOriginals'];
  updateOriginal: ManagementProtocol['updateOriginal'];
  deleteOriginal: ManagementProtocol['deleteOriginal'];
  listHistory: ManagementProtocol['listHistory'];
  getSettings: ManagementProtocol['getSettings'];
  saveSettings: ManagementProtocol['saveSettings'];
  clearData: ManagementProtocol['clearData'];
  storeChanged: ManagementProtocol['storeChanged'];
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

const PageReadySchema = v.object({
  url: v.pipe(v.string(), v.maxLength(8192), v.regex(/^https?:\/\//i, 'must be an http(s) URL')),
});
const TabRefSchema = v.object({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) });
const ReadHtmlSchema = v.object({
  html: v.pipe(v.string(), v.maxLength(MAX_HANDOFF_CHARS)),
  url: v.pipe(v.string(), v.maxLength(8192)),
});

function parseWith<T>(schema: v.GenericSchema<unknown, T>, what: string, data: unknown): T {
  const r = v.safeParse(schema, data);
  if (!r.success) throw new TypeError(`${what}: ${r.issues.map((i) => i.message).join('; ')}`);
  return r.output;
}

export const parsePageReady = (data: unknown): PageReady => parseWith(PageReadySchema, 'pageReady', data);
export const parseReadHtml = (data: unknown): ReadHtml => parseWith(ReadHtmlSchema, 'readHtml', data);
export const parseTabRef = (data: unknown, what = 'getTabVerdict'): TabRef => parseWith(TabRefSchema, what, data);

interface SenderLike {
  id?: string;
  url?: string;
  tab?: unknown;
}

/** Only this extension's own pages and content scripts may talk to the background. */
export function isOwnSender(sender: SenderLike | undefined, runtimeId: string): boolean {
  return !!sender && sender.id === runtimeId;
}

/**
 * A page of the extension itself (the popup, even when opened in a tab), as opposed to
 * its content script running inside a web page.
 */
export function isExtensionPage(sender: SenderLike | undefined, runtimeId: string, extensionOrigin: string): boolean {
  return isOwnSender(sender, runtimeId) && typeof sender?.url === 'string' && sender.url.startsWith(extensionOrigin);
}
