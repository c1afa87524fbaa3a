/**
 * Bloom filters over 32-bit hashes, made by a generator and shipped as base64
 * (concept-table.ts): "certainly not in the set" for almost every word of a page at the
 * cost of three bit tests, with nothing built when the script starts — the extractor is
 * evaluated afresh in every page it reads, so anything built on first use is paid on
 * every page.
 */

/** Bits tested per hash. */
const PROBES = 3;

/** The `i`-th bit of hash `h` in a filter of 2^log2Bits bits (double hashing). */
function probe(h: number, i: number, log2Bits: number): number {
  const step = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) | 1;
  return (h + Math.imul(i, step)) >>> (32 - log2Bits);
}

/** A filter of 2^log2Bits bits holding `hashes`, as bytes (the generator's side). */
export function bloomBytes(hashes: Iterable<number>, log2Bits: number): Uint8Array {
  const bytes = new Uint8Array(1 << (log2Bits - 3));
  for (const h of hashes) {
    for (let i = 0; i < PROBES; i++) {
      const b = probe(h >>> 0, i, log2Bits);
      bytes[b >>> 3] |= 1 << (b & 7);
    }
  }
  return bytes;
}

export class BloomFilter {
  /** One byte per character (what `atob` gives): read in place, nothing decoded. */
  private bytes: string | null = null;
  private log2Bits = 0;

  constructor(private readonly base64: string) {}

  /** False: `h` is certainly not a hash of the set. */
  has(h: number): boolean {
    if (this.bytes === null) {
      this.bytes = atob(this.base64);
      this.log2Bits = Math.log2(this.bytes.length * 8);
    }
    for (let i = 0; i < PROBES; i++) {
      const b = probe(h, i, this.log2Bits);
      if ((this.bytes.charCodeAt(b >>> 3) & (1 << (b & 7))) === 0) return false;
    }
    return true;
  }
}
