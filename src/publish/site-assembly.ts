/**
 * The last step of a build, once every advisory is rendered into the staging
 * folder: the pages about all advisories (indexes, feeds), advisories.json
 * assembled from the records the units left on disk, and the manifest.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
import type { AdvisoryDigest } from '../advisory/types.js';
import type { Renderer } from '../render/renderer.js';
import type { UnitResult } from './advisory-unit.js';
import { buildManifest, serializeManifest, MANIFEST_FILE, type ManifestEntry } from './manifest.js';
import { byCode, openDataFrame, openDataPart, OPEN_DATA_FILE, OPEN_DATA_PARTS } from './open-data.js';
import { folderWriter } from './output-folder.js';
import { removeTree } from './remove-tree.js';
import { siteFiles } from './outputs.js';
import { BuildCache, cacheKey, sha256, stagingPlacer } from './build-cache.js';

/** The site's files written into staging; `published` is every file the output holds, `cached` names what of the cache they used. */
export function writeSite(stagingDir: string, results: readonly UnitResult[], config: Config, renderer: Renderer, version: string, cache?: BuildCache): { published: Set<string>; cached?: { key: string; blobs: string[] } } {
  const write = folderWriter(stagingDir);
  const digests = results.flatMap((r) => (r.digest ? [r.digest] : []));
  const entries: ManifestEntry[] = results.flatMap((r) => r.entries);
  const digestKeys = results.flatMap((r) => (r.digest ? [r.digestSha256 ?? sha256(JSON.stringify(r.digest))] : []));
  const pages = pagesAboutAll(stagingDir, digests, digestKeys, config, renderer, version, cache);
  entries.push(...pages.entries);
  entries.push(assembleOpenData(stagingDir, digests, config, renderer));
  // A new file: in a reused staging folder the old one may be linked elsewhere.
  rmSync(path.join(stagingDir, MANIFEST_FILE), { force: true });
  write(MANIFEST_FILE, serializeManifest(buildManifest(version, entries, digests)));
  const published = new Set([MANIFEST_FILE, ...entries.map((e) => e.path)]);
  return { published, ...(pages.cached ? { cached: pages.cached } : {}) };
}

/**
 * Indexes and feeds. They depend only on the digests (not on bodies or
 * guidance), so after most changes to one advisory the cache has them too;
 * `digestKeys` (the digests' hashes, in order) key them.
 */
function pagesAboutAll(stagingDir: string, digests: readonly AdvisoryDigest[], digestKeys: readonly string[], config: Config, renderer: Renderer, version: string, cache?: BuildCache) {
  const key = cache && cacheKey(['site', version, renderer.fingerprint, ...digestKeys]);
  const hit = key === undefined ? undefined : cache!.restore<ManifestEntry[]>(key);
  let entries = hit;
  if (!entries) {
    // Each page is placed as it is made, so only one is ever held in memory (48 of them at 16 languages were 30 MB).
    const placer = stagingPlacer(stagingDir, cache);
    entries = [];
    for (const f of siteFiles(digests, config, renderer)) entries.push(placer.place(f.path, f.content));
    if (key) cache!.save(key, entries, placer.blobs());
  }
  const blobs = entries.map((e) => e.sha256);
  return { entries, ...(key ? { cached: { key, blobs } } : {}) };
}

/** advisories.json, written piece by piece from the records on disk (one in memory at a time), then the pieces removed. */
function assembleOpenData(stagingDir: string, digests: readonly AdvisoryDigest[], config: Config, renderer: Renderer): ManifestEntry {
  const locales = config.languages.map((lang) => renderer.locale(lang));
  const { head, separator, tail } = openDataFrame(locales, digests.length === 0);
  const hash = createHash('sha256');
  let size = 0;
  const target = path.join(stagingDir, OPEN_DATA_FILE);
  rmSync(target, { force: true });
  const fd = openSync(target, 'w');
  const append = (bytes: Uint8Array) => {
    writeSync(fd, bytes);
    hash.update(bytes);
    size += bytes.byteLength;
  };
  try {
    append(Buffer.from(head, 'utf8'));
    [...digests].sort(byCode).forEach((d, i) => {
      if (i > 0) append(Buffer.from(separator, 'utf8'));
      append(readWhole(path.join(stagingDir, openDataPart(d.code))));
    });
    append(Buffer.from(tail, 'utf8'));
  } finally {
    closeSync(fd);
  }
  removeTree(path.join(stagingDir, OPEN_DATA_PARTS));
  return { path: OPEN_DATA_FILE, size, sha256: hash.digest('hex') };
}

/** Grows to the largest record; reused, so that 47 MB of records are not 249 new buffers for the collector. */
let partBuffer = Buffer.allocUnsafe(256 * 1024);

/** The whole of `file` in a buffer reused by the next call. */
function readWhole(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size > partBuffer.length) partBuffer = Buffer.allocUnsafe(size);
    let length = 0;
    while (length < size) {
      const read = readSync(fd, partBuffer, length, size - length, null);
      if (read === 0) throw new Error(`internal: ${file} shrank while being read`);
      length += read;
    }
    return partBuffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}
