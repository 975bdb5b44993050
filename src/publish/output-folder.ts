/**
 * Writing the output folder so that nothing already published is ever lost:
 * a build writes into a fresh folder beside `--out` and swaps it in only when
 * complete. A build that fails (or is killed) leaves the previous output as
 * it was; the next build clears the leftovers. A folder of ours that cannot be
 * removed (no permission) once the new output is in place is reported, never a
 * failure: the build has published.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, readdir, readlink, realpath, rename, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { walk } from '../walk.js';
import { MANIFEST_FILE, parseOwnManifest, type Manifest } from './manifest.js';
import { removeTree } from './remove-tree.js';
import { isWorkableTree } from './workable-tree.js';

const STAGING_MARK = '.advisory-staging-';
const RETIRED_MARK = '.advisory-retired-';
/** A retired output that could not be removed: renamed so that it is never put back in place of a missing --out. */
const UNREMOVABLE_MARK = '.advisory-unremovable-';

/** A folder of ours that could not be removed, and why. The build goes on; the caller warns, so someone removes it by hand. */
export interface NotRemoved {
  folder: string;
  error: unknown;
}

/** A fresh name beside `out` for a folder of ours: `.<base><mark><pid>-<random>`, the pid saying which build it belongs to. */
function besideOut(out: string, mark: string): string {
  return path.join(path.dirname(out), `.${path.basename(out)}${mark}${process.pid}-${randomBytes(4).toString('hex')}`);
}

/**
 * Removes (with `dispose`) a folder of ours that is no longer needed. One that
 * cannot be removed (a folder in it without write permission, say) is returned
 * rather than thrown: what is published is already in place. A retired output
 * is first renamed (`setAside`): half removed, it must never be the folder that
 * recoverLeftovers puts back when --out is missing after a killed swap.
 */
function discard(folder: string, out: string, dispose: (folder: string) => void = removeTree, setAside = path.basename(folder).includes(RETIRED_MARK)): NotRemoved | null {
  try {
    dispose(folder);
    return null;
  } catch (error) {
    let left = folder;
    if (setAside) {
      const renamed = besideOut(out, UNREMOVABLE_MARK);
      try {
        renameSync(folder, renamed);
        left = renamed;
      } catch {
        // Left under its own name: it can still be named in the warning.
      }
    }
    return { folder: left, error };
  }
}

function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Where `p` really is, with every symbolic link followed; for a path that does
 * not exist yet, its nearest existing ancestor's real path plus the rest (and a
 * link to a folder still to be made leads to that folder).
 */
export async function realPath(p: string, links = 0): Promise<string> {
  try {
    return await realpath(p);
  } catch (error) {
    // ENOTDIR: a file where a folder of the path should be; outputFolder refuses that, naming the file.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
  }
  const target = await readlink(p).catch(() => null);
  if (target !== null && links < 40) return realPath(path.resolve(path.dirname(p), target), links + 1);
  const parent = path.dirname(p);
  return parent === p ? p : path.join(await realPath(parent, links), path.basename(p));
}

/**
 * Refuses output folders whose replacement would destroy something that is not ours:
 * the file system root, the home folder, the project folder, or a folder holding the
 * inputs; and one inside an input folder, where bulletins (and the staging folder and
 * lock beside --out) would be mixed into the officer's sources. Judged on real paths,
 * so a link named dist that points at one of them is refused too. Returns the real
 * folder: a build writes there, and a link to it stays.
 */
export async function outputFolder(out: string, cwd: string, inputs: readonly string[], shownOut: string, checking = false): Promise<string> {
  const refuse: Refuse = refusal(shownOut, checking);
  const real = await realPath(out);
  const file = await fileAbove(real);
  if (file) refuse(`${path.relative(cwd, file) || file} is a file`);
  if (real === path.parse(real).root) refuse('it is the root of the file system');
  const home = await realPath(os.homedir());
  if (real === home) refuse('it is your home folder');
  if (isInside(real, home)) refuse('it holds your home folder');
  if (isInside(real, await realPath(cwd))) refuse('it holds the current project folder');
  for (const input of inputs) await refuseOverlap(real, input, `the input ${relativeTo(cwd, input)}`, refuse);
  return real;
}

/**
 * Refuses the real output folder `out` (from outputFolder) when it holds a templates folder or is
 * inside one: a build would replace the templates, or write bulletins among them. Known only once
 * the config is read (its `templates` setting), so apart from outputFolder.
 */
export async function refuseTemplatesOverlap(out: string, cwd: string, templates: readonly string[], shownOut: string, checking = false): Promise<void> {
  const refuse = refusal(shownOut, checking);
  for (const folder of templates) await refuseOverlap(out, folder, `the templates folder ${relativeTo(cwd, folder)}`, refuse);
}

/** A folder as the officer gave it, relative to the current folder: `.` for the current folder itself (`advisory build .`). */
function relativeTo(cwd: string, folder: string): string {
  return path.relative(cwd, folder) || '.';
}

/** Refuses a real output folder `out` that holds `folder` or is inside it; `named` says what that folder is. */
async function refuseOverlap(out: string, folder: string, named: string, refuse: Refuse): Promise<void> {
  const real = await realPath(folder);
  if (isInside(out, real)) refuse(`it holds ${named}`);
  if (isInside(real, out)) refuse(`it is inside ${named}`);
}

/** The nearest existing entry above `real` when it is not a folder (`--out notes.txt/sub`); null when it is one. */
async function fileAbove(real: string): Promise<string | null> {
  for (let dir = path.dirname(real); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      return (await stat(dir)).isDirectory() ? null : dir;
    } catch (error) {
      // Not there yet (made by the build), or under the file itself: look further up.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    }
  }
  return null;
}

type Refuse = (why: string, remedy?: string) => never;

/** `checking`: for build --check, which only reads the folder. */
function refusal(shownOut: string, checking: boolean): Refuse {
  return (why, remedy = 'choose a folder of its own, such as dist') => {
    throw new UsageError(`refusing to ${checking ? 'check' : 'write to'} --out ${shownOut}: ${why}; ${remedy}`);
  };
}

/**
 * Refuses to replace a folder that advisory did not write: one that is not empty
 * must hold our manifest.json, and nothing the manifest does not list. A
 * manifest copied into someone else's folder, or a file added beside our
 * output, is not lost to the next build. `build --check` is refused alike (exit
 * 2): listing such a file as one `build` would remove, and telling the officer
 * to run it, sent them to a build that refuses.
 */
export async function checkOwnFolder(out: string, shownOut: string, checking = false): Promise<Manifest | null> {
  const refuse: Refuse = refusal(shownOut, checking);
  let info;
  try {
    info = await stat(out);
  } catch {
    return null; // does not exist yet: fine
  }
  if (!info.isDirectory()) refuse('it is a file');
  const entries = await walk(out);
  if (entries.length === 0) return null;
  const manifest = await readFile(path.join(out, MANIFEST_FILE), 'utf8').then(parseOwnManifest, () => null);
  if (!manifest) refuse(`it is not empty and was not written by advisory (no ${MANIFEST_FILE} of ours in it)`);
  const listed = new Set([MANIFEST_FILE, ...manifest.files.map((f) => f.path)]);
  const foreign = entries
    .filter((e) => e.kind !== 'directory')
    .map((e) => e.relative)
    .filter((file) => !listed.has(file))
    .sort();
  if (foreign.length) {
    const named = foreign.length > 5 ? `${foreign.slice(0, 5).join(', ')} and ${foreign.length - 5} more` : foreign.join(', ');
    const consequence = checking ? 'so `advisory build` would refuse to replace it' : 'which a build would delete';
    refuse(`it holds files advisory did not write (${named}), ${consequence}`, 'move them out of it, or choose another folder');
  }
  return manifest;
}

/** Whether a process with this id is running: its staging folder (or lock, see output-lock.ts) may be in use. */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Puts back an output folder that a killed swap left retired, and removes stale
 * staging folders and earlier leftovers. Leftovers of a build that is still
 * running (another process building the same folder) are left alone. Returns
 * those that could not be removed: a warning, not a reason to stop publishing.
 */
export async function recoverLeftovers(out: string): Promise<NotRemoved[]> {
  const parent = path.dirname(out);
  const base = path.basename(out);
  let entries: string[];
  try {
    // Only real folders can be a build's leftovers: a link named like one (planted by a pull request,
    // say) is neither renamed into place nor emptied, and stays as it is.
    entries = (await readdir(parent, { withFileTypes: true })).filter((e) => e.isDirectory() || e.name === base).map((e) => e.name);
  } catch {
    return [];
  }
  const stale = (name: string, mark: string) => name.startsWith(`.${base}${mark}`) && !isRunning(Number(/^(\d+)-/.exec(name.slice(base.length + 1 + mark.length))?.[1]));
  const retired = entries.filter((e) => stale(e, RETIRED_MARK)).sort();
  const outExists = entries.includes(base);
  const notRemoved: NotRemoved[] = [];
  const remove = (name: string) => {
    const left = discard(path.join(parent, name), out);
    if (left) notRemoved.push(left);
  };
  for (const [i, name] of retired.entries()) {
    if (!outExists && i === retired.length - 1) await rename(path.join(parent, name), out);
    else remove(name);
  }
  for (const name of entries.filter((e) => stale(e, STAGING_MARK) || stale(e, UNREMOVABLE_MARK))) remove(name);
  return notRemoved;
}

export interface Staging {
  dir: string;
  /** Whether it began as the folder given to openStaging to reuse, rather than empty. */
  reused: boolean;
  /** That folder, when it could be neither reused nor removed: set aside beside `out`, for the caller to report. */
  notReused: NotRemoved | null;
  write(relative: string, content: string | Uint8Array): Promise<void>;
  /**
   * Swap the staged folder in place of `out`; the folder it replaces goes to `dispose` (by default,
   * removed). Resolves with that folder when it could not be disposed of: the new output is published all the same.
   */
  commit(dispose?: (retired: string) => void): Promise<NotRemoved | null>;
  /** Throw the staged folder away; `out` is untouched. */
  abandon(): Promise<void>;
}

/**
 * Writes files under `dir`, making folders as needed; worker threads use it
 * on the staging folder too. Synchronous on purpose: thousands of small
 * files, and each asynchronous write costs three round trips through libuv's
 * thread pool (open, write, close); measured 3 to 4 times slower.
 */
export function folderWriter(dir: string): (relative: string, content: string | Uint8Array) => void {
  const made = new Set<string>([dir]);
  return (relative, content) => {
    // Paths come from validated codes and language tags; this is a second guard.
    const target = path.resolve(dir, relative);
    if (!isInside(dir, target) || target === dir) throw new Error(`internal: output path ${relative} escapes the output folder`);
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(target, content);
  };
}

/**
 * A new staging folder beside `out`: empty, or `reuse` moved into place when
 * there is one (a build's own earlier output, whose files it may keep). Reusing
 * it only saves work, so it must never make the build fail: one this process
 * cannot change all of (isWorkableTree) is removed and staging starts empty.
 */
export async function openStaging(out: string, reuse?: string): Promise<Staging> {
  await mkdir(path.dirname(out), { recursive: true });
  const dir = besideOut(out, STAGING_MARK);
  let reused = false;
  let notReused: NotRemoved | null = null;
  if (reuse) {
    try {
      await rename(reuse, dir);
      reused = true;
    } catch {
      // None, or on another file system: start empty.
    }
    // Judged once moved: no other build can take or replace it any more.
    if (reused && !isWorkableTree(dir)) {
      reused = false;
      notReused = discard(dir, out, removeTree, true);
    }
  }
  if (!reused) await mkdir(dir);
  const write = folderWriter(dir);
  return {
    dir,
    reused,
    notReused,
    async write(relative, content) {
      write(relative, content);
    },
    async commit(dispose = removeTree) {
      const retired = besideOut(out, RETIRED_MARK);
      let hadOld = true;
      try {
        await rename(out, retired);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        hadOld = false;
      }
      try {
        await rename(dir, out);
      } catch (error) {
        // Put the previous output back at once rather than leave it for the next build to find.
        if (hadOld) await rename(retired, out);
        throw error;
      }
      return hadOld ? discard(retired, out, dispose) : null;
    },
    async abandon() {
      removeTree(dir);
    },
  };
}
