/** The methods the accuracy benchmark knows, by --methods name. */
import { AnchorBagJaccard } from './anchor-bag';
import { CharNgramCosine } from './cl-cng';
import { EngineMethod } from './engine';
import type { Method } from './types';

export const METHODS: Record<string, () => Method> = {
  engine: () => new EngineMethod(),
  'cl-c3g': () => new CharNgramCosine(3),
  'cl-c4g': () => new CharNgramCosine(4),
  'cl-c3g-tf': () => new CharNgramCosine(3, 'tf'),
  'anchor-bag': () => new AnchorBagJaccard(),
};

/** Run when --methods is not given. */
export const DEFAULT_METHODS = ['engine', 'cl-c3g', 'anchor-bag'];

export type { Method, Verdict, CalibrationSample } from './types';
