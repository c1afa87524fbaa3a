/**
 * A page's best-ranked originals, from the retrieval index (key-index.ts), in the
 * caller's readonly transaction: one request for the head, the frequencies only when
 * they changed since the last lookup, one request per posting record of the planned keys
 * (lookup-plan.ts; rare keys share bucket records) — all in flight at once — and the
 * engine's ranking (`rankCandidates`, computed on the stored lists: rank-postings.ts),
 * damped by each original's key count from the statistics. Never a scan: the cost
 * follows the page's rarest keys, not the number of originals.
 *
 * When the statistics and every list wanted are already in memory, the ranking does not
 * wait for the head at all: it rests on the head the last lookup read, and the head
 * requested now travels with the shortlisted originals' reads, one round trip for the
 * whole lookup; the caller checks it (`Ranked.unconfirmed`).
 */
import { lookupKeys, MAX_CANDIDATES, type PageFingerprint } from '@/utils/engine';
import { adoptPostingStamp, lastStats, postingCacheStamp, postingsCached, readHead, readPostings, readStats, type PostingsStore, type RetrievalStats, type RetrievalStore } from './key-index';
import type { RetrievalHead } from './schema';
import { planLookup } from './lookup-plan';
import { postingLength } from './postings';
import { rankStoredPostings, type StoredPosting } from './rank-postings';

/**
 * Where one lookup's time went (ms), and what it read: filled in when the caller passes
 * one (the speed benchmark's per-phase figures); nothing is measured otherwise.
 */
export interface LookupTimings {
  /** The head record read (one request). */
  head: number;
  /** The key statistics: from memory when current, else one request. */
  stats: number;
  /** Choosing the keys to read. */
  plan: number;
  /** The posting records read (all requests in flight at once). */
  postings: number;
  /** Ranking the originals on the stored lists. */
  rank: number;
  /** The shortlisted originals' records read. */
  records: number;
  /** Their fingerprints decoded. */
  decode: number;
  /** Posting records wanted, and how many of them were read from the database. */
  postingRecords: number;
  postingReads: number;
  /** Posting entries ranked. */
  postingEntries: number;
  /** Candidates, and how many of them were read from the database. */
  candidates: number;
  candidateReads: number;
  /** 1 when the ranking rested on the last lookup's head (`Ranked.unconfirmed`). */
  lastHead: number;
}

export function emptyTimings(): LookupTimings {
  return { head: 0, stats: 0, plan: 0, postings: 0, rank: 0, records: 0, decode: 0, postingRecords: 0, postingReads: 0, postingEntries: 0, candidates: 0, candidateReads: 0, lastHead: 0 };
}

/** Adds the time since the last lap to `timings[phase]` (no-op without timings). */
export function stopwatch(timings: LookupTimings | undefined) {
  let t = timings ? performance.now() : 0;
  return (phase: 'head' | 'stats' | 'plan' | 'postings' | 'rank' | 'records' | 'decode') => {
    if (!timings) return;
    const now = performance.now();
    timings[phase] += now - t;
    t = now;
  };
}

/** What `rankedSeqs` ranked, and under which state of the index. */
export interface Ranked {
  /** The seqs of the originals worth comparing with the page, best first. */
  seqs: number[];
  /** The index head's stamp they were ranked under (what lookups may cache by). */
  stamp: number | undefined;
  /**
   * Set when the ranking rested on what an earlier lookup read (the head, the statistics,
   * every posting list from the cache) instead of waiting for this transaction's head:
   * that head, requested first, arriving with the caller's own reads. The caller trusts
   * nothing it read until this head's stamp is `stamp` (no write since); if it is not,
   * it looks the page up again with `speculate` off.
   */
  unconfirmed?: Promise<RetrievalHead>;
  /** The head read and waited for (when not `unconfirmed`): the next lookup's `believed`. */
  head?: RetrievalHead;
}

/**
 * The seqs of the originals worth comparing with `page`, best first, at most `max`; and
 * the index head's stamp they were ranked under.
 */
export async function rankedSeqs(
  postings: Pick<PostingsStore, 'get'>,
  retrieval: Pick<RetrievalStore, 'get'>,
  page: PageFingerprint,
  max = MAX_CANDIDATES,
  timings?: LookupTimings,
  /**
   * The head the last lookup of this database read: ranked on without waiting for this
   * transaction's when everything else is in memory too (see `Ranked.unconfirmed`).
   */
  believed: RetrievalHead | null = null,
): Promise<Ranked> {
  const lap = stopwatch(timings);
  const keys = lookupKeys(page);
  if (keys.length === 0 || max <= 0) return { seqs: [], stamp: undefined };
  // With the statistics of an earlier lookup at hand (the same worker, or prepareLookups),
  // the posting lists are requested together with the head: one round trip to the
  // database instead of two, each exposed to the database's and the system's delays. The
  // head then says whether the guess held: the same statistics, and cached lists read
  // under its stamp. After a write it did not, and the lists are read again.
  const known = lastStats();
  const guessStamp = postingCacheStamp();
  let guess: Promise<Map<number, Uint8Array>> | null = null;
  if (known) {
    const frequency = (k: number) => known.stats.frequencies.get(k);
    const plan = planLookup(keys, frequency);
    lap('plan');
    // Every list wanted is in the cache, under the stamp of the head the last lookup read:
    // nothing to wait for before ranking. The head is still requested — first, so it
    // comes back with the candidates' records, in the same round trip — and the caller
    // checks it before trusting anything: a write from any context (the options page's
    // import, a deletion, a migration, a clear) draws a new stamp.
    if (
      plan.length && believed && guessStamp !== undefined && believed.stamp === guessStamp &&
      believed.digest === known.digest && believed.originals > 0 && postingsCached(plan, frequency, guessStamp)
    ) {
      const unconfirmed = readHead(retrieval);
      unconfirmed.catch(() => undefined); // awaited by the caller
      if (timings) timings.lastHead++;
      const found = await readPostings(postings, plan, frequency, { stamp: guessStamp }, timings);
      lap('postings');
      const seqs = rank(found, known.stats, believed.originals, max, timings);
      lap('rank');
      return { seqs, stamp: guessStamp, unconfirmed };
    }
    guess = plan.length ? readPostings(postings, plan, frequency, guessStamp === undefined ? undefined : { stamp: guessStamp }, timings) : Promise.resolve(new Map());
    guess.catch(() => undefined); // awaited below, unless the guess is dropped
  }
  const head = await readHead(retrieval);
  lap('head');
  const none = { seqs: [], stamp: head.stamp, head };
  if (head.originals <= 0) return none;
  let stats: RetrievalStats;
  let found: Map<number, Uint8Array>;
  // Every list read in this transaction is as current as the head (a read-only
  // transaction sees one state of the store); only cached ones must be of its stamp.
  if (guess && known!.digest === head.digest && (guessStamp === undefined || guessStamp === head.stamp)) {
    stats = known!.stats;
    found = await guess;
    if (guessStamp === undefined && head.stamp !== undefined) adoptPostingStamp(head);
    lap('postings');
  } else {
    stats = await readStats(retrieval, head);
    lap('stats');
    const plan = planLookup(keys, (k) => stats.frequencies.get(k));
    lap('plan');
    if (plan.length === 0) return none;
    found = await readPostings(postings, plan, (k) => stats.frequencies.get(k), head, timings);
    lap('postings');
  }
  const seqs = rank(found, stats, head.originals, max, timings);
  lap('rank');
  return { seqs, stamp: head.stamp, head };
}

/** The engine's rankCandidates, computed on the stored lists as they are (rank-postings.ts). */
function rank(found: Map<number, Uint8Array>, stats: RetrievalStats, originals: number, max: number, timings?: LookupTimings): number[] {
  const { keyCounts } = stats;
  const lists: StoredPosting[] = [];
  for (const [key, bytes] of found) lists.push({ key, bytes });
  const seqs = rankStoredPostings(lists, originals, max, (seq) => keyCounts[seq] || 1);
  if (timings) for (const l of lists) timings.postingEntries += postingLength(l.bytes);
  return seqs;
}
