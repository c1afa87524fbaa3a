import type { SiteStatus } from '@/utils/management';
import type { Translate } from '@/utils/ui/i18n';

export interface SiteControlsProps {
  site: SiteStatus;
  busy?: boolean;
  onPause: (paused: boolean) => void;
  onOpenOptions: () => void;
  t: Translate;
}

/** Pause or resume checking on this site, and the way to the options page. */
export function SiteControls({ site, busy, onPause, onOpenOptions, t }: SiteControlsProps) {
  return (
    <nav class="site-controls" aria-label={t('settingsHeading')}>
      {site.paused && site.host && <p class="site-controls__paused">{t('pausedNote', site.host)}</p>}
      <div class="actions">
        {site.host && (
          <button type="button" class="button button--quiet" aria-pressed={site.paused} disabled={busy} onClick={() => onPause(!site.paused)}>
            {site.paused ? t('resumeSite', site.host) : t('pauseSite', site.host)}
          </button>
        )}
        <button type="button" class="button button--quiet" onClick={onOpenOptions}>
          {t('openOptions')}
        </button>
      </div>
    </nav>
  );
}
