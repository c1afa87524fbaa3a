/**
 * The interface every method of the accuracy benchmark implements: the engine (through
 * an adapter, engine.ts) and the baselines, run side by side on the same sets.
 */
import type { CorpusArticle } from '../corpus';

export type VerdictKind = 'translation' | 'original' | 'none';

/** A method's answer for one page. `id` is the original it points at (the best one, also for 'none'). */
export interface Verdict {
  kind: VerdictKind;
  id?: string;
  score: number;
}

/** A page of the calibration split and the original it copies (null: none). */
export interface CalibrationSample {
  article: CorpusArticle;
  expectedId: string | null;
}

export interface Method {
  /** The name used by --methods and in the result rows. */
  readonly name: string;
  /** Registers one known original. */
  register(original: CorpusArticle): void;
  /** Decides what a page is, with every original registered. */
  query(article: CorpusArticle): Verdict;
  /**
   * Methods with a threshold fitted to data get it here, before any timed query, from a
   * held-out split of the cross-language query pages (see bench/baselines/calibrate.ts).
   */
  calibrate?(samples: readonly CalibrationSample[]): void;
  /** One line on how the method decides (thresholds, ...), printed with the results. */
  describe(): string;
}
