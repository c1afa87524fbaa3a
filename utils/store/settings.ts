/**
 * The reader's settings, in `browser.storage.local` (small, read on every check, and kept
 * when the data is cleared): how sensitive the check is, and the sites never checked.
 * Whatever is stored is read through the schema: a damaged or older value falls back to
 * the defaults field by field, never to an error.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { THRESHOLD } from '@/utils/engine';

export const SENSITIVITIES = ['strict', 'normal', 'sensitive'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

/**
 * How far each setting moves the engine's one calibrated threshold: "strict" flags only
 * what the engine is surer of, "sensitive" also what it is less sure of.
 */
export const SENSITIVITY_OFFSET: Record<Sensitivity, number> = { strict: 0.15, normal: 0, sensitive: -0.15 };

export function thresholdFor(s: Sensitivity): number {
  return THRESHOLD + SENSITIVITY_OFFSET[s];
}

export interface Settings {
  sensitivity: Sensitivity;
  /** Host names never checked ("example.org" covers its subdomains too). */
  skipHosts: string[];
}

export const DEFAULT_SETTINGS: Settings = { sensitivity: 'normal', skipHosts: [] };

/** At most this many sites in the list; each a host name of at most 253 characters. */
export const MAX_SKIP_HOSTS = 1000;
const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** "News.Example.org", "https://news.example.org/x" or "www.example.org" → a host name, or null. */
export function normaliseHost(input: string): string | null {
  const raw = input.trim().toLowerCase();
  if (!raw) return null;
  let host = raw;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(raw)) {
    try {
      const u = new URL(raw);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
      host = u.hostname;
    } catch {
      return null;
    }
  }
  host = host.replace(/\.$/, '');
  return HOST.test(host) ? host : null;
}

/** The host of an http(s) page, or null (nothing else is ever checked). */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? normaliseHost(u.hostname) : null;
  } catch {
    return null;
  }
}

/** The entry of the list that covers this page's site, if any. */
export function skipEntryFor(settings: Settings, url: string | null | undefined): string | null {
  const host = hostOf(url);
  if (!host) return null;
  return settings.skipHosts.find((h) => host === h || host.endsWith(`.${h}`)) ?? null;
}

const SettingsSchema = v.object({
  sensitivity: v.fallback(v.picklist(SENSITIVITIES), DEFAULT_SETTINGS.sensitivity),
  skipHosts: v.fallback(v.array(v.unknown()), DEFAULT_SETTINGS.skipHosts),
});

/** Settings from anything (a stored value, a message): valid fields kept, the rest defaulted. */
export function readSettings(raw: unknown): Settings {
  const r = v.safeParse(SettingsSchema, raw && typeof raw === 'object' ? raw : {});
  const s = r.success ? r.output : DEFAULT_SETTINGS;
  const hosts = [...new Set(s.skipHosts.map((h) => (typeof h === 'string' ? normaliseHost(h) : null)).filter((h): h is string => h !== null))].sort();
  return { sensitivity: s.sensitivity, skipHosts: hosts.slice(0, MAX_SKIP_HOSTS) };
}

/** The part of a storage area used here (browser.storage.local, or a fake). */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const KEY = 'settings';

export function localArea(): SettingsArea {
  return browser.storage.local as unknown as SettingsArea;
}

export async function loadSettings(area: SettingsArea = localArea()): Promise<Settings> {
  try {
    return readSettings((await area.get(KEY))[KEY]);
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export async function saveSettings(settings: Settings, area: SettingsArea = localArea()): Promise<Settings> {
  const clean = readSettings(settings);
  await area.set({ [KEY]: clean });
  return clean;
}

/** Adds or removes one site of the "never checked" list. */
export async function setSiteSkipped(host: string, skipped: boolean, area: SettingsArea = localArea()): Promise<Settings> {
  const s = await loadSettings(area);
  const h = normaliseHost(host);
  if (!h) return s;
  // Resuming a site removes every entry that covers it (a parent domain too).
  const skipHosts = skipped ? [...s.skipHosts, h] : s.skipHosts.filter((x) => !(h === x || h.endsWith(`.${x}`)));
  return saveSettings({ ...s, skipHosts }, area);
}
