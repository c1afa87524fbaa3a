/** The message keys for what an action answered and what a form field lacks. */
import type { ActionError } from '@/utils/management';
import type { MetaProblem } from '@/utils/original-meta';

const ERROR_KEYS: Record<ActionError, string> = {
  'no-page': 'errorNoPage',
  'no-article': 'errorNoArticle',
  stale: 'errorStale',
  exists: 'errorExists',
  'not-found': 'errorNotFound',
  invalid: 'errorInvalid',
  failed: 'errorFailed',
};

const PROBLEM_KEYS: Record<MetaProblem, string> = {
  required: 'problemRequired',
  tooLong: 'problemTooLong',
  url: 'problemUrl',
  date: 'problemDate',
  lang: 'problemLang',
};

/** Anything unexpected (a newer background, a thrown message) reads as "did not work". */
export const errorKey = (e: unknown): string => ERROR_KEYS[e as ActionError] ?? 'errorFailed';
export const problemKey = (p: MetaProblem): string => PROBLEM_KEYS[p];
