/**
 * When an advisory last changed in a language. A translation brought in line
 * after the advisory itself (a corrected French text, `translations.fr.updated`
 * after `updated`) is a change for its readers: the feed entry in that
 * language, and the alert that carries every language, must say so, or feed
 * readers and alerting networks keep the uncorrected text.
 */
import { compareInstants, later } from './dates.js';

interface Dated {
  updated: string;
  translations: Readonly<Record<string, { updated?: string } | undefined>>;
}

/**
 * When the advisory last changed in `lang` (the primary language: its `updated`), as written: a
 * date, or a date and time. Compared as moments, so a translation corrected at 16:00 is later than
 * an advisory updated at 14:30 the same day, and a date alone is that day's midnight UTC.
 */
export function updatedIn(advisory: Dated, lang: string, primary: string): string {
  const translated = lang === primary ? undefined : advisory.translations[lang]?.updated;
  return translated !== undefined && compareInstants(translated, advisory.updated) > 0 ? translated : advisory.updated;
}

/** When the advisory last changed in any of `languages` (primary first): the version of an alert carrying them all. */
export function updatedInAny(advisory: Dated, languages: readonly string[]): string {
  return languages.map((lang) => updatedIn(advisory, lang, languages[0]!)).reduce(later);
}
