/**
 * Posting lists: the originals filed under one retrieval key, as one compact record.
 *
 * An IndexedDB multiEntry index spends an entry per (key, original), each repeating the
 * original's string id: about 4 KB per original in Chromium. A posting list instead
 * packs the originals' small sequence numbers (`seq`, see key-index.ts) in ascending
 * order as varint deltas: one byte per entry for a common key, two or three for a rare
 * one.
 */

/** Unsigned LEB128 of a safe integer (arithmetic, not bit operations: values may pass 2^31). */
function writeVarint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** Where the last `readVarint` stopped: the index after the varint, or -1 when the bytes ran out. */
let varintEnd = 0;

/**
 * The unsigned LEB128 at `bytes[i]` (arithmetic, as writeVarint); sets `varintEnd`. A
 * varint the bytes end inside of (a truncated tail) reads as 0 with `varintEnd` -1.
 */
function readVarint(bytes: Uint8Array, i: number): number {
  let v = 0;
  let scale = 1;
  let b: number;
  do {
    if (i >= bytes.length) {
      varintEnd = -1;
      return 0;
    }
    b = bytes[i++];
    v += (b & 0x7f) * scale;
    scale *= 0x80;
  } while (b & 0x80);
  varintEnd = i;
  return v;
}

/** Distinct seqs in ascending order → the stored bytes. */
export function encodePosting(seqs: Iterable<number>): Uint8Array {
  const out: number[] = [];
  let last = 0;
  for (const seq of seqs) {
    writeVarint(out, seq - last);
    last = seq;
  }
  return Uint8Array.from(out);
}

/** Stored bytes → seqs (ascending). A truncated tail is dropped, never misread. */
export function decodePosting(bytes: Uint8Array): number[] {
  const out: number[] = [];
  decodePostingInto(bytes, out);
  return out;
}

/** `decodePosting` into an array the caller reuses (ranking decodes thousands of lists). */
export function decodePostingInto(bytes: Uint8Array, out: number[]): void {
  out.length = 0;
  let value = 0;
  let i = 0;
  while (i < bytes.length) {
    const delta = readVarint(bytes, i);
    if (varintEnd < 0) return;
    i = varintEnd;
    value += delta;
    out.push(value);
  }
}

/** A posting list with some seqs added and some removed; null when nothing is left. */
export function mergePosting(old: Uint8Array | undefined, add: ArrayLike<number> & Iterable<number>, remove: ReadonlySet<number> = new Set()): Uint8Array | null {
  // A new list of seqs given in order (an import files its originals as it numbers
  // them): encoded as it is, without a set and a sort for each of a million keys.
  if (!old && remove.size === 0 && ascending(add)) return add.length ? encodePosting(add) : null;
  const seqs = new Set<number>();
  if (old) for (const s of decodePosting(old)) if (!remove.has(s)) seqs.add(s);
  for (const s of add) seqs.add(s);
  if (seqs.size === 0) return null;
  return encodePosting([...seqs].sort((a, b) => a - b));
}

function ascending(seqs: ArrayLike<number>): boolean {
  for (let i = 1; i < seqs.length; i++) if (!(seqs[i] > seqs[i - 1])) return false;
  return true;
}

/** How many seqs a stored list holds, without decoding it. */
export function postingLength(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (!(bytes[i] & 0x80)) n++;
  return n;
}

/**
 * Buckets: the short lists of many rare keys in one record. Most keys are rare (a name
 * or a number few originals share), and a record of its own for each would cost an
 * IndexedDB request per key to write and a record's overhead to store. A bucket holds,
 * sorted by key: varint key delta · varint byte length · the key's posting list.
 */
export function encodeBucket(lists: ReadonlyMap<number, Uint8Array>): Uint8Array {
  const keys = [...lists.keys()].sort((a, b) => a - b);
  let size = 0;
  for (const k of keys) size += lists.get(k)!.length;
  const parts: Array<number[] | Uint8Array> = [];
  let last = 0;
  for (const k of keys) {
    const list = lists.get(k)!;
    const h: number[] = [];
    writeVarint(h, k - last);
    writeVarint(h, list.length);
    last = k;
    parts.push(h, list);
    size += h.length;
  }
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** A bucket's lists by key (views into `bytes`); stops at a truncated entry. */
export function decodeBucket(bytes: Uint8Array): Map<number, Uint8Array> {
  const out = new Map<number, Uint8Array>();
  let i = 0;
  let key = 0;
  while (i < bytes.length) {
    const delta = readVarint(bytes, i);
    if (varintEnd < 0) break;
    const length = readVarint(bytes, varintEnd);
    if (varintEnd < 0 || varintEnd + length > bytes.length) break;
    i = varintEnd;
    key += delta;
    out.set(key, bytes.subarray(i, i + length));
    i += length;
  }
  return out;
}

/**
 * The lists of just `wanted` keys in a bucket (views into `bytes`), without a Map entry
 * for every other key in it: a lookup wants one or two keys of a bucket holding hundreds
 * at 100,000 originals. Walks the sorted entries once and stops past the largest wanted.
 */
export function bucketLists(bytes: Uint8Array, wanted: readonly number[]): Map<number, Uint8Array> {
  const out = new Map<number, Uint8Array>();
  if (wanted.length === 0) return out;
  let max = wanted[0];
  for (const k of wanted) if (k > max) max = k;
  const want = wanted.length === 1 ? null : new Set(wanted);
  const only = wanted[0];
  let i = 0;
  let key = 0;
  while (i < bytes.length) {
    const delta = readVarint(bytes, i);
    if (varintEnd < 0) return out;
    const length = readVarint(bytes, varintEnd);
    if (varintEnd < 0) return out;
    i = varintEnd;
    if (i + length > bytes.length) return out;
    key += delta;
    if (key > max) return out;
    if (want ? want.has(key) : key === only) out.set(key, bytes.subarray(i, i + length));
    i += length;
  }
  return out;
}
