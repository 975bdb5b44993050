/**
 * CAP 1.2 alerts (Common Alerting Protocol, OASIS), one per advisory, for
 * alerting networks and aggregators: `cap/<code>.xml`. One `info` block per
 * configured language the advisory is translated into (capLocales); the country and each region become `area` blocks
 * with ISO 3166 geocodes. `sent` is the version's moment (its `updated`: a
 * day at midnight UTC, or the time given), in UTC, written `-00:00` as
 * CAP 1.2 §3.3.2 demands, so the alert for one version of an advisory is the same
 * whenever it is rebuilt. Pure.
 *
 * The mapping from the advisory's level and risks to CAP's vocabulary is
 * the table below; NOTES-README-i4.md documents it for users.
 */
import { highestLevel, type Advisory, type Contact, type Level, type Risk } from '../advisory/types.js';
import { alignedTranslation } from '../advisory/anchors.js';
import { updatedInAny } from '../advisory/versions.js';
import { canonicalVersion, compareInstants, utcDateTime } from '../advisory/dates.js';
import { inlineMarkdownToText } from '../render/markdown-text.js';
import { isolated } from '../render/bidi.js';
import { countryName, issuerName, levelName, textDirection, titleText, type Locale } from '../render/view.js';
import { bulletinUrl } from './links.js';
import { punctuation, type Punctuation } from '../render/punctuation.js';
import { xmlElement } from './xml.js';

export type CapSeverity = 'Extreme' | 'Severe' | 'Moderate' | 'Minor';
export type CapUrgency = 'Immediate' | 'Expected' | 'Future';
export type CapCertainty = 'Observed' | 'Likely' | 'Possible' | 'Unlikely';
export type CapResponse = 'Avoid' | 'Assess' | 'Monitor' | 'None';
export type CapCategory = 'Geo' | 'Met' | 'Safety' | 'Security' | 'Health' | 'Other';

export interface LevelMapping {
  severity: CapSeverity;
  urgency: CapUrgency;
  certainty: CapCertainty;
  /** The response for areas at this level; an alert lists one per level among its areas. */
  responseType: CapResponse;
}

/** Level 4 (do not travel) is an extreme, ongoing threat to avoid; level 1 asks for nothing beyond normal care. */
export const CAP_BY_LEVEL: Readonly<Record<Level, LevelMapping>> = {
  1: { severity: 'Minor', urgency: 'Future', certainty: 'Unlikely', responseType: 'None' },
  2: { severity: 'Moderate', urgency: 'Future', certainty: 'Possible', responseType: 'Monitor' },
  3: { severity: 'Severe', urgency: 'Future', certainty: 'Likely', responseType: 'Assess' },
  4: { severity: 'Extreme', urgency: 'Immediate', certainty: 'Observed', responseType: 'Avoid' },
};

export const CAP_BY_RISK: Readonly<Record<Risk, readonly CapCategory[]>> = {
  crime: ['Security'],
  terrorism: ['Security'],
  'civil-unrest': ['Security'],
  kidnapping: ['Security'],
  'wrongful-detention': ['Security'],
  health: ['Health'],
  'natural-disaster': ['Geo', 'Met'],
  'time-limited-event': ['Safety'],
  other: ['Other'],
};

/** An advisory that names no risk is still general safety advice. */
const CATEGORY_WITHOUT_RISKS: CapCategory = 'Safety';
const CATEGORY_ORDER: readonly CapCategory[] = ['Geo', 'Met', 'Safety', 'Security', 'Health', 'Other'];

export function capCategories(risks: readonly Risk[]): CapCategory[] {
  const found = new Set(risks.flatMap((r) => CAP_BY_RISK[r]));
  return found.size ? CATEGORY_ORDER.filter((c) => found.has(c)) : [CATEGORY_WITHOUT_RISKS];
}

/**
 * What readers should do somewhere in the alert's areas, the response to the worst level first.
 * "None" only stands alone: next to a real response it would say nothing.
 */
export function capResponses(advisory: Advisory): CapResponse[] {
  const levels = [...new Set([advisory.level, ...advisory.regions.map((r) => r.level)])].sort((a, b) => b - a);
  const responses = [...new Set(levels.map((l) => CAP_BY_LEVEL[l].responseType))];
  return responses.length > 1 ? responses.filter((r) => r !== 'None') : responses;
}

export function capPath(code: string): string {
  return `cap/${code.toLowerCase()}.xml`;
}

/**
 * A version (a date, or a date and time) as a CAP dateTime (`sent`, and the sent part of `references`):
 * seconds and an offset, as the schema demands, and UTC written `-00:00`, as CAP 1.2 §3.3.2 demands.
 */
export function capSent(version: string): string {
  return utcDateTime(version, '-00:00');
}

/** Who sends: the host of `site_url`, which the ministry controls. */
export function capSender(siteUrl: string): string {
  return new URL(siteUrl).hostname;
}

/**
 * Unique per advisory and version (its `updated` day, or day and time in UTC: `2026-12-03T11:30Z`,
 * so that two versions of one day are two alerts), and free of the spaces, commas, `<` and `&` CAP forbids.
 */
export function capIdentifier(sender: string, code: string, version: string): string {
  return `${sender}.advisory.${code}.${canonicalVersion(version)}`;
}

/**
 * Earlier versions of the advisory before `version`, as CAP `references`: `sender,identifier,sent`
 * each, oldest first. An advisory with none is a new Alert. The versions are its issue, every dated
 * update, its `updated`, and the `updated` of each published translation (`languages` after the
 * first): a translation corrected after the original made an alert of its own, which a later
 * version must refer to, or CAP's Update would not supersede it and networks would keep it active.
 * A version written two ways (`14:30+03:00`, `11:30Z`) is one alert, referred to once.
 */
export function capReferences(advisory: Advisory, sender: string, languages: readonly string[], version: string): string[] {
  const translated = languages.slice(1).flatMap((lang) => advisory.translations[lang]?.updated ?? []);
  const versions = new Map([advisory.issued, ...advisory.updates.map((u) => u.date), advisory.updated, ...translated].map((v) => [canonicalVersion(v), v]));
  return [...versions]
    .filter(([, v]) => compareInstants(v, version) < 0)
    .sort(([ka, a], [kb, b]) => compareInstants(a, b) || (ka < kb ? -1 : ka > kb ? 1 : 0))
    .map(([, v]) => `${sender},${capIdentifier(sender, advisory.code, v)},${capSent(v)}`);
}

/**
 * Everything a reader of the alert needs to reach the contact, and when: the bulletin's fields, in its order.
 * In a right-to-left language the phone number is isolated, as in the bulletins, so its digit groups keep their order.
 */
function contactLine(c: Contact, rtl: boolean, marks: Punctuation): string {
  return [c.name, c.phone && rtl ? isolated(c.phone) : c.phone, c.email, c.url, c.address, c.hours].filter(Boolean).join(marks.comma);
}

function parameter(name: string, value: string): string {
  return `<parameter>${xmlElement('valueName', name)}${xmlElement('value', value)}</parameter>`;
}

function area(description: string, geocodeName: string | null, geocode: string | null): string {
  const code = geocodeName && geocode ? `<geocode>${xmlElement('valueName', geocodeName)}${xmlElement('value', geocode)}</geocode>` : '';
  return `<area>${xmlElement('areaDesc', description)}${code}</area>`;
}

function info(advisory: Advisory, locale: Locale, mapping: LevelMapping, categories: readonly CapCategory[], responses: readonly CapResponse[]): string[] {
  const { lang, primary, config } = locale;
  // Regions and contacts in the originals' order, whichever way the translation pairs them (see anchors.ts).
  const t = lang === primary ? undefined : alignedTranslation(advisory, lang);
  const country = countryName(advisory, locale);
  // Text in a right-to-left language has its numbers isolated. A further language's block has its own summary and guidance (capLocales).
  const inLanguage = { rtl: textDirection(lang) === 'rtl' };
  const guidance = (t?.guidance ?? advisory.guidance).map((item) => `- ${inlineMarkdownToText(item, inLanguage)}`);
  // Names in this info block's language, where the translation gives them (an embassy's, a region's).
  const named = advisory.contacts.map((c, i) => {
    const translated = t?.contacts?.[i];
    return { ...c, name: translated?.name ?? c.name, address: translated?.address ?? c.address, hours: translated?.hours ?? c.hours };
  });
  const regions = advisory.regions.map((r, i) => ({ ...r, name: t?.regions?.[i]?.name ?? r.name }));
  // Emergency lines first: someone reading an alert needs the number that answers at night.
  const contacts = named.sort((a, b) => Number(b.emergency === true) - Number(a.emergency === true));
  const level = (l: Level) => `${l} (${levelName(l, locale)})`;
  const marks = punctuation(lang);
  return [
    '  <info>',
    `    ${xmlElement('language', lang)}`,
    ...categories.map((c) => `    ${xmlElement('category', c)}`),
    `    ${xmlElement('event', levelName(advisory.level, locale))}`,
    ...responses.map((r) => `    ${xmlElement('responseType', r)}`),
    `    ${xmlElement('urgency', mapping.urgency)}`,
    `    ${xmlElement('severity', mapping.severity)}`,
    `    ${xmlElement('certainty', mapping.certainty)}`,
    `    ${xmlElement('senderName', issuerName(config, lang))}`,
    `    ${xmlElement('headline', titleText(advisory, locale))}`,
    `    ${xmlElement('description', inlineMarkdownToText(t?.summary ?? advisory.summary, inLanguage))}`,
    `    ${xmlElement('instruction', guidance.join('\n'))}`,
    `    ${xmlElement('web', bulletinUrl(config, advisory.code, lang))}`,
    ...(contacts.length ? [`    ${xmlElement('contact', contacts.map((c) => contactLine(c, textDirection(lang) === 'rtl', marks)).join(marks.semicolon))}`] : []),
    `    ${parameter('advisoryLevel', level(advisory.level))}`,
    ...(advisory.risks.length ? [`    ${parameter('risks', advisory.risks.join(' '))}`] : []),
    `    ${area(`${country}${marks.colon}${level(advisory.level)}`, 'ISO3166-1', advisory.code)}`,
    ...regions.map((r) => `    ${area(`${r.name}${marks.comma}${country}${marks.colon}${level(r.level)}`, r.code ? 'ISO3166-2' : null, r.code ?? null)}`),
    '  </info>',
  ];
}

/**
 * The languages an alert has an info block in: the primary one, and each further language whose
 * translation gives the two texts an info block is for, its description (summary) and instruction
 * (guidance). An info block states one language for all its text, and alerting networks read it
 * out or pass it on as that language: English text under `<language>fr</language>` would be read
 * to French listeners as French. A language without them is left out; a recipient then takes the
 * primary block, as CAP intends for a language an alert does not carry. Names (regions, contacts)
 * left untranslated stay: they are names, mostly written one way.
 */
export function capLocales(advisory: Advisory, locales: readonly Locale[]): readonly Locale[] {
  return locales.filter(({ lang, primary }) => {
    const t = advisory.translations[lang];
    return lang === primary || (t?.summary !== undefined && t.guidance !== undefined);
  });
}

/** The alert for one advisory; `configured` are the configured languages, primary first. */
export function capAlert(advisory: Advisory, configured: readonly Locale[]): string {
  const config = configured[0]!.config;
  const sender = capSender(config.site_url);
  const locales = capLocales(advisory, configured);
  // An alert carries every language it has a block in: a translation corrected later is a new version of it.
  const languages = locales.map((l) => l.lang);
  const version = updatedInAny(advisory, languages);
  const references = capReferences(advisory, sender, languages, version);
  const mapping = CAP_BY_LEVEL[highestLevel(advisory)];
  const categories = capCategories(advisory.risks);
  const responses = capResponses(advisory);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">',
    `  ${xmlElement('identifier', capIdentifier(sender, advisory.code, version))}`,
    `  ${xmlElement('sender', sender)}`,
    `  ${xmlElement('sent', capSent(version))}`,
    '  <status>Actual</status>',
    `  ${xmlElement('msgType', references.length ? 'Update' : 'Alert')}`,
    '  <scope>Public</scope>',
    ...(references.length ? [`  ${xmlElement('references', references.join(' '))}`] : []),
    ...locales.flatMap((locale) => info(advisory, locale, mapping, categories, responses)),
    '</alert>',
    '',
  ].join('\n');
}
