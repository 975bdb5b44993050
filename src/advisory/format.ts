/**
 * The advisory format, as data. See ../../README.md "The advisory format" and
 * ADVISORY-FORMAT.md; this spec is what `advisory schema` prints.
 */
import { EMAIL, emailHint, PHONE, phoneHint, phoneProblem, urlHint, WEB_ADDRESS, webAddressProblem } from './address-hints.js';
import { DATE_OR_TIME_PATTERN, DATE_PATTERN, dateOnlyHint, dateTimeHint, invalidDateReason } from './dates.js';
import { CODE_HINTS, countryCodeMeant, isCountryCode } from './iso3166.js';
import { regionCodeExpected, regionCodeMeant } from './region-code-hints.js';
import { RISKS } from './types.js';
import type { ObjectSpec, Spec, StringSpec } from './spec.js';

const date: StringSpec = {
  kind: 'string',
  pattern: DATE_PATTERN,
  format: 'date',
  ascii: true,
  word: true,
  expected: 'a date as YYYY-MM-DD, e.g. 2025-07-02',
  refine: invalidDateReason,
  suggest: dateOnlyHint,
};

/**
 * A version of the advisory: a date, or a date and time of day with its offset from UTC, so that
 * two versions of one day are two alerts (see DATE_OR_TIME_PATTERN). `issued` and `review_by` stay dates.
 */
const version: StringSpec = {
  kind: 'string',
  pattern: DATE_OR_TIME_PATTERN,
  format: 'date-or-time',
  ascii: true,
  word: true,
  expected: 'a date as YYYY-MM-DD, e.g. 2025-07-02, or a date and time with its offset from UTC, e.g. 2025-07-02T14:30Z',
  refine: invalidDateReason,
  suggest: dateTimeHint,
};

const line = (description: string, maxLength = 200): StringSpec => ({
  kind: 'string',
  expected: 'text on one line',
  pattern: /^[^\n]*\S[^\n]*$/,
  maxLength,
  line: true,
  description,
});

const inlineMarkdown = (description: string): StringSpec => ({
  kind: 'string',
  expected: 'Markdown text (one paragraph)',
  pattern: /\S/,
  markdown: 'inline',
  maxLength: 4000,
  description,
});

const blockMarkdown = (description: string): StringSpec => ({
  kind: 'string',
  expected: 'Markdown text',
  pattern: /\S/,
  markdown: 'block',
  maxLength: 200_000,
  description,
});

const level: Spec = { kind: 'integer', min: 1, max: 4, description: 'Risk level, 1 (lowest) to 4 (highest), on the configured scale' };

export const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$/;

export const countryCode: StringSpec = {
  kind: 'string',
  pattern: /^[A-Z]{2}$/,
  ascii: true,
  word: true,
  expected: 'a two-letter ISO 3166-1 code in capitals, e.g. ML',
  meant: countryCodeMeant,
  refine: (code) => (isCountryCode(code) ? null : `${code} is not an ISO 3166-1 country code${CODE_HINTS[code] ? ` (${CODE_HINTS[code]})` : ''}`),
  description: 'ISO 3166-1 alpha-2 country code; also names the output files',
  examples: ['ML'],
};

const subdivisionCode: StringSpec = {
  kind: 'string',
  pattern: /^[A-Z]{2}-[A-Z0-9]{1,3}$/,
  ascii: true,
  word: true,
  expected: 'an ISO 3166-2 code such as ML-1',
  expectedIn: regionCodeExpected,
  meant: regionCodeMeant,
  description: 'ISO 3166-2 subdivision code; must start with the country code',
};

const region: ObjectSpec = {
  kind: 'object',
  description: 'A part of the country at its own level',
  fields: {
    name: { spec: line('Name of the region'), required: true },
    code: { spec: subdivisionCode },
    level: { spec: level, required: true },
    note: { spec: inlineMarkdown('Why this region is at its level') },
  },
};

const contact: ObjectSpec = {
  kind: 'object',
  description: 'Who to call',
  fields: {
    name: { spec: line('Name of the office'), required: true },
    // Two digits and up: a national emergency line (112, 999, 17) is an emergency contact's phone too.
    phone: { spec: { kind: 'string', ascii: true, pattern: PHONE, suggest: phoneHint, refine: phoneProblem, expected: 'a phone number such as "+223 20 00 00 00" or "112" (quoted)', description: 'Phone number, international format' } },
    email: { spec: { kind: 'string', ascii: true, word: true, pattern: EMAIL, suggest: emailHint, format: 'email', expected: 'an e-mail address such as consular@example.org', description: 'E-mail address' } },
    url: { spec: { kind: 'string', ascii: true, word: true, pattern: WEB_ADDRESS, suggest: urlHint, refine: webAddressProblem, format: 'uri', expected: 'a web address starting with https:// (or http://)', description: 'Web address' } },
    address: { spec: line('Postal address', 400) },
    hours: { spec: line('Opening hours') },
    emergency: { spec: { kind: 'boolean', description: 'Reachable around the clock for emergencies' } },
  },
};

const update: ObjectSpec = {
  kind: 'object',
  description: 'One change to the advisory',
  fields: {
    date: { spec: { ...version, description: 'When the change was made: a date, or a date and time with its offset from UTC, as in updated' }, required: true },
    summary: { spec: inlineMarkdown('What changed'), required: true },
  },
};

/**
 * `for:` on a translated region or contact: the original's name, so that the
 * pair holds when the original list is reordered (see anchors.ts).
 */
const anchor = (item: 'region' | 'contact'): StringSpec => ({
  ...line(`The name of the ${item} this item translates, as written in its name in the primary language; pairs the two wherever that ${item} is in the list`),
  unpublished: true,
});

export const translation: ObjectSpec = {
  kind: 'object',
  description: 'The text of the advisory in one further language; anything left out falls back to the primary language (a title to the default "<level name>: <country>")',
  fields: {
    updated: { spec: { ...version, description: 'When this translation was last brought in line with the advisory: a date, or a date and time with its offset from UTC' } },
    title: { spec: line('Title in this language') },
    summary: { spec: inlineMarkdown('Summary in this language') },
    guidance: { spec: { kind: 'array', items: inlineMarkdown('One item of guidance'), description: 'Guidance in this language, item for item' } },
    regions: {
      spec: {
        kind: 'array',
        description: 'Region names and notes in this language: in the same order as regions, or each item with for: naming its region',
        items: {
          kind: 'object',
          fields: {
            for: { spec: anchor('region') },
            name: { spec: line('Region name in this language') },
            note: { spec: inlineMarkdown('Region note in this language') },
          },
        },
      },
    },
    contacts: {
      spec: {
        kind: 'array',
        description:
          'Contact names, hours and addresses in this language: in the same order as contacts, or each item with for: naming its contact; numbers and addresses for e-mail and the web are not translated',
        items: {
          kind: 'object',
          fields: {
            for: { spec: anchor('contact') },
            name: { spec: line('Name of the office in this language') },
            address: { spec: line('Postal address in this language', 400) },
            hours: { spec: line('Opening hours in this language') },
          },
        },
      },
    },
    body: { spec: blockMarkdown('Full advice in this language') },
    updates: {
      spec: {
        kind: 'array',
        description: 'Update summaries in this language, in the same order as updates',
        items: { kind: 'object', fields: { summary: { spec: inlineMarkdown('Update summary in this language') } } },
      },
    },
  },
};

export const advisoryFormat: ObjectSpec = {
  kind: 'object',
  description: 'One travel advisory for one country',
  fields: {
    country: { spec: line('Display name of the country in the primary language'), required: true },
    code: { spec: countryCode, required: true },
    level: { spec: level, required: true },
    title: { spec: line('Title; default "<level name>: <country>"') },
    issued: { spec: { ...date, description: 'Date first issued' }, required: true },
    updated: {
      spec: { ...version, description: 'When last updated, not before issued: a date, or a date and time with its offset from UTC (2025-07-02T14:30Z, 2025-07-02T17:30+03:00) for a second version on one day' },
      required: true,
    },
    review_by: { spec: { ...date, description: 'Date by which the advisory must be reviewed' } },
    risks: { spec: { kind: 'array', items: { kind: 'enum', values: RISKS }, description: 'Risk indicators' } },
    summary: { spec: inlineMarkdown('What a reader must know first'), required: true },
    guidance: { spec: { kind: 'array', items: inlineMarkdown('One thing to do'), minItems: 1, description: 'What to do' }, required: true },
    regions: { spec: { kind: 'array', items: region, description: 'Parts of the country at another level' } },
    contacts: { spec: { kind: 'array', items: contact, description: 'Who to call' } },
    body: { spec: blockMarkdown('The full advice, with ## headings') },
    updates: { spec: { kind: 'array', items: update, description: 'What changed and when, newest first' } },
    translations: {
      spec: { kind: 'map', keyPattern: LANGUAGE_PATTERN, keyExpected: 'a language code such as fr or hi', languageKeys: true, values: translation, description: 'Translations, per language' },
    },
  },
};
