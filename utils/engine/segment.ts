/**
 * Words of scripts written without spaces (Chinese, Thai, Lao, Khmer, Burmese), cut by
 * the platform's own dictionary segmenter: `Intl.Segmenter` (ICU, in every browser the
 * extension runs in and in Node), so nothing is shipped or downloaded for it.
 *
 * A dictionary knows a language's own words, not the foreign names a translator spells
 * out syllable by syllable (奥巴马 for Obama, 萨拉萨尔 for Salazar): it leaves them in
 * single characters, or cuts them into whatever words their syllables happen to make
 * (萨 | 拉萨 | 尔). In Chinese a name is therefore read as a span of segments made only of
 * the characters names are spelled with (translit.ts `isNameHan`), with at least one
 * character the dictionary left alone. The segmenter's cuts may differ between ICU
 * versions (a browser's and Node's); the engine's matching tolerates a missing name, as
 * it does a name a translator left out.
 */
import { isNameHan } from './translit';
import type { Script } from './types';

/** One word of a paragraph, at `at` UTF-16 units into it. */
export interface RunWord {
  word: string;
  at: number;
  /**
   * - 'word': a word of the language's dictionary (a country's name may be one: 美国);
   * - 'name': a span spelled out with name characters, as a foreign name is;
   * - 'single': a character alone between two words, not a name's: a particle (的, 和)
   *   when it is a name character too.
   */
  kind: 'word' | 'name' | 'single';
}

const LETTER = /\p{L}/u;

const segmenters = new Map<string, Intl.Segmenter | null>();

/** The word segmenter for a locale, made once; null where the platform has none. */
function segmenterFor(locale: string): Intl.Segmenter | null {
  let s = segmenters.get(locale);
  if (s === undefined) {
    s = typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(locale, { granularity: 'word' }) : null;
    segmenters.set(locale, s);
  }
  return s;
}

/** The language whose dictionary cuts a run, from its first letter. */
function localeOf(script: Script, cp: number): string {
  if (script === 'han') return 'zh';
  if (cp >= 0x0e80 && cp <= 0x0eff) return 'lo';
  if (cp >= 0x1000 && cp <= 0x109f) return 'my';
  if (cp >= 0x1780 && cp <= 0x17ff) return 'km';
  return 'th';
}

/** The first code point of the script's letters in a paragraph (Thai, Lao, Khmer…). */
function firstOfScript(p: string, script: Script): number {
  if (script === 'han') return 0;
  for (let i = 0; i < p.length; i++) {
    const c = p.charCodeAt(i);
    if (c >= 0x0e00 && c <= 0x17ff) return c;
  }
  return 0;
}

/** Whether a UTF-16 unit is an interpunct joining the parts of a foreign name (巴拉克·奥巴马). */
export const isInterpunct = (c: number) => c === 0x00b7 || c === 0x30fb || c === 0x2027 || c === 0xff65 || c === 0x2022;

/** Whether every character of a segment is a name character. */
function spellsName(segment: string): boolean {
  for (let i = 0; i < segment.length; i++) if (!isNameHan(segment.charCodeAt(i))) return false;
  return true;
}

/**
 * The words of a paragraph of an unsegmented script, in order (one segmenter call per
 * paragraph: three times cheaper than one per run of letters). Empty when the platform
 * has no segmenter. `isWord(segment)`: a dictionary word that is never part
 * of a name (a country's name: 美国 is two name characters, but America).
 *
 * Chinese: a name is a run of name characters the dictionary left alone (奥 | 巴 | 马),
 * and the two-character words of name characters it cut out of the middle of one
 * (萨 | 拉萨 | 尔: Salazar, not Lhasa). A word at either end stays a word: names are
 * spelled with common characters too, and 部长 before 肯 is a minister, not a name.
 */
export function segmentParagraph(run: string, script: Script, isWord: (segment: string) => boolean = () => false): RunWord[] {
  const segmenter = segmenterFor(localeOf(script, firstOfScript(run, script)));
  if (!segmenter) return [];
  const out: RunWord[] = [];
  const segments: { word: string; at: number; kind: 'word' | 'single' | 'other' }[] = [];
  for (const s of segmenter.segment(run)) {
    // A segment of letters is a word, whatever `isWordLike` says: Firefox's segmenter
    // reports some characters it has no entry for as not word-like (巴 of 奥巴马).
    const letters = s.isWordLike || LETTER.test(s.segment);
    segments.push({ word: s.segment, at: s.index, kind: !letters ? 'other' : s.segment.length === 1 ? 'single' : 'word' });
  }
  if (script !== 'han') {
    for (const s of segments) if (s.kind !== 'other') out.push({ word: s.word, at: s.at, kind: 'word' });
    return out;
  }
  const joint = (i: number) => i >= 0 && i < segments.length && segments[i].word.length === 1 && isInterpunct(segments[i].word.charCodeAt(0));
  const loose = (i: number) => i >= 0 && i < segments.length && segments[i].kind === 'single' && isNameHan(segments[i].word.charCodeAt(0));
  // Whether segment i belongs to a name: a loose name character, or a two-character
  // word of name characters between two of them.
  const inName = (i: number) => {
    if (loose(i)) return true;
    const w = segments[i].word;
    if (w.length !== 2 || !spellsName(w) || isWord(w)) return false;
    // Two syllables cut out of a name (拉萨 in 萨拉萨尔; a longer word is a word: 发言人),
    // or off the start or end of a name an interpunct joins to another (阿拉 | 德·卡斯特莱因).
    return (loose(i - 1) && loose(i + 1)) || (loose(i + 1) && joint(i + 2)) || (loose(i - 1) && joint(i - 2));
  };
  for (let i = 0; i < segments.length; ) {
    const s = segments[i];
    if (!inName(i)) {
      // A longer word of name characters is a name the dictionary knows (奥斯陆, Oslo).
      const known = s.kind === 'word' && s.word.length >= 3 && spellsName(s.word) && !isWord(s.word);
      if (s.kind !== 'other') out.push({ word: s.word, at: s.at, kind: known ? 'name' : s.kind });
      i++;
      continue;
    }
    let j = i + 1;
    while (j < segments.length && inName(j)) j++;
    const word = run.slice(s.at, segments[j - 1].at + segments[j - 1].word.length);
    out.push({ word, at: s.at, kind: j - i === 1 ? 'single' : 'name' });
    i = j;
  }
  return out;
}
