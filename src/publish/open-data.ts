/**
 * dist/advisories.json: every advisory as open data, for anyone who wants
 * the advice without scraping the bulletins. The fields are the YAML's (text
 * stays Markdown, as written), plus what a consumer cannot work out alone:
 * each level's name in every language, and the address of every bulletin. Pure.
 */
import type { Advisory, Level } from '../advisory/types.js';
import { alignedTranslation } from '../advisory/anchors.js';
import { LEVELS } from '../config/levels.js';
import { bulletinPath, levelColor, levelName, type Locale } from '../render/view.js';
import { absoluteUrl } from './links.js';

export const OPEN_DATA_FILE = 'advisories.json';
/** Where a build keeps each record in its staging folder until the document is assembled (removed before the swap). */
export const OPEN_DATA_PARTS = '.open-data-parts';

export function openDataPart(code: string): string {
  return `${OPEN_DATA_PARTS}/${code}.json`;
}

/** The level's name in each configured language. */
function names(level: Level, locales: readonly Locale[]): Record<string, string> {
  return Object.fromEntries(locales.map((l) => [l.lang, levelName(level, l)]));
}

function advisoryRecord(a: Advisory, locales: readonly Locale[]) {
  const { config } = locales[0]!;
  const primary = config.languages[0]!;
  return {
    code: a.code,
    country: a.country,
    level: a.level,
    level_name: names(a.level, locales),
    ...(a.title !== undefined ? { title: a.title } : {}),
    issued: a.issued,
    updated: a.updated,
    ...(a.review_by !== undefined ? { review_by: a.review_by } : {}),
    risks: a.risks,
    summary: a.summary,
    guidance: a.guidance,
    regions: a.regions.map((r) => ({ ...r, level_name: names(r.level, locales) })),
    contacts: a.contacts,
    ...(a.body !== undefined ? { body: a.body } : {}),
    updates: a.updates,
    // Translated regions and contacts in the originals' order, as a consumer pairing them by position needs them.
    translations: Object.fromEntries(Object.keys(a.translations).map((lang) => [lang, alignedTranslation(a, lang)])),
    // Only the configured languages and formats are published, so only they have addresses.
    urls: Object.fromEntries(
      config.languages.map((lang) => [lang, Object.fromEntries(config.formats.map((f) => [f, absoluteUrl(config, bulletinPath(a.code, lang, primary, f))]))]),
    ),
  };
}

/**
 * One advisory's entry in advisories.json, already indented for its place in
 * the document: a build renders each in a worker thread and writes the
 * document piece by piece instead of holding every text at once.
 */
export function openDataRecord(a: Advisory, locales: readonly Locale[]): string {
  // Split at \n only: JSON.stringify escapes every other line break inside strings. (A /^/gm replace
  // also broke after U+2028 and U+2029, which it leaves as they are, and took 2 ms per record.)
  return `    ${JSON.stringify(advisoryRecord(a, locales), null, 2).replaceAll('\n', '\n    ')}`;
}

/**
 * What comes before and after the records (in code order, so a change to one
 * advisory changes only its own lines). The whole is byte for byte what
 * `JSON.stringify(document, null, 2)` would write.
 */
export function openDataFrame(locales: readonly Locale[], empty: boolean): { head: string; separator: string; tail: string } {
  const { config } = locales[0]!;
  const document = {
    issuer: config.issuer,
    site_url: config.site_url,
    languages: config.languages,
    scale: typeof config.scale === 'string' ? config.scale : 'custom',
    levels: LEVELS.map((level) => ({ level, name: names(level, locales), color: levelColor(level, config) })),
    advisories: [],
  };
  const whole = `${JSON.stringify(document, null, 2)}\n`;
  if (empty) return { head: whole, separator: '', tail: '' };
  // The document ends with `"advisories": []\n}\n`: open the list there, close it after the records.
  return { head: `${whole.slice(0, -'[]\n}\n'.length)}[\n`, separator: ',\n', tail: '\n  ]\n}\n' };
}

/** The code order of open data's records. */
export function byCode(a: { code: string }, b: { code: string }): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
