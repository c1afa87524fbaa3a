/**
 * How many originals are filed under each retrieval key (the keys' document
 * frequencies), as two parallel sorted arrays: about 8 bytes per distinct key, read in
 * one request. A lookup needs them BEFORE reading any posting list, to read only the
 * lists worth reading (lookup-plan.ts) and to skip keys no original has at all — each
 * IndexedDB request costs tens of microseconds, so requests are what a lookup saves.
 */

export class KeyFrequencies {
  /** Sorted ascending; `counts[i]` belongs to `keys[i]`. */
  constructor(
    readonly keys: Uint32Array = new Uint32Array(0),
    readonly counts: Uint32Array = new Uint32Array(0),
  ) {
    if (keys.length !== counts.length) throw new Error('key frequencies: keys and counts differ in length');
  }

  get size(): number {
    return this.keys.length;
  }

  /** Originals filed under `key` (0 when none). */
  get(key: number): number {
    const keys = this.keys;
    let lo = 0;
    let hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = keys[mid];
      if (k === key) return this.counts[mid];
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** A copy with some counts replaced (0 removes the key). */
  with(changes: ReadonlyMap<number, number>): KeyFrequencies {
    const merged = new Map<number, number>();
    for (let i = 0; i < this.keys.length; i++) merged.set(this.keys[i], this.counts[i]);
    for (const [k, n] of changes) {
      if (n > 0) merged.set(k, n);
      else merged.delete(k);
    }
    const keys = Uint32Array.from(merged.keys()).sort();
    const counts = new Uint32Array(keys.length);
    for (let i = 0; i < keys.length; i++) counts[i] = merged.get(keys[i])!;
    return new KeyFrequencies(keys, counts);
  }

  /**
   * A 53-bit digest of the table and of `extra` (two FNV-1a lanes): the store's head
   * record carries it, so a cached copy is known to be current without reading it again.
   */
  digest(extra: Uint8Array = new Uint8Array(0)): number {
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    const mix = (v: number) => {
      h1 = Math.imul(h1 ^ v, 0x01000193);
      h2 = Math.imul(h2 ^ v, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    };
    for (let i = 0; i < this.keys.length; i++) {
      mix(this.keys[i]);
      mix(this.counts[i]);
    }
    mix(this.keys.length);
    for (let i = 0; i < extra.length; i++) mix(extra[i]);
    mix(extra.length);
    return (h2 >>> 0) * 0x200000 + ((h1 >>> 0) & 0x1fffff);
  }
}
