/**
 * Hostile packs, from text to the store: each is rejected with a message that names what
 * is wrong, and the database (fake-indexeddb) is exactly as it was; what is accepted as
 * text (markup in a title) stays text all the way to the popup, and no link other than
 * http(s) is ever rendered.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistorySection } from '@/components/options/HistorySection';
import { OriginalItem } from '@/components/options/OriginalItem';
import { PopupView } from '@/components/PopupView';
import { parsePackText, PACK_FORMAT, PACK_VERSION } from '@/utils/pack';
import { openDatabase, type Db } from '@/utils/store/db';
import { exportPack, importPack, type ImportResult } from '@/utils/store/packs';
import { dateFormatters } from '@/utils/ui/dates';
import { describeVerdict } from '@/utils/ui/describe-verdict';
import { formatters } from '@/utils/ui/format';
import { languageNames } from '@/utils/ui/language-names';
import type { TabVerdict } from '@/utils/verdict';
import { loadMessages, translatorFor } from '../helpers/messages';

const defaultPackText = readFileSync(path.resolve(import.meta.dirname, '../../../public/packs/default.json'), 'utf8');
const FP = JSON.parse(defaultPackText).originals[0].fingerprint as string;

/** What an import does with a file's text: validate, then write in one transaction. */
async function importText(db: Db, text: string): Promise<ImportResult> {
  const parsed = parsePackText(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => `${e.record}${e.field ? `.${e.field}` : ''}: ${e.message}`) };
  return importPack(db, parsed.pack);
}

const pack = (fields: Record<string, unknown> = {}, original: Record<string, unknown> = {}, translation: Record<string, unknown> | null = null) =>
  JSON.stringify({
    format: PACK_FORMAT,
    version: PACK_VERSION,
    created: '2024-05-01',
    originals: [{ id: 'hostile-1', title: 'A title', lang: 'fr', fingerprint: FP, ...original }],
    translations: translation ? [{ url: 'https://copy.example/it', lang: 'it', seen: '2024-05-02', originalId: 'hostile-1', ...translation }] : [],
    ...fields,
  });

/** Text that must be refused, and the words that must say why. */
const REJECTED: Array<[string, () => string, RegExp]> = [
  ['empty file', () => '', /pack is empty/],
  ['invalid JSON', () => '{"format": "provenance-lens-pack", "version": 1,', /not valid JSON/],
  ['a JSON array', () => '[1, 2, 3]', /expected a JSON object, found an array/],
  ['a JSON string', () => '"hello"', /expected a JSON object/],
  ['another format', () => pack({ format: 'something-else' }), /format is "something-else"/],
  ['a newer version', () => pack({ version: 2 }), /version 2 is newer.*update Provenance Lens/],
  ['a version as text', () => pack({ version: '1' }), /unsupported pack version "1"/],
  ['no originals field', () => pack({ originals: undefined }), /originals is missing/],
  ['originals not a list', () => pack({ originals: { a: 1 } }), /originals must be an array/],
  ['translations as text', () => pack({ translations: 'none' }), /translations must be an array/],
  ['a missing fingerprint', () => pack({}, { fingerprint: undefined }), /originals\[0\]\.fingerprint: fingerprint is missing/],
  ['a title that is a number', () => pack({}, { title: 5 }), /originals\[0\]\.title: title must be a string/],
  ['an id that is an object', () => pack({}, { id: { $ne: null } }), /originals\[0\]\.id: id must be a string/],
  ['a corrupt fingerprint', () => pack({}, { fingerprint: 'AAAA' }), /not a valid Provenance Lens fingerprint/],
  ['a javascript: address', () => pack({}, { url: 'javascript:alert(document.cookie)' }), /url must be an absolute http/],
  ['a data: address', () => pack({}, { url: 'data:text/html,<script>alert(1)</script>' }), /url must be an absolute http/],
  ['a file: address', () => pack({}, { url: 'file:///etc/passwd' }), /url must be an absolute http/],
  ['a javascript: copy address', () => pack({}, {}, { url: 'JaVaScRiPt:alert(1)' }), /translations\[0\]\.url: url must be an absolute http/],
  ['a vbscript: copy address', () => pack({}, {}, { url: 'vbscript:msgbox(1)' }), /url must be an absolute http/],
  ['a title with control characters', () => pack({}, { title: 'Title\u001b[31m red' }), /title must be one line of text without control characters/],
  ['a 100 MB title', () => pack({}, { title: 'A'.repeat(100 * 1024 * 1024) }), /title must be at most 500 characters/],
  ['100 MB of junk', () => `{"x":"${'\u00e9'.repeat(100 * 1024 * 1024)}`, /not valid JSON/],
  ['a translation of an unknown original', () => pack({}, {}, { originalId: 'nobody' }), /no original with id "nobody"/],
];

let db: Db;
let n = 0;
let before: unknown;

beforeEach(async () => {
  db = await openDatabase(`hostile-packs-${n++}`);
  const r = await importText(db, defaultPackText);
  expect(r.ok).toBe(true);
  before = await exportPack(db, 'snapshot');
});
afterEach(() => db.close());

describe('hostile packs are refused, the store untouched', () => {
  for (const [what, text, why] of REJECTED) {
    it(`${what}: refused, saying why`, async () => {
      const r = await importText(db, text());
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.join('\n')).toMatch(why);
      expect(await exportPack(db, 'snapshot')).toEqual(before);
    });
  }

  it('__proto__ and constructor keys reach no prototype and no record', async () => {
    const text = pack({ __proto__: { polluted: 1 }, constructor: { prototype: { polluted: 1 } } }, { __proto__: { isAdmin: true }, constructor: 'x' })
      .replace('"originals"', '"__proto__":{"polluted":1},"originals"');
    const r = await importText(db, text.replace(/"id":"hostile-1"/, '"__proto__":{"polluted":1},"id":"hostile-1"'));
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).isAdmin).toBeUndefined();
    const stored = await db.get('originals', 'hostile-1');
    // The record's own fields only (unknown author, publisher and date are left out).
    expect(Object.keys(stored!).sort()).toEqual(['addedAt', 'fingerprint', 'id', 'lang', 'seq', 'title']);
  });
});

describe('markup in a pack is text, from the file to the popup', () => {
  const SCRIPT = '<script>alert("title")</script><img src=x onerror=alert(1)>';
  const t = translatorFor(loadMessages('en'));
  const fmt = formatters('en');

  function popupFor(verdict: TabVerdict) {
    const { document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
    (globalThis as { document?: unknown }).document = document;
    const root = document.getElementById('app') as unknown as HTMLElement;
    render(<PopupView verdict={verdict} text={describeVerdict(verdict, t, languageNames('en'), fmt)} t={t} fmt={fmt} />, root);
    return root;
  }

  it('stores a <script> title character for character and renders it as text', async () => {
    const r = await importText(db, pack({}, { title: SCRIPT, author: '<b onmouseover=alert(1)>Me</b>', publisher: '"><svg onload=alert(1)>', url: 'https://ok.example/a' }));
    expect(r.ok).toBe(true);
    const stored = (await db.get('originals', 'hostile-1'))!;
    expect(stored.title).toBe(SCRIPT);
    const root = popupFor({
      state: 'translation', url: 'https://copy.example/it', pageLang: 'it', checkedAt: 0, basis: 'content', score: 0.9,
      original: { id: stored.id, title: stored.title, lang: stored.lang, author: stored.author ?? null, publisher: stored.publisher ?? null, url: stored.url ?? null, date: null },
      evidence: { shared: [{ label: '<script>x()</script>', kind: 'name', pagePara: 0, originalPara: 0 }], links: [], coverage: 1, containment: 1, lengthCorrelation: null, lengthRatio: null },
    });
    expect(root.querySelectorAll('script, img:not([alt=""]), svg, b').length).toBe(0);
    for (const el of root.querySelectorAll('*')) {
      for (const attr of [...el.attributes]) expect(attr.name.startsWith('on'), `${el.tagName} ${attr.name}`).toBe(false);
    }
    expect(root.textContent).toContain(SCRIPT);
    expect(root.textContent).toContain('<script>x()</script>');
    expect(root.querySelector('a')?.getAttribute('href')).toBe('https://ok.example/a');
  });

  it('never renders a link that is not http(s), even from a record that bypassed validation', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', ' javascript:alert(1)', 'chrome://settings', 'https:/broken']) {
      const root = popupFor({
        state: 'original', url: 'https://x.example/', pageLang: 'fr', checkedAt: 0, basis: 'address',
        original: { id: 'x', title: 'T', lang: 'fr', author: null, publisher: 'P', url, date: null },
      });
      for (const a of root.querySelectorAll('a')) expect(a.getAttribute('href'), url).toMatch(/^https?:\/\/[^/]/);
    }
  });

  it('the options page renders the same records as text, and links only to http(s)', () => {
    const { document } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
    (globalThis as { document?: unknown }).document = document;
    const root = document.getElementById('app') as unknown as HTMLElement;
    const dates = dateFormatters('en');
    const names = languageNames('en');
    const original = {
      id: 'x', title: SCRIPT, lang: 'fr', author: '<b onmouseover=alert(1)>Me</b>', publisher: '"><svg onload=alert(1)>', url: 'javascript:alert(1)', date: '2024-05-01', addedAt: 0,
      translations: [
        { url: 'data:text/html,<script>alert(1)</script>', lang: 'it', seen: '2024-05-02', note: '<img src=x onerror=alert(2)>' },
        { url: 'https://copy.example/it', lang: 'it', seen: '2024-05-02', note: null },
      ],
    };
    const history = [{ url: 'javascript:alert(3)', lang: 'it', originalId: 'x', originalTitle: SCRIPT, score: 0.9, flaggedAt: 0, decision: null, decidedAt: null }];
    render(
      <ul>
        <OriginalItem original={original} index={0} onSave={async () => ({ ok: true })} onDelete={() => undefined} t={t} dates={dates} names={names} />
        <li><HistorySection history={history} onExport={() => undefined} t={t} fmt={fmt} dates={dates} names={names} /></li>
      </ul>,
      root,
    );
    expect(root.querySelectorAll('script, img, svg, b').length).toBe(0);
    for (const el of root.querySelectorAll('*')) {
      for (const attr of [...el.attributes]) expect(attr.name.startsWith('on'), `${el.tagName} ${attr.name}`).toBe(false);
    }
    expect(root.textContent).toContain(SCRIPT);
    expect(root.textContent).toContain('<img src=x onerror=alert(2)>');
    const hrefs = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['https://copy.example/it']);
  });
});
