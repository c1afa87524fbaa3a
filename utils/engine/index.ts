/**
 * The engine: normalise → fingerprint → index → match → evidence. Pure TypeScript, no
 * DOM and no browser API: the content script, the background, the CLI and the benchmarks
 * all run this same code.
 */
export * from './types';
export { fingerprintArticle, toStored, primaryLang } from './fingerprint';
export { indexKeys, lookupKeys } from './keys';
export { compare, decide, isSameText, THRESHOLD } from './match';
export { MemoryIndex } from './memory-index';
export { rankCandidates, MAX_CANDIDATES, type Posting } from './rank';
export { encodeFingerprint, decodeFingerprint } from './codec';

/** The method's name, as the benchmarks report it. */
export const ENGINE_NAME = 'anchor-chain';
