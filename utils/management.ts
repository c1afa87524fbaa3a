/**
 * The management half of the protocol (utils/messaging.ts holds the map): what the popup
 * and the options page ask of the background to register originals, decide on flagged
 * pages, and manage the store and the settings. Payload types, their validation, and the
 * rule for who may send them: only the extension's own pages, never a content script.
 */
import * as v from 'valibot';
import type { OriginalMeta } from '@/utils/original-meta';
import { LIMITS, type Pack } from '@/utils/pack/schema';
import type { Settings } from '@/utils/store/settings';
import type { HistoryRecord } from '@/utils/store/schema';
import type { OriginalInfo } from '@/utils/verdict';

/** Why an action did not happen, for the UI to say in the reader's language. */
export type ActionError =
  /** The tab is gone, or shows no http(s) page. */
  | 'no-page'
  /** No article could be read on the page. */
  | 'no-article'
  /** The tab's verdict is not (or no longer) the one the action was about. */
  | 'stale'
  /** An original with that id (that address) is already registered. */
  | 'exists'
  | 'not-found'
  /** The submitted metadata did not pass `checkMeta`. */
  | 'invalid'
  /** Anything else (the store failed); details in the worker's console. */
  | 'failed';

export type ActionResult = { ok: true; id?: string } | { ok: false; error: ActionError };

export interface SiteStatus {
  /** The tab's site, null when it shows no http(s) page. */
  host: string | null;
  /** Whether the site is on the "never checked" list. */
  paused: boolean;
}

export type DraftResult = { ok: true; draft: OriginalMeta } | { ok: false; error: ActionError };

export type DecisionChoice = 'confirmed' | 'dismissed' | 'undecided';

export interface PauseRequest {
  tabId: number;
  paused: boolean;
}
export interface RegisterRequest {
  tabId: number;
  meta: OriginalMeta;
}
export interface DecideRequest {
  tabId: number;
  originalId: string;
  decision: DecisionChoice;
  note?: string | null;
}
export interface OriginalRef {
  id: string;
}
export interface UpdateRequest {
  id: string;
  meta: OriginalMeta;
}

/** A known translation as the options page lists it under its original. */
export interface TranslationEntry {
  url: string;
  lang: string | null;
  seen: string;
  note: string | null;
}

export interface OriginalEntry extends OriginalInfo {
  addedAt: number;
  translations: TranslationEntry[];
}

/** A deletion hands back what it removed, as a pack: importing it undoes the deletion. */
export type DeleteResult = { ok: true; undo: Pack } | { ok: false; error: ActionError };

export interface ManagementProtocol {
  getSiteStatus(data: { tabId: number }): SiteStatus;
  setSitePaused(data: PauseRequest): SiteStatus;
  getOriginalDraft(data: { tabId: number }): DraftResult;
  registerOriginal(data: RegisterRequest): ActionResult;
  decideCopy(data: DecideRequest): ActionResult;
  listOriginals(): OriginalEntry[];
  updateOriginal(data: UpdateRequest): ActionResult;
  deleteOriginal(data: OriginalRef): DeleteResult;
  listHistory(): HistoryRecord[];
  getSettings(): Settings;
  saveSettings(data: Settings): Settings;
  clearData(): ActionResult;
  /** The options page changed the store itself (a pack import): judge the open tabs again. */
  storeChanged(): ActionResult;
}

export type ManagementMessage = keyof ManagementProtocol;

// --- validation: shapes and bounds; the meaning (a valid URL, date…) is checkMeta's ---

const tabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.id));
const optionalText = (max: number) => v.nullable(v.pipe(v.string(), v.maxLength(max)));
const MetaShape = v.object({
  title: v.pipe(v.string(), v.maxLength(LIMITS.title * 2)),
  author: optionalText(LIMITS.name * 2),
  publisher: optionalText(LIMITS.name * 2),
  url: optionalText(LIMITS.url * 2),
  date: optionalText(LIMITS.date * 2),
  lang: optionalText(LIMITS.lang * 2),
});

const SCHEMAS: { [K in ManagementMessage]: v.GenericSchema<unknown, Parameters<ManagementProtocol[K]>[0]> } = {
  getSiteStatus: v.object({ tabId }),
  setSitePaused: v.object({ tabId, paused: v.boolean() }),
  getOriginalDraft: v.object({ tabId }),
  registerOriginal: v.object({ tabId, meta: MetaShape }),
  decideCopy: v.object({
    tabId,
    originalId: id,
    decision: v.picklist(['confirmed', 'dismissed', 'undecided']),
    note: v.optional(optionalText(LIMITS.note)),
  }),
  listOriginals: v.nullish(v.undefined()) as v.GenericSchema<unknown, undefined>,
  updateOriginal: v.object({ id, meta: MetaShape }),
  deleteOriginal: v.object({ id }),
  listHistory: v.nullish(v.undefined()) as v.GenericSchema<unknown, undefined>,
  getSettings: v.nullish(v.undefined()) as v.GenericSchema<unknown, undefined>,
  saveSettings: v.object({
    sensitivity: v.string(),
    skipHosts: v.pipe(v.array(v.pipe(v.string(), v.maxLength(2048))), v.maxLength(10_000)),
  }) as v.GenericSchema<unknown, Settings>,
  clearData: v.nullish(v.undefined()) as v.GenericSchema<unknown, undefined>,
  storeChanged: v.nullish(v.undefined()) as v.GenericSchema<unknown, undefined>,
};

/** The payload of a management message, checked; throws a TypeError saying what is wrong. */
export function parseManagement<K extends ManagementMessage>(type: K, data: unknown): Parameters<ManagementProtocol[K]>[0] {
  const r = v.safeParse(SCHEMAS[type], data);
  if (!r.success) throw new TypeError(`${type}: ${r.issues.map((i) => `${v.getDotPath(i) ?? ''} ${i.message}`.trim()).join('; ')}`);
  return r.output;
}

export const MANAGEMENT_MESSAGES = Object.keys(SCHEMAS) as ManagementMessage[];

interface SenderLike {
  id?: string;
  url?: string;
  tab?: unknown;
  frameId?: number;
}

/**
 * Whether a management message may be obeyed: it comes from a page of this extension —
 * the popup or the options page — and not from a content script (which runs inside a web
 * page, with that page's URL and a tab). An extension page has no tab, except when it is
 * opened as a tab of its own (the options page, the popup opened as a page), and then it
 * is that tab's top frame; an extension page framed inside a web page is refused.
 */
export function isManagementSender(sender: SenderLike | undefined, runtimeId: string, extensionOrigin: string): boolean {
  if (!sender || sender.id !== runtimeId) return false;
  if (typeof sender.url !== 'string' || !sender.url.startsWith(extensionOrigin)) return false;
  return sender.tab === undefined || sender.tab === null || sender.frameId === 0;
}
