/**
 * A verdict in words: the one sentence the popup leads with, and its confidence. Kept
 * apart from the components so that they only render, and so that every locale's
 * sentence is tested from the real messages files.
 */
import type { TabVerdict } from '@/utils/verdict';
import type { Formatters } from './format';
import type { Translate } from './i18n';
import type { LanguageName } from './language-names';

/** How the popup should look: alert for a copy, known for an original, error when the check failed, quiet otherwise. */
export type Tone = 'alert' | 'known' | 'quiet' | 'error';

export interface VerdictText {
  sentence: string;
  confidence: string | null;
  tone: Tone;
}

/** Confidence bands over the engine's calibrated score (flagging starts at 0.5). */
export const HIGH_CONFIDENCE = 0.85;
export const MEDIUM_CONFIDENCE = 0.65;

export function confidenceText(v: TabVerdict, t: Translate, fmt: Formatters): string | null {
  if (v.state !== 'translation' && v.state !== 'original') return null;
  if (v.basis === 'address') return t('confidenceAddress');
  if (typeof v.score !== 'number' || !Number.isFinite(v.score)) return null;
  const key = v.score >= HIGH_CONFIDENCE ? 'confidenceHigh' : v.score >= MEDIUM_CONFIDENCE ? 'confidenceMedium' : 'confidenceLow';
  return t(key, fmt.score(v.score));
}

/** "… by Yohann G.." → "… by Yohann G.": a name ending in a full stop ends the sentence. */
function oneFullStop(sentence: string): string {
  return sentence.replace(/\.\.$/u, '.');
}

export function describeVerdict(v: TabVerdict | null, t: Translate, lang: LanguageName, fmt: Formatters): VerdictText {
  if (!v) return { sentence: t('sentenceNotChecked'), confidence: null, tone: 'quiet' };
  const pageLang = lang(v.pageLang);
  const page = pageLang ? t('pagePhraseLang', pageLang) : t('pagePhrase');
  const o = v.original;
  switch (v.state) {
    case 'checking':
      return { sentence: t('sentenceChecking'), confidence: null, tone: 'quiet' };
    case 'no-article':
      return { sentence: t('sentenceNoArticle'), confidence: null, tone: 'quiet' };
    case 'error': {
      const key = v.problem === 'quota' ? 'sentenceErrorQuota' : v.problem === 'unreachable' ? 'sentenceErrorUnreachable' : 'sentenceErrorStorage';
      return { sentence: t(key), confidence: null, tone: 'error' };
    }
    case 'translation': {
      if (!o) break;
      const origLang = lang(o.lang);
      const origin = origLang
        ? o.author ? t('originPhraseBy', origLang, o.author) : t('originPhrase', origLang)
        : o.author ? t('originPhraseNoLangBy', o.author) : t('originPhraseNoLang');
      // A page filed as a known copy (confirmed by the reader, or by a pack) says so.
      const key = v.confirmed ? 'sentenceConfirmed' : 'sentenceTranslation';
      return { sentence: oneFullStop(t(key, page, o.title, origin)), confidence: confidenceText(v, t, fmt), tone: 'alert' };
    }
    case 'original': {
      if (!o) break;
      const sentence = oneFullStop(o.author ? t('sentenceOriginalBy', page, o.title, o.author) : t('sentenceOriginal', page, o.title));
      return { sentence, confidence: confidenceText(v, t, fmt), tone: 'known' };
    }
    case 'none':
      break;
  }
  return { sentence: t('sentenceNone', page), confidence: null, tone: 'quiet' };
}
