/**
 * What checking a pack decoded, kept for importing it: each original's fingerprint as the
 * codec's bytes (what the store keeps) and its index keys. Decoding a fingerprint is the
 * costliest part of both the check and the import (tens of microseconds an original: a
 * few seconds at 100,000), so `parsePack` records it and `importPack` uses it rather than
 * decoding again; an original without a record (merged from several packs, built in
 * code) is simply decoded by the import.
 *
 * Kept by the checked original object itself (a WeakMap): it goes when the pack goes.
 */
import type { PackOriginal } from './schema';

export interface CheckedFingerprint {
  bytes: Uint8Array;
  /** The engine's `indexKeys` of the decoded fingerprint (at most 64, below 2^25). */
  keys: Uint32Array;
}

const checked = new WeakMap<PackOriginal, CheckedFingerprint>();

export function rememberChecked(original: PackOriginal, c: CheckedFingerprint): void {
  checked.set(original, c);
}

/** What the check decoded for this very original object, if it did. */
export function checkedFingerprint(original: PackOriginal): CheckedFingerprint | undefined {
  return checked.get(original);
}
