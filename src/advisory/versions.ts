/**
 * When an advisory last changed in a language. A translation brought in line
 * after the advisory itself (a corrected French text, `translations.fr.updated`
 * after `updated`) is a change for its readers: the feed entry in that
 * language, and the alert that carries every language, must say so, or feed
 * readers and alerting networks keep the uncorrected text.
 */
interface Dated {
  updated: string;
  translations: Readonly<Record<string, { updated?: string } | undefined>>;
}

/** The date the advisory last changed in `lang` (the primary language: its `updated`). */
export function updatedIn(advisory: Dated, lang: string, primary: string): string {
  const translated = lang === primary ? undefined : advisory.translations[lang]?.updated;
  return translated !== undefined && translated > advisory.updated ? translated : advisory.updated;
}

/** The date the advisory last changed in any of `languages` (primary first): the version of an alert carrying them all. */
export function updatedInAny(advisory: Dated, languages: readonly string[]): string {
  return languages.map((lang) => updatedIn(advisory, lang, languages[0]!)).reduce((a, b) => (b > a ? b : a));
}
