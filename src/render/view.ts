/**
 * View models: everything a template prints, already resolved (level names,
 * dates in the reader's language, the right translation or the fallback),
 * and already shaped for one output format by an Adapter. Pure.
 */
import { punctuation } from './punctuation.js';
import type { Advisory, AdvisoryDigest, Level } from '../advisory/types.js';
import { alignedTranslation } from '../advisory/anchors.js';
import { telHref } from '../advisory/address-hints.js';
import type { Config } from '../config/config.js';
import { DEFAULT_LEVEL_COLORS } from '../config/levels.js';
import { firstSentence } from './first-sentence.js';
import { label, type Labels } from './labels.js';
import { memoize } from '../memo.js';
import { inlineMarkdownToText } from './markdown-text.js';
import { canonicalVersion, hasTime, instant } from '../advisory/dates.js';
import { updatedIn } from '../advisory/versions.js';

/**
 * How one format shows text: plain text, inline Markdown, block Markdown.
 * `lang` is given only for text in another language than the page's (a
 * translation's field falling back to the primary language), so that a
 * format that can say so (HTML) marks it for screen readers and bidi.
 */
export interface Adapter {
  text(value: string, lang?: string): unknown;
  inline(markdown: string, lang?: string): unknown;
  block(markdown: string, lang?: string): unknown;
}

export interface LevelView {
  value: Level;
  name: unknown;
  of: unknown;
  color: string;
  slug: string;
}

export interface DateView {
  iso: string;
  text: string;
}

export interface LanguageLink {
  lang: string;
  name: string;
  href: string;
  current: boolean;
}

/** Where a bulletin lives, relative to the output folder: `ml.html`, `fr/ml.html`. */
export function bulletinPath(code: string, lang: string, primary: string, ext: string): string {
  const file = `${code.toLowerCase()}.${ext}`;
  return lang === primary ? file : `${lang}/${file}`;
}

export function indexPath(lang: string, primary: string, ext: string): string {
  return lang === primary ? `index.${ext}` : `${lang}/index.${ext}`;
}

/** A link from one page in the output to another, both given relative to the output folder. */
export function relativeHref(from: string, to: string): string {
  const depth = from.split('/').length - 1;
  return '../'.repeat(depth) + to;
}

export interface Locale {
  lang: string;
  primary: string;
  labels: Labels;
  config: Config;
}

/** The issuer's name in the page's language, from the config's translations, else as configured. */
export function issuerName(config: Config, lang: string): string {
  return config.translations?.[lang]?.issuer ?? config.issuer;
}

export function textDirection(lang: string): 'rtl' | 'ltr' {
  return /^(ar|fa|he|ur|ps|sd|ug|yi|dv|ckb)(-|$)/.test(lang) ? 'rtl' : 'ltr';
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/**
 * A date, or a date and time, in words in `lang`: "December 3, 2026", "December 3, 2026 at 11:30 UTC".
 * A time is shown in UTC, on a 24-hour clock, with the zone named, so that a reader anywhere knows
 * which moment it is and every build gives the same bytes; CLDR joins date and time in each language.
 * Seconds are shown when given: two versions a few seconds apart must not read the same.
 */
function dateFormat(lang: string, precision: 'day' | 'minute' | 'second'): Intl.DateTimeFormat {
  const key = `${lang} ${precision}`;
  let format = dateFormats.get(key);
  if (!format) {
    const time = precision === 'day' ? {} : ({ hour: '2-digit', minute: '2-digit', ...(precision === 'second' ? { second: '2-digit' } : {}), hourCycle: 'h23', timeZoneName: 'short' } as const);
    format = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', ...time, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format;
}
/** Dates already written out, per language: a project has few distinct dates, and ICU formatting is slow. */
const dateText = memoize(10_000, (key) => {
  const [lang, iso] = key.split(' ') as [string, string];
  // `iso` is canonical: `2026-12-03`, `2026-12-03T11:30Z` or `2026-12-03T11:30:15Z`.
  const precision = !hasTime(iso) ? 'day' : iso.length > 17 ? 'second' : 'minute';
  return dateFormat(lang, precision).format(new Date(instant(iso)));
});

/**
 * A date or date and time in a page: `iso` for machines (`<time datetime>`), in UTC as the
 * outputs write versions (`2026-12-03T11:30Z`), and `text` in words in the reader's language.
 */
export function formatDate(value: string, lang: string): DateView {
  const iso = canonicalVersion(value);
  return { iso, text: dateText(`${lang} ${iso}`) };
}

const regionNames = new Map<string, Intl.DisplayNames>();
/** A country's name in a language ('' where the platform has none), remembered: ICU is slow to ask. */
const regionName = memoize(10_000, (key) => {
  const [lang, code] = key.split(' ') as [string, string];
  let names = regionNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    regionNames.set(lang, names);
  }
  return names.of(code) ?? '';
});

/** The country's name in a further language, from the platform's Unicode data. */
export function countryName(advisory: AdvisoryDigest, locale: Locale): string {
  if (locale.lang === locale.primary) return advisory.country;
  return regionName(`${locale.lang} ${advisory.code}`) || advisory.country;
}

export function levelName(level: Level, locale: Locale): string {
  const scale = locale.config.scale;
  if (typeof scale === 'string') return label(locale.labels, locale.lang, `scale.${scale}.${level}`);
  return locale.labels.get(`scale.custom.${level}`) ?? scale[level - 1]!.name;
}

/**
 * The phrases a title says `level` with besides its name, from the catalogue's optional
 * `title_phrases.<scale>.<level>` list (`custom` for a scale of the config's own): in
 * French a title is in the imperative ("Ne vous rendez pas au Mali") where the name is
 * in the infinitive ("Ne pas voyager").
 */
export function levelTitlePhrases(level: Level, locale: Locale): string[] {
  const scale = typeof locale.config.scale === 'string' ? locale.config.scale : 'custom';
  return labelList(locale.labels, `title_phrases.${scale}.${level}`);
}

/**
 * Phrases that hold a level's words and name no level, from the catalogue's optional
 * `not_level_phrases` list: advice such as "do not travel at night", or "la plus grande
 * prudence" (utmost caution) holding "grande prudence".
 */
export function notLevelPhrases(locale: Locale): string[] {
  return labelList(locale.labels, 'not_level_phrases');
}

/** The items of a catalogue's list at `key` (labels `<key>.1`, `<key>.2`, ...); none when it has none. */
function labelList(labels: Labels, key: string): string[] {
  const items: string[] = [];
  for (let i = 1; labels.has(`${key}.${i}`); i++) items.push(labels.get(`${key}.${i}`)!);
  return items;
}

export function levelColor(level: Level, config: Config): string {
  return typeof config.scale === 'string' ? DEFAULT_LEVEL_COLORS[level] : config.scale[level - 1]!.color;
}

export function levelView(level: Level, locale: Locale, adapter: Adapter): LevelView {
  return {
    value: level,
    name: adapter.text(levelName(level, locale)),
    of: adapter.text(label(locale.labels, locale.lang, 'level_of', { level })),
    color: levelColor(level, locale.config),
    slug: `level-${level}`,
  };
}

/** The title a reader sees: the translation's, the advisory's own, or "<level name>: <country>". */
export function titleText(advisory: AdvisoryDigest, locale: Locale): string {
  const translated = locale.lang === locale.primary ? undefined : advisory.translations[locale.lang]?.title;
  return translated ?? (locale.lang === locale.primary ? advisory.title : undefined) ?? `${levelName(advisory.level, locale)}${punctuation(locale.lang).colon}${countryName(advisory, locale)}`;
}

/**
 * For a page in `locale`, the language of a field's text: none when the
 * translation has the field (or this is the primary language), else the
 * primary language, whose text the page falls back to.
 */
function fallbackLanguage(locale: Locale): (translated: string | undefined) => string | undefined {
  return (translated) => (translated === undefined && locale.lang !== locale.primary ? locale.primary : undefined);
}

export function bulletinView(advisory: Advisory, locale: Locale, adapter: Adapter, ext: string) {
  const { lang, primary, config } = locale;
  // Regions and contacts in the originals' order, whichever way the translation pairs them (see anchors.ts).
  const t = lang === primary ? undefined : alignedTranslation(advisory, lang);
  const self = bulletinPath(advisory.code, lang, primary, ext);
  const latest = advisory.updates[0];
  const fallback = fallbackLanguage(locale);
  return {
    lang,
    dir: textDirection(lang),
    issuer: adapter.text(issuerName(config, lang)),
    code: advisory.code,
    country: adapter.text(countryName(advisory, locale)),
    title: adapter.text(titleText(advisory, locale)),
    level: levelView(advisory.level, locale, adapter),
    issued: formatDate(advisory.issued, lang),
    // The version this language's reader has: a translation corrected later is newer than the original, as its feed says.
    updated: formatDate(updatedIn(advisory, lang, primary), lang),
    review_by: advisory.review_by ? formatDate(advisory.review_by, lang) : null,
    risks: advisory.risks.map((risk) => ({ id: risk, name: adapter.text(label(locale.labels, lang, `risk.${risk}`)) })),
    summary: adapter.inline(t?.summary ?? advisory.summary, fallback(t?.summary)),
    guidance: advisory.guidance.map((item, i) => adapter.inline(t?.guidance?.[i] ?? item, fallback(t?.guidance?.[i]))),
    regions: advisory.regions.map((region, i) => {
      const note = t?.regions?.[i]?.note ?? region.note;
      return {
        name: adapter.text(t?.regions?.[i]?.name ?? region.name, fallback(t?.regions?.[i]?.name)),
        code: region.code ?? null,
        level: levelView(region.level, locale, adapter),
        note: note === undefined ? null : adapter.inline(note, fallback(t?.regions?.[i]?.note)),
      };
    }),
    contacts: advisory.contacts.map((c, i) => {
      // A translation may give an address or hours the original lacks: its readers get them, as in the alert and open data.
      const address = t?.contacts?.[i]?.address ?? c.address;
      const hours = t?.contacts?.[i]?.hours ?? c.hours;
      return {
        name: adapter.text(t?.contacts?.[i]?.name ?? c.name, fallback(t?.contacts?.[i]?.name)),
        phone: c.phone ? adapter.text(c.phone) : null,
        phone_href: c.phone ? telHref(c.phone) : null,
        email: c.email ? adapter.text(c.email) : null,
        email_href: c.email ? `mailto:${c.email}` : null,
        url: c.url ?? null,
        address: address ? adapter.text(address) : null,
        hours: hours ? adapter.text(hours, fallback(t?.contacts?.[i]?.hours)) : null,
        emergency: c.emergency === true,
      };
    }),
    body: (t?.body ?? advisory.body) === undefined ? null : adapter.block((t?.body ?? advisory.body)!, fallback(t?.body)),
    updates: advisory.updates.map((u, i) => ({
      date: formatDate(u.date, lang),
      summary: adapter.inline(t?.updates?.[i]?.summary ?? u.summary, fallback(t?.updates?.[i]?.summary)),
    })),
    latest_update: latest
      ? { date: formatDate(latest.date, lang), summary: adapter.inline(t?.updates?.[0]?.summary ?? latest.summary, fallback(t?.updates?.[0]?.summary)) }
      : null,
    languages: config.languages.map((other) => ({
      lang: other,
      name: adapter.text(languageName(other)),
      href: relativeHref(self, bulletinPath(advisory.code, other, primary, ext)),
      current: other === lang,
    })),
    index_href: relativeHref(self, indexPath(lang, primary, ext)),
  };
}

export type BulletinView = ReturnType<typeof bulletinView>;

const languageNames = new Map<string, string>();
/** A language's name in itself ("Français", "हिन्दी"), so a reader finds their own. */
export function languageName(lang: string): string {
  let name = languageNames.get(lang);
  if (!name) {
    name = new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' }).of(lang) ?? lang;
    languageNames.set(lang, name);
  }
  return name;
}

/** Most severe first; then by country name in the reader's language; then by code, so the order is total. */
export function sortForIndex<T extends { advisory: AdvisoryDigest }>(items: readonly T[], locale: Locale): T[] {
  const collator = new Intl.Collator(locale.lang);
  return [...items].sort(
    (a, b) =>
      b.advisory.level - a.advisory.level ||
      collator.compare(countryName(a.advisory, locale), countryName(b.advisory, locale)) ||
      (a.advisory.code < b.advisory.code ? -1 : a.advisory.code > b.advisory.code ? 1 : 0),
  );
}

export function indexView(advisories: readonly AdvisoryDigest[], locale: Locale, adapter: Adapter, ext: string) {
  const { lang, primary, config } = locale;
  const self = indexPath(lang, primary, ext);
  const entries = sortForIndex(
    advisories.map((advisory) => ({ advisory })),
    locale,
  ).map(({ advisory }) => {
    const t = lang === primary ? undefined : advisory.translations[lang];
    return {
      code: advisory.code,
      country: adapter.text(countryName(advisory, locale)),
      title: adapter.text(titleText(advisory, locale)),
      level: levelView(advisory.level, locale, adapter),
      updated: formatDate(updatedIn(advisory, lang, primary), lang),
      // An index row is for scanning: the summary's first sentence, as plain text, links as their text; the bulletin has the rest.
      summary: t?.summary === undefined && lang !== primary
        ? adapter.text(firstSentence(inlineMarkdownToText(advisory.summary, { rtl: textDirection(primary) === 'rtl', addresses: false }), primary), primary)
        : adapter.text(firstSentence(inlineMarkdownToText(t?.summary ?? advisory.summary, { rtl: textDirection(lang) === 'rtl', addresses: false }), lang)),
      href: relativeHref(self, bulletinPath(advisory.code, lang, primary, ext)),
    };
  });
  const groups = ([4, 3, 2, 1] as const)
    .map((level) => ({ level: levelView(level, locale, adapter), advisories: entries.filter((e) => e.level.value === level) }))
    .filter((g) => g.advisories.length > 0);
  return {
    lang,
    dir: textDirection(lang),
    issuer: adapter.text(issuerName(config, lang)),
    title: adapter.text(label(locale.labels, lang, 'index_title')),
    advisories: entries,
    groups,
    count: entries.length,
    languages: config.languages.map((other) => ({
      lang: other,
      name: adapter.text(languageName(other)),
      href: relativeHref(self, indexPath(other, primary, ext)),
      current: other === lang,
    })),
  };
}

export type IndexView = ReturnType<typeof indexView>;
