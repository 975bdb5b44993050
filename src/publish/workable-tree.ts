/**
 * Whether a build can change everything in a folder it did not just make: an
 * earlier output that a build means to start its staging folder from (see
 * spare-output.ts). A folder in it that this user cannot write (someone ran
 * `chmod -w dist/fr`) let neither a file be linked into it nor an unpublished
 * one be removed, and the build failed with "Nothing was published" because
 * of what was only meant to save it work.
 */
import { accessSync, constants, lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';

const CHANGE = constants.R_OK | constants.W_OK | constants.X_OK;

/**
 * True when `dir` is a real folder and every folder in it (itself included)
 * can be listed, entered and written by this process, and it holds nothing
 * but files and folders: a link where a folder is expected would lead writes
 * out of it. One `access` and one listing per folder; files are not opened,
 * since a build replaces files rather than writing into them.
 */
export function isWorkableTree(dir: string): boolean {
  try {
    return lstatSync(dir).isDirectory() && workable(dir);
  } catch {
    return false;
  }
}

function workable(dir: string): boolean {
  accessSync(dir, CHANGE);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() ? !workable(path.join(dir, entry.name)) : !entry.isFile()) return false;
  }
  return true;
}
