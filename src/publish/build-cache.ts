/**
 * The build cache (`.advisory-cache/` in the project folder): what each
 * advisory rendered to, keyed by a hash of everything its output depends on
 * (the file's bytes and name, the templates, labels and config, the reference
 * date, --strict and the tool's version). A rebuild after changing one
 * advisory renders that one; the others' files are hard-linked from the
 * cache into the staging folder, so the atomic swap and the bytes stay as in
 * a full build.
 *
 * Blobs are named by their SHA-256 and never written twice, in 16 folders by
 * the hash's first digit (see SHARD_DIGITS). A published file
 * is a link to its blob, so an edit in place of dist/ would change the blob:
 * each blob's inode, size and modification time are recorded when it is
 * made, and a blob that differs is not trusted (the advisory is rendered
 * again). `--no-cache` bypasses all of it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { manifestEntry, type ManifestEntry } from './manifest.js';
import { folderWriter } from './output-folder.js';

export const CACHE_DIR = '.advisory-cache';
/** Bumped when the layout of the cache changes, so an old cache is simply not found. */
const LAYOUT = 'v3';

/**
 * Blobs go in folders by the first digits of their hash: two threads creating
 * files in one folder wait for each other on it. 12,000 files made by two
 * processes took 0.12 to 1.75 s in one folder on this disk (it varies that
 * much), 0.58 to 0.64 s in 16 and 0.55 to 1.1 s in 256, where making the
 * folders themselves costs a 249-bulletin build more than it saves.
 */
const SHARD_DIGITS = 1;

export interface BlobRecord {
  path: string;
  sha256: string;
  ino: number;
  size: number;
  mtimeMs: number;
}

export interface CacheEntry<T> {
  result: T;
  files: BlobRecord[];
}

/** Places files in the staging folder: through the cache, or straight when there is none. */
export interface Placer {
  place(relative: string, bytes: Uint8Array, sha256: string): void;
}

/**
 * Puts rendered files into the staging folder, through the cache when there
 * is one (recording the blobs for its entry), and gives each one's manifest entry.
 */
export function stagingPlacer(stagingDir: string, cache?: BuildCache): { place(relative: string, content: string): ManifestEntry; blobs(): BlobRecord[] } {
  const recorder = cache?.recorder();
  const write = recorder ? undefined : folderWriter(stagingDir);
  return {
    place(relative, content) {
      // Hashed and written before the next file is encoded into the same buffer.
      const bytes = encodeReused(content);
      const entry = manifestEntry(relative, bytes);
      if (recorder) recorder.place(relative, bytes, entry.sha256);
      else write!(relative, bytes);
      return entry;
    },
    blobs: () => recorder?.files ?? [],
  };
}

/** Grows when a file needs more; each UTF-16 code unit is at most 3 bytes of UTF-8. */
let scratch = Buffer.allocUnsafe(1024 * 1024);

/**
 * `content` as UTF-8 in a buffer reused for every file, valid until the next
 * call. A new buffer per file (12,000 in a large build, 135 MB per thread) was
 * memory outside V8's heap that each thread had to allocate and collect.
 */
function encodeReused(content: string): Buffer {
  if (content.length * 3 > scratch.length) scratch = Buffer.allocUnsafe(content.length * 3);
  return scratch.subarray(0, scratch.write(content, 0, 'utf8'));
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The key of a cache entry. Besides the given parts, the Node.js version and its
 * Unicode data: country names and dates come from ICU, which changes between releases.
 */
export function cacheKey(parts: ReadonlyArray<string | Uint8Array>): string {
  const hash = createHash('sha256').update(`${LAYOUT} ${process.version} icu ${process.versions.icu ?? ''} unicode ${process.versions.unicode ?? ''}`);
  // Each part's length first, so no two different lists of parts hash alike.
  for (const part of parts) hash.update(`\0${typeof part === 'string' ? Buffer.byteLength(part) : part.byteLength}\0`).update(part);
  return hash.digest('hex');
}

/** The folder of this layout of the cache, where its entries, blobs and remembered source hashes are. */
export function layoutFolder(root: string): string {
  return path.join(root, LAYOUT);
}

function layout(root: string): { entries: string; blobs: string } {
  return { entries: path.join(layoutFolder(root), 'entries'), blobs: path.join(layoutFolder(root), 'blobs') };
}

/**
 * Removes the entries and blobs a build did not use, so the cache holds one
 * build's worth however often advisories change, and the folders of other
 * layouts (left by another version of the tool), which this one never reads.
 */
export function sweepCache(root: string, keys: ReadonlySet<string>, blobs: ReadonlySet<string>): void {
  for (const name of readdirSync(root)) if (/^v\d+$/.test(name) && name !== LAYOUT) rmSync(path.join(root, name), { recursive: true, force: true });
  const folders = layout(root);
  for (const name of readdirSync(folders.entries)) if (!keys.has(name.replace(/\.json$/, ''))) rmSync(path.join(folders.entries, name), { force: true });
  for (const shard of readdirSync(folders.blobs, { withFileTypes: true })) {
    const shardPath = path.join(folders.blobs, shard.name);
    if (!shard.isDirectory()) rmSync(shardPath, { force: true });
    else for (const name of readdirSync(shardPath)) if (!blobs.has(name)) rmSync(path.join(shardPath, name), { force: true });
  }
}

export class BuildCache {
  private readonly entries: string;
  private readonly blobs: string;
  private readonly toStaging: (relative: string, content: Uint8Array) => void;
  private readonly made = new Set<string>();

  /**
   * `reusing`: staging began as the output before last (see spare-output.ts), so
   * a file may already be there; one that is the very blob recorded is kept.
   */
  constructor(
    root: string,
    private readonly stagingDir: string,
    private readonly reusing = false,
  ) {
    ({ entries: this.entries, blobs: this.blobs } = layout(root));
    mkdirSync(this.entries, { recursive: true });
    mkdirSync(this.blobs, { recursive: true });
    this.toStaging = folderWriter(stagingDir);
  }

  /** The cached result for `key` with its files linked into staging; undefined when missing or not to be trusted. */
  restore<T>(key: string): T | undefined {
    const entry = this.entry<T>(key);
    return entry && this.place(entry.files) ? entry.result : undefined;
  }

  /** The entry saved under `key`, its files not yet placed; undefined when there is none. */
  entry<T>(key: string): CacheEntry<T> | undefined {
    try {
      return JSON.parse(readFileSync(path.join(this.entries, `${key}.json`), 'utf8')) as CacheEntry<T>;
    } catch {
      return undefined;
    }
  }

  /**
   * Links an entry's files into staging, all or none: false, with nothing it
   * linked left behind, when a blob is missing or changed or a link fails.
   * Files a reused staging folder already holds as the recorded blobs stay.
   */
  place(files: readonly BlobRecord[]): boolean {
    const missing = this.reusing ? files.filter((f) => !this.inStaging(f)) : files;
    if (!missing.every((f) => this.intact(f))) return false;
    const linked: string[] = [];
    try {
      for (const file of missing) {
        this.link(file.sha256, file.path);
        linked.push(file.path);
      }
    } catch {
      // Take back what was linked: rendering again must write new files, never through a link into a blob.
      for (const relative of linked) rmSync(path.join(this.stagingDir, relative), { force: true });
      return false;
    }
    return true;
  }

  /** A placer that records what it places, for `save`. */
  recorder(): Placer & { files: BlobRecord[] } {
    const files: BlobRecord[] = [];
    return {
      files,
      place: (relative, bytes, sha) => {
        const blob = this.blob(sha);
        try {
          this.writeNew(blob, bytes);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
          if (!this.matches(blob, bytes.byteLength)) this.replace(blob, bytes);
        }
        const info = lstatSync(blob);
        files.push({ path: relative, sha256: sha, ino: info.ino, size: info.size, mtimeMs: info.mtimeMs });
        this.link(sha, relative, bytes);
      },
    };
  }

  save<T>(key: string, result: T, files: BlobRecord[]): void {
    const target = path.join(this.entries, `${key}.json`);
    const temporary = `${target}.${process.pid}-${randomBytes(4).toString('hex')}`;
    writeFileSync(temporary, JSON.stringify({ result, files } satisfies CacheEntry<T>));
    renameSync(temporary, target);
  }

  private blob(sha: string): string {
    return path.join(this.blobs, sha.slice(0, SHARD_DIGITS), sha);
  }

  /** A new blob file (EEXIST if there is one), its folder made the first time one is needed. */
  private writeNew(blob: string, bytes: Uint8Array): void {
    try {
      writeFileSync(blob, bytes, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(path.dirname(blob), { recursive: true });
      writeFileSync(blob, bytes, { flag: 'wx' });
    }
  }

  /** Whether the blob at `file.path` in staging, or `at`, is the file recorded, unchanged. */
  private intact(file: BlobRecord, at = this.blob(file.sha256)): boolean {
    try {
      const info = lstatSync(at);
      return info.isFile() && info.ino === file.ino && info.size === file.size && info.mtimeMs === file.mtimeMs;
    } catch {
      return false;
    }
  }

  /** Whether staging already holds the blob recorded, unchanged, at its path: true only in a reused staging folder. */
  private inStaging(file: BlobRecord): boolean {
    return this.intact(file, path.join(this.stagingDir, file.path));
  }

  private matches(blob: string, size: number): boolean {
    const info = lstatSync(blob);
    return info.isFile() && info.size === size && sha256(readFileSync(blob)) === path.basename(blob);
  }

  /** A damaged blob gets a new file (a new inode): links to the old one, in published output, keep what they hold. */
  private replace(blob: string, bytes: Uint8Array): void {
    const temporary = `${blob}.${process.pid}-${randomBytes(4).toString('hex')}`;
    writeFileSync(temporary, bytes);
    renameSync(temporary, blob);
  }

  /** The blob at `relative` in staging: a hard link, or a copy where links are not possible (another file system). */
  private link(sha: string, relative: string, bytes?: Uint8Array): void {
    const target = path.join(this.stagingDir, relative);
    try {
      const folder = path.dirname(target);
      if (!this.made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        this.made.add(folder);
      }
      linkSync(this.blob(sha), target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') {
        // Two files claim the same country: the build will fail on that, and this file must not stop it first.
        rmSync(target);
        return this.link(sha, relative, bytes);
      }
      if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK') throw error;
      // A new file, never written through one that is there (in a reused staging folder, a link to another blob).
      rmSync(target, { force: true });
      this.toStaging(relative, bytes ?? readFileSync(this.blob(sha)));
    }
  }
}

