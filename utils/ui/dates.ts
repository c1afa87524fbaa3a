/** Dates as the reader writes them: "2 May 2024" in English, "2 mai 2024" in French. */
export interface DateFormatters {
  /** A calendar day from an ISO date ("2024-05-02") or a date-time; the text itself if unreadable. */
  day: (iso: string | null | undefined) => string;
  /** A moment (ms since the epoch), with the time. */
  moment: (ms: number | null | undefined) => string;
}

export function dateFormatters(uiLang: string): DateFormatters {
  const make = (o: Intl.DateTimeFormatOptions) => {
    try {
      return new Intl.DateTimeFormat(uiLang, o);
    } catch {
      return new Intl.DateTimeFormat('en', o);
    }
  };
  // A bare day is a calendar date, not a moment: shown as written, whatever the time zone.
  const dayFmt = make({ dateStyle: 'medium', timeZone: 'UTC' });
  const momentFmt = make({ dateStyle: 'medium', timeStyle: 'short' });
  return {
    day: (iso) => {
      if (!iso) return '';
      const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
      return Number.isFinite(ms) ? dayFmt.format(ms) : iso;
    },
    moment: (ms) => (typeof ms === 'number' && Number.isFinite(ms) ? momentFmt.format(ms) : ''),
  };
}
