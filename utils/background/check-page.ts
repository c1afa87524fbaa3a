/**
 * The verdict for one page, from its extraction and the store. The address comes first:
 * a page at a registered original's URL *is* that original, even when the browser has
 * translated it in place (Chrome's page translation keeps the URL); a page at a known
 * translation's URL is that translation. Otherwise the content decides, over the few
 * originals that share the most retrieval keys with the page.
 *
 * The reader's decisions weigh in: an original the reader said this page is not a copy of
 * is left out (at its address and by content alike), and the score a match must reach is
 * the reader's sensitivity (`threshold`).
 */
import { compare, primaryLang, type Match } from '@/utils/engine';
import type { Db } from '@/utils/store/db';
import { candidatesFor, getOriginal, infoOf, originalByUrl } from '@/utils/store/originals';
import { translationsAt } from '@/utils/store/translations';
import { dismissedAt } from '@/utils/store/dismissals';
import { decideAt } from './decide-at';
import { mark } from './timeline';
import type { PageExtraction } from '@/utils/extraction';
import type { OriginalInfo, TabVerdict } from '@/utils/verdict';

/** The page's language as the reader sees it: declared first, else detected. */
export function pageLanguage(page: PageExtraction): string | null {
  const l = primaryLang(page.pageLang) ?? primaryLang(page.detectedLang);
  return l && l !== 'und' ? l : null;
}

function withMatch(base: Omit<TabVerdict, 'score' | 'evidence'>, match: Match | null): TabVerdict {
  if (!match) return base;
  // A score that is not a number says nothing: leave it out rather than show "NaN".
  return Number.isFinite(match.score) ? { ...base, score: match.score, evidence: match.evidence } : { ...base, evidence: match.evidence };
}

export interface JudgeOptions {
  /** The score a match must reach; the engine's own threshold by default. */
  threshold?: number;
}

/** The originals a page was dismissed for, as the popup names them (deleted ones left out). */
async function dismissedInfo(db: Db, ids: Set<string>): Promise<OriginalInfo[]> {
  const found = await Promise.all([...ids].map((id) => db.get('originals', id)));
  return found.filter((r) => r !== undefined).map(infoOf);
}

export async function judgePage(db: Db, page: PageExtraction, now = Date.now(), opts: JudgeOptions = {}): Promise<TabVerdict> {
  const fp = page.fingerprint;
  // Every read the verdict may rest on is started at once, not one after the other: each
  // is a round trip to the database (a dearly paid one in a worker just started). The
  // content lookup is wasted only on the rare page found at a known address, and its
  // failure matters only when the verdict rests on it.
  const byContent = candidatesFor(db, fp);
  byContent.catch(() => undefined);
  const [dismissedIds, atAddress, known] = await Promise.all([dismissedAt(db, page.url), originalByUrl(db, page.url), translationsAt(db, page.url)]);
  const dismissed = dismissedIds.size ? await dismissedInfo(db, dismissedIds) : [];
  const base = { url: page.url, pageLang: pageLanguage(page), checkedAt: now, ...(dismissed.length ? { dismissed } : {}) };

  if (atAddress) {
    const match = compare(fp, { id: atAddress.id, lang: atAddress.lang, fingerprint: atAddress.fingerprint });
    return withMatch({ ...base, state: 'original', original: infoOf(atAddress), basis: 'address' }, match);
  }
  for (const translation of known) {
    if (dismissedIds.has(translation.originalId)) continue;
    const original = await getOriginal(db, translation.originalId);
    if (!original) continue;
    const match = compare(fp, { id: original.id, lang: original.lang, fingerprint: original.fingerprint });
    const confirmed = { confirmed: true, note: translation.note };
    return withMatch({ ...base, state: 'translation', original: infoOf(original), basis: 'address', ...confirmed }, match);
  }

  const candidates = (await byContent).filter((c) => !dismissedIds.has(c.id));
  mark('candidates');
  const verdict = decideAt(fp, candidates, opts.threshold);
  mark('decided');
  if (verdict.kind === 'none') return { ...base, state: 'none', basis: 'content' };
  const info: OriginalInfo | undefined = candidates.find((c) => c.id === verdict.match.id)?.info;
  if (!info) return { ...base, state: 'none', basis: 'content' };
  return withMatch({ ...base, state: verdict.kind, original: info, basis: 'content' }, verdict.match);
}
