/**
 * Each advisory file's SHA-256, remembered by what the file is on disk
 * (device, inode, size, modification and change times in nanoseconds), as
 * git's index does: a rebuild of a large project then need not read and
 * hash 44 MB of sources to find its cache entries.
 *
 * Writing a file always sets its change time (ctime) to the file system's
 * clock, and no user tool can set it back. A hash is remembered only for a
 * file whose ctime is before a stamp written before it was read: anything
 * written since is then sure to show a later ctime. A file changed within
 * the same clock tick as the stamp (time stamps are coarser than the clock
 * on some file systems) is never remembered, only hashed again next time.
 */
import { lstatSync, readFileSync, renameSync, writeFileSync, type BigIntStats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** [dev, ino, size, mtime ns, ctime ns] in decimal: JSON has no 64-bit integers. */
export type FileIdentity = [string, string, string, string, string];

export function identityOf(stat: BigIntStats): FileIdentity {
  return [stat.dev, stat.ino, stat.size, stat.mtimeNs, stat.ctimeNs].map(String) as FileIdentity;
}

/** Pure: whether a file read with this `stat` can be known by it later; `stampNs` is the file system's time from before it was read. */
export function rememberable(stat: BigIntStats, stampNs: bigint): boolean {
  return stat.isFile() && stat.ctimeNs < stampNs;
}

export function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.every((part, i) => part === b[i]);
}

type Remembered = Record<string, [...FileIdentity, string]>;

export class SourceHashes {
  private readonly used: Remembered = {};

  private constructor(
    private readonly file: string,
    private readonly stampNs: bigint,
    private readonly known: Remembered,
  ) {}

  /** The hashes the last build remembered in `dir` (none when unreadable), and a new stamp, written before any source is read. */
  static open(dir: string): SourceHashes {
    const file = path.join(dir, 'sources.json');
    let known: Remembered = {};
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) known = parsed as Remembered;
    } catch {
      // None yet, or damaged: every source is read and hashed.
    }
    const stamp = path.join(dir, 'sources.stamp');
    writeFileSync(stamp, '');
    return new SourceHashes(file, lstatSync(stamp, { bigint: true }).mtimeNs, known);
  }

  /** The SHA-256 of the file at `absolute` when it is the very file remembered; undefined when it must be read. */
  hashOf(absolute: string): string | undefined {
    const entry = this.known[absolute];
    if (!Array.isArray(entry) || entry.length !== 6) return undefined;
    let stat: BigIntStats;
    try {
      stat = lstatSync(absolute, { bigint: true });
    } catch {
      return undefined;
    }
    if (!stat.isFile() || !sameIdentity(identityOf(stat), entry.slice(0, 5) as FileIdentity)) return undefined;
    this.used[absolute] = entry;
    return entry[5];
  }

  /** Notes the hash of a file just read; `stat` is what it was when opened, before reading. */
  remember(absolute: string, stat: BigIntStats, sha256: string): void {
    if (rememberable(stat, this.stampNs)) this.used[absolute] = [...identityOf(stat), sha256];
  }

  /** Keeps what this build used or learnt (so files removed from the project drop out). */
  save(): void {
    const temporary = `${this.file}.${process.pid}-${randomBytes(4).toString('hex')}`;
    writeFileSync(temporary, JSON.stringify(this.used));
    renameSync(temporary, this.file);
  }
}
