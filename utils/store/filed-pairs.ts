/**
 * The (key, seq) pairs a KeyIndexWriter files before its commit, as two growing typed
 * arrays: an import of 100,000 originals files about 5 million pairs under some 47,000
 * keys, and a Map of one growing array per key spent seconds of the options page's CPU
 * (hashing every key, growing 47,000 arrays, collecting them). Pairs appended to flat
 * arrays and sorted by key once, at the commit, cost a fraction of that.
 *
 * The sort is stable (a radix sort: two counting passes over 16 bits of the key), so each
 * key's seqs come out in the order they were filed — the order the Map gave, and the
 * ascending order in which an import numbers its originals (postings.ts encodes such a
 * list as it is).
 */
export class FiledPairs {
  private keys = new Uint32Array(1 << 12);
  private seqs = new Uint32Array(1 << 12);
  private n = 0;
  private sorted: Uint32Array | null = null;
  /** Scratch space for one original's keys (at most a few dozen). */
  private scratch = new Uint32Array(64);

  get length(): number {
    return this.n;
  }

  /**
   * Files `seq` under each distinct key of `keys`; returns how many distinct keys there
   * were. Keys and seqs are unsigned 32-bit integers (the key frequencies store keys as
   * such; a seq indexes a byte array of key counts).
   */
  add(seq: number, keys: Iterable<number>): number {
    let scratch = this.scratch;
    let m = 0;
    for (const k of keys) {
      if (!(k >= 0 && k <= 0xffffffff && Number.isInteger(k))) throw new RangeError(`index key ${k} is not an unsigned 32-bit integer`);
      if (m === scratch.length) {
        const grown = new Uint32Array(m * 2);
        grown.set(scratch);
        this.scratch = scratch = grown;
      }
      scratch[m++] = k;
    }
    if (!(seq >= 0 && seq <= 0xffffffff && Number.isInteger(seq))) throw new RangeError(`seq ${seq} is not an unsigned 32-bit integer`);
    // Sorted, a key given twice sits next to itself: skipped without a Set.
    const own = scratch.subarray(0, m).sort();
    this.reserve(m);
    let distinct = 0;
    for (let i = 0; i < m; i++) {
      if (i > 0 && own[i] === own[i - 1]) continue;
      this.keys[this.n] = own[i];
      this.seqs[this.n++] = seq;
      distinct++;
    }
    this.sorted = null;
    return distinct;
  }

  private reserve(more: number): void {
    if (this.n + more <= this.keys.length) return;
    const size = Math.max(this.keys.length * 2, this.n + more);
    const keys = new Uint32Array(size);
    const seqs = new Uint32Array(size);
    keys.set(this.keys.subarray(0, this.n));
    seqs.set(this.seqs.subarray(0, this.n));
    this.keys = keys;
    this.seqs = seqs;
  }

  /** Each key filed under and its seqs in filing order, keys ascending. */
  *groups(): Generator<[key: number, seqs: number[]]> {
    const order = this.byKey();
    const { keys, seqs } = this;
    let i = 0;
    while (i < order.length) {
      const key = keys[order[i]];
      const list: number[] = [];
      for (; i < order.length && keys[order[i]] === key; i++) list.push(seqs[order[i]]);
      yield [key, list];
    }
  }

  /** The pairs' positions ordered by key, stably: LSD radix sort, 16 bits a pass. */
  private byKey(): Uint32Array {
    if (this.sorted) return this.sorted;
    const n = this.n;
    const keys = this.keys;
    let from = new Uint32Array(n);
    for (let i = 0; i < n; i++) from[i] = i;
    let to = new Uint32Array(n);
    const counts = new Uint32Array(1 << 16);
    for (const shift of [0, 16]) {
      counts.fill(0);
      for (let i = 0; i < n; i++) counts[(keys[i] >>> shift) & 0xffff]++;
      let sum = 0;
      for (let b = 0; b < counts.length; b++) {
        const c = counts[b];
        counts[b] = sum;
        sum += c;
      }
      for (let i = 0; i < n; i++) {
        const p = from[i];
        to[counts[(keys[p] >>> shift) & 0xffff]++] = p;
      }
      [from, to] = [to, from];
    }
    this.sorted = from;
    return from;
  }
}
