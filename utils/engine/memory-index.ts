/**
 * An in-memory inverted index over originals: the CLI and the benchmarks use it; the
 * extension uses the same keys in IndexedDB (utils/store). Lookup ranks originals by the
 * number of keys they share with the page and hands the best few to `decide`.
 */
import { indexKeys, lookupKeys } from './keys';
import { decide } from './match';
import { MAX_CANDIDATES, rankCandidates } from './rank';
import type { Candidate, EngineVerdict, PageFingerprint } from './types';


export class MemoryIndex {
  private readonly postings = new Map<number, number[]>();
  readonly candidates: Candidate[] = [];
  private readonly keyCounts: number[] = [];

  add(candidate: Candidate): void {
    const slot = this.candidates.push(candidate) - 1;
    const keys = indexKeys(candidate.fingerprint);
    this.keyCounts[slot] = keys.length;
    for (const k of keys) {
      const list = this.postings.get(k);
      if (list) list.push(slot);
      else this.postings.set(k, [slot]);
    }
  }

  get size(): number {
    return this.candidates.length;
  }

  /** Originals sharing keys with the page, best first. */
  retrieve(page: PageFingerprint, max = MAX_CANDIDATES): Candidate[] {
    const postings = lookupKeys(page).map((key) => ({ key, ids: this.postings.get(key) ?? [] }));
    return rankCandidates(postings, this.candidates.length, max, (slot) => this.keyCounts[slot]).map((slot) => this.candidates[slot]);
  }

  check(page: PageFingerprint): EngineVerdict {
    return decide(page, this.retrieve(page));
  }
}
