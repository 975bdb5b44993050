/**
 * News feeds of the advisories, one per language: Atom (RFC 4287) and
 * JSON Feed 1.1. One entry per advisory, the most recently updated first,
 * carrying the latest update's summary. Every date comes from the data
 * (an advisory's `updated`: a day at midnight UTC, or the time it gives),
 * never from the clock, so a rebuild gives the same bytes. Pure.
 */
import { punctuation } from '../render/punctuation.js';
import type { AdvisoryDigest } from '../advisory/types.js';
import { updatedIn } from '../advisory/versions.js';
import { compareInstants } from '../advisory/dates.js';
import { inlineMarkdownToHtml } from '../render/markdown-html.js';
import { inLanguage } from '../render/formats.js';
import { inlineMarkdownToText } from '../render/markdown-text.js';
import { label } from '../render/labels.js';
import { indexPath, issuerName, levelName, titleText, type Locale } from '../render/view.js';
import { absoluteUrl, bulletinUrl, languageFile, linkFormat, linkMediaType } from './links.js';
import { dateTimeUtc, escapeXml, xmlElement } from './xml.js';

export const ATOM_FILE = 'feed.atom';
export const JSON_FEED_FILE = 'feed.json';

export interface FeedEntry {
  /** Stable for the life of the advisory in this language, so readers update the entry instead of adding one. */
  id: string;
  url: string;
  title: string;
  level: number;
  levelName: string;
  levelLabel: string;
  published: string;
  updated: string;
  /** The latest update's summary (the advisory's summary when it lists no updates), as plain text and as HTML. */
  summaryText: string;
  summaryHtml: string;
  /** The summary's language: the primary one where the translation lacks it, so a reader (or a screen reader) is told. */
  summaryLang: string;
}

export interface Feed {
  lang: string;
  title: string;
  issuer: string;
  siteUrl: string;
  homeUrl: string;
  /** Media type of the pages entries link to. */
  pageType: string;
  atomUrl: string;
  jsonUrl: string;
  updated: string;
  entries: FeedEntry[];
}

/** Newest update first, as moments (a date alone is its midnight UTC); the country code breaks ties so the order is total. */
export function newestFirst(a: { updated: string; code: string }, b: { updated: string; code: string }): number {
  return compareInstants(b.updated, a.updated) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/**
 * A tag: URI (RFC 4151) on the site's host, dated with the advisory's first issue:
 * it survives a change of formats or of the site's layout, and differs per language.
 * A tag names its authority by a domain name; an IPv6 address (`[::1]`) is none, and its
 * brackets are not allowed there, so such a site's entries are named by an address under
 * `site_url` instead: an IRI, as atom:id must be, and as lasting.
 */
export function entryId(siteUrl: string, advisory: AdvisoryDigest, lang: string): string {
  const url = new URL(siteUrl);
  const name = `${advisory.code.toLowerCase()}/${lang}`;
  return url.hostname.startsWith('[') ? new URL(name, url).href : `tag:${url.hostname},${advisory.issued}:${url.pathname}${name}`;
}

export function feedEntry(advisory: AdvisoryDigest, locale: Locale): FeedEntry {
  const { lang, primary, config } = locale;
  const t = lang === primary ? undefined : advisory.translations[lang];
  const latest = advisory.updates[0];
  const translated = latest ? t?.updates?.[0]?.summary : t?.summary;
  const summary = translated ?? (latest ? latest.summary : advisory.summary);
  const name = levelName(advisory.level, locale);
  return {
    id: entryId(config.site_url, advisory, lang),
    url: bulletinUrl(config, advisory.code, lang),
    title: titleText(advisory, locale),
    level: advisory.level,
    levelName: name,
    levelLabel: `${label(locale.labels, lang, 'level_of', { level: advisory.level })}${punctuation(lang).colon}${name}`,
    published: dateTimeUtc(advisory.issued),
    updated: dateTimeUtc(updatedIn(advisory, lang, primary)),
    summaryText: inlineMarkdownToText(summary),
    summaryHtml: inlineMarkdownToHtml(summary),
    summaryLang: lang === primary || translated !== undefined ? lang : primary,
  };
}

export function feed(advisories: readonly AdvisoryDigest[], locale: Locale): Feed {
  const { lang, primary, config } = locale;
  // Ordered by the date each advisory last changed in this feed's language.
  const entries = advisories
    .map((a) => ({ updated: updatedIn(a, lang, primary), code: a.code, advisory: a }))
    .sort(newestFirst)
    .map(({ advisory }) => feedEntry(advisory, locale));
  return {
    lang,
    // The issuer is the feed's author; the title stays a label, so each language words it its own way.
    title: label(locale.labels, lang, 'index_title'),
    issuer: issuerName(config, lang),
    siteUrl: config.site_url,
    homeUrl: absoluteUrl(config, indexPath(lang, primary, linkFormat(config))),
    pageType: linkMediaType(config),
    atomUrl: absoluteUrl(config, languageFile(ATOM_FILE, lang, primary)),
    jsonUrl: absoluteUrl(config, languageFile(JSON_FEED_FILE, lang, primary)),
    // With no advisories there is nothing newer than the epoch; a build always has at least one.
    updated: entries[0]?.updated ?? dateTimeUtc('1970-01-01'),
    entries,
  };
}

const link = (rel: string, type: string, href: string) => `<link rel="${rel}" type="${type}" href="${escapeXml(href)}"/>`;

export function atomFeed(f: Feed): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(f.lang)}">`,
    `  ${xmlElement('id', f.atomUrl)}`,
    `  ${xmlElement('title', f.title)}`,
    `  ${xmlElement('updated', f.updated)}`,
    `  <author>${xmlElement('name', f.issuer)}${xmlElement('uri', f.siteUrl)}</author>`,
    `  ${link('self', 'application/atom+xml', f.atomUrl)}`,
    `  ${link('alternate', f.pageType, f.homeUrl)}`,
  ];
  for (const e of f.entries) {
    lines.push(
      '  <entry>',
      `    ${xmlElement('id', e.id)}`,
      `    ${xmlElement('title', e.title)}`,
      `    ${xmlElement('published', e.published)}`,
      `    ${xmlElement('updated', e.updated)}`,
      `    ${link('alternate', f.pageType, e.url)}`,
      `    <category term="level-${e.level}" label="${escapeXml(e.levelLabel)}"/>`,
      `    <summary type="text"${e.summaryLang === f.lang ? '' : ` xml:lang="${escapeXml(e.summaryLang)}"`}>${escapeXml(e.summaryText)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

export function jsonFeed(f: Feed): string {
  const document = {
    version: 'https://jsonfeed.org/version/1.1',
    title: f.title,
    home_page_url: f.homeUrl,
    feed_url: f.jsonUrl,
    language: f.lang,
    authors: [{ name: f.issuer, url: f.siteUrl }],
    items: f.entries.map((e) => ({
      id: e.id,
      url: e.url,
      title: e.title,
      summary: e.summaryText,
      // An item's `language` would cover its title too, which is in the feed's language: the fallback text is marked in place.
      content_html: inLanguage(e.summaryHtml, e.summaryLang === f.lang ? undefined : e.summaryLang, 'span'),
      date_published: e.published,
      date_modified: e.updated,
      tags: [e.levelLabel],
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
