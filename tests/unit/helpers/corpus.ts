/** Real articles for tests, read from the shared data folder (never copied into the repo). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fingerprintArticle, toStored, type Article, type PageFingerprint } from '@/utils/engine';
import type { Original } from '@/utils/store/originals';

export function sharedDir(): string {
  return path.resolve(process.env.PROVENANCE_SHARED ?? path.resolve(import.meta.dirname, '../../../../shared'));
}

export interface CorpusArticle extends Article {
  id: string;
  lang: string;
}

const cache = new Map<string, CorpusArticle[]>();

/** The first `n` articles of one language of the dev corpus. */
export function corpus(lang: string, n = Infinity): CorpusArticle[] {
  if (!cache.has(lang)) {
    const text = readFileSync(path.join(sharedDir(), 'corpus', 'dev', `${lang}.jsonl`), 'utf8');
    cache.set(lang, text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as CorpusArticle));
  }
  return cache.get(lang)!.slice(0, n);
}

export function pageOf(a: Article): PageFingerprint {
  return fingerprintArticle(a);
}

/** A corpus article as a registered original (the id kept, so tests can check matches). */
export function originalOf(a: CorpusArticle, extra: Partial<Original> = {}): Original {
  return {
    id: a.id,
    title: a.title ?? a.id,
    lang: a.lang,
    author: null,
    publisher: null,
    url: null,
    date: null,
    fingerprint: toStored(fingerprintArticle(a)),
    ...extra,
  };
}
