/**
 * A folder's whole tree as plain data (every folder, link and file with its
 * size and SHA-256), so a test can prove byte for byte that nothing changed.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';

/** Relative path (forward slashes) => `dir`, `link -> target` or `file <size> <sha256>`; sorted. */
export function snapshotTree(dir: string): Record<string, string> {
  const tree: Record<string, string> = {};
  for (const name of walk(dir, '').sort()) {
    const absolute = path.join(dir, name);
    const info = lstatSync(absolute);
    const key = name.split(path.sep).join('/');
    if (info.isDirectory()) tree[key] = 'dir';
    else if (info.isSymbolicLink()) tree[key] = `link -> ${readlinkSync(absolute)}`;
    else tree[key] = `file ${info.size} ${createHash('sha256').update(readFileSync(absolute)).digest('hex')}`;
  }
  return tree;
}

/**
 * Every path under `root/relative`, never descending through a symbolic link.
 * Our own walk, not `readdirSync({ recursive: true })`: depending on the Node
 * release, that one follows links (a link to `/` would walk the whole disk).
 */
function walk(root: string, relative: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
    const name = path.join(relative, entry.name);
    found.push(name);
    if (entry.isDirectory()) found.push(...walk(root, name));
  }
  return found;
}

/** The entries of `dir` whose names mark a build's leftovers (staging, retired or unremovable folders). */
export function leftovers(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => ['.advisory-staging-', '.advisory-retired-', '.advisory-unremovable-'].some((mark) => name.includes(mark)))
    .sort();
}
