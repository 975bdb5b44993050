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

function comparable(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
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
