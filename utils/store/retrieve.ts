/**
 * A page's best-ranked originals, from the retrieval index (key-index.ts), in the
 * caller's readonly transaction: one request for the head, the frequencies only when
 * they changed since the last lookup, one request per posting record of the planned keys
 * (lookup-plan.ts; rare keys share bucket records) — all in flight at once — and the
 * engine's ranking (`rankCandidates`, computed on the stored lists: rank-postings.ts),
 * damped by each original's key count from the statistics. Never a scan: the cost
 * follows the page's rarest keys, not the number of originals.
 */
import { lookupKeys, MAX_CANDIDATES, type PageFingerprint } from '@/utils/engine';
import { readHead, readPostings, readStats, type PostingsStore, type RetrievalStore } from './key-index';
import { planLookup } from './lookup-plan';
import { rankStoredPostings, type StoredPosting } from './rank-postings';

/**
 * The seqs of the originals worth comparing with `page`, best first, at most `max`; and
 * the index head's stamp they were ranked under (what lookups may cache by).
 */
export async function rankedSeqs(
  postings: Pick<PostingsStore, 'get'>,
  retrieval: Pick<RetrievalStore, 'get'>,
  page: PageFingerprint,
  max = MAX_CANDIDATES,
): Promise<{ seqs: number[]; stamp: number | undefined }> {
  const keys = lookupKeys(page);
  if (keys.length === 0 || max <= 0) return { seqs: [], stamp: undefined };
  const head = await readHead(retrieval);
  const none = { seqs: [], stamp: head.stamp };
  if (head.originals <= 0) return none;
  const { frequencies, keyCounts } = await readStats(retrieval, head);
  const plan = planLookup(keys, (k) => frequencies.get(k));
  if (plan.length === 0) return none;
  const found = await readPostings(postings, plan, (k) => frequencies.get(k), head);
  const lists: StoredPosting[] = [];
  for (const [key, bytes] of found) lists.push({ key, bytes });
  // The engine's rankCandidates, computed on the stored lists as they are (rank-postings.ts).
  return { seqs: rankStoredPostings(lists, head.originals, max, (seq) => keyCounts[seq] || 1), stamp: head.stamp };
}
