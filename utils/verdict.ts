/**
 * What the extension concluded about the article in one tab: the background writes it,
 * the badge and the popup read it. Plain JSON (it lives in `storage.session`).
 */
import type { Evidence } from '@/utils/engine';

export type TabState = 'no-article' | 'checking' | 'none' | 'translation' | 'original' | 'error';

/**
 * Why a check could not be made (state 'error'): the store failed (a broken database, an
 * aborted transaction), the browser refused to store more (quota), or the popup could not
 * reach the background. Shown to the reader, never swallowed.
 */
export type CheckProblem = 'storage' | 'quota' | 'unreachable';

/** A known original as the UI names it (never its text: none is stored). */
export interface OriginalInfo {
  id: string;
  title: string;
  lang: string | null;
  author: string | null;
  publisher: string | null;
  url: string | null;
  date: string | null;
}

/**
 * How the verdict was reached: by comparing the article's content, or because the tab's
 * address is the one registered for the original (or for a known translation) — a page
 * the browser translated in place keeps its address and is still the original.
 */
export type VerdictBasis = 'content' | 'address';

export interface TabVerdict {
  state: TabState;
  url: string;
  /** Primary language of the page as shown (declared, else detected), or null. */
  pageLang: string | null;
  original?: OriginalInfo;
  /** The engine's calibrated score (0..1) for `original`. */
  score?: number;
  evidence?: Evidence;
  basis?: VerdictBasis;
  /**
   * A translation the reader (or a pack) confirmed: the page's address is filed as a
   * known translated copy of `original`. Its note, if one was given.
   */
  confirmed?: boolean;
  note?: string | null;
  /** Originals the reader said this page is not a copy of (so it is not flagged for them). */
  dismissed?: OriginalInfo[];
  /** Set with state 'error'. */
  problem?: CheckProblem;
  checkedAt: number;
}

/** Whether the verdict flags the page (the badge's loud mark). */
export function isFlagged(v: TabVerdict | null | undefined): boolean {
  return v?.state === 'translation';
}
