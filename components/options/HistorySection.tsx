import { httpUrl } from '@/utils/page/address';
import type { HistoryRecord } from '@/utils/store/schema';
import type { DateFormatters } from '@/utils/ui/dates';
import type { Formatters } from '@/utils/ui/format';
import type { Translate } from '@/utils/ui/i18n';
import type { LanguageName } from '@/utils/ui/language-names';

export interface HistorySectionProps {
  history: HistoryRecord[] | null;
  onExport: (format: 'csv' | 'json') => void;
  t: Translate;
  fmt: Formatters;
  dates: DateFormatters;
  names: LanguageName;
}

const DECISION_KEYS = { confirmed: 'decisionConfirmed', dismissed: 'decisionDismissed' } as const;

/** Every page ever flagged, with what was decided; export as CSV or JSON. */
export function HistorySection({ history, onExport, t, fmt, dates, names }: HistorySectionProps) {
  return (
    <section id="history" class="section" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('historyHeading')}</h2>
      <div class="actions">
        <button type="button" class="button" onClick={() => onExport('csv')} disabled={!history?.length}>
          {t('exportCsv')}
        </button>
        <button type="button" class="button" onClick={() => onExport('json')} disabled={!history?.length}>
          {t('exportJson')}
        </button>
      </div>
      {history === null ? (
        <p class="muted">{t('loading')}</p>
      ) : history.length === 0 ? (
        <p class="muted">{t('historyEmpty')}</p>
      ) : (
        <div class="table-wrap" tabIndex={0} aria-labelledby="history-heading">
          <table class="history">
            <thead>
              <tr>
                <th scope="col">{t('colPage')}</th>
                <th scope="col">{t('colLanguage')}</th>
                <th scope="col">{t('colOriginal')}</th>
                <th scope="col">{t('colScore')}</th>
                <th scope="col">{t('colTime')}</th>
                <th scope="col">{t('colDecision')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => {
                const href = httpUrl(h.url);
                return (
                  <tr key={`${h.url}|${h.originalId}`}>
                    <td class="history__url">
                      {href ? (
                        <a href={href} target="_blank" rel="noopener noreferrer">
                          {h.url}
                        </a>
                      ) : (
                        h.url
                      )}
                    </td>
                    <td>{names(h.lang) ?? h.lang ?? ''}</td>
                    <td>{h.originalTitle}</td>
                    <td class="num">{h.score === null ? '' : fmt.score(h.score)}</td>
                    <td>{dates.moment(h.flaggedAt)}</td>
                    <td class={`decision decision--${h.decision ?? 'none'}`}>{t(h.decision ? DECISION_KEYS[h.decision] : 'decisionNone')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
