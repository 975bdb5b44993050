/**
 * Everything one build publishes, as a list of files in memory: bulletins,
 * indexes, feeds, CAP alerts, open data and the manifest. `build` writes
 * them, `build --check` compares them with the output folder, and `serve`
 * keeps them in memory: one function for all three, so they never disagree.
 */
import type { LoadedAdvisory } from '../advisory/types.js';
import type { Config } from '../config/config.js';
import type { Renderer, RenderedFile } from '../render/renderer.js';
import { capAlert, capPath } from './cap.js';
import { ATOM_FILE, JSON_FEED_FILE, atomFeed, feed, jsonFeed } from './feeds.js';
import { languageFile } from './links.js';
import { buildManifest, manifestEntry, serializeManifest, MANIFEST_FILE, type ManifestEntry } from './manifest.js';
import { OPEN_DATA_FILE, openData } from './open-data.js';

export interface OutputOptions {
  version: string;
}

export interface PublishedFile extends RenderedFile {
  kind: 'bulletin' | 'index' | 'feed' | 'alert' | 'data' | 'manifest';
}

/** How many bulletins a build writes (indexes and the rest not counted), for progress and the summary line. */
export function bulletinCount(advisories: readonly LoadedAdvisory[], config: Config): number {
  return advisories.length * config.languages.length * config.formats.length;
}

/**
 * A generator, so that a build writes each file as soon as it is rendered
 * instead of holding thousands in memory; only the manifest's small entries
 * are kept, and the manifest comes last.
 */
export function* renderOutputs(loaded: readonly LoadedAdvisory[], config: Config, renderer: Renderer, options: OutputOptions): Generator<PublishedFile> {
  const entries: ManifestEntry[] = [];
  const emit = (kind: PublishedFile['kind'], file: RenderedFile): PublishedFile => {
    entries.push(manifestEntry(file.path, file.content));
    return { kind, ...file };
  };
  const advisories = loaded.map((a) => a.advisory);
  const primary = config.languages[0]!;
  const locales = config.languages.map((lang) => renderer.locale(lang));
  for (const { advisory, file } of loaded) {
    for (const lang of config.languages) {
      for (const format of config.formats) yield emit('bulletin', renderer.bulletin(advisory, lang, format, file));
    }
  }
  for (const lang of config.languages) {
    for (const format of config.formats) yield emit('index', renderer.index(advisories, lang, format));
  }
  for (const locale of locales) {
    const f = feed(advisories, locale);
    yield emit('feed', { path: languageFile(ATOM_FILE, locale.lang, primary), content: atomFeed(f) });
    yield emit('feed', { path: languageFile(JSON_FEED_FILE, locale.lang, primary), content: jsonFeed(f) });
  }
  for (const advisory of advisories) yield emit('alert', { path: capPath(advisory.code), content: capAlert(advisory, locales) });
  yield emit('data', { path: OPEN_DATA_FILE, content: openData(advisories, locales) });
  yield { kind: 'manifest', path: MANIFEST_FILE, content: serializeManifest(buildManifest(options.version, entries, advisories)) };
}
