/**
 * Anchors: the tokens a translator keeps. Numbers keep their digits in every language;
 * names keep their sound, whatever the script. Everything else is left behind.
 */
import { hash24, SIMHASH_MAX_WORDS } from './hash';
import { calendarOf, conceptKeyText, conceptOf, mayBeCalendar, type Concept } from './concepts';
import { nextToken, token as found } from './tokens';
import { latinReading } from './translit';
import { isCaseless, scriptOfCode } from './normalise';
import { scaledDigits, signAfter } from './scaled';
import { isInterpunct, segmentParagraph, type RunWord } from './segment';
import type { AnchorKind, Script } from './types';

export interface Anchor {
  kind: AnchorKind;
  /** As written on the page: shown in the evidence, never stored for an original. */
  label: string;
  precise: number;
  coarse: number;
  para: number;
  /** Character offset in the body (paragraphs joined). */
  offset: number;
}


/**
 * Scripts whose runs of letters are phrases, not words: cut by a dictionary segmenter in a
 * text of their own (segment.ts), skipped inside another (Han in a Japanese text).
 */
const UNSEGMENTED = new Set<Script>(['han', 'thai']);

/**
 * In a caseless text every word is a candidate name. Function words (في, के, の) are the
 * most frequent; when the candidates exceed the page's anchor budget, the most frequent
 * words go first, until the rest fit. (Dropping every word seen three times or more, as
 * before, dropped the articles' protagonists too: Arabic, Hindi and Japanese copies lost
 * the very names they share with their original.)
 */
function frequentCutoff(items: ReadonlyArray<Anchor | Candidate>, maxAnchors: number): number {
  let total = 0;
  const counts: number[] = [];
  const seen = new Set<WordInfo>();
  for (const item of items) {
    total++;
    if ('kind' in item || item.info.nameLike || item.info.count === 0 || seen.has(item.info)) continue;
    seen.add(item.info);
    counts.push(item.info.count);
  }
  if (total <= maxAnchors) return Infinity;
  counts.sort((x, y) => y - x);
  let k = 0;
  while (k < counts.length && total > maxAnchors) total -= counts[k++];
  return k > 0 ? counts[k - 1] - 1 : Infinity; // words seen more often than this are dropped
}

/** Whether a segment names a country, a month or a weekday (never part of a name). */
const isConceptWord = (w: string) => conceptOf(w, true) !== null;


/** A number's language-free form: its digits, without leading zeros ("07" → "7"). */
export function numberForm(token: string): string | null {
  const digits = token.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  // One-digit numbers are often written out in words ("cinq", "five"): not reliable.
  return digits.length >= 2 ? digits : null;
}

// Scratch buffers for one name at a time: its a–z letters, then its canonical reading.
let letters = new Uint8Array(64);
let canon = new Uint8Array(64);
let canonLength = 0;

/** Puts a letter at the end of the canonical reading, unless it repeats the last one. */
function emit(c: number): void {
  if (canonLength > 0 && canon[canonLength - 1] === c) return;
  if (canonLength === canon.length) {
    const grown = new Uint8Array(canon.length * 2);
    grown.set(canon);
    canon = grown;
  }
  canon[canonLength++] = c;
}

/**
 * Writes a name's canonical Latin reading into `canon[0 .. canonLength)`, without building
 * a string (this runs on every distinct capitalised word of a page). One pass over the
 * Latin reading, applying in order: keep a–z; initial kh → h; ph → f; th → t; sch, sh → s;
 * zh → z; ch, kh, ck, c, q → k; w → v; y, j → i; x → ks; z → s; then runs of one letter →
 * one (tests/unit/engine/anchors.test.ts checks it against those rules written as
 * regular expressions).
 */
function canonicalise(word: string): void {
  // The a–z letters of the word's Latin reading (translit.ts `toLatin`), read letter by
  // letter without building the reading.
  let n = 0;
  const put = (c: number) => {
    if (c < 97 || c > 122) return;
    if (n === letters.length) {
      const grown = new Uint8Array(letters.length * 2);
      grown.set(letters);
      letters = grown;
    }
    letters[n++] = c;
  };
  let lower: string | null = null;
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c < 0x80) put(c >= 65 && c <= 90 ? c + 32 : c);
    else {
      lower = word.toLowerCase(); // the reading is of the lower-case word, which may differ in length
      break;
    }
  }
  if (lower !== null) {
    n = 0;
    for (let k = 0; k < lower.length; k++) {
      const cp = lower.codePointAt(k)!;
      if (cp > 0xffff) k++;
      if (cp < 0x80) put(cp);
      else {
        const r = latinReading(cp);
        for (let m = 0; m < r.length; m++) put(r.charCodeAt(m));
      }
    }
  }
  const a = letters;
  canonLength = 0;
  let i = 0;
  if (n >= 2 && a[0] === K && a[1] === H) {
    emit(H);
    i = 2;
  }
  while (i < n) {
    const c = a[i];
    const d = i + 1 < n ? a[i + 1] : 0;
    if (c === P && d === H) {
      emit(F);
      i += 2;
    } else if (c === T && d === H) {
      emit(T);
      i += 2;
    } else if (c === S && d === C && i + 2 < n && a[i + 2] === H) {
      emit(S);
      i += 3;
    } else if (c === S && d === H) {
      emit(S);
      i += 2;
    } else if (c === Z && d === H) {
      emit(S);
      i += 2;
    } else if ((c === C || c === K) && d === H) {
      emit(K);
      i += 2;
    } else if (c === C && d === K) {
      emit(K);
      i += 2;
    } else {
      if (c === C || c === Q) emit(K);
      else if (c === W) emit(V);
      else if (c === Y || c === J) emit(I);
      else if (c === X) {
        emit(K);
        emit(S);
      } else if (c === Z) emit(S);
      else emit(c);
      i++;
    }
  }
}

/**
 * A name's Latin reading, canonicalised so transliteration conventions agree:
 * «Рихтаржова» (rikhtarzhova) and «Richtářová» (richtarova) → "rihtar…".
 */
export function canonicalName(word: string): string {
  canonicalise(word);
  let out = '';
  for (let k = 0; k < canonLength; k++) out += String.fromCharCode(canon[k]);
  return out;
}

const [C, F, H, I, J, K, P, Q, S, T, V, W, X, Y, Z] = [...'cfhijkpqstvwxyz'].map((ch) => ch.charCodeAt(0));

/** The precise form of a name: the first letters of its canonical reading (stems
 * survive declension: Obama, Obamovi, Obamy → "obam"). */
export function preciseName(canon: string): string {
  return canon.slice(0, PRECISE_LETTERS);
}
const PRECISE_LETTERS = 4;

/** A name's phonetic skeleton: its first three consonant classes, or 0 with fewer than 2. */
export function coarseName(name: string): number {
  if (name.length > canon.length) canon = new Uint8Array(name.length * 2);
  for (let k = 0; k < name.length; k++) {
    const c = name.charCodeAt(k);
    canon[k] = c < 0x80 ? c : 0; // not a letter of a canonical reading: no class
  }
  canonLength = name.length;
  return coarseOfCanon();
}

// Consonant classes by letter: what survives any transliteration of a name (vowels do
// not: Arabic and Hebrew write few; h, w, y come and go between conventions). 0: none.
const CONSONANT_CLASS = new Uint8Array(128);
for (const [letters, c] of [['bpfv', 1], ['kg', 2], ['s', 3], ['dt', 4], ['lr', 5], ['mn', 6]] as const) {
  for (const l of letters) CONSONANT_CLASS[l.charCodeAt(0)] = c;
}
const [B, M] = [98, 109];

/** The phonetic skeleton of the canonical reading in `canon`. */
function coarseOfCanon(): number {
  let key = 0;
  let n = 0;
  let last = -1;
  for (let k = 0; k < canonLength; k++) {
    const ch = canon[k];
    // A nasal before a labial is absorbed in many scripts' spellings (Greek μπ for b).
    if (ch === M && k + 1 < canonLength && (canon[k + 1] === B || canon[k + 1] === P)) continue;
    const c = CONSONANT_CLASS[ch];
    if (!c) {
      last = -1; // a vowel separates two equal consonants (k-a-k counts twice)
      continue;
    }
    if (c === last) continue;
    key = key * 7 + c;
    last = c;
    if (++n === 3) break;
  }
  return n >= 2 ? key + (n === 2 ? 400 : 0) : 0;
}

/** FNV-1a of the first letters of the canonical reading in `canon`: hash24(preciseName(…)). */
function preciseOfCanon(): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < canonLength && k < PRECISE_LETTERS; k++) {
    h ^= canon[k];
    h = Math.imul(h, 0x01000193);
  }
  return ((h >>> 24) ^ h) & 0xffffff;
}

/**
 * A word without the elided article or the possessive glued to it by an apostrophe,
 * whatever the language: l'OTAN, dell'Italia, d'Alema → OTAN, Italia, Alema;
 * Libya's → Libya. Short segments at either end are grammar, not the name.
 */
export function stripClitics(word: string): string {
  if (word.indexOf("'") < 0 && word.indexOf('’') < 0) return word;
  const parts = word.split(/['’]/);
  if (parts.length === 1) return word;
  let from = 0;
  let to = parts.length;
  while (to - from > 1 && (parts[from].length <= 2 || (parts[from].length <= 6 && parts[from] === parts[from].toLowerCase()))) from++;
  while (to - from > 1 && parts[to - 1].length <= 2) to--;
  return parts.slice(from, to).join("'");
}

interface NameKeys {
  precise: number;
  coarse: number;
}

/** A name's keys (null when its reading is too short to tell). */
function nameKeys(w: string): NameKeys | null {
  canonicalise(w);
  if (canonLength < 2) return null;
  const coarse = coarseOfCanon();
  if (!isAcronym(w)) return { precise: preciseOfCanon(), coarse };
  // The skeleton stays that of the letters in order: between scripts an acronym is
  // mostly carried over as it stands (FIFA, UEFA in a Russian text), and a letter set
  // would lose the consonants' order.
  sortCanon();
  return { precise: acronymOfCanon(), coarse };
}

/** Letters an acronym has at most (longer runs of capitals are shouted words). */
const ACRONYM_MAX = 6;

/**
 * Whether a word is an acronym: 2 to 6 letters, all capitals. Languages order an
 * acronym's letters by their own words (HIV/VIH, AIDS/SIDA, NATO/OTAN, EU/UE, IMF/FMI),
 * so an acronym is keyed by its canonical letters sorted, on both sides alike.
 */
export function isAcronym(w: string): boolean {
  if (w.length < 2 || w.length > ACRONYM_MAX) return false;
  for (let k = 0; k < w.length; k++) if (!isUpperUnit(w.charCodeAt(k))) return false;
  return true;
}

/**
 * Sorts the canonical reading in `canon`: an acronym's letters in a fixed order. The
 * reading's own rules stay (runs of one letter are one: Spanish doubles a plural's
 * initials, EEUU for EU, UE), and other repeated letters are kept (FIFA is not FIA).
 */
function sortCanon(): void {
  for (let i = 1; i < canonLength; i++) {
    const c = canon[i];
    let j = i - 1;
    for (; j >= 0 && canon[j] > c; j--) canon[j + 1] = canon[j];
    canon[j + 1] = c;
  }
}

/** hash24 of "^" and all the (sorted) letters in `canon`: acronyms apart from names' prefixes. */
function acronymOfCanon(): number {
  let h = Math.imul(0x811c9dc5 ^ ACRONYM_MARK, 0x01000193);
  for (let k = 0; k < canonLength; k++) {
    h ^= canon[k];
    h = Math.imul(h, 0x01000193);
  }
  return ((h >>> 24) ^ h) & 0xffffff;
}
const ACRONYM_MARK = 94; // "^": never in a canonical reading

/**
 * What is known of a distinct word that may be a name, learnt once per text: words recur,
 * and one map lookup per occurrence is all they then cost. (Whether a word may be a name
 * depends on the word and the text's script only, so the word alone is the key.)
 */
interface WordInfo {
  /** The country, month or weekday it names, if any (words of 3 letters or more). */
  concept: Concept | null;
  /** Its name keys: undefined until needed. */
  keys: NameKeys | null | undefined;
  /** Seen capitalised inside a sentence (not only as a sentence opener). */
  inside: boolean;
  /** Occurrences, in a caseless script (frequent words there are function words). */
  count: number;
  /**
   * Written as only names are, however often it recurs: joined to another name by an
   * interpunct somewhere in the text (巴拉克·奥巴马, バラク・オバマ).
   */
  nameLike: boolean;
}

/** Hiragana writes Japanese grammar and native words, never a foreign name. */
const HIRAGANA = /^[\u3040-\u309f]+$/;
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;
const JAPANESE_RUNS = /[\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f]+|[\u3040-\u309f]+|[\u3400-\u9fff]+|[^\u3040-\u30ff\u3400-\u9fff]+/g;

/** The words of a token: clitics stripped; Japanese runs cut by script. */
function wordsOf(token: string, script: Script): string[] {
  const w = stripClitics(token);
  // Only a Japanese text, or a token starting in kana or Han, may need cutting.
  if ((script !== 'kana' && script !== 'han' && w.charCodeAt(0) < 0x3040) || !JAPANESE.test(w)) return [w];
  return w.match(JAPANESE_RUNS) ?? [];
}

/**
 * The words a hyphenated compound stands for: its first part, and any later part that is
 * an acronym (EZB-Präsidenten → EZB; Irland-Krise → Irland; Karl-Theodor → Karl, which
 * keys it as before). The head of the compound is language, not a name.
 */
function hyphenParts(words: string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    if (w.indexOf('-') < 0) {
      out.push(w);
      continue;
    }
    const parts = w.split('-');
    out.push(parts[0]);
    for (let k = 1; k < parts.length; k++) if (isAcronym(parts[k])) out.push(parts[k]);
  }
  return out;
}

/** Whether the word at `index` opens a sentence: a sentence end at most 3 units before it, then only white space. */
export function atSentenceStart(p: string, index: number): boolean {
  if (index === 0) return true;
  const from = Math.max(0, index - 3);
  let k = index - 1;
  while (k >= from && isSpaceUnit(p.charCodeAt(k))) k--;
  return k >= from && SENTENCE_END_UNIT.has(p.charCodeAt(k));
}

const SENTENCE_END_UNIT = new Set([...'.!?:;«»"“”„()[]\u3002\uff01\uff1f\u061f\u0964-'].map((ch) => ch.charCodeAt(0)));

/** JavaScript's \s, for one UTF-16 unit. */
function isSpaceUnit(c: number): boolean {
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return true;
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const UPPER = /^\p{Lu}/u;
const LOWER = /^\p{Ll}$/u;
// Each UTF-16 unit's case, computed the first time it is met: 1 lower-case letter, 2 not.
const LOWER_UNIT = new Uint8Array(0x10000);

/** Whether a UTF-16 unit is a lower-case letter. */
function isLowerUnit(c: number): boolean {
  let k = LOWER_UNIT[c];
  if (k === 0) LOWER_UNIT[c] = k = LOWER.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

// Each UTF-16 unit's capital-ness, computed the first time it is met: 1 capital, 2 not.
const UPPER_UNIT = new Uint8Array(0x10000);
const UPPER_LETTER = /^\p{Lu}$/u;

/** Whether a UTF-16 unit is a capital letter. */
function isUpperUnit(c: number): boolean {
  if (c < 0x80) return c >= 65 && c <= 90;
  let k = UPPER_UNIT[c];
  if (k === 0) UPPER_UNIT[c] = k = UPPER_LETTER.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

/** Whether a word starts with a capital (ASCII first, without a regular expression). */
function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 0x80) return c >= 65 && c <= 90;
  return UPPER.test(word);
}

/**
 * The names in a span of name characters (segment.ts), cut at the text's particles: a
 * name spelled out character by character may come with the particles around it
 * (奥巴马和萨拉萨尔 → 奥巴马, 萨拉萨尔), which the text also writes alone elsewhere.
 */
function pushSpelled(out: Anchor[], item: Candidate, particles: Map<string, number>): void {
  const { word } = item;
  let start = 0;
  for (let k = 0; k <= word.length; k++) {
    if (k < word.length && (particles.get(word[k]) ?? 0) < 2) continue;
    if (k - start >= 2) {
      const part = word.slice(start, k);
      const keys = nameKeys(part);
      if (keys) out.push({ kind: 'name', label: part, precise: keys.precise, coarse: keys.coarse, para: item.para, offset: item.offset + start });
    }
    start = k + 1;
  }
}

/** A word that may be a name, as met in the single pass over the text. */
interface Candidate {
  word: string;
  info: WordInfo;
  para: number;
  offset: number;
  atStart: boolean;
  /** Single characters joined by the segmenter (segment.ts): particles may cling to it. */
  spelled?: boolean;
}

/**
 * Reads the anchors of a body given as normalised paragraphs, in one pass (and, when
 * `words` is given, collects the hashes of its first words, lower-cased, for the SimHash).
 * In cased scripts a name is a capitalised word; at a sentence start it counts only if
 * the text also capitalises it inside a sentence. In caseless scripts every word is a
 * candidate except the frequent ones (a name is rare in its own text; function words are
 * not). Japanese runs are cut where katakana (the script of foreign names) meets kana or
 * Han, since no space separates them.
 */
export function readAnchors(paragraphs: string[], script: Script, maxAnchors: number, words?: number[]): Anchor[] {
  const caseless = isCaseless(script);
  const known = new Map<string, WordInfo>();
  // Characters a segmented text writes alone between two words, and how often: those
  // it writes so more than once are particles (的, 在, 和).
  const particles = new Map<string, number>();

  // Numbers are final as soon as they are read; words wait for the whole text to be seen.
  const items: Array<Anchor | Candidate> = [];
  let base = 0;
  const conceptAnchor = (c: Concept, label: string, para: number, offset: number): Anchor => ({
    kind: 'num', label, precise: hash24(conceptKeyText(c)), coarse: 0, para, offset,
  });
  for (let para = 0; para < paragraphs.length; para++) {
    const p = paragraphs[para];
    // A month counts only in a date, next to a number ("15 novembre", "November 15"):
    // alone, its name may be another word ("may", "mars").
    let lastWasNumber = false;
    let pending: { word: string; offset: number; concept: Concept | null } | null = null;
    // Chinese or Thai: the paragraph's words, cut when first needed, read in order.
    let runWords: RunWord[] | null = null;
    let cursor = 0;
    // A lower-case word is never a name, but may be a weekday, or a month in a date.
    const onLower = (word: string, offset: number, afterNumber: boolean) => {
      const concept = word.length >= 3 ? calendarOf(word) : null;
      if (!concept) return;
      if (concept.kind !== 'month' || afterNumber) items.push(conceptAnchor(concept, word, para, offset));
      else pending = { word, offset, concept };
    };
    for (let at = 0; nextToken(p, at); at = found.end) {
      const { start: index, end, isNumber, hasApostrophe } = found;
      if (isNumber) {
        if (pending) {
          const c = pending.concept ?? calendarOf(pending.word);
          if (c && c.kind !== 'territory') {
            const last = items[items.length - 1];
            if (last && !('kind' in last) && last.offset === pending.offset) items.pop();
            items.push(conceptAnchor(c, pending.word, para, pending.offset));
          }
        }
        pending = null;
        lastWasNumber = true;
        const text = p.slice(index, end);
        // 40亿: the amount, as "4 milliards" or "4 billion" writes it (scaled.ts).
        const sign = signAfter(p, end);
        const form = sign ? numberForm(scaledDigits(text, sign[1])) : numberForm(text);
        if (form) items.push({ kind: 'num', label: sign ? text + sign[0] : text, precise: hash24('#' + form), coarse: 0, para, offset: base + index });
        continue;
      }
      const afterNumber = lastWasNumber;
      lastWasNumber = false;
      pending = null;
      const lower = found.lower;
      if (words && words.length < SIMHASH_MAX_WORDS) words.push(lower);
      const c = p.charCodeAt(index);
      // Fast path, most words of a Latin text: a plain lower-case word, read in place (an
      // ASCII word's lower-case hash is its fold's: no second pass over it).
      // The same for a lower-case word of the text's own cased script (Czech, Russian).
      if (!hasApostrophe && ((c >= 97 && c <= 122) || (!caseless && c >= 0x80 && isLowerUnit(c) && scriptOfCode(c) === script))) {
        if (end - index >= 3 && mayBeCalendar(p, index, end, found.folded >= 0 ? found.folded : undefined)) onLower(p.slice(index, end), base + index, afterNumber);
        continue;
      }
      const token = p.slice(index, end);
      // A run of Chinese or Thai in a text of its own: its words from the segmenter
      // (segment.ts). Of Chinese ones, the names of countries and months, the names
      // spelled out in name characters, and the words an interpunct joins to a name.
      if (UNSEGMENTED.has(script) && scriptOfCode(c) === script) {
        const joinedBefore = index > 0 && isInterpunct(p.charCodeAt(index - 1));
        const joinedAfter = end < p.length && isInterpunct(p.charCodeAt(end));
        runWords ??= segmentParagraph(p, script, isConceptWord);
        while (cursor < runWords.length && runWords[cursor].at < index) cursor++;
        for (; cursor < runWords.length && runWords[cursor].at < end; cursor++) {
          const { word, kind } = runWords[cursor];
          const at = runWords[cursor].at - index;
          const joined = (joinedBefore && at === 0) || (joinedAfter && at + word.length === token.length);
          if (kind === 'single') {
            if (!joined) particles.set(word, (particles.get(word) ?? 0) + 1);
            continue;
          }
          let info = known.get(word);
          if (info === undefined) {
            info = { concept: conceptOf(word, true), keys: undefined, inside: true, count: 0, nameLike: false };
            known.set(word, info);
          }
          if (info.concept && (info.concept.kind !== 'month' || afterNumber)) {
            items.push(conceptAnchor(info.concept, word, para, base + index + at));
            continue;
          }
          // A Chinese dictionary word is the language's own, unless joined to a name.
          if (kind === 'word' && script === 'han' && !joined) continue;
          info.count++;
          if (joined) info.nameLike = true;
          items.push({ word, info, para, offset: base + index + at, atStart: false, spelled: kind === 'name' });
        }
        continue;
      }
      // Most tokens are one word as they stand (no clitic, no Japanese run to cut).
      let parts = hasApostrophe || script === 'kana' || script === 'han' || c >= 0x3040 ? wordsOf(token, script) : null;
      // A compound's parts are words of their own: the name or acronym in HIV-Viren,
      // EZB-Präsidenten, PET-Flaschen is what the other language writes alone.
      if (token.indexOf('-') > 0) parts = hyphenParts(parts ?? [token]);
      let from = 0;
      for (let w = 0, count = parts ? parts.length : 1; w < count; w++) {
        const word = parts ? parts[w] : token;
        if (word.length < 2) continue;
        let at = index;
        if (parts) {
          const k = token.indexOf(word, from);
          if (k >= 0) {
            at = index + k;
            from = k + word.length;
          }
        }
        const first = scriptOfCode(word.codePointAt(0)!);
        if (UNSEGMENTED.has(first) || (first === 'kana' && HIRAGANA.test(word))) continue;
        const named = caseless || first !== script || startsUpper(word);
        if (!named) {
          onLower(word, base + at, afterNumber);
          continue;
        }
        let info = known.get(word);
        if (info === undefined) {
          info = { concept: word.length >= 3 ? conceptOf(word, true) : null, keys: undefined, inside: false, count: 0, nameLike: false };
          known.set(word, info);
        }
        // バラク・オバマ: a part joined to another by an interpunct is a name's.
        if ((w === 0 && index > 0 && isInterpunct(p.charCodeAt(index - 1))) || (w === count - 1 && end < p.length && isInterpunct(p.charCodeAt(end)))) info.nameLike = true;
        const concept = info.concept;
        if (concept && (concept.kind !== 'month' || afterNumber)) {
          items.push(conceptAnchor(concept, word, para, base + at));
          continue;
        }
        // A capitalised month name out of a date may be a name (May, Ian): read as one,
        // unless a number follows (then the month replaces it, see above).
        if (concept) pending = { word, offset: base + at, concept };
        if (caseless && first === script) {
          info.count++;
        }
        const atStart = !caseless && first === script && atSentenceStart(p, index);
        if (!caseless && first === script && !atStart) info.inside = true;
        items.push({ word, info, para, offset: base + at, atStart });
      }
    }
    base += p.length + 1;
  }
  const out: Anchor[] = [];
  const cutoff = caseless ? frequentCutoff(items, maxAnchors) : Infinity;
  for (const item of items) {
    if (out.length >= maxAnchors) break;
    if ('kind' in item) {
      out.push(item);
      continue;
    }
    const { word, info } = item;
    // Words of another script inside a text (a Latin name in a Russian text) are names by
    // nature; in a caseless text, frequent words are function words.
    if (caseless && info.count > cutoff && !info.nameLike) continue;
    if (item.atStart && !info.inside) continue;
    if (item.spelled && particles.size) {
      pushSpelled(out, item, particles);
      continue;
    }
    if (info.keys === undefined) info.keys = nameKeys(word);
    const keys = info.keys;
    if (keys) out.push({ kind: 'name', label: word, precise: keys.precise, coarse: keys.coarse, para: item.para, offset: item.offset });
  }
  return out;
}
