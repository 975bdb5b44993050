/**
 * Whose name an advisory's `country` is. A copy-paste slip (`country: France`
 * left in a file with `code: ML`) would publish one country's name on
 * another's page, feed entry and alert. Names differ too much between style
 * guides and ICU versions to require one spelling ("Türkiye" or "Turkey"), so
 * only the clear case is caught: `country` is exactly another code's name.
 */
import { ISO_3166_1_ALPHA_2 } from './iso3166.js';

/** Per language: a country's name, compared without case, accents or punctuation, to its code. */
const namesByLanguage = new Map<string, Map<string, string>>();

/** A name as compared with others: without case, accents (Latin, Greek, Cyrillic) or punctuation. */
export function comparable(name: string): string {
  return name
    .normalize('NFD')
    // Latin, Greek and Cyrillic accents only: in Indic scripts the marks are vowels, and without them different words meet.
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

function countryNames(lang: string): Map<string, string> {
  let names = namesByLanguage.get(lang);
  if (!names) {
    names = new Map();
    const displayNames = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    for (const code of ISO_3166_1_ALPHA_2) {
      const name = displayNames.of(code);
      if (name) names.set(comparable(name), code);
    }
    namesByLanguage.set(lang, names);
  }
  return names;
}

/**
 * The code whose name `country` is, when that is not `code`: in the primary
 * language or in English. Null when `country` is `code`'s own name in either,
 * or no country's name.
 */
export function otherCountryNamed(country: string, code: string, primary: string): string | null {
  const key = comparable(country);
  const languages = [...new Set([primary, 'en'])];
  if (languages.some((lang) => countryNames(lang).get(key) === code)) return null;
  for (const lang of languages) {
    const owner = countryNames(lang).get(key);
    if (owner) return owner;
  }
  return null;
}

/** The code of the country `name` names in English (`Senegal`, `senegal`, `Côte d'Ivoire`), if any. */
export function countryNamed(name: string): string | null {
  return countryNames('en').get(comparable(name)) ?? null;
}

/** `text` made comparable as country names are, with a space at each end: whole names are found with `includes`. */
export function comparableText(text: string): string {
  return ` ${comparable(text)} `;
}

const comparableNames = new Map<string, string>();

/** Whether text made comparable holds `name` as whole words. Names are few (levels, a country), so each is folded once. */
export function holdsName(text: string, name: string): boolean {
  let wanted = comparableNames.get(name);
  if (wanted === undefined) {
    wanted = comparable(name);
    comparableNames.set(name, wanted);
  }
  return wanted !== '' && text.includes(` ${wanted} `);
}

/** Per language: the first words of country names, and the longest name in words, so that a lookup starts only where a name can. */
const startsByLanguage = new Map<string, { firstWords: Set<string>; longest: number }>();

function nameStarts(lang: string): { firstWords: Set<string>; longest: number } {
  let starts = startsByLanguage.get(lang);
  if (!starts) {
    const split = [...countryNames(lang).keys()].map((name) => name.split(' '));
    starts = { firstWords: new Set(split.map((words) => words[0]!)), longest: Math.max(...split.map((words) => words.length)) };
    startsByLanguage.set(lang, starts);
  }
  return starts;
}

/**
 * The codes of the countries whose names text made comparable holds as whole
 * words, in `lang` or English: "Do not travel to Mali" holds ML, "Nigeria"
 * does not hold NE (Niger). Runs of words that begin as some name begins are
 * looked up, rather than each of 250 names searched for.
 */
export function countriesNamedIn(text: string, lang: string): Set<string> {
  const words = text.trim().split(' ');
  const found = new Set<string>();
  for (const language of new Set([lang, 'en'])) {
    const names = countryNames(language);
    const { firstWords, longest } = nameStarts(language);
    for (let start = 0; start < words.length; start++) {
      if (!firstWords.has(words[start]!)) continue;
      let run = words[start]!;
      for (let end = start + 1; ; end++) {
        const code = names.get(run);
        if (code !== undefined) found.add(code);
        if (end >= words.length || end - start >= longest) break;
        run += ` ${words[end]}`;
      }
    }
  }
  return found;
}
