/**
 * Registering the page in a tab as a known original: the form is pre-filled from what the
 * extractor read (title, byline, site name, date, language), and what the reader submits
 * is stored with the page's fingerprint in its stored form — never the text.
 */
import { encodeFingerprint, toStored } from '@/utils/engine';
import type { PageExtraction } from '@/utils/extraction';
import { dayOf, type OriginalMeta } from '@/utils/original-meta';
import { canonicalUrl, originalId } from '@/utils/pack/id';
import { bylineName } from '@/utils/page/byline';
import type { Original } from '@/utils/store/originals';
import { pageLanguage } from './check-page';

/** The form's starting values for a page. */
export function draftOf(page: PageExtraction): OriginalMeta {
  return {
    title: page.title ?? page.fingerprint.title ?? '',
    author: bylineName(page.byline),
    publisher: page.siteName ?? null,
    url: canonicalUrl(page.url),
    date: dayOf(page.publishedTime),
    lang: pageLanguage(page),
  };
}

/**
 * The original to store: the reader's metadata, the page's fingerprint. Its id follows
 * the pack rules (from the address, else title and fingerprint), so the same article
 * registered by two readers gets the same id and their packs merge.
 */
export function originalFromPage(page: PageExtraction, meta: OriginalMeta): Original {
  const fingerprint = toStored(page.fingerprint);
  return {
    id: originalId({ url: meta.url, title: meta.title, fingerprint: encodeFingerprint(fingerprint) }),
    ...meta,
    lang: meta.lang ?? pageLanguage(page),
    fingerprint,
  };
}
