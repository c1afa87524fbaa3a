/**
 * Firefox (ESR, from apt) with the built extension, driven over WebDriver BiDi — the
 * standard protocol, spoken here over a plain WebSocket (Node's own: `--experimental-websocket`
 * on Node 20, built in from 22).
 *
 * - The extension is installed as a temporary add-on (`webExtension.install` with the
 *   build folder): no signing needed, and Firefox grants a temporary add-on the host
 *   permissions its manifest asks for, so MV3's "optional by default" host access needs no
 *   pref or prompt.
 * - Its moz-extension:// UUID is random per profile, so the profile is created with the
 *   UUID chosen in advance (pref `extensions.webextensions.uuids`): the popup's address is
 *   known before Firefox starts.
 * - BiDi refuses to navigate to moz-extension:// pages unless Firefox runs with
 *   `-remote-allow-system-access`; with it, the test opens the real popup page
 *   (popup.html?tab=<id>) in a tab and reads it, as the Chromium tests do.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const EXTENSION_ID = 'provenance-lens@provenance-lens.org';
/** Fixed for the test profile (any UUID will do). */
export const EXTENSION_UUID = '6a9c1c4e-0d2b-4f7e-9a51-3c1d2e4f5a6b';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

interface BidiMessage {
  id?: number;
  type: 'success' | 'error' | 'event';
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: string;
  message?: string;
}

/** A BiDi remote value (`script.evaluate` results), turned back into JSON. */
type RemoteValue = { type: string; value?: unknown };

function fromRemote(v: RemoteValue): unknown {
  switch (v.type) {
    case 'undefined':
    case 'null':
      return null;
    case 'string':
    case 'boolean':
      return v.value;
    case 'number':
      return typeof v.value === 'number' ? v.value : Number(v.value);
    case 'array':
      return (v.value as RemoteValue[]).map(fromRemote);
    case 'object':
      return Object.fromEntries((v.value as Array<[string | RemoteValue, RemoteValue]>).map(([k, val]) => [typeof k === 'string' ? k : String(fromRemote(k)), fromRemote(val)]));
    default:
      return `[${v.type}]`;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface FirefoxSession {
  /** Sends a BiDi command; rejects with Firefox's message on an error. */
  send<T = unknown>(method: string, params?: object): Promise<T>;
  /** Opens a new tab at `url` (waiting for load); returns its browsing context id. */
  openTab(url: string): Promise<string>;
  navigate(context: string, url: string): Promise<void>;
  /** Evaluates an expression (awaited if a promise) in a tab; returns it as JSON. */
  evaluate<T = unknown>(context: string, expression: string): Promise<T>;
  version: string;
  close(): Promise<void>;
}

export interface FirefoxOptions {
  /** Extra lines for the profile's user.js. */
  prefs?: Record<string, string | number | boolean>;
}

/** Starts a headless Firefox with a fresh profile and opens a BiDi session. */
export async function launchFirefox(opts: FirefoxOptions = {}): Promise<FirefoxSession> {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX} (apt-get install -y firefox-esr)`);
  if (typeof WebSocket === 'undefined') throw new Error('no WebSocket in this Node: run with --experimental-websocket (Node 20) or Node 22+');
  const profile = mkdtempSync(path.join(os.tmpdir(), 'provenance-lens-firefox-'));
  const prefs: Record<string, string | number | boolean> = {
    'extensions.webextensions.uuids': JSON.stringify({ [EXTENSION_ID]: EXTENSION_UUID }),
    // A quiet browser: no first-run pages, no update or telemetry traffic.
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.homepage_override.mstone': 'ignore',
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'app.update.disabledForTesting': true,
    'extensions.update.enabled': false,
    'browser.translations.automaticallyPopup': false,
    ...opts.prefs,
  };
  writeFileSync(path.join(profile, 'user.js'), Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n'));
  const port = await freePort();
  const child: ChildProcess = spawn(FIREFOX, ['-headless', '-no-remote', '-profile', profile, '--remote-debugging-port', String(port), '-remote-allow-system-access'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' },
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const cleanup = () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(profile, { recursive: true, force: true });
  };

  // Firefox prints "WebDriver BiDi listening on ws://…" once ready; poll the socket instead of parsing logs.
  let ws: WebSocket | null = null;
  for (let i = 0; i < 150 && !ws; i++) {
    if (child.exitCode !== null) break;
    try {
      ws = await new Promise<WebSocket>((resolve, reject) => {
        const s = new WebSocket(`ws://127.0.0.1:${port}/session`);
        s.onopen = () => resolve(s);
        s.onerror = () => reject(new Error('not yet'));
      });
    } catch {
      await sleep(200);
    }
  }
  if (!ws) {
    cleanup();
    throw new Error(`Firefox did not open WebDriver BiDi on port ${port}:\n${stderr}`);
  }
  const socket = ws;
  let seq = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; method: string }>();
  socket.onmessage = (e) => {
    const m = JSON.parse(String(e.data)) as BidiMessage;
    if (m.id === undefined) return;
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.type === 'error') p.reject(new Error(`${p.method}: ${m.error}: ${m.message}`));
    else p.resolve(m.result);
  };
  socket.onclose = () => {
    for (const p of pending.values()) p.reject(new Error(`${p.method}: connection closed`));
    pending.clear();
  };
  const send = <T>(method: string, params: object = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = ++seq;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, method });
      socket.send(JSON.stringify({ id, method, params }));
    });

  const session = await send<{ capabilities: { browserVersion: string } }>('session.new', { capabilities: {} });
  const navigate = async (context: string, url: string) => {
    await send('browsingContext.navigate', { context, url, wait: 'complete' });
  };
  return {
    send,
    version: session.capabilities.browserVersion,
    navigate,
    async openTab(url) {
      const { context } = await send<{ context: string }>('browsingContext.create', { type: 'tab' });
      await navigate(context, url);
      return context;
    },
    async evaluate<T>(context: string, expression: string) {
      const r = await send<{ type: 'success' | 'exception'; result?: RemoteValue; exceptionDetails?: { text: string } }>('script.evaluate', {
        expression,
        target: { context },
        awaitPromise: true,
        resultOwnership: 'none',
      });
      if (r.type === 'exception') throw new Error(`in the page: ${r.exceptionDetails?.text}`);
      return fromRemote(r.result!) as T;
    },
    async close() {
      await Promise.race([send('session.end').catch(() => undefined), sleep(2000)]);
      socket.close();
      cleanup();
    },
  };
}
