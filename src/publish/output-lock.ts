/**
 * One build at a time per output folder. Two builds swapping into the same
 * --out raced between their two renames (the second found the first's output
 * where its own should go: ENOTEMPTY), and swept the build cache under each
 * other. A lock file beside --out, made with O_EXCL, holds the build's process
 * id. A build that finds it held by a running process refuses at once (exit 2)
 * rather than wait: builds started twice at once are a script's or a
 * keypress's mistake, and waiting would hide it or hang a CI job. A lock left
 * by a killed build (its process gone) is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AdvisoryError } from '../errors.js';
import { isRunning } from './output-folder.js';

const LOCK_MARK = '.advisory-lock';

/** The lock file of the output folder `out` (a real path): `.<base>.advisory-lock` beside it. */
export function lockFile(out: string): string {
  return path.join(path.dirname(out), `.${path.basename(out)}${LOCK_MARK}`);
}

/**
 * The process id a lock file holds; null when there is no lock any more (its
 * build just ended), NaN when it cannot be read. A lock is made empty, then
 * written: one found empty is read again after a moment.
 */
function holder(file: string): number | null {
  for (let tries = 0; tries < 20; tries++) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : Number.NaN;
    }
    if (text !== '') return Number.parseInt(text, 10);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
  }
  return Number.NaN;
}

/**
 * Takes the lock of `out` for this process and returns its release; throws an
 * AdvisoryError (exit 2) naming the build that holds it. `shown` gives paths as
 * the officer sees them.
 */
export function lockOutput(out: string, shownOut: string, shown: (p: string) => string): () => void {
  const file = lockFile(out);
  mkdirSync(path.dirname(out), { recursive: true });
  // A few times at most: again when the lock was released while being read, or after removing a dead
  // build's lock. Two builds taking over the same dead lock at the same instant could both succeed; that
  // needs a killed build and two more started within microseconds of each other, and is not guarded against.
  let takenOver = false;
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return () => {
        if (holder(file) === process.pid) rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = holder(file);
    if (pid === null && attempt < 3) continue;
    if (!takenOver && pid !== null && Number.isInteger(pid) && !isRunning(pid)) {
      takenOver = true;
      rmSync(file, { force: true });
      continue;
    }
    const who = pid !== null && Number.isInteger(pid) ? `another build (process ${pid})` : 'another build';
    throw new AdvisoryError(
      `${who} is writing ${shownOut} at the same time, so this one published nothing; wait for it to finish, then run \`advisory build\` again if need be (if no build is running, remove ${shown(file)})`,
      { exitCode: 2 },
    );
  }
}
