import type { Translate } from '@/utils/ui/i18n';
import type { OriginalInfo } from '@/utils/verdict';

export interface OriginalSourceProps {
  original: OriginalInfo;
  t: Translate;
}

/** Where the original comes from: publisher, date, and a link to read it. */
export function OriginalSource({ original, t }: OriginalSourceProps) {
  const facts = [original.publisher && t('originalPublished', original.publisher), original.date?.slice(0, 10)].filter(Boolean);
  if (!facts.length && !original.url) return null;
  return (
    <p class="source">
      {facts.length > 0 && <span>{facts.join(' · ')}</span>}
      {original.url && (
        <a class="source__link" href={original.url} target="_blank" rel="noopener noreferrer">
          {t('originalLink')}
        </a>
      )}
    </p>
  );
}
