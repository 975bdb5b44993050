/**
 * `build --check`: how an output folder differs from what a build would write.
 * Reading is the only I/O here; the comparison itself is pure.
 */
import { readFile } from 'node:fs/promises';
import { walk } from '../walk.js';

export interface FolderDifference {
  added: string[];
  changed: string[];
  removed: string[];
}

/** What a build would add, change and remove; each list sorted by path. */
export function compareFolder(expected: ReadonlyArray<{ path: string; content: string }>, actual: ReadonlyMap<string, Uint8Array | null>): FolderDifference {
  const difference: FolderDifference = { added: [], changed: [], removed: [] };
  const wanted = new Set<string>();
  for (const file of expected) {
    wanted.add(file.path);
    const found = actual.get(file.path);
    if (found === undefined) difference.added.push(file.path);
    else if (found === null || !Buffer.from(file.content, 'utf8').equals(found)) difference.changed.push(file.path);
  }
  for (const file of actual.keys()) if (!wanted.has(file)) difference.removed.push(file);
  for (const list of Object.values(difference)) list.sort();
  return difference;
}

function isCurrent(difference: FolderDifference): boolean {
  return difference.added.length + difference.changed.length + difference.removed.length === 0;
}

/**
 * What `build --check` prints: one line per file on stdout (`added   dist/fr.html`), for people
 * and scripts alike, and a summary naming the next step on stderr.
 */
export function describeDifference(difference: FolderDifference, shownOut: string, fileCount: number): { current: boolean; list: string; summary: string } {
  if (isCurrent(difference)) {
    return { current: true, list: '', summary: `${shownOut} is up to date (${fileCount} file${fileCount === 1 ? '' : 's'})\n` };
  }
  const lines = (['added', 'changed', 'removed'] as const).flatMap((kind) => difference[kind].map((file) => `${kind.padEnd(8)}${shownOut}${file}\n`));
  const n = lines.length;
  return {
    current: false,
    list: lines.join(''),
    summary: `${n} file${n === 1 ? '' : 's'} in ${shownOut} ${n === 1 ? 'is' : 'are'} not what \`advisory build\` would write. Run \`advisory build\` to update ${n === 1 ? 'it' : 'them'}.\n`,
  };
}

/**
 * Every entry under `dir` (paths relative, with forward slashes) with its bytes; null for
 * anything that is not a regular file (a build would replace it). Empty when `dir` does not exist.
 */
export async function readFolder(dir: string): Promise<Map<string, Uint8Array | null>> {
  const files = new Map<string, Uint8Array | null>();
  let entries;
  try {
    entries = await walk(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return files;
    throw error;
  }
  for (const entry of entries) {
    if (entry.kind === 'directory') continue;
    files.set(entry.relative, entry.kind === 'file' ? await readFile(entry.absolute) : null);
  }
  return files;
}
