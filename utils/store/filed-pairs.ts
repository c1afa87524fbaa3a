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
  /** Whether the pairs are in key order (groups() sorts them; add() appends out of order). */
  private sorted = false;
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
    this.sorted = false;
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

  /**
   * Each key filed under and its seqs in filing order (views into one array), keys
   * ascending. Sorted once: later calls give the same groups.
   */
  groups(): Map<number, Uint32Array> {
    if (!this.sorted) this.sortByKey();
    const { keys, seqs } = this;
    const out = new Map<number, Uint32Array>();
    let i = 0;
    while (i < this.n) {
      const key = keys[i];
      let j = i + 1;
      while (j < this.n && keys[j] === key) j++;
      out.set(key, seqs.subarray(i, j));
      i = j;
    }
    return out;
  }

  /** Sorts the pairs by key, stably, in place: LSD radix sort, 16 bits a pass. */
  private sortByKey(): void {
    const n = this.n;
    let keys = this.keys.subarray(0, n);
    let seqs = this.seqs.subarray(0, n);
    let keysTo = new Uint32Array(n);
    let seqsTo = new Uint32Array(n);
    const starts = new Uint32Array(1 << 16);
    for (const shift of [0, 16]) {
      starts.fill(0);
      for (let i = 0; i < n; i++) starts[(keys[i] >>> shift) & 0xffff]++;
      let sum = 0;
      for (let b = 0; b < starts.length; b++) {
        const c = starts[b];
        starts[b] = sum;
        sum += c;
      }
      for (let i = 0; i < n; i++) {
        const to = starts[(keys[i] >>> shift) & 0xffff]++;
        keysTo[to] = keys[i];
        seqsTo[to] = seqs[i];
      }
      [keys, keysTo] = [keysTo, keys];
      [seqs, seqsTo] = [seqsTo, seqs];
    }
    this.keys = keys;
    this.seqs = seqs;
    this.sorted = true;
  }
}
