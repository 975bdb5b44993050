/**
 * Every page a project publishes, in one place: each advisory in each
 * configured language and format, then the indexes. `advisory build` writes
 * what this yields to the output folder; `advisory serve` keeps it in memory.
 * A generator, so a large build writes each page as it is rendered instead of
 * holding them all.
 */
import type { LoadedAdvisory } from '../advisory/types.js';
import type { Config } from '../config/config.js';
import type { RenderedFile, Renderer } from '../render/renderer.js';

export interface PublishedFile extends RenderedFile {
  kind: 'bulletin' | 'index';
}

/** How many bulletins `renderAll` yields (indexes not counted), for progress and the summary line. */
export function bulletinCount(advisories: readonly LoadedAdvisory[], config: Config): number {
  return advisories.length * config.languages.length * config.formats.length;
}

export function* renderAll(renderer: Renderer, loaded: readonly LoadedAdvisory[], config: Config): Generator<PublishedFile> {
  for (const { advisory, file } of loaded) {
    for (const lang of config.languages) {
      for (const format of config.formats) yield { kind: 'bulletin', ...renderer.bulletin(advisory, lang, format, file) };
    }
  }
  const advisories = loaded.map((a) => a.advisory);
  for (const lang of config.languages) {
    for (const format of config.formats) yield { kind: 'index', ...renderer.index(advisories, lang, format) };
  }
}
