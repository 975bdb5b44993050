/**
 * The output a build replaces is kept in the cache as the next build's
 * staging folder, rather than removed. After a change to one advisory, most
 * of its files are already the right blobs (hard links the cache recorded):
 * the next build checks each with one lstat and keeps it, where a fresh
 * staging folder needed a link for each file and the swap an unlink for each
 * retired one (24,000 system calls for 12,000 files). Whatever the spare
 * holds that the new build does not publish is removed before the swap, so
 * the published folder is exactly what a build from empty writes.
 *
 * It is only ever a saving: an output with a folder this user cannot write
 * (someone ran `chmod -w dist/fr`) is not kept, and one that turns out so when
 * taken is not used (see openStaging); the build starts from empty instead.
 */
import { renameSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { walk } from '../walk.js';
import { layoutFolder } from './build-cache.js';
import { removeTree } from './remove-tree.js';
import { isWorkableTree } from './workable-tree.js';

export function spareFolder(cacheDir: string): string {
  return path.join(layoutFolder(cacheDir), 'spare');
}

/**
 * Keeps the folder a swap retired as the next build's spare; removes it where it cannot be kept
 * (another file system), or where the next build could not change all of it (a folder made
 * read-only): then, as without the cache, a folder that cannot be removed is thrown about, for the
 * caller to set aside and report.
 */
export function keepAsSpare(retired: string, cacheDir: string): void {
  if (!isWorkableTree(retired)) return removeTree(retired);
  const spare = spareFolder(cacheDir);
  try {
    // One left by a build that could not reuse it (a --no-cache build in between) is out of date: replaced.
    removeTree(spare);
    renameSync(retired, spare);
  } catch {
    removeTree(retired);
  }
}

/** Removes from a staging folder that began as a spare every file not in `published`, and the folders left empty. */
export async function pruneStaging(stagingDir: string, published: ReadonlySet<string>): Promise<void> {
  const entries = await walk(stagingDir);
  for (const entry of entries) {
    if (entry.kind !== 'directory' && !published.has(entry.relative)) rmSync(entry.absolute, { force: true });
  }
  // Deepest first, so a folder emptied of folders goes too.
  const folders = entries.filter((e) => e.kind === 'directory').sort((a, b) => b.relative.split('/').length - a.relative.split('/').length);
  for (const folder of folders) {
    try {
      rmdirSync(folder.absolute);
    } catch {
      // Not empty: it holds published files.
    }
  }
}
