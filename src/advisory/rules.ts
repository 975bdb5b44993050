/**
 * Rules that need more than one field: dates in order, regions that say
 * nothing, advisories without anyone to call, translations that drifted.
 * Each rule is a small function that reports through the CheckContext.
 */
import type { CheckContext } from './check.js';
import type { Advisory } from './types.js';
import { translationCopied, translationFallback, translationStale } from './translation-rules.js';
import { itemsNotRepeated } from './repeated-items.js';
import { translationAnchors } from './anchor-rules.js';
import { isAnchored } from './anchors.js';
import { languageMeant } from './suggest.js';
import { comparedTexts, itemCountDiffers, LIST_KEYS } from './compared-texts.js';
import { otherCountryNamed } from './country-names.js';
import { regionCodesInIso } from './region-code-rules.js';
import { compareInstants, instant, shownVersion, utcDate } from './dates.js';
import { summaryNamesItsLevel, titleFitsHeadline, titleNamesItsCountry, titleNamesItsLevel, type LevelWording } from './title-rules.js';

export interface RuleOptions {
  /** Reference date (YYYY-MM-DD) for `review_by`. */
  today: string;
  /** Configured languages; the first is primary. */
  languages: readonly string[];
  /** Per language, how titles name the levels; without it, titles are not compared with the level. */
  levelWording?: Readonly<Record<string, LevelWording>>;
}

export type Rule = (advisory: Advisory, ctx: CheckContext, options: RuleOptions) => void;

const DAY = 86_400_000;

/**
 * Versions (`updated`, update dates, a translation's `updated`) may carry a time of day and are
 * compared as moments, a date alone being its midnight UTC: an update dated 2026-12-03 comes
 * before `updated: 2026-12-03T14:30Z`. `issued` and `review_by` are dates.
 */
const datesInOrder: Rule = (a, ctx) => {
  if (compareInstants(a.updated, a.issued) < 0) {
    ctx.report('error', ctx.at('updated'), 'updated', `updated must not be before issued (${a.issued}), found ${shownVersion(a.updated)}`, 'date-order');
  }
  // A review date is a day: reviewing on the day of the update is not before it.
  if (a.review_by !== undefined && a.review_by < utcDate(a.updated)) {
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
 * (2062 for 2026). It is an error, not a warning, because the damage comes
 * later and silently: feeds and CAP alerts are dated and identified by
 * `updated`, so the next real change (dated 2026) would look older than the
 * slip and feed readers and alerting networks would keep showing the slip's
 * level. A translation dated in the future would likewise hide every later
 * change from the staleness check.
 */
const datesNotInFuture: Rule = (a, ctx, { today, languages }) => {
  // A date written in UTC+14 can be a day ahead of the UTC date the tool
  // judges by, so only dates beyond tomorrow (UTC) are taken as slips: from
  // the midnight that ends tomorrow. As moments, not text: the day after
  // 9999-12-31 has no YYYY-MM-DD, and compared as text it came before every date.
  const beyondTomorrow = instant(today) + 2 * DAY;
  const dated: Array<[string, string | undefined]> = [
    ['issued', a.issued],
    ['updated', a.updated],
    ...languages.slice(1).map((lang): [string, string | undefined] => [`translations.${lang}.updated`, a.translations[lang]?.updated]),
  ];
  for (const [field, date] of dated) {
    if (date !== undefined && instant(date) >= beyondTomorrow) {
      ctx.report('error', ctx.at(field), field, `${field} ${date} is in the future (today is ${today}); check the year: feeds and alerts are dated by it, so every later change would look older and be passed over`, 'date-in-future');
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
    if (compareInstants(update.date, a.updated) > 0) {
      ctx.report('error', ctx.at(field), field, `${field} (${shownVersion(update.date)}) is after updated (${shownVersion(a.updated)}); set updated to the newest update's date`, 'update-date');
    }
    if (compareInstants(update.date, a.issued) < 0) {
      ctx.report('error', ctx.at(field), field, `${field} (${shownVersion(update.date)}) is before issued (${a.issued})`, 'update-date');
    }
    const previous = a.updates[i - 1];
    if (previous && compareInstants(update.date, previous.date) > 0) {
      ctx.report('error', ctx.at(field), field, `updates must be newest first: ${field} (${shownVersion(update.date)}) is newer than the entry above it (${shownVersion(previous.date)})`, 'update-order');
    }
  });
};

/**
 * One region, one entry. Names are compared as a reader sees them, so that
 * "South Governorate" and "south governorate " are one region, as are two
 * entries with one code (a CAP alert would list two areas under one geocode).
 */
const regionsDistinct: Rule = (a, ctx, { languages }) => {
  const lang = languages[0] ?? 'en';
  const compared = comparedTexts(a, lang, lang, 'regions')!;
  const names = new Map<string, number>();
  const codes = new Map<string, number>();
  a.regions.forEach((region, i) => {
    if (region.code !== undefined) {
      const field = `regions[${i}].code`;
      if (!region.code.startsWith(`${a.code}-`)) {
        ctx.report('error', ctx.at(field), field, `${field} must start with the country code ${a.code}-, found "${region.code}"`, 'region-code');
      }
      const first = codes.get(region.code);
      if (first === undefined) codes.set(region.code, i);
      else {
        const message = `${field} ${region.code} is also the code of regions[${first}] ("${a.regions[first]!.name}"); give each region its own code, or merge the entries`;
        ctx.report('error', ctx.at(field), field, message, 'region-duplicate');
      }
    }
    const name = compared[i]!;
    const first = names.get(name);
    if (first === undefined) names.set(name, i);
    else {
      const field = `regions[${i}].name`;
      const other = a.regions[first]!.name;
      const also = other === region.name ? `regions[${first}]` : `regions[${first}], "${other}"`;
      ctx.report('error', ctx.at(field), field, `${field} "${region.name}" is listed twice (also ${also}); merge the entries`, 'region-duplicate');
    }
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

/**
 * A contact is there to be reached: an emergency contact is published as the
 * one to call, so it needs a number; any other at least some way to reach it.
 */
const contactsReachable: Rule = (a, ctx) => {
  a.contacts.forEach((contact, i) => {
    if (contact.emergency === true && contact.phone === undefined) {
      const field = `contacts[${i}].emergency`;
      const message = `${field} is true, but contacts[${i}] has no phone: it would be published as the contact for emergencies with no number to call; add its phone, or remove emergency: true`;
      ctx.report('error', ctx.at(field), field, message, 'contact-unreachable');
    } else if (contact.phone === undefined && contact.email === undefined && contact.url === undefined) {
      const field = `contacts[${i}]`;
      ctx.report('warning', ctx.at(field), field, `${field} has no phone, email or url: readers have no way to reach it; add at least one`, 'contact-unreachable');
    }
  });
};

const translationsComplete: Rule = (a, ctx, { languages }) => {
  const [primary, ...others] = languages;
  for (const [lang, t] of Object.entries(a.translations)) {
    const base = `translations.${lang}`;
    // The language key is what is wrong, not the translation's first field.
    const keyAt = ctx.keyAt(base) ?? ctx.at(base);
    if (lang === primary) {
      ctx.report('error', keyAt, base, `${base} translates into the primary language ${lang}; write the primary text in the main fields`, 'translation-language');
      continue;
    }
    if (!others.includes(lang)) {
      const near = languageMeant(lang, others);
      const hint = near ? `; did you mean "${near}"?` : '';
      ctx.report('warning', keyAt, base, `${base} is not published: ${lang} is not in the configured languages (${languages.join(', ')})${hint}`, 'translation-language');
      continue;
    }
    for (const key of LIST_KEYS) {
      if (itemCountDiffers(a, t, key)) {
        const [found, expected] = [t[key]!.length, a[key].length];
        const field = `${base}.${key}`;
        // Items that name their original (for:) may come in any order.
        const order = key !== 'guidance' && key !== 'updates' && isAnchored(t[key]) ? ', each with for: naming its original' : ', in the same order';
        ctx.report('error', ctx.at(field), field, `${field} has ${found} item${found === 1 ? '' : 's'} but ${key} has ${expected}; translate every item${order}`, 'translation-items');
      }
    }
  }
};

export const RULES: readonly Rule[] = [
  datesInOrder,
  datesNotInFuture,
  reviewDue,
  countryOfItsCode,
  updatesNewestFirst,
  regionsDistinct,
  regionCodesInIso,
  regionSaysSomething,
  someoneToCall,
  contactsReachable,
  itemsNotRepeated,
  translationsComplete,
  translationAnchors,
  translationFallback,
  translationCopied,
  translationStale,
  titleNamesItsLevel,
  summaryNamesItsLevel,
  titleNamesItsCountry,
  titleFitsHeadline,
];

export function applyRules(advisory: Advisory, ctx: CheckContext, options: RuleOptions): void {
  for (const rule of RULES) rule(advisory, ctx, options);
}
