import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES, loadMessages } from '../helpers/messages';

const root = path.resolve(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.(tsx?|html)$/.test(f) ? [p] : [];
  });
}

describe('locales', () => {
  const en = loadMessages('en');

  it('every locale has exactly the English keys, with the same placeholders', () => {
    for (const l of LOCALES) {
      const m = loadMessages(l);
      expect(Object.keys(m).sort(), l).toEqual(Object.keys(en).sort());
      for (const [key, entry] of Object.entries(en)) {
        const names = (s: string) => [...s.matchAll(/\$([A-Z]+)\$/g)].map((x) => x[1]).sort();
        expect(names(m[key].message), `${l}.${key}`).toEqual(names(entry.message));
        expect(m[key].placeholders ?? {}, `${l}.${key}`).toEqual(entry.placeholders ?? {});
      }
    }
  });

  it('every message the code asks for exists', () => {
    const used = new Set<string>();
    for (const file of [...sources(path.join(root, 'components')), ...sources(path.join(root, 'utils')), ...sources(path.join(root, 'entrypoints'))]) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(20);
    for (const key of used) expect(en, key).toHaveProperty(key);
  });

  it('the manifest strings fit the stores’ limits', () => {
    for (const l of LOCALES) {
      const m = loadMessages(l);
      expect(m.extName.message.length).toBeLessThanOrEqual(45);
      expect(m.extDescription.message.length).toBeLessThanOrEqual(132);
    }
  });
});

describe('messagesLocale', () => {
  it('names the language of its own file, so language names match the sentence', async () => {
    const { messagesLanguage } = await import('@/utils/ui/i18n');
    const { translatorFor } = await import('../helpers/messages');
    for (const l of LOCALES) expect(messagesLanguage(translatorFor(loadMessages(l)))).toBe(l);
    expect(messagesLanguage(() => 'messagesLocale')).toBe('en'); // key missing: English
  });
});
