/**
 * The engine (utils/engine) behind the benchmark's Method interface: originals are
 * registered as stored fingerprints in a MemoryIndex; a query fingerprints the page and
 * checks it (retrieval + verification), exactly as the extension does.
 */
import {
  ENGINE_NAME, fingerprintArticle, MemoryIndex, toStored, type Article, type EngineVerdict,
} from '../../utils/engine/index';
import type { CorpusArticle } from '../corpus';
import type { Method, Verdict } from './types';

export function toArticle(a: CorpusArticle): Article {
  return { title: a.title, lang: a.lang, paragraphs: a.paragraphs };
}

export function fromEngineVerdict(v: EngineVerdict): Verdict {
  if (v.kind === 'none') return v.best ? { kind: 'none', id: v.best.id, score: v.best.score } : { kind: 'none', score: 0 };
  return { kind: v.kind, id: v.match.id, score: v.match.score };
}

export class EngineMethod implements Method {
  readonly name = 'engine';
  readonly index = new MemoryIndex();

  register(original: CorpusArticle): void {
    this.index.add({ id: original.id, lang: original.lang, fingerprint: toStored(fingerprintArticle(toArticle(original))) });
  }

  query(article: CorpusArticle): Verdict {
    return fromEngineVerdict(this.index.check(fingerprintArticle(toArticle(article))));
  }

  describe(): string {
    return `engine: ${ENGINE_NAME} (utils/engine, its own threshold; nothing tuned by the benchmark)`;
  }
}
