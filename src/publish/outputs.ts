/**
 * Everything one build publishes, as a list of files in memory: bulletins,
 * indexes, feeds, CAP alerts, open data and the manifest. `build` writes the
 * list; `build --check` compares it with the output folder. One function for
 * both, so a check can never disagree with what a build would write.
 */
import type { LoadedAdvisory } from '../advisory/types.js';
import type { Config } from '../config/config.js';
import type { Renderer, RenderedFile } from '../render/renderer.js';
import { capAlert, capPath } from './cap.js';
import { ATOM_FILE, JSON_FEED_FILE, atomFeed, feed, jsonFeed } from './feeds.js';
import { languageFile } from './links.js';
import { buildManifest, manifestEntry, serializeManifest, MANIFEST_FILE } from './manifest.js';
import { OPEN_DATA_FILE, openData } from './open-data.js';

export interface OutputOptions {
  version: string;
  /** Called after each bulletin with how many are done and how many there are. */
  onBulletin?: (done: number, total: number) => void;
}

export function bulletinCount(advisories: readonly LoadedAdvisory[], config: Config): number {
  return advisories.length * config.languages.length * config.formats.length;
}

export function renderOutputs(loaded: readonly LoadedAdvisory[], config: Config, renderer: Renderer, options: OutputOptions): RenderedFile[] {
  const files: RenderedFile[] = [];
  const advisories = loaded.map((a) => a.advisory);
  const primary = config.languages[0]!;
  const locales = config.languages.map((lang) => renderer.locale(lang));
  const total = bulletinCount(loaded, config);
  for (const { advisory, file } of loaded) {
    for (const lang of config.languages) {
      for (const format of config.formats) {
        files.push(renderer.bulletin(advisory, lang, format, file));
        options.onBulletin?.(files.length, total);
      }
    }
  }
  for (const lang of config.languages) {
    for (const format of config.formats) files.push(renderer.index(advisories, lang, format));
  }
  for (const locale of locales) {
    const f = feed(advisories, locale);
    files.push({ path: languageFile(ATOM_FILE, locale.lang, primary), content: atomFeed(f) });
    files.push({ path: languageFile(JSON_FEED_FILE, locale.lang, primary), content: jsonFeed(f) });
  }
  for (const advisory of advisories) files.push({ path: capPath(advisory.code), content: capAlert(advisory, locales) });
  files.push({ path: OPEN_DATA_FILE, content: openData(advisories, locales) });
  const manifest = buildManifest(options.version, files.map((f) => manifestEntry(f.path, f.content)), advisories);
  files.push({ path: MANIFEST_FILE, content: serializeManifest(manifest) });
  return files;
}

