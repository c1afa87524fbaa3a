/** Language names in the reader's own language: "it" → "Italian" / "italien" / "italiano". */

export type LanguageName = (code: string | null | undefined) => string | null;

export function languageNames(uiLang: string): LanguageName {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([uiLang, 'en'], { type: 'language', fallback: 'none' });
  } catch {
    names = null;
  }
  return (code) => {
    if (!code || code === 'und') return null;
    try {
      return names?.of(code) ?? null;
    } catch {
      return null;
    }
  };
}
