/**
 * The unit of work of a large build or validation: one advisory file, read,
 * checked and (for a build) rendered and written. The same function runs in
 * the main thread for small projects and in worker threads for large ones,
 * so the two can never differ.
 */
import type { Config } from '../config/config.js';
import { displayPath, readSources, validateSourceFile, type SourceFile } from '../advisory/load.js';
import type { RuleOptions } from '../advisory/rules.js';
import type { AdvisoryDigest } from '../advisory/types.js';
import { codeClaim, type CodeClaim } from '../advisory/validate.js';
import { escalateWarnings, type Diagnostic } from '../report/diagnostics.js';
import type { Renderer } from '../render/renderer.js';
import { BuildCache, cacheKey, sha256, type CacheEntry } from './build-cache.js';
import type { SourceHashes } from './source-hashes.js';
import type { ManifestEntry } from './manifest.js';
import { openDataPart } from './open-data.js';
import { toolIdentity } from '../version.js';

export interface UnitSettings {
  cwd: string;
  rules: RuleOptions;
  strict: boolean;
}

/** What a build's unit renders with, and where it puts the files; absent when only validating. */
export interface UnitRendering {
  config: Config;
  renderer: Renderer;
  stagingDir: string;
  /** Absent with --no-cache. */
  cache?: BuildCache;
}

/** How a build's units are set up, as plain data (it crosses to worker threads by structured cloning). */
export interface BuildJob {
  config: Config;
  templateDirs: string[];
  stagingDir: string;
  /** Whether staging began as an earlier output (see spare-output.ts). */
  reusing: boolean;
  /** The cache folder; absent with --no-cache. */
  cacheDir?: string;
}

export function unitRendering(job: BuildJob, renderer: Renderer): UnitRendering {
  return { config: job.config, renderer, stagingDir: job.stagingDir, ...(job.cacheDir ? { cache: new BuildCache(job.cacheDir, job.stagingDir, job.reusing) } : {}) };
}

export interface UnitResult {
  file: string;
  diagnostics: Diagnostic[];
  /** The file's claim to its country, when it is valid (for the one-file-per-country rule). */
  claim?: CodeClaim;
  /** Present when the advisory was rendered. */
  digest?: AdvisoryDigest;
  /**
   * SHA-256 of the digest's JSON, when the build has a cache: the key of the
   * indexes and feeds is made of these (hashing 249 digests of 16 languages whole took 0.05 s of a rebuild).
   */
  digestSha256?: string;
  /** The files written for it. */
  entries: ManifestEntry[];
  /** Its cache entry and the blobs it uses, so that a build can drop the rest. */
  cached?: { key: string; blobs: string[] };
}

/** What a unit's cache entry keeps: its result without what the entry's files already say (the manifest's entries, the blobs). */
export type KeptResult = Omit<UnitResult, 'entries' | 'cached'>;

/** The unit's result from its cache entry: the files a unit records are its bulletins and alert, then its open-data record. */
function fromEntry(key: string, entry: CacheEntry<KeptResult>): UnitResult {
  const record = entry.result.digest && openDataPart(entry.result.digest.code);
  return {
    ...entry.result,
    entries: entry.files.filter((f) => f.path !== record).map(({ path, size, sha256 }) => ({ path, size, sha256 })),
    cached: { key, blobs: entry.files.map((f) => f.sha256) },
  };
}

interface Keyed {
  source: SourceFile;
  /** Absent without a cache, and for a file refused unread (never valid, so never cached). */
  key?: string;
}

/** The key of a file's cache entry: everything its output depends on. */
function entryKey(file: string, sourceSha256: string, settings: UnitSettings, rendering: UnitRendering): string {
  return cacheKey([toolIdentity(), rendering.renderer.fingerprint, JSON.stringify(settings.rules), String(settings.strict), file, sourceSha256]);
}

async function keyed(absolute: string, settings: UnitSettings, rendering?: UnitRendering): Promise<Keyed> {
  const source = (await readSources(settings.cwd, [absolute]))[0]!;
  if (source.refused !== undefined || !rendering?.cache) return { source };
  return { source, key: entryKey(source.file, sha256(source.bytes), settings, rendering) };
}

/**
 * The file's cache entry, its files not yet placed in staging; undefined when
 * it must be processed. With `hashes`, a file known by its identity on disk is
 * not read at all, and one that is read is remembered.
 */
export async function cachedEntry(absolute: string, settings: UnitSettings, rendering: UnitRendering, hashes?: SourceHashes): Promise<CacheEntry<UnitResult> | undefined> {
  let sourceSha256 = hashes?.hashOf(absolute);
  if (sourceSha256 === undefined) {
    const { source } = await keyed(absolute, settings);
    if (source.refused !== undefined) return undefined;
    sourceSha256 = sha256(source.bytes);
    if (source.stat) hashes?.remember(absolute, source.stat, sourceSha256);
  }
  const key = entryKey(displayPath(settings.cwd, absolute), sourceSha256, settings, rendering);
  const entry = rendering.cache!.entry<KeptResult>(key);
  return entry && { result: fromEntry(key, entry), files: entry.files };
}

export async function processAdvisoryFile(absolute: string, settings: UnitSettings, rendering?: UnitRendering): Promise<UnitResult> {
  const { source, key } = await keyed(absolute, settings, rendering);
  const cached = key === undefined ? undefined : { cache: rendering!.cache!, key };
  const entry = cached?.cache.entry<KeptResult>(cached.key);
  if (entry && cached!.cache.place(entry.files)) return fromEntry(cached!.key, entry);
  const { file } = source;

  const { validated, diagnostics: found } = validateSourceFile(source, settings.rules);
  const diagnostics = settings.strict ? escalateWarnings(found) : found;
  const claim = validated ? codeClaim(validated)[0] : undefined;
  const advisory = validated?.advisory;
  const checked: UnitResult = { file, diagnostics, ...(claim ? { claim } : {}), entries: [] };
  if (!rendering || !advisory || diagnostics.some((d) => d.severity === 'error')) return checked;

  // Loaded here, not at the top: `validate` never renders, and its threads start sooner without the rendering libraries.
  const { renderUnit } = await import('./unit-render.js');
  return renderUnit(checked, advisory, rendering, cached);
}
