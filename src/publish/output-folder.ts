/**
 * Writing the output folder so that nothing already published is ever lost:
 * a build writes into a fresh folder beside `--out` and swaps it in only when
 * complete. A build that fails (or is killed) leaves the previous output as
 * it was; the next build clears the leftovers.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { MANIFEST_FILE, isOwnManifest } from './manifest.js';

const STAGING_MARK = '.advisory-staging-';
const RETIRED_MARK = '.advisory-retired-';

function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Refuses output folders whose replacement would destroy something that is not ours:
 * the file system root, the home folder, the project folder, or a folder holding the inputs.
 */
export async function checkOutputFolder(out: string, cwd: string, inputs: readonly string[], shownOut: string, verb = 'write to'): Promise<void> {
  const refuse = (why: string) => {
    throw new UsageError(`refusing to ${verb} --out ${shownOut}: ${why}; choose a folder of its own, such as dist`);
  };
  if (out === path.parse(out).root) refuse('it is the root of the file system');
  if (out === os.homedir()) refuse('it is your home folder');
  if (out === cwd || isInside(out, cwd)) refuse('it holds the current project folder');
  for (const input of inputs) {
    if (isInside(out, input)) refuse(`it holds the input ${path.relative(cwd, input) || input}`);
  }
  let info;
  try {
    info = await stat(out);
  } catch {
    return; // does not exist yet: fine
  }
  if (!info.isDirectory()) refuse('it is a file');
  const entries = await readdir(out);
  if (entries.length === 0) return;
  let manifest: string | null = null;
  try {
    manifest = await readFile(path.join(out, MANIFEST_FILE), 'utf8');
  } catch {
    manifest = null;
  }
  if (manifest === null || !isOwnManifest(manifest)) {
    refuse(`it is not empty and was not written by advisory (no ${MANIFEST_FILE} of ours in it)`);
  }
}

/** Puts back an output folder that a killed swap left retired, and removes stale staging folders. */
export async function recoverLeftovers(out: string): Promise<void> {
  const parent = path.dirname(out);
  const base = path.basename(out);
  let entries: string[];
  try {
    entries = await readdir(parent);
  } catch {
    return;
  }
  const retired = entries.filter((e) => e.startsWith(`.${base}${RETIRED_MARK}`)).sort();
  const outExists = entries.includes(base);
  for (const [i, name] of retired.entries()) {
    if (!outExists && i === retired.length - 1) await rename(path.join(parent, name), out);
    else await rm(path.join(parent, name), { recursive: true, force: true });
  }
  for (const name of entries.filter((e) => e.startsWith(`.${base}${STAGING_MARK}`))) {
    await rm(path.join(parent, name), { recursive: true, force: true });
  }
}

export interface Staging {
  dir: string;
  write(relative: string, content: string | Uint8Array): Promise<void>;
  /** Swap the staged folder in place of `out`. */
  commit(): Promise<void>;
  /** Throw the staged folder away; `out` is untouched. */
  abandon(): Promise<void>;
}

export async function openStaging(out: string): Promise<Staging> {
  const parent = path.dirname(out);
  const base = path.basename(out);
  await mkdir(parent, { recursive: true });
  const dir = path.join(parent, `.${base}${STAGING_MARK}${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(dir);
  const made = new Set<string>([dir]);
  return {
    dir,
    async write(relative, content) {
      // Paths come from validated codes and language tags; this is a second guard.
      const target = path.resolve(dir, relative);
      if (!isInside(dir, target) || target === dir) throw new Error(`internal: output path ${relative} escapes the output folder`);
      const folder = path.dirname(target);
      if (!made.has(folder)) {
        await mkdir(folder, { recursive: true });
        made.add(folder);
      }
      await writeFile(target, content);
    },
    async commit() {
      const retired = path.join(parent, `.${base}${RETIRED_MARK}${process.pid}-${randomBytes(4).toString('hex')}`);
      let hadOld = true;
      try {
        await rename(out, retired);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        hadOld = false;
      }
      await rename(dir, out);
      if (hadOld) await rm(retired, { recursive: true, force: true });
    },
    async abandon() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}
