import { describe, expect, it } from 'vitest';
import { readAnchors } from '@/utils/engine/anchors';
import { calendarOf, conceptOf } from '@/utils/engine/concepts';
import { foldConcept } from '@/utils/engine/fold';

const keysOf = (text: string, script: Parameters<typeof readAnchors>[1] = 'latin') =>
  readAnchors([text], script, 100).filter((a) => a.kind === 'num').map((a) => a.precise);

describe('concepts (Unicode CLDR names of countries, months, weekdays)', () => {
  it('gives one concept to a country in every language and script, declined forms included', () => {
    const de = ['Allemagne', 'Germany', 'Deutschland', 'Deutschlands', 'Německo', 'Německu', 'Alemania', 'Германия', 'Германии', 'Γερμανία', 'ドイツ', 'ألمانيا'];
    for (const w of de) expect(conceptOf(w, true)?.id, w).toBe('DE');
    expect(conceptOf('Íránu', true)?.id).toBe('IR');
    expect(conceptOf('USA', true)?.id).toBe('US');
    expect(conceptOf('США', true)?.id).toBe('US');
  });

  it('does not take names or common words for countries', () => {
    for (const w of ['Sam', 'Kelly', 'Obama', 'Paris', 'Frankfurt', 'Hallyday']) expect(conceptOf(w, true), w).toBeNull();
    // a territory needs a capital (or a script without capitals)
    expect(conceptOf('france', false)).toBeNull();
  });

  it('reads months and weekdays in every language', () => {
    for (const w of ['novembre', 'listopadu', 'ноября', 'noviembre', 'November', 'νοεμβρίου']) expect(calendarOf(foldConcept(w))?.id, w).toBe('m11');
    for (const w of ['mardi', 'úterý', 'вторник', 'martes', 'martedì']) expect(calendarOf(w)?.id, w).toBe('d2');
  });

  it('makes the same anchors of a date and a country in any language', () => {
    const fr = keysOf('Le 15 novembre 2011, mardi, en Allemagne.');
    const cs = keysOf('V úterý 15. listopadu 2011 v Německu.');
    const ru = keysOf('Во вторник, 15 ноября 2011 года, в Германии.', 'cyrillic');
    const en = keysOf('On Tuesday, November 15, 2011, in Germany.');
    for (const other of [cs, ru, en]) expect(new Set(other)).toEqual(new Set(fr));
  });

  it('counts a month only in a date: "may" and "Mars" alone are other words', () => {
    expect(readAnchors(['Prices may rise, Mars said.'], 'latin', 100).some((a) => a.kind === 'num')).toBe(false);
    expect(readAnchors(['On May 15 prices rose.'], 'latin', 100).map((a) => a.label)).toEqual(['May', '15']);
    // A capitalised month form out of a date stays a name.
    expect(readAnchors(['Then Ian Kelly left.'], 'latin', 100).map((a) => a.label)).toEqual(['Ian', 'Kelly']);
  });

  it('folds case and diacritics alike whatever the word', () => {
    expect(foldConcept('Německu')).toBe('nemecku');
    expect(foldConcept('ΣΟΣ')).toBe(foldConcept('σος'));
  });
});

describe('concept-table.ts', () => {
  it('is what scripts/gen-concepts.ts makes of the CLDR packages installed (rerun it after an upgrade)', async () => {
    const { execFileSync } = await import('node:child_process');
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/gen-concepts.ts', '--check'], { encoding: 'utf8' });
    expect(out).toMatch(/up to date/);
  }, 60_000);
});
