/**
 * Everything under a folder, never through a symbolic link. Not
 * `readdir({ recursive: true })`: from Node 24 (seen on 24.21) that follows
 * links to folders, so a link to `/` in an advisories or output folder would
 * walk the whole disk, and files behind a link would be read as advisories.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

export interface WalkEntry {
  absolute: string;
  /** Relative to the folder walked, with forward slashes. */
  relative: string;
  name: string;
  kind: 'file' | 'directory' | 'link' | 'other';
}

export async function walk(dir: string): Promise<WalkEntry[]> {
  const found: WalkEntry[] = [];
  const visit = async (folder: string, relative: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const kind = entry.isFile() ? 'file' : entry.isDirectory() ? 'directory' : entry.isSymbolicLink() ? 'link' : 'other';
      // Joined by hand: path.join normalises the whole path again for every entry (tens of ms for an output of 12,000 files).
      const item = { absolute: `${folder}${folder.endsWith(path.sep) ? '' : path.sep}${entry.name}`, relative: relative ? `${relative}/${entry.name}` : entry.name, name: entry.name, kind } as const;
      found.push(item);
      if (kind === 'directory') await visit(item.absolute, item.relative);
    }
  };
  await visit(path.resolve(dir), '');
  return found;
}
