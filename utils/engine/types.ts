/**
 * The engine's vocabulary. Everything here is plain data (JSON-serialisable), so a
 * fingerprint can cross a message channel, sit in IndexedDB or in a pack file unchanged.
 *
 * normalise → fingerprint → index → match → evidence
 */

/** An article as the engine sees it: what Readability (or a corpus line) gives. */
export interface Article {
  title: string | null;
  byline?: string | null;
  /** BCP-47 language tag when known (page `lang`, detector, corpus), else null. */
  lang?: string | null;
  /** Body paragraphs in reading order (title not included). */
  paragraphs: string[];
}

/**
 * What kind of token an anchor is; both survive translation into any language.
 * - 'num': compared exactly by a language-free key: a number's digits, or a concept
 *   named in every language by Unicode CLDR (a country, a month in a date, a weekday:
 *   concepts.ts), so «Allemagne» and «Německu» share one key;
 * - 'name': compared by its Latin reading, and across scripts by its sound.
 */
export type AnchorKind = 'num' | 'name';

/** The family of scripts a text is written in; decides how anchors are compared. */
export type Script =
  | 'latin' | 'cyrillic' | 'greek' | 'armenian' | 'georgian' | 'hebrew' | 'arabic'
  | 'indic' | 'thai' | 'kana' | 'han' | 'hangul' | 'other';

/**
 * A fingerprint: what survives translation, with no sentence of the article in it.
 * For the i-th anchor (a number or a name, in reading order):
 * - `keys[i]`: 24-bit hash of its precise form (a number's digits; a name's first letters
 *   after transliteration to Latin), compared between texts of the same script;
 * - `coarse[i]`: its phonetic skeleton (consonant classes), compared across scripts, 0
 *   when it has none (numbers; names too short);
 * - `pos[i]`: where it stands, 0..1000 of the way through the body;
 * - `para[i]`: the paragraph it stands in.
 * `paraLens` are the paragraphs' lengths in characters (the Gale–Church signal) and
 * `simhash` a 32-bit SimHash of the words, to tell the same text from its translation.
 */
export interface Fingerprint {
  v: 1;
  lang: string | null;
  script: Script;
  /** Number of characters fingerprinted (body only). */
  chars: number;
  paraLens: number[];
  /** Sentence lengths in characters, paragraph after paragraph. */
  sentLens: number[];
  keys: number[];
  coarse: number[];
  kinds: AnchorKind[];
  pos: number[];
  para: number[];
  simhash: number;
}

/**
 * The page side of a lookup: a fingerprint plus, for each anchor, the text it was read
 * from on the page (a name or a number, never a sentence), so the evidence can show
 * "shared names and numbers" without storing the original's text anywhere.
 */
export interface PageFingerprint extends Fingerprint {
  labels: string[];
  /** The paragraph of each sentence of `sentLens` (page side only: never stored). */
  sentPara?: number[];
  title: string | null;
}

/** A registered original as the engine needs it: an id and its stored fingerprint. */
export interface Candidate {
  id: string;
  lang: string | null;
  fingerprint: Fingerprint;
}

/** One anchor the page and the original share, in order. */
export interface SharedAnchor {
  label: string;
  kind: AnchorKind;
  pagePara: number;
  originalPara: number;
}

/** Page paragraph → original paragraph, as aligned in order. */
export interface ParagraphLink {
  pagePara: number;
  originalPara: number;
  /** How many shared anchors tie the two together. */
  anchors: number;
}

/** Why the engine thinks what it thinks. Shown one click away in the popup. */
export interface Evidence {
  shared: SharedAnchor[];
  links: ParagraphLink[];
  /** Share of the original's anchors found in order on the page (0..1). */
  coverage: number;
  /** Share of the page's anchors explained by the original (0..1). */
  containment: number;
  /** Correlation of aligned paragraph lengths (Gale–Church), null when too few pairs. */
  lengthCorrelation: number | null;
  /** Ratio page chars / original chars over the aligned span. */
  lengthRatio: number | null;
}

/** The engine's comparison of a page against one original. */
export interface Match {
  id: string;
  /** Calibrated score in 0..1; one threshold for every language. */
  score: number;
  evidence: Evidence;
}

export type VerdictKind = 'translation' | 'original' | 'none';

/** The engine's answer for a page. */
export type EngineVerdict =
  | { kind: 'translation'; match: Match }
  | { kind: 'original'; match: Match }
  | { kind: 'none'; best: Match | null };
