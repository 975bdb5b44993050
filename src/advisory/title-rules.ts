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
import { comparableText, countriesNamedIn, holdsName } from './country-names.js';
import type { Advisory } from './types.js';

/** Each published language's title and the field it is written in. */
function titles(a: Advisory, languages: readonly string[]): Array<{ lang: string; field: string; title: string; words: string }> {
  return languages.flatMap((lang, i) => {
    const title = i === 0 ? a.title : a.translations[lang]?.title;
    return title === undefined ? [] : [{ lang, field: i === 0 ? 'title' : `translations.${lang}.title`, title, words: comparableText(title) }];
  });
}

export const titleNamesItsLevel: Rule = (a, ctx, { languages, levelNames }) => {
  if (!levelNames) return;
  for (const { lang, field, title, words } of titles(a, languages)) {
    const names = levelNames[lang];
    const own = names?.[a.level - 1];
    if (!names || own === undefined || holdsName(words, own)) continue;
    const other = names.findIndex((name) => holdsName(words, name));
    if (other < 0) continue;
    ctx.report(
      'warning',
      ctx.at(field),
      field,
      `${field} "${title}" names level ${other + 1} (${names[other]}), but level is ${a.level} (${own}); write the title for the new level, or check the level`,
      'title-level',
    );
  }
};

export const titleNamesItsCountry: Rule = (a, ctx, { languages }) => {
  for (const { lang, field, title, words } of titles(a, languages)) {
    const named = countriesNamedIn(words, lang);
    if (named.size === 0 || named.has(a.code) || holdsName(words, a.country)) continue;
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
