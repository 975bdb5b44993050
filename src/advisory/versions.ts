/**
 * When an advisory last changed in a language. A translation brought in line
 * after the advisory itself (a corrected French text, `translations.fr.updated`
 * after `updated`) is a change for its readers: the feed entry in that
 * language, and the alert that carries every language, must say so, or feed
 * readers and alerting networks keep the uncorrected text.
 */
import { compareInstants, hasTime, later, utcDate, versionAfter } from './dates.js';

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

/**
 * What to do when a level changed and `updated` did not move past `previous` (the version already
 * out): the time of this change, which is always a new version. "Today's date" is no help when
 * `updated` already is today's date (a second change in one day).
 */
export function newVersionAdvice(updated: string, previous: string, now: Date): string {
  const { version, isNow } = versionAfter(previous, now);
  const advice = !hasTime(updated) && utcDate(updated) === version.slice(0, 10) ? 'add the time of this change' : 'set updated to the time of this change';
  return `${advice}, \`updated: ${version}\`${isNow ? ' (now, in UTC)' : ''}, so that this version gets an alert of its own, and add an entry to updates with that date`;
}
