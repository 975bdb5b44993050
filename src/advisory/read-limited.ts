/**
 * Reading a YAML file that may be hostile (an advisory, the config, a label
 * catalogue) without ever holding more than the size cap in memory: a 5 GB
 * file is refused on its size, not read. The I/O edge for parseYamlSource.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type BigIntStats } from 'node:fs';
import { MAX_FILE_BYTES } from './yaml-source.js';

export interface LimitedRead {
  /** The whole file, or only its start when it is over the limit. */
  bytes: Uint8Array;
  /** The file's size; over the limit means `bytes` is not the whole file. */
  size: number;
  /** What the open file was before it was read (nanosecond times): what a build's cache remembers its hash by. */
  stat: BigIntStats;
}

export class SymbolicLinkError extends Error {}

/**
 * Reads `file`, or only enough of it to know it is over `limit`. With
 * `noFollow`, a symbolic link is refused (SymbolicLinkError) instead of read:
 * a link in an advisory folder could pull any file on the machine into
 * error messages and bulletins.
 */
export async function readLimited(file: string, { limit = MAX_FILE_BYTES, noFollow = false } = {}): Promise<LimitedRead> {
  // Synchronous inside: files are small and many, and each asynchronous step (open, stat,
  // read, close) is a round trip through libuv's thread pool; a large project waited on those.
  let fd: number;
  try {
    // O_NOFOLLOW is checked by the kernel at open, so a file swapped for a link after listing is caught too.
    fd = openSync(file, constants.O_RDONLY | (noFollow ? (constants.O_NOFOLLOW ?? 0) : 0));
  } catch (error) {
    if (noFollow && (error as NodeJS.ErrnoException).code === 'ELOOP') throw new SymbolicLinkError(file);
    throw error;
  }
  try {
    const stat = fstatSync(fd, { bigint: true });
    const size = Number(stat.size);
    if (size > limit) return { bytes: new Uint8Array(0), size, stat };
    // Keep reading past the size stat gave, up to one byte over the limit: a file that grows
    // while being read, or reports no size (a /proc file, a pipe), is still caught by its length.
    let buffer = Buffer.alloc(Math.min(size, limit) + 1);
    let length = 0;
    for (;;) {
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > limit) break;
      if (length === buffer.length) buffer = Buffer.concat([buffer, Buffer.alloc(Math.min(buffer.length, limit + 1 - buffer.length))]);
    }
    return { bytes: buffer.subarray(0, length), size: Math.max(size, length), stat };
  } finally {
    closeSync(fd);
  }
}
