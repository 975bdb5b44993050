/**
 * The rendering half of a build's unit of work (advisory-unit.ts): one valid
 * advisory's files written into the staging folder, through the cache when
 * there is one. A module of its own so that validation never loads the
 * rendering libraries.
 */
import type { Advisory } from '../advisory/types.js';
import type { KeptResult, UnitRendering, UnitResult } from './advisory-unit.js';
import { sha256, stagingPlacer, type BuildCache } from './build-cache.js';
import { openDataPart } from './open-data.js';
import { advisoryOutputs } from './outputs.js';

/** `checked` is the unit's result so far (file, diagnostics, claim); `caching` is absent with --no-cache. */
export function renderUnit(checked: UnitResult, advisory: Advisory, rendering: UnitRendering, caching?: { cache: BuildCache; key: string }): UnitResult {
  const outputs = advisoryOutputs({ file: checked.file, advisory }, rendering.config, rendering.renderer);
  const placer = stagingPlacer(rendering.stagingDir, caching?.cache);
  const entries = outputs.files.map((f) => placer.place(f.path, f.content));
  // Kept on disk, not in memory, until the document is assembled: with many languages, open data is most of a project's text.
  placer.place(openDataPart(advisory.code), outputs.record);
  const result: UnitResult = { ...checked, digest: outputs.digest, entries };
  if (!caching) return result;
  result.digestSha256 = sha256(JSON.stringify(outputs.digest));
  const { entries: _inFiles, ...kept } = result;
  caching.cache.save(caching.key, kept satisfies KeptResult, placer.blobs());
  return { ...result, cached: { key: caching.key, blobs: placer.blobs().map((f) => f.sha256) } };
}
