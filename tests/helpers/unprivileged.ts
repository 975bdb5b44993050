/**
 * Permission failures for real: root ignores file modes (chmod 555 stops
 * nothing), and these tests often run as root (containers, CI images). There,
 * the project is given to `nobody` and the binary run as that user through
 * setpriv; run by anyone else, both are no-ops and the modes bind as they are.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const isRoot = () => process.getuid?.() === 0;

function id(flag: '-u' | '-g'): string {
  const found = spawnSync('id', [flag, 'nobody'], { encoding: 'utf8' });
  if (found.status !== 0) throw new Error('running as root, but there is no user "nobody" to drop to');
  return found.stdout.trim();
}

/** The command prefix that runs a program as `nobody` when root; none otherwise. */
export function asUnprivileged(): string[] {
  return isRoot() ? ['setpriv', `--reuid=${id('-u')}`, `--regid=${id('-g')}`, '--clear-groups'] : [];
}

/** Makes `dir` (and everything in it) writable by the user asUnprivileged runs as. */
export function giveToUnprivileged(dir: string): void {
  if (!isRoot()) return;
  const given = spawnSync('chown', ['-R', `${id('-u')}:${id('-g')}`, dir], { encoding: 'utf8' });
  if (given.status !== 0) throw new Error(`chown failed: ${given.stderr}`);
}

/** Gives back write permission on everything under `dir`, so that a test's cleanup can remove it as any user. */
export function restoreWritable(dir: string): void {
  spawnSync('chmod', ['-R', 'u+w', dir]);
}

/** The packages the tool needs at run time: its dependencies and theirs, as installed at the top of node_modules. */
function runtimePackages(): string[] {
  const found = new Set<string>();
  const visit = (name: string) => {
    const dir = path.join(ROOT, 'node_modules', name);
    if (found.has(name) || !existsSync(dir)) return;
    found.add(name);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies?: object; optionalDependencies?: object };
    for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) visit(dependency);
  };
  const own = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: object };
  for (const dependency of Object.keys(own.dependencies)) visit(dependency);
  return [...found];
}

let copiedBin: string | undefined;

/** A copy of the tool as it would be installed (bin, build, templates and its run-time packages) in a new temporary folder; the caller removes it. */
export function copyOfTool(): string {
  const tool = mkdtempSync(path.join(os.tmpdir(), 'advisory-tool-'));
  for (const part of ['package.json', 'bin', 'build', 'templates']) cpSync(path.join(ROOT, part), path.join(tool, part), { recursive: true });
  for (const name of runtimePackages()) cpSync(path.join(ROOT, 'node_modules', name), path.join(tool, 'node_modules', name), { recursive: true });
  return tool;
}

/**
 * The binary to run through asUnprivileged. As root: a copy of the tool (bin, build, templates and
 * its run-time packages) in a folder given to `nobody`, because the checkout may sit in a folder
 * only root can enter (a clone in a 0700 temporary folder), where `nobody` could not load it. As
 * anyone else: the checkout's own.
 */
export function unprivilegedBin(): string {
  if (!isRoot()) return path.join(ROOT, 'bin/advisory.js');
  if (copiedBin) return copiedBin;
  const tool = copyOfTool();
  giveToUnprivileged(tool);
  copiedBin = path.join(tool, 'bin/advisory.js');
  return copiedBin;
}

/** Removes the copy unprivilegedBin made, if any; for a test file's afterAll. */
export function removeUnprivilegedTool(): void {
  if (copiedBin) rmSync(path.dirname(path.dirname(copiedBin)), { recursive: true, force: true });
  copiedBin = undefined;
}
