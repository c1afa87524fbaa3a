/** Packs: the shareable file of known originals and known translated copies. */
export * from './schema';
export { parsePack, parsePackText, MAX_PACK_CHARS, MAX_ERRORS, type PackResult } from './parse';
export { buildPack, serialisePack, type BuildInput, type OriginalInput, type TranslationInput } from './build';
export { mergePacks, mergeOriginal, mergeDismissals, type MergeResult, type MergeOptions } from './merge';
export { originalId, canonicalUrl, hash64, type OriginalIdInput } from './id';
