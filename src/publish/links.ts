/**
 * Absolute links for what leaves the site (feeds, CAP alerts, open data):
 * every one is `site_url` plus a path inside the output folder.
 */
import type { Config } from '../config/config.js';
import { bulletinPath } from '../render/view.js';

/** Readers follow links to a web page when there is one, else to the first configured format. */
export function linkFormat(config: Config): string {
  return config.formats.includes('html') ? 'html' : config.formats[0]!;
}

const MEDIA_TYPES: Readonly<Record<string, string>> = { html: 'text/html', md: 'text/markdown', txt: 'text/plain' };

/** The media type of the pages `linkFormat` links to, for Atom's `type` attribute. */
export function linkMediaType(config: Config): string {
  return MEDIA_TYPES[linkFormat(config)]!;
}

export function absoluteUrl(config: Config, relative: string): string {
  return new URL(relative, config.site_url).href;
}

export function bulletinUrl(config: Config, code: string, lang: string): string {
  return absoluteUrl(config, bulletinPath(code, lang, config.languages[0]!, linkFormat(config)));
}

/** A language's copy of a site-wide file: `feed.json` for the primary language, `fr/feed.json` for French. */
export function languageFile(file: string, lang: string, primary: string): string {
  return lang === primary ? file : `${lang}/${file}`;
}
