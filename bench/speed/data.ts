/**
 * What the speed benchmark feeds its measurements, all from the dev corpus (read where
 * it lies, never copied into the repository): the registered originals as pack records,
 * the queries (real translations, registered or not) with their page fingerprints, and
 * articles of a given length in words made of real paragraphs.
 */
import { encodeFingerprint, fingerprintArticle, toStored, type Article } from '../../utils/engine/index';
import { PACK_FORMAT, PACK_VERSION, type Pack, type PackOriginal } from '../../utils/pack/schema';
import type { Corpus, QuerySet } from '../corpus';
import { DEFAULT_SEED, variantSets } from '../variants';
import type { Query } from './browser-page';

/** The corpus's registered originals, as a pack carries them (their corpus ids kept). */
export function realOriginals(corpus: Corpus): PackOriginal[] {
  return corpus.originals.map((a) => ({
    id: a.id,
    title: (a.title ?? a.id).replace(/\s+/g, ' ').trim().slice(0, 300) || a.id,
    lang: a.lang ?? corpus.originalLang,
    fingerprint: encodeFingerprint(toStored(fingerprintArticle({ title: a.title, lang: a.lang, paragraphs: a.paragraphs }))),
  }));
}

export function packOf(originals: PackOriginal[]): Pack {
  return { format: PACK_FORMAT, version: PACK_VERSION, created: '2024-05-01T00:00:00.000Z', originals, translations: [] };
}

/**
 * Every article of every cross-language query set (translations into en, de, cs, es,
 * ru): the registered ones must be found, the others are the unrelated pages.
 */
export function translationQueries(corpus: Corpus): Query[] {
  return setQueries(corpus, corpus.sets.filter((s) => !s.sameLanguage));
}

/**
 * The accuracy benchmark's query sets (bench/accuracy.ts): every cross-language set, the
 * copy-like variants made from them (`variants`, as `--variants` makes them), and the
 * original language's own file, whose registered articles must be recognised as the
 * originals themselves.
 */
export function accuracyQueries(corpus: Corpus, variants: boolean): Query[] {
  const sets: QuerySet[] = [...corpus.sets.filter((s) => !s.sameLanguage)];
  if (variants) sets.push(...variantSets(corpus.sets, DEFAULT_SEED, corpus.registered));
  sets.push(...corpus.sets.filter((s) => s.sameLanguage));
  return setQueries(corpus, sets);
}

function setQueries(corpus: Corpus, sets: readonly QuerySet[]): Query[] {
  const out: Query[] = [];
  for (const set of sets) {
    for (const a of set.articles) {
      out.push({
        set: set.label,
        id: a.id,
        expected: corpus.registered.has(a.id) ? (set.sameLanguage ? 'original' : 'translation') : 'none',
        fp: fingerprintArticle({ title: a.title, lang: a.lang, paragraphs: a.paragraphs }),
      });
    }
  }
  return out;
}

const words = (p: string) => p.split(/\s+/).filter(Boolean).length;

/**
 * `perLanguage` articles of about `target` words in each language of the corpus, made of
 * consecutive real paragraphs (running over article boundaries when one is too short),
 * the last paragraph cut to land on the target. Different starting articles per sample.
 */
export function articlesOfLength(corpus: Corpus, target: number, perLanguage = 2): Article[] {
  const out: Article[] = [];
  for (const set of corpus.sets) {
    if (set.variant) continue;
    const paragraphs = set.articles.flatMap((a) => a.paragraphs);
    if (!paragraphs.length) continue;
    const stride = Math.floor(paragraphs.length / (perLanguage + 1));
    for (let s = 0; s < perLanguage; s++) {
      const body: string[] = [];
      let n = 0;
      for (let i = s * stride; n < target && body.length < paragraphs.length; i = (i + 1) % paragraphs.length) {
        const p = paragraphs[i];
        const w = words(p);
        if (n + w <= target) {
          body.push(p);
          n += w;
        } else {
          body.push(p.split(/\s+/).slice(0, target - n).join(' '));
          n = target;
        }
      }
      out.push({ title: set.articles[0].title, lang: set.lang, paragraphs: body });
    }
  }
  return out;
}
