/** Numbers as the reader writes them: "0.97" in English, "0,97" in French. */
export interface Formatters {
  score: (x: number) => string;
  percent: (x: number) => string;
  count: (x: number) => string;
}

export function formatters(uiLang: string): Formatters {
  const make = (o: Intl.NumberFormatOptions) => {
    try {
      return new Intl.NumberFormat(uiLang, o);
    } catch {
      return new Intl.NumberFormat('en', o);
    }
  };
  const two = make({ minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const pct = make({ style: 'percent', maximumFractionDigits: 0 });
  const int = make({ maximumFractionDigits: 0 });
  // Scores are truncated, not rounded: 0.995 must not read as a certain "1.00".
  return { score: (x) => two.format(Math.trunc(x * 100) / 100), percent: (x) => pct.format(x), count: (x) => int.format(x) };
}
