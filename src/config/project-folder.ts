/**
 * Run from inside a project (`cd advisories`), a command that looked for
 * advisory.config.yaml in the current folder only would quietly use the
 * built-in defaults: other languages, another level scale, no site_url. It
 * would report warnings that are not true of the project, and publish with the
 * wrong settings. So a config in a folder above is a usage error that says
 * where the project is, not a reason to fall back to the defaults.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE } from '../advisory/load.js';
import { UsageError } from '../errors.js';

/** The nearest folder above `cwd` (not `cwd` itself) that holds advisory.config.yaml, or null. */
export async function projectFolderAbove(cwd: string): Promise<string | null> {
  for (let folder = path.dirname(cwd); ; folder = path.dirname(folder)) {
    // As `refuseProjectFolders` in load.ts: a config is a file; a folder of that name is not one.
    if ((await stat(path.join(folder, CONFIG_FILE)).catch(() => null))?.isFile()) return folder;
    if (path.dirname(folder) === folder) return null;
  }
}

/**
 * Refuses to run in `cwd` when it holds no config but a folder above does.
 * `instead` is the other way out for the command at hand (`pass --config ...`),
 * given the project folder as the officer would type it from here (`..`, `../..`).
 */
export async function refuseInsideProject(cwd: string, instead: (project: string) => string): Promise<void> {
  const folder = await projectFolderAbove(cwd);
  if (folder === null) return;
  // Only `..` steps separate cwd from a folder above it: nothing to quote or escape for the shell.
  const project = path.relative(cwd, folder).split(path.sep).join('/');
  throw new UsageError(`${CONFIG_FILE} is in ${project} (the project folder), not here: run advisory from there (cd ${project}), or ${instead(project)}`);
}
