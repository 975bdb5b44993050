/**
 * Permission failures for real: root ignores file modes (chmod 555 stops
 * nothing), and these tests often run as root (containers, CI images). There,
 * the project is given to `nobody` and the binary run as that user through
 * setpriv; run by anyone else, both are no-ops and the modes bind as they are.
 */
import { spawnSync } from 'node:child_process';

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
