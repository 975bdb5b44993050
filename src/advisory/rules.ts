/**
 * Rules that need more than one field: dates in order, regions that say
 * nothing, advisories without anyone to call, translations that drifted.
 * Each rule is a small function that reports through the CheckContext.
 */
import type { CheckContext } from './check.js';
import type { Advisory } from './types.js';
import { translationFallback, translationStale } from './translation-rules.js';
import { otherCountryNamed } from './country-names.js';
import { addDays } from './dates.js';
import { titleNamesItsCountry, titleNamesItsLevel } from './title-rules.js';

export interface RuleOptions {
  /** Reference date (YYYY-MM-DD) for `review_by`. */
  today: string;
  /** Configured languages; the first is primary. */
  languages: readonly string[];
  /** Per language, the names of levels 1 to 4 as bulletins print them; without them, titles are not compared with the level. */
  levelNames?: Readonly<Record<string, readonly string[]>>;
}

export type Rule = (advisory: Advisory, ctx: CheckContext, options: RuleOptions) => void;

const datesInOrder: Rule = (a, ctx) => {
  if (a.updated < a.issued) {
    ctx.report('error', ctx.at('updated'), 'updated', `updated must not be before issued (${a.issued}), found ${a.updated}`, 'date-order');
  }
  if (a.review_by !== undefined && a.review_by < a.updated) {
    ctx.report('warning', ctx.at('review_by'), 'review_by', `review_by (${a.review_by}) is before updated (${a.updated}); set the next review date`, 'date-order');
  }
};

const reviewDue: Rule = (a, ctx, { today }) => {
  if (a.review_by !== undefined && a.review_by < today) {
    ctx.report('warning', ctx.at('review_by'), 'review_by', `review_by ${a.review_by} has passed (today is ${today}); review the advice and set a new date`, 'review-due');
  }
};

/**
 * `issued` or `updated` after today is almost always a slip of the year
 * (2062 for 2026): the bulletin would tell readers the advice is newer than
 * it is, and a translation dated in the future would hide every later change
 * from the staleness check.
 */
const datesNotInFuture: Rule = (a, ctx, { today, languages }) => {
  // A date written in UTC+14 can be a day ahead of the UTC date the tool
  // judges by, so only dates beyond tomorrow are taken as slips.
  const latest = addDays(today, 1);
  const dated: Array<[string, string | undefined]> = [
    ['issued', a.issued],
    ['updated', a.updated],
    ...languages.slice(1).map((lang): [string, string | undefined] => [`translations.${lang}.updated`, a.translations[lang]?.updated]),
  ];
  for (const [field, date] of dated) {
    if (date !== undefined && date > latest) {
      ctx.report('warning', ctx.at(field), field, `${field} ${date} is in the future (today is ${today}); check the year: a bulletin must not claim to be newer than it is`, 'date-in-future');
    }
  }
};

const countryOfItsCode: Rule = (a, ctx, { languages }) => {
  const other = otherCountryNamed(a.country, a.code, languages[0] ?? 'en');
  if (other) {
    ctx.report('error', ctx.at('country'), 'country', `country "${a.country}" is the name of ${other}, but code is ${a.code}; check which country this advisory is for, and correct one of them`, 'country-code');
  }
};

const updatesNewestFirst: Rule = (a, ctx) => {
  a.updates.forEach((update, i) => {
    const field = `updates[${i}].date`;
    if (update.date > a.updated) {
      ctx.report('error', ctx.at(field), field, `${field} (${update.date}) is after updated (${a.updated}); set updated to the newest update's date`, 'update-date');
    }
    if (update.date < a.issued) {
      ctx.report('error', ctx.at(field), field, `${field} (${update.date}) is before issued (${a.issued})`, 'update-date');
    }
    const previous = a.updates[i - 1];
    if (previous && update.date > previous.date) {
      ctx.report('error', ctx.at(field), field, `updates must be newest first: ${field} (${update.date}) is newer than the entry above it (${previous.date})`, 'update-order');
    }
  });
};

const regionCodes: Rule = (a, ctx) => {
  const names = new Map<string, number>();
  a.regions.forEach((region, i) => {
    if (region.code !== undefined && !region.code.startsWith(`${a.code}-`)) {
      const field = `regions[${i}].code`;
      ctx.report('error', ctx.at(field), field, `${field} must start with the country code ${a.code}-, found "${region.code}"`, 'region-code');
    }
    const seen = names.get(region.name);
    if (seen !== undefined) {
      const field = `regions[${i}].name`;
      ctx.report('error', ctx.at(field), field, `${field} "${region.name}" is listed twice (also regions[${seen}]); merge the entries`, 'region-duplicate');
    }
    names.set(region.name, i);
  });
};

const regionSaysSomething: Rule = (a, ctx) => {
  a.regions.forEach((region, i) => {
    if (region.level === a.level) {
      const field = `regions[${i}].level`;
      ctx.report('warning', ctx.at(field), field, `${region.name} is at level ${region.level}, the same as the whole country; drop the region or change its level`, 'region-same-level');
    }
  });
};

const someoneToCall: Rule = (a, ctx) => {
  if (a.level >= 3 && a.contacts.length === 0) {
    ctx.report('warning', ctx.at('level'), 'contacts', `a level ${a.level} advisory has no contacts; add at least the embassy under contacts`, 'no-contact');
  }
};

const translationsComplete: Rule = (a, ctx, { languages }) => {
  const [primary, ...others] = languages;
  for (const [lang, t] of Object.entries(a.translations)) {
    const base = `translations.${lang}`;
    if (lang === primary) {
      ctx.report('error', ctx.at(base), base, `${base} translates into the primary language ${lang}; write the primary text in the main fields`, 'translation-language');
      continue;
    }
    if (!others.includes(lang)) {
      ctx.report('warning', ctx.at(base), base, `${base} is not published: ${lang} is not in the configured languages (${languages.join(', ')})`, 'translation-language');
      continue;
    }
    const lists: Array<['guidance' | 'regions' | 'contacts' | 'updates', number, number | undefined]> = [
      ['guidance', a.guidance.length, t.guidance?.length],
      ['regions', a.regions.length, t.regions?.length],
      ['contacts', a.contacts.length, t.contacts?.length],
      ['updates', a.updates.length, t.updates?.length],
    ];
    for (const [key, expected, found] of lists) {
      if (found !== undefined && found !== expected) {
        const field = `${base}.${key}`;
        ctx.report('error', ctx.at(field), field, `${field} has ${found} item${found === 1 ? '' : 's'} but ${key} has ${expected}; translate every item, in the same order`, 'translation-items');
      }
    }
  }
};

export const RULES: readonly Rule[] = [datesInOrder, datesNotInFuture, reviewDue, countryOfItsCode, updatesNewestFirst, regionCodes, regionSaysSomething, someoneToCall, translationsComplete, translationFallback, translationStale, titleNamesItsLevel, titleNamesItsCountry];

export function applyRules(advisory: Advisory, ctx: CheckContext, options: RuleOptions): void {
  for (const rule of RULES) rule(advisory, ctx, options);
}
