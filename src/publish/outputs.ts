/**
 * Everything one build publishes, as a list of files in memory: bulletins,
 * indexes, feeds, CAP alerts, open data and the manifest. `build` writes
 * them, `build --check` compares them with the output folder, and `serve`
 * keeps them in memory: one function for all three, so they never disagree.
 */
import { digest, type AdvisoryDigest, type LoadedAdvisory } from '../advisory/types.js';
import type { Config } from '../config/config.js';
import type { Renderer, RenderedFile } from '../render/renderer.js';
import { capAlert, capPath } from './cap.js';
import { ATOM_FILE, JSON_FEED_FILE, atomFeed, feed, jsonFeed } from './feeds.js';
import { languageFile } from './links.js';
import { buildManifest, manifestEntry, serializeManifest, MANIFEST_FILE, type ManifestEntry } from './manifest.js';
import { OPEN_DATA_FILE, byCode, openDataFrame, openDataRecord } from './open-data.js';

export interface OutputOptions {
  version: string;
}

export interface PublishedFile extends RenderedFile {
  kind: 'bulletin' | 'index' | 'feed' | 'alert' | 'data' | 'manifest';
}

/** What one advisory publishes: its bulletins and CAP alert, its open-data record, and its digest for the pages about all. */
export interface AdvisoryOutputs {
  files: PublishedFile[];
  record: string;
  digest: AdvisoryDigest;
}

/** Everything that depends on one advisory alone: a build renders these in worker threads. */
export function advisoryOutputs({ advisory, file }: LoadedAdvisory, config: Config, renderer: Renderer): AdvisoryOutputs {
  const locales = config.languages.map((lang) => renderer.locale(lang));
  const files: PublishedFile[] = [];
  for (const lang of config.languages) {
    for (const format of config.formats) files.push({ kind: 'bulletin', ...renderer.bulletin(advisory, lang, format, file) });
  }
  files.push({ kind: 'alert', path: capPath(advisory.code), content: capAlert(advisory, locales) });
  return { files, record: openDataRecord(advisory, locales), digest: digest(advisory) };
}

/** The pages about all advisories: every language's index in every format, and its feeds. */
export function* siteFiles(digests: readonly AdvisoryDigest[], config: Config, renderer: Renderer): Generator<PublishedFile> {
  const primary = config.languages[0]!;
  for (const lang of config.languages) {
    for (const format of config.formats) yield { kind: 'index', ...renderer.index(digests, lang, format) };
  }
  for (const lang of config.languages) {
    const locale = renderer.locale(lang);
    const f = feed(digests, locale);
    yield { kind: 'feed', path: languageFile(ATOM_FILE, lang, primary), content: atomFeed(f) };
    yield { kind: 'feed', path: languageFile(JSON_FEED_FILE, lang, primary), content: jsonFeed(f) };
  }
}

/**
 * Everything in order, for `build --check` and `serve`, which hold it in
 * memory; a build writes the same pieces from worker threads. A generator,
 * so that only the manifest's small entries are kept, and the manifest comes last.
 */
export function* renderOutputs(loaded: readonly LoadedAdvisory[], config: Config, renderer: Renderer, options: OutputOptions): Generator<PublishedFile> {
  const entries: ManifestEntry[] = [];
  const emit = (file: PublishedFile): PublishedFile => {
    entries.push(manifestEntry(file.path, file.content));
    return file;
  };
  const made = loaded.map((one) => advisoryOutputs(one, config, renderer));
  for (const { files } of made) yield* files.map(emit);
  const digests = made.map((m) => m.digest);
  for (const file of siteFiles(digests, config, renderer)) yield emit(file);
  const locales = config.languages.map((lang) => renderer.locale(lang));
  const { head, separator, tail } = openDataFrame(locales, made.length === 0);
  const records = made.map((m) => ({ code: m.digest.code, record: m.record })).sort(byCode);
  yield emit({ kind: 'data', path: OPEN_DATA_FILE, content: head + records.map((r) => r.record).join(separator) + tail });
  yield { kind: 'manifest', path: MANIFEST_FILE, content: serializeManifest(buildManifest(options.version, entries, digests)) };
}
