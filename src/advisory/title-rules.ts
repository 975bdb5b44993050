/**
 * Titles that contradict the advisory they head. Readers of feeds, alerts and
 * index pages see the title first, often alone. Two slips put a wrong one
 * there: raising the level in a hurry and leaving the title written for the
 * old one ("Exercise increased caution in France" over "Level 4 of 4: Do Not
 * Travel"), and copying one country's advisory to start another's
 * ("Do not travel to Mali" published for Senegal). Both are warnings: a title
 * may name another level or country on purpose, and it is read in full.
 */
import type { Rule } from './rules.js';
import { comparable, comparableText, countriesNamedIn, type PlaceNames } from './country-names.js';
import { subdivisionNames, subdivisionsOf } from './subdivisions.js';
import type { Advisory } from './types.js';
import { memoize } from '../memo.js';

/** Each published language's title (or summary) and the field it is written in. */
function texts(a: Advisory, languages: readonly string[], key: 'title' | 'summary' = 'title'): Array<{ lang: string; field: string; title: string; words: string }> {
  return languages.flatMap((lang, i) => {
    const title = i === 0 ? a[key] : a.translations[lang]?.[key];
    return title === undefined ? [] : [{ lang, field: i === 0 ? key : `translations.${lang}.${key}`, title, words: comparableText(title) }];
  });
}

/**
 * How one language names the levels in a title: per level, 1 to 4, its name as
 * bulletins print it, then the phrases a title says it with besides (label
 * catalogues' `title_phrases`); and the word a level's number follows ("Level").
 */
export interface LevelWording {
  label: string;
  levels: ReadonlyArray<readonly [string, ...string[]]>;
  /** Phrases that hold a level's words and name no level ("do not travel at night"): catalogues' `not_level_phrases`. */
  notLevels?: readonly string[];
}

/** Where a title names a level: the words (as `comparableText` writes them) from `start` to `end`. */
interface Naming {
  level: number;
  words: string;
  start: number;
  end: number;
}

/** A level's number after the level label ("Level 2", "Niveau 4 sur 4"), in the digits a title may use. */
const DIGIT_ZEROS = [0x30, 0x660, 0x6f0, 0x966];
const LEVEL_DIGIT = '([1-4\u0661-\u0664\u06f1-\u06f4\u0967-\u096a])';
function digitValue(digit: string): number {
  const code = digit.codePointAt(0)!;
  return code - DIGIT_ZEROS.find((zero) => code > zero && code - zero <= 9)!;
}

/** Each place `phrase` stands in `text` as whole words (both made comparable, `text` with a space at each end). */
function occurrences(text: string, phrase: string): number[] {
  const wanted = ` ${phrase} `;
  const found: number[] = [];
  if (phrase === '') return found;
  for (let at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) found.push(at);
  return found;
}

/**
 * Level phrases and labels come from the label catalogues: a few dozen, asked
 * for with every title of every advisory, so each is made comparable once.
 */
const comparablePhrase = memoize(1000, (text: string) => comparableText(text).trim());

/** The pattern of a level's number after the label (`label` made comparable), built once per label. */
const levelNumberAfter = memoize(100, (label: string) => new RegExp(` ${label} ${LEVEL_DIGIT}(?= )`, 'gu'));

/**
 * The levels `text` names, by a name, a phrase or a number, in the order they stand.
 * A phrase inside a longer one of another level is part of it: "Éviter tout voyage"
 * (level 4) in "Éviter tout voyage non essentiel" (level 3) names level 3 alone; and
 * inside a phrase that names no level (level 0 here), it names none: "do not travel
 * at night" is advice in an advisory of any level.
 */
function levelsNamed(text: string, wording: LevelWording): Naming[] {
  const found: Naming[] = [];
  [wording.notLevels ?? [], ...wording.levels].forEach((phrases, level) => {
    for (const phrase of phrases) {
      const words = comparablePhrase(phrase);
      for (const start of occurrences(text, words)) found.push({ level, words, start, end: start + words.length + 1 });
    }
  });
  // Comparable text is letters, marks, digits and single spaces: nothing a pattern would read as syntax.
  const label = comparablePhrase(wording.label);
  if (label !== '') {
    // matchAll works on a copy of the pattern: sharing one between calls is safe.
    for (const m of text.matchAll(levelNumberAfter(label))) {
      found.push({ level: digitValue(m[1]!), words: m[0].trim(), start: m.index, end: m.index + m[0].length });
    }
  }
  const inLonger = (n: Naming) => found.some((o) => o.level !== n.level && o.start <= n.start && n.end <= o.end && o.end - o.start > n.end - n.start);
  return found.filter((n) => n.level > 0 && !inLonger(n)).sort((x, y) => x.start - y.start);
}

/**
 * Whether `text` names level `own` with the words it shares with another level it
 * names left out, as a title naming two levels does: "exercise normal precautions
 * in Lima, increased caution elsewhere" names level 2 (Exercise Increased Caution)
 * by the words that set it apart from level 1 (Exercise Normal Precautions).
 */
function namesWithSharedWordsLeftOut(text: string, own: readonly string[], others: readonly Naming[]): boolean {
  return others.some((other) => {
    const shared = new Set(other.words.split(' '));
    return own.some((phrase) => occurrences(text, comparablePhrase(phrase).split(' ').filter((word) => !shared.has(word)).join(' ')).length > 0);
  });
}

/**
 * The first level `words` names that contradicts level `own` of the advisory: one it names while
 * not naming its own, and (`besides`) none of the regions' levels, which a summary may name
 * ("do not travel to Kidal" in a level-2 advisory with Kidal at 4).
 */
function contradictingLevel(words: string, level: number, wording: LevelWording, besides: ReadonlySet<number> = new Set()): number | undefined {
  const own = wording.levels[level - 1];
  if (own === undefined) return undefined;
  const named = levelsNamed(words, wording);
  const others = named.filter((n) => n.level !== level);
  if (others.length === 0 || others.length < named.length) return undefined; // none, or its own among them
  if (others.some((n) => besides.has(n.level))) return undefined;
  if (namesWithSharedWordsLeftOut(words, own, others)) return undefined;
  return others[0]!.level;
}

export const titleNamesItsLevel: Rule = (a, ctx, { languages, levelWording }) => {
  if (!levelWording) return;
  for (const { lang, field, title, words } of texts(a, languages)) {
    const wording = levelWording[lang];
    const other = wording && contradictingLevel(words, a.level, wording);
    if (!wording || other === undefined) continue;
    ctx.report(
      'warning',
      ctx.at(field),
      field,
      `${field} "${title}" names level ${other} (${wording.levels[other - 1]![0]}), but level is ${a.level} (${wording.levels[a.level - 1]![0]}); write the title for the new level, or check the level`,
      'title-level',
    );
  }
};

/**
 * The same slip in the summary, which readers of feeds, alerts and the index see next to the
 * level: "Exercise increased caution in Mali." left after raising it to 4. A summary speaks of
 * the regions too, so naming a region's level is not a contradiction.
 */
export const summaryNamesItsLevel: Rule = (a, ctx, { languages, levelWording }) => {
  if (!levelWording) return;
  const regionLevels = new Set(a.regions.map((r) => r.level));
  for (const { lang, field, title: summary, words } of texts(a, languages, 'summary')) {
    const wording = levelWording[lang];
    const other = wording && contradictingLevel(words, a.level, wording, regionLevels);
    if (!wording || other === undefined) continue;
    const quoted = summary.length > 60 ? `${summary.slice(0, 57).trimEnd()}...` : summary;
    ctx.report(
      'warning',
      ctx.at(field),
      field,
      `${field} "${quoted}" names level ${other} (${wording.levels[other - 1]![0]}), but level is ${a.level} (${wording.levels[a.level - 1]![0]}); write the summary for the new level, or check the level`,
      'summary-level',
    );
  }
};

/**
 * What a title may name besides countries: the advisory's own country as `country` writes it, and
 * its regions ("Avoid Niger State" in Nigeria's, "Georgia" in that of the United States), which are
 * no other country. Only asked for a title that seems to name another: the regions' table is large.
 */
function ownPlaces(a: Advisory): PlaceNames {
  const places = new Map<string, string>(subdivisionsOf(a.code).flatMap((s) => subdivisionNames(s).map((name): [string, string] => [name, ''])));
  const own = comparable(a.country);
  if (own !== '') places.set(own, a.code);
  return places;
}

export const titleNamesItsCountry: Rule = (a, ctx, { languages }) => {
  for (const { lang, field, title, words } of texts(a, languages)) {
    const seen = countriesNamedIn(words, lang);
    if (seen.size === 0 || seen.has(a.code)) continue;
    const named = countriesNamedIn(words, lang, ownPlaces(a));
    if (named.size === 0 || named.has(a.code)) continue;
    // Only on the way to a warning: a display-name table per language is not worth keeping.
    const display = new Intl.DisplayNames([lang], { type: 'region' });
    const others = [...named].sort().map((code) => `${display.of(code) ?? code} (${code})`).join(', ');
    ctx.report(
      'warning',
      ctx.at(field),
      field,
      `${field} "${title}" names ${others}, not ${a.country} (${a.code}); if this file was copied from another advisory, rewrite its text for ${a.country}`,
      'title-country',
    );
  }
};

/**
 * CAP 1.2 asks for a short headline, with 160 characters as a useful target: the CAP
 * headline is the title, and alerting networks (an SMS, a roadside sign) may show the
 * headline alone, cut at 160. A warning: a longer title is published in full everywhere else.
 */
const HEADLINE_TARGET = 160;

export const titleFitsHeadline: Rule = (a, ctx, { languages }) => {
  for (const { field, title } of texts(a, languages)) {
    // Characters as a reader counts them, not UTF-16 units: a Hindi or emoji title is not over-counted.
    const length = [...title].length;
    if (length <= HEADLINE_TARGET) continue;
    ctx.report(
      'warning',
      ctx.at(field),
      field,
      `${field} is ${length} characters long, over ${HEADLINE_TARGET}: it is the headline of the CAP alert, and alerting networks may show only its first ${HEADLINE_TARGET} characters (an SMS may show the headline alone); shorten it, and say the rest in the summary`,
      'title-length',
    );
  }
};
