/**
 * A page's best-ranked originals, from the retrieval index (key-index.ts), in the
 * caller's readonly transaction: one request for the head, the frequencies only when
 * they changed since the last lookup, one request per posting record of the planned keys
 * (lookup-plan.ts; rare keys share bucket records) — all in flight at once — and the engine's `rankCandidates`, damped by each original's
 * key count from the statistics. Never a scan: the cost follows the page's
 * rarest keys, not the number of originals.
 */
import { lookupKeys, MAX_CANDIDATES, rankCandidates, type PageFingerprint, type Posting } from '@/utils/engine';
import { readHead, readPostings, readStats, type PostingsStore, type RetrievalStore } from './key-index';
import { planLookup } from './lookup-plan';
import { decodePosting } from './postings';

/** The seqs of the originals worth comparing with `page`, best first, at most `max`. */
export async function rankedSeqs(
  postings: Pick<PostingsStore, 'get'>,
  retrieval: Pick<RetrievalStore, 'get'>,
  page: PageFingerprint,
  max = MAX_CANDIDATES,
): Promise<number[]> {
  const keys = lookupKeys(page);
  if (keys.length === 0 || max <= 0) return [];
  const head = await readHead(retrieval);
  if (head.originals <= 0) return [];
  const { frequencies, keyCounts } = await readStats(retrieval, head);
  const plan = planLookup(keys, (k) => frequencies.get(k));
  if (plan.length === 0) return [];
  const found = await readPostings(postings, plan, (k) => frequencies.get(k));
  const lists: Posting<number>[] = [];
  for (const [key, bytes] of found) lists.push({ key, ids: decodePosting(bytes) });
  return rankCandidates(lists, head.originals, max, (seq) => keyCounts[seq] || 1);
}
