/**
 * Whose name an advisory's `country` is. A copy-paste slip (`country: France`
 * left in a file with `code: ML`) would publish one country's name on
 * another's page, feed entry and alert. Names differ too much between style
 * guides and ICU versions to require one spelling ("Türkiye" or "Turkey"), so
 * only the clear case is caught: `country` is exactly another code's name.
 */
import { ISO_3166_1_ALPHA_2 } from './iso3166.js';

/** A bracketed part of ICU's name that is another name for the country: one word of four letters or more (not "САР", "金"). */
const ALSO_KNOWN_AS = /^[\p{L}\p{M}]{4,}$/u;

/** Per language: a country's name, compared without case, accents or punctuation, to its code. */
const namesByLanguage = new Map<string, Map<string, string>>();

/** A name as compared with others: without case, accents (Latin, Greek, Cyrillic), the Devanagari nukta or punctuation. */
export function comparable(name: string): string {
  return name
    .normalize('NFD')
    // Latin, Greek and Cyrillic accents only: in Indic scripts the marks are vowels, and without them different words meet.
    // Devanagari's nukta (U+093C) is the exception: a dot for sounds of loanwords that writers often leave out ("फ्रांस", "फ़्रांस").
    .replace(/[\u0300-\u036f\u093c]/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

/** Whether `lang` is `base` or a variant of it (`en-GB`). */
const isLanguage = (lang: string, base: string) => lang.split('-')[0] === base;

/**
 * Names in common English use that ICU's are not ("Burma" is only inside "Myanmar (Burma)",
 * "Turkey" is "Türkiye"): an officer's title or `country` uses them, and a title naming its own
 * country so beside a neighbour must not read as a copied file. Only names that cannot be an
 * ordinary word ("US" is one: "contact us").
 */
const ENGLISH_OTHER_NAMES: Readonly<Record<string, string>> = {
  Burma: 'MM',
  'Democratic Republic of the Congo': 'CD',
  'DR Congo': 'CD',
  DRC: 'CD',
  'Republic of the Congo': 'CG',
  Turkey: 'TR',
  UAE: 'AE',
  UK: 'GB',
  Britain: 'GB',
  'Great Britain': 'GB',
  USA: 'US',
  'United States of America': 'US',
  'Ivory Coast': 'CI',
  'Czech Republic': 'CZ',
  Swaziland: 'SZ',
  'East Timor': 'TL',
  'Cabo Verde': 'CV',
  Vatican: 'VA',
  'Holy See': 'VA',
  Palestine: 'PS',
  'Russian Federation': 'RU',
  'Viet Nam': 'VN',
  'Syrian Arab Republic': 'SY',
  'Brunei Darussalam': 'BN',
};

/**
 * Other ways to write ICU's name: without its bracketed part ("Myanmar (Burma)", "Myanmar
 * (Birmanie)": Myanmar), the bracketed part alone where it is one word, the name the country is
 * also known by ("Birmanie", "Birmania", "बर्मा", "بورما"; not "(partie néerlandaise)" or "(САР)"),
 * and in English with "and" and "Saint" written out ("Bosnia & Herzegovina", "St. Lucia").
 */
function spellings(name: string, lang: string): string[] {
  const found = [name.replace(/\s*[(（][^)）]*[)）]\s*/gu, ' ').trim()];
  for (const [, inner] of name.matchAll(/[(（]([^)）]*)[)）]/gu)) if (ALSO_KNOWN_AS.test(inner!)) found.push(inner!);
  if (isLanguage(lang, 'en')) found.push(name.replace(/ & /g, ' and ').replace(/\bSt\. /g, 'Saint '));
  return found.filter((n) => n !== name && n !== '');
}

function countryNames(lang: string): Map<string, string> {
  let names = namesByLanguage.get(lang);
  if (!names) {
    names = new Map();
    const displayNames = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    const icu = ISO_3166_1_ALPHA_2.flatMap((code) => {
      const name = displayNames.of(code);
      return name ? [{ code, name }] : [];
    });
    for (const { code, name } of icu) names.set(comparable(name), code);
    // Other spellings after every ICU name, and never in place of one; one two countries would share ("刚果" for both Congos) names neither.
    const others = new Map<string, string | null>();
    const offer = (name: string, code: string) => {
      const key = comparable(name);
      if (key !== '' && !names!.has(key)) others.set(key, others.has(key) && others.get(key) !== code ? null : code);
    };
    for (const { code, name } of icu) for (const other of spellings(name, lang)) offer(other, code);
    if (isLanguage(lang, 'en')) for (const [name, code] of Object.entries(ENGLISH_OTHER_NAMES)) offer(name, code);
    for (const [key, code] of others) if (code !== null) names.set(key, code);
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

/** Per language: the first words of country names, and the longest name in words, so that a lookup starts only where a name can. */
const startsByLanguage = new Map<string, { firstWords: Set<string>; longest: number }>();

function startsOf(names: Iterable<string>): { firstWords: Set<string>; longest: number } {
  const split = [...names].map((name) => name.split(' '));
  return { firstWords: new Set(split.map((words) => words[0]!)), longest: Math.max(0, ...split.map((words) => words.length)) };
}

function nameStarts(lang: string): { firstWords: Set<string>; longest: number } {
  let starts = startsByLanguage.get(lang);
  if (!starts) {
    starts = startsOf(countryNames(lang).keys());
    startsByLanguage.set(lang, starts);
  }
  return starts;
}

/**
 * The forms a word of Arabic text may have a name in: the word, and the word without the
 * conjunction (و، ف) and preposition (ب، ل، ك) written joined to the next word: "ولبنان" (and
 * Lebanon), "بلبنان" (in Lebanon), "للسودان" (for Sudan, where ل + السودان drops the article's alef).
 */
function arabicForms(word: string): string[] {
  const forms = [word];
  const conjunctionless = /^[وف]./u.test(word) ? [word, word.slice(1)] : [word];
  for (const w of conjunctionless) {
    if (w !== word) forms.push(w);
    if (/^[بلك]./u.test(w)) forms.push(w.slice(1));
    if (w.startsWith('لل')) forms.push(`ا${w.slice(1)}`);
  }
  return forms;
}

/**
 * Places a text names besides the countries of `lang` and English: `names`, made comparable, to the
 * code of the country each names, or to '' for a place that is no country (a region of the advisory's own).
 */
export type PlaceNames = ReadonlyMap<string, string>;

/**
 * The codes of the countries whose names text made comparable holds as whole
 * words, in `lang` or English: "Do not travel to Mali" holds ML, "Nigeria"
 * does not hold NE (Niger). A name inside a longer one is part of it, not a
 * country of its own: "Guinea-Bissau" names GW and not GN, "South Sudan" SS
 * and not SD; so is a name that `places` gives a place ("Niger", a state of
 * Nigeria). Runs of words that begin as some name begins are looked up,
 * rather than each of 250 names searched for.
 */
export function countriesNamedIn(text: string, lang: string, places: PlaceNames = new Map()): Set<string> {
  const words = text.trim().split(' ');
  const found: Array<{ code: string; start: number; end: number }> = [];
  const lookups = [...new Set([lang, 'en'])].map((language) => ({ names: countryNames(language) as PlaceNames, ...nameStarts(language) }));
  if (places.size > 0) lookups.push({ names: places, ...startsOf(places.keys()) });
  for (const { names, firstWords, longest } of lookups) {
    for (let start = 0; start < words.length; start++) {
      const forms = isLanguage(lang, 'ar') ? arabicForms(words[start]!) : [words[start]!];
      for (const form of forms) {
        if (!firstWords.has(form)) continue;
        let run = form;
        for (let end = start + 1; ; end++) {
          const code = names.get(run);
          if (code !== undefined) found.push({ code, start, end });
          if (end >= words.length || end - start >= longest) break;
          run += ` ${words[end]}`;
        }
      }
    }
  }
  // Inside a longer name, or where a place of `places` is named by the same words, a name names no country of its own.
  const within = (n: (typeof found)[number]) =>
    found.some((o) => o !== n && o.start <= n.start && n.end <= o.end && (o.end - o.start > n.end - n.start || (o.code === '' && n.code !== '')));
  return new Set(found.filter((n) => n.code !== '' && !within(n)).map((n) => n.code));
}
