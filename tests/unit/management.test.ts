import { describe, expect, it } from 'vitest';
import { isManagementSender, MANAGEMENT_MESSAGES, parseManagement } from '@/utils/management';
import { checkMeta, dayOf } from '@/utils/original-meta';

const ID = 'abc';
const ORIGIN = 'chrome-extension://abc/';

describe('who may manage', () => {
  it('the popup and the options page, in a tab of their own or not', () => {
    expect(isManagementSender({ id: ID, url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe(true);
    expect(isManagementSender({ id: ID, url: `${ORIGIN}options.html`, tab: { id: 4 }, frameId: 0 }, ID, ORIGIN)).toBe(true);
  });

  it('never a content script, another extension, a web page, or an extension page framed in one', () => {
    expect(isManagementSender({ id: ID, url: 'https://evil.example/', tab: { id: 4 }, frameId: 0 }, ID, ORIGIN)).toBe(false);
    expect(isManagementSender({ id: ID, url: 'https://evil.example/' }, ID, ORIGIN)).toBe(false);
    expect(isManagementSender({ id: 'other', url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe(false);
    expect(isManagementSender({ url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe(false);
    expect(isManagementSender({ id: ID, url: `${ORIGIN}options.html`, tab: { id: 4 }, frameId: 3 }, ID, ORIGIN)).toBe(false);
    expect(isManagementSender({ id: ID, url: `${ORIGIN}x`, tab: { id: 4 } }, ID, ORIGIN)).toBe(false);
    expect(isManagementSender({ id: ID, url: 'chrome-extension://abcdef/popup.html' }, ID, ORIGIN)).toBe(false);
    expect(isManagementSender(undefined, ID, ORIGIN)).toBe(false);
  });
});

describe('management payloads', () => {
  const meta = { title: 'T', author: null, publisher: null, url: null, date: null, lang: null };

  it('accepts well-formed payloads', () => {
    expect(parseManagement('decideCopy', { tabId: 3, originalId: 'o', decision: 'dismissed' })).toEqual({ tabId: 3, originalId: 'o', decision: 'dismissed' });
    expect(parseManagement('registerOriginal', { tabId: 0, meta })).toEqual({ tabId: 0, meta });
    expect(parseManagement('listOriginals', undefined)).toBeUndefined();
    expect(parseManagement('saveSettings', { sensitivity: 'strict', skipHosts: ['a.example'] })).toEqual({ sensitivity: 'strict', skipHosts: ['a.example'] });
  });

  it('refuses malformed ones, naming the message and the field', () => {
    expect(() => parseManagement('decideCopy', { tabId: 3, originalId: 'o', decision: 'translation' })).toThrow(/decideCopy: decision/);
    expect(() => parseManagement('decideCopy', { tabId: -1, originalId: 'o', decision: 'confirmed' })).toThrow(/tabId/);
    expect(() => parseManagement('decideCopy', { tabId: 1, originalId: '', decision: 'confirmed' })).toThrow(/originalId/);
    expect(() => parseManagement('decideCopy', { tabId: 1, originalId: 'o', decision: 'confirmed', note: 'x'.repeat(1001) })).toThrow(/note/);
    expect(() => parseManagement('registerOriginal', { tabId: 1, meta: { ...meta, title: 42 } })).toThrow(/meta.title/);
    expect(() => parseManagement('updateOriginal', { id: 'x'.repeat(201), meta })).toThrow(/id/);
    expect(() => parseManagement('listHistory', { sneaky: true })).toThrow(/listHistory/);
    expect(() => parseManagement('saveSettings', { sensitivity: 'strict', skipHosts: 'a.example' })).toThrow(/skipHosts/);
    for (const type of MANAGEMENT_MESSAGES) {
      if (['listOriginals', 'listHistory', 'getSettings', 'clearData', 'storeChanged'].includes(type)) continue;
      for (const bad of [null, 'x', 7, [], {}]) expect(() => parseManagement(type, bad), `${type} ${JSON.stringify(bad)}`).toThrow(TypeError);
    }
  });
});

describe('original metadata', () => {
  it('tidies what a person types', () => {
    expect(checkMeta({ title: '  Le   titre\n', author: '', publisher: ' Le Journal ', url: 'https://j.example/a', date: '2024-05-01', lang: 'fr-FR' })).toEqual({
      ok: true,
      meta: { title: 'Le titre', author: null, publisher: 'Le Journal', url: 'https://j.example/a', date: '2024-05-01', lang: 'fr' },
    });
    expect(checkMeta({ title: '<b>x</b>' })).toMatchObject({ ok: true, meta: { title: '<b>x</b>' } }); // text stays text
  });

  it('names every field at fault', () => {
    expect(checkMeta({ title: ' ', url: 'javascript:alert(1)', date: '2024-02-30', lang: 'français', author: 'x'.repeat(301) })).toEqual({
      ok: false,
      problems: { title: 'required', url: 'url', date: 'date', lang: 'lang', author: 'tooLong' },
    });
    expect(checkMeta(null)).toEqual({ ok: false, problems: { title: 'required' } });
  });

  it('reads a page’s stated date as a form date', () => {
    expect(dayOf('2022-06-14T10:00:00+02:00')).toBe('2022-06-14');
    expect(dayOf('Tue, 14 Jun 2022 08:00:00 GMT')).toBe('2022-06-14');
    expect(dayOf('last week')).toBeNull();
    expect(dayOf(null)).toBeNull();
  });
});
