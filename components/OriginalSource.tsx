import { httpUrl } from '@/utils/page/address';
import type { Translate } from '@/utils/ui/i18n';
import type { OriginalInfo } from '@/utils/verdict';

export interface OriginalSourceProps {
  original: OriginalInfo;
  t: Translate;
}

/** Where the original comes from: publisher, date, and a link to read it. */
export function OriginalSource({ original, t }: OriginalSourceProps) {
  const facts = [original.publisher && t('originalPublished', original.publisher), original.date?.slice(0, 10)].filter(Boolean);
  // Packs only admit http(s) addresses, but the record may come from anywhere (an old
  // store, a future pack format): never render a javascript:, data: or file: link.
  const href = httpUrl(original.url);
  if (!facts.length && !href) return null;
  return (
    <p class="source">
      {facts.length > 0 && <span>{facts.join(' · ')}</span>}
      {href && (
        <a class="source__link" href={href} target="_blank" rel="noopener noreferrer">
          {t('originalLink')}
        </a>
      )}
    </p>
  );
}
