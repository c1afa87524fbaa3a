import { describe, expect, it } from 'vitest';
import { encodeFingerprint, fingerprintArticle, toStored } from '../../utils/engine';
import {
  buildPack, canonicalUrl, mergePacks, originalId, parsePack, parsePackText, serialisePack,
  PACK_FORMAT, PACK_VERSION, type Pack,
} from '../../utils/pack';

const article = (title: string, names: string[]) => ({
  title,
  lang: 'fr',
  paragraphs: [
    `${names[0]} a rencontré ${names[1]} le 12 mars 2021 à Lyon, devant 4500 personnes.`,
    `Selon ${names[2]}, le projet coûtera 37 millions d'euros et ouvrira en 2024.`,
    `${names[1]} et ${names[0]} se reverront à Marseille le 3 juin.`,
  ],
});
const fp1 = encodeFingerprint(toStored(fingerprintArticle(article('Un', ['Dupont', 'Okonkwo', 'Vasquez']))));
const fp2 = encodeFingerprint(toStored(fingerprintArticle(article('Deux', ['Lindqvist', 'Nakamura', 'Oyelaran']))));

function validPack(): Record<string, unknown> {
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    created: '2024-05-01T10:00:00Z',
    publisher: 'Le Quotidien',
    originals: [
      { id: 'a', title: 'Un titre', lang: 'fr', author: 'Jeanne D.', publisher: 'Le Quotidien', url: 'https://example.fr/a', date: '2024-04-30', fingerprint: fp1 },
      { id: 'b', title: 'Deux', lang: 'fr-CA', fingerprint: fp2 },
    ],
    translations: [{ url: 'https://copies.example.it/x', lang: 'it', seen: '2024-05-01', originalId: 'a', note: 'machine translation' }],
  };
}

function errorsOf(json: unknown) {
  const r = parsePack(json);
  if (r.ok) throw new Error('expected the pack to be rejected');
  return r.errors;
}

describe('parsePack: valid packs', () => {
  it('accepts a valid pack and returns the same data', () => {
    const r = parsePack(validPack());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.pack).toEqual(validPack());
  });

  it('round-trips through serialisePack and parsePackText unchanged', () => {
    const r = parsePack(validPack());
    if (!r.ok) throw new Error('invalid');
    const text = serialisePack(r.pack);
    const again = parsePackText(text);
    expect(again).toEqual({ ok: true, pack: r.pack });
    // One record per line: a diff of two packs shows records, not fragments.
    expect(text.split('\n').filter((l) => l.includes('"fingerprint"'))).toHaveLength(2);
  });

  it('drops unknown keys into nothing, keeping the known ones', () => {
    const p = validPack();
    (p.originals as Record<string, unknown>[])[0].extra = { deep: true };
    p.comment = 'hello';
    const r = parsePack(p);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(Object.keys(r.pack.originals[0])).not.toContain('extra');
      expect(Object.keys(r.pack)).not.toContain('comment');
    }
  });
});

describe('parsePack: wrong format or version', () => {
  it('says clearly when it is not a pack at all', () => {
    expect(errorsOf([])[0].message).toMatch(/expected a JSON object, found an array/);
    expect(errorsOf('text')[0].message).toMatch(/expected a JSON object/);
    expect(errorsOf(null)[0].message).toMatch(/found null/);
    expect(errorsOf({ hello: 1 })[0]).toMatchObject({ field: 'format', message: expect.stringMatching(/no "format" field/) });
    expect(errorsOf({ ...validPack(), format: 'other-pack' })[0].message).toMatch(/format is "other-pack", expected "provenance-lens-pack"/);
  });

  it('tells a newer version from a broken one', () => {
    expect(errorsOf({ ...validPack(), version: 2 })[0].message).toMatch(/newer.*update Provenance Lens/);
    expect(errorsOf({ ...validPack(), version: '1' })[0].message).toMatch(/unsupported pack version "1"/);
  });
});

describe('parsePack: every field wrong, reported per record and field', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ['id', '', /id must not be empty/],
    ['id', 'x'.repeat(201), /at most 200/],
    ['id', 42, /id must be a string/],
    ['title', '', /title must not be empty/],
    ['title', 'x'.repeat(501), /at most 500/],
    ['title', 'two\nlines', /one line/],
    ['title', ['array'], /title must be a string/],
    ['lang', 'french', /language tag/],
    ['lang', 'fr_FR', /language tag/],
    ['lang', '', /must not be empty/],
    ['author', 7, /author must be a string/],
    ['author', 'a'.repeat(301), /at most 300/],
    ['publisher', ' padded ', /spaces/],
    ['url', 'javascript:alert(1)', /http:\/\/ or https:\/\//],
    ['url', 'data:text/html,<script>alert(1)</script>', /http:\/\/ or https:\/\//],
    ['url', 'file:///etc/passwd', /http:\/\/ or https:\/\//],
    ['url', '/relative/path', /http:\/\/ or https:\/\//],
    ['url', `https://example.com/${'a'.repeat(2100)}`, /at most 2048/],
    ['date', 'yesterday', /ISO 8601/],
    ['date', '2024-02-30', /ISO 8601/],
    ['date', '2024-13-01', /ISO 8601/],
    ['fingerprint', 'not base64!', /not a valid Provenance Lens fingerprint/],
    ['fingerprint', 'AAAA', /not a valid Provenance Lens fingerprint/],
    ['fingerprint', fp1.slice(0, -8), /not a valid Provenance Lens fingerprint/],
    ['fingerprint', 'A'.repeat(5000), /at most 4096/],
  ];
  it.each(cases)('originals[1].%s = %j', (field, value, message) => {
    const p = validPack();
    (p.originals as Record<string, unknown>[])[1][field] = value;
    const errors = errorsOf(p);
    expect(errors).toContainEqual({ record: 'originals[1]', field, message: expect.stringMatching(message) });
    expect(errors).toHaveLength(1);
  });

  it('says "missing" for required fields that are absent', () => {
    const errors = errorsOf({ ...validPack(), originals: [{}], translations: [] });
    expect(errors.map((e) => `${e.field}: ${e.message}`)).toEqual([
      'id: id is missing', 'title: title is missing', 'lang: lang is missing', 'fingerprint: fingerprint is missing',
    ]);
  });

  const tcases: Array<[string, unknown, RegExp]> = [
    ['url', 'javascript:void(0)', /http/],
    ['url', undefined, /url is missing/],
    ['lang', 'it italian', /language tag/],
    ['seen', '01/05/2024', /ISO 8601/],
    ['originalId', 'nope', /no original with id "nope" in this pack/],
    ['note', 'n'.repeat(1001), /at most 1000/],
    ['note', 5, /note must be a string/],
  ];
  it.each(tcases)('translations[0].%s = %j', (field, value, message) => {
    const p = validPack();
    (p.translations as Record<string, unknown>[])[0][field] = value;
    expect(errorsOf(p)).toEqual([{ record: 'translations[0]', field, message: expect.stringMatching(message) }]);
  });

  it('checks the envelope fields', () => {
    expect(errorsOf({ ...validPack(), created: 'today' })).toEqual([{ record: 'pack', field: 'created', message: expect.stringMatching(/ISO 8601/) }]);
    expect(errorsOf({ ...validPack(), originals: {} })[0]).toMatchObject({ field: 'originals', message: 'originals must be an array' });
    expect(errorsOf({ ...validPack(), translations: 'none' })[0]).toMatchObject({ field: 'translations' });
  });

  it('reports records that are not objects, and duplicate ids', () => {
    const p = validPack();
    const o = p.originals as unknown[];
    o.push('a string', null, 12, { ...(o[0] as object) });
    const errors = errorsOf(p);
    expect(errors).toEqual([
      { record: 'originals[2]', field: null, message: 'must be an object, found "a string"' },
      { record: 'originals[3]', field: null, message: 'must be an object, found null' },
      { record: 'originals[4]', field: null, message: 'must be an object, found 12' },
      { record: 'originals[5]', field: 'id', message: 'duplicate id "a" (first used by originals[0])' },
    ]);
  });

  it('says when a translation points at an original that is itself invalid', () => {
    const p = validPack();
    (p.originals as Record<string, unknown>[])[0].lang = 'xx_invalid';
    expect(errorsOf(p)).toEqual([
      { record: 'originals[0]', field: 'lang', message: expect.stringMatching(/language tag/) },
      { record: 'translations[0]', field: 'originalId', message: 'refers to original "a", which is invalid (see its errors)' },
    ]);
  });

  it('keeps the valid records of a pack with bad ones as `partial`, losing nothing good', () => {
    const p = validPack();
    (p.originals as Record<string, unknown>[])[1].url = 'javascript:alert(1)';
    const r = parsePack(p);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.partial?.originals.map((o) => o.id)).toEqual(['a']);
      expect(r.partial?.translations).toHaveLength(1);
    }
  });

  it('caps the error list on a pack of thousands of bad records', () => {
    const errors = errorsOf({ ...validPack(), originals: Array.from({ length: 5000 }, () => ({ id: 5 })) });
    expect(errors.length).toBe(101);
    expect(errors[100].message).toMatch(/more errors/);
  });
});

describe('hostile input', () => {
  it('never lets __proto__ or constructor reach a prototype', () => {
    const text = `{"format":"provenance-lens-pack","version":1,"created":"2024-01-01","__proto__":{"polluted":"yes"},
      "constructor":{"prototype":{"polluted":"yes"}},
      "originals":[{"id":"x","title":"T","lang":"fr","fingerprint":"${fp1}","__proto__":{"isAdmin":true}}],"translations":[]}`;
    const r = parsePackText(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r.pack)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(r.pack.originals[0])).toBe(Object.prototype);
    expect((r.pack.originals[0] as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.keys(r.pack.originals[0]).sort()).toEqual(['fingerprint', 'id', 'lang', 'title']);
  });

  it('rejects an object whose prototype-named keys are own properties (JSON.parse makes them so)', () => {
    const poisoned = JSON.parse(`{"format":"provenance-lens-pack","version":1,"created":"2024-01-01","originals":[],"translations":[],"__proto__":{"x":1}}`);
    const r = parsePack(poisoned);
    expect(r.ok).toBe(true);
    if (r.ok) expect(Object.keys(r.pack)).toEqual(['format', 'version', 'created', 'originals', 'translations']);
  });

  it('keeps markup in titles as plain text, character for character', () => {
    const p = validPack();
    const title = '<img src=x onerror="alert(1)"><b>Bold</b> &amp; co';
    (p.originals as Record<string, unknown>[])[0].title = title;
    const r = parsePack(p);
    expect(r.ok && r.pack.originals[0].title).toBe(title);
  });

  it('rejects huge strings in every field without choking', () => {
    const huge = 'x'.repeat(5_000_000);
    const p = validPack();
    const o = (p.originals as Record<string, unknown>[])[0];
    for (const k of ['id', 'title', 'lang', 'author', 'publisher', 'url', 'date', 'fingerprint']) o[k] = huge;
    const t0 = performance.now();
    const errors = errorsOf(p);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(errors.filter((e) => e.record === 'originals[0]').map((e) => e.field).sort())
      .toEqual(['author', 'date', 'fingerprint', 'id', 'lang', 'publisher', 'title', 'url']);
    // The translation pointing at its former id is not silently dropped.
    expect(errors).toContainEqual({ record: 'translations[0]', field: 'originalId', message: 'no original with id "a" in this pack' });
  });

  it('turns invalid, empty and oversize text into one clear error', () => {
    const msg = (text: string) => {
      const r = parsePackText(text);
      return r.ok ? 'ok' : r.errors[0].message;
    };
    expect(msg('')).toBe('pack is empty');
    expect(msg('   \n')).toBe('pack is empty');
    expect(msg('{"format": ')).toMatch(/^pack is not valid JSON: /);
    expect(msg('\uFEFF' + JSON.stringify(validPack()))).toBe('ok');
    expect(msg(' '.repeat(200 * 1024 * 1024 + 1))).toMatch(/too large/);
  });
});

describe('originalId', () => {
  it('derives a stable id from the address, ignoring fragments, tracking and trailing slashes', () => {
    const a = originalId({ url: 'https://Example.com/news/1/?utm_source=x#top', title: 'A', fingerprint: fp1 });
    const b = originalId({ url: 'https://example.com/news/1', title: 'Other title', fingerprint: fp2 });
    expect(a).toBe(b);
    expect(a).toMatch(/^url-[0-9a-f]{16}$/);
    expect(originalId({ url: 'https://example.com/news/2', title: 'A', fingerprint: fp1 })).not.toBe(a);
    expect(canonicalUrl('javascript:alert(1)')).toBeNull();
  });

  it('falls back to title + fingerprint, so the same article gets the same id anywhere', () => {
    const a = originalId({ title: 'Camaïeu  victime', fingerprint: fp1 });
    expect(a).toMatch(/^fp-[0-9a-f]{16}$/);
    expect(originalId({ title: 'camaïeu victime', fingerprint: fp1 })).toBe(a);
    expect(originalId({ title: 'Camaïeu victime', fingerprint: fp2 })).not.toBe(a);
    expect(originalId({ url: 'ftp://x/y', title: 'Camaïeu victime', fingerprint: fp1 })).toBe(a);
  });
});

describe('buildPack', () => {
  it('builds a valid pack from fingerprints and metadata, tidying whitespace', () => {
    const r = buildPack({
      publisher: ' Le  Quotidien ',
      created: '2024-05-01T00:00:00Z',
      originals: [{ title: ' Un\n titre ', lang: 'fr', author: null, url: 'https://example.fr/a', fingerprint: fingerprintArticle(article('Un', ['Dupont', 'Okonkwo', 'Vasquez'])) }],
      translations: [{ url: 'https://copies.example.it/x', lang: 'it', originalId: originalId({ url: 'https://example.fr/a', title: '', fingerprint: '' }) }],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pack.publisher).toBe('Le Quotidien');
    expect(r.pack.originals[0]).toEqual({ id: originalId({ url: 'https://example.fr/a', title: '', fingerprint: '' }), title: 'Un titre', lang: 'fr', url: 'https://example.fr/a', fingerprint: fp1 });
    expect(r.pack.translations[0].seen).toBe('2024-05-01');
    // No text of the article anywhere in the pack.
    expect(JSON.stringify(r.pack)).not.toMatch(/rencontré|millions/);
  });

  it('returns the validation errors instead of a bad pack', () => {
    const r = buildPack({ originals: [{ title: 'T', lang: 'fr', url: 'javascript:alert(1)', fingerprint: fp1 }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ record: 'originals[0]', field: 'url' });
  });

  it('merges the same article given twice', () => {
    const fp = fingerprintArticle(article('Un', ['Dupont', 'Okonkwo', 'Vasquez']));
    const r = buildPack({ originals: [{ title: 'Un', lang: 'fr', fingerprint: fp }, { title: 'Un', lang: 'fr', author: 'J. D.', fingerprint: fp }] });
    expect(r.ok && r.pack.originals).toEqual([expect.objectContaining({ title: 'Un', author: 'J. D.' })]);
  });
});

describe('mergePacks', () => {
  const pack = (created: string, originals: Pack['originals'], translations: Pack['translations'] = []): Pack => ({
    format: PACK_FORMAT, version: PACK_VERSION, created, originals, translations,
  });

  it('unions distinct originals and translations', () => {
    const { pack: m, conflicts } = mergePacks([
      pack('2024-01-01', [{ id: 'a', title: 'A', lang: 'fr', fingerprint: fp1 }]),
      pack('2024-02-01', [{ id: 'b', title: 'B', lang: 'fr', fingerprint: fp2 }], [{ url: 'https://x.it/1', lang: 'it', seen: '2024-02-01', originalId: 'b' }]),
    ], { created: '2024-03-01T00:00:00Z' });
    expect(m.originals.map((o) => o.id)).toEqual(['a', 'b']);
    expect(m.translations).toHaveLength(1);
    expect(conflicts).toEqual([]);
    expect(parsePack(m).ok).toBe(true);
  });

  it('same id, same fingerprint: newer metadata wins field by field, older fills the gaps', () => {
    const older = pack('2024-01-01', [{ id: 'a', title: 'Old title', lang: 'fr', author: 'Ann', url: 'https://x.fr/a', fingerprint: fp1 }]);
    const newer = pack('2024-06-01', [{ id: 'a', title: 'New title', lang: 'fr', publisher: 'Daily', fingerprint: fp1 }]);
    // Argument order does not matter: `created` decides which is newer.
    for (const order of [[older, newer], [newer, older]]) {
      const { pack: m, conflicts } = mergePacks(order);
      expect(m.originals).toEqual([{ id: 'a', title: 'New title', lang: 'fr', author: 'Ann', publisher: 'Daily', url: 'https://x.fr/a', fingerprint: fp1 }]);
      expect(conflicts).toEqual([]);
    }
  });

  it('same id, different fingerprints: the newer wins and the conflict is reported', () => {
    const { pack: m, conflicts } = mergePacks([
      pack('2024-06-01', [{ id: 'a', title: 'A', lang: 'fr', fingerprint: fp2 }]),
      pack('2024-01-01', [{ id: 'a', title: 'A', lang: 'fr', fingerprint: fp1 }]),
    ]);
    expect(m.originals[0].fingerprint).toBe(fp2);
    expect(conflicts).toEqual([expect.stringMatching(/"a".*different fingerprints/)]);
  });

  it('different ids, same fingerprint: one original, translations follow the kept id', () => {
    const { pack: m, conflicts } = mergePacks([
      pack('2024-01-01', [{ id: 'a', title: 'A', lang: 'fr', fingerprint: fp1 }]),
      pack('2024-02-01', [{ id: 'z', title: 'A', lang: 'fr', url: 'https://x.fr/a', fingerprint: fp1 }], [{ url: 'https://x.it/1', lang: 'it', seen: '2024-02-01', originalId: 'z' }]),
    ]);
    expect(m.originals).toEqual([{ id: 'a', title: 'A', lang: 'fr', url: 'https://x.fr/a', fingerprint: fp1 }]);
    expect(m.translations[0].originalId).toBe('a');
    expect(conflicts).toEqual([expect.stringMatching(/same fingerprint/)]);
    expect(parsePack(m).ok).toBe(true);
  });

  it('translations: one per address, the most recently seen, keeping an older note', () => {
    const origs: Pack['originals'] = [{ id: 'a', title: 'A', lang: 'fr', fingerprint: fp1 }, { id: 'b', title: 'B', lang: 'fr', fingerprint: fp2 }];
    const { pack: m, conflicts } = mergePacks([
      pack('2024-01-01', origs, [{ url: 'https://x.it/1#top', lang: 'it', seen: '2024-01-01', originalId: 'a', note: 'first seen' }]),
      pack('2024-02-01', origs, [{ url: 'https://x.it/1', lang: 'it', seen: '2024-03-01', originalId: 'b' }]),
    ]);
    expect(m.translations).toEqual([{ url: 'https://x.it/1', lang: 'it', seen: '2024-03-01', originalId: 'b', note: 'first seen' }]);
    expect(conflicts).toEqual([expect.stringMatching(/different originals/)]);
  });

  it('keeps a publisher all packs share, and only then', () => {
    const a = { ...pack('2024-01-01', []), publisher: 'P' };
    expect(mergePacks([a, { ...a }]).pack.publisher).toBe('P');
    expect(mergePacks([a, pack('2024-01-01', [])]).pack.publisher).toBeUndefined();
    expect(mergePacks([a], { publisher: 'Q' }).pack.publisher).toBe('Q');
  });
});
