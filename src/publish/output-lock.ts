/**
 * One build at a time per output folder. Two builds swapping into the same
 * --out raced between their two renames (the second found the first's output
 * where its own should go: ENOTEMPTY), and swept the build cache under each
 * other. A lock file beside --out, made with O_EXCL, holds the build's process
 * id (and, on Linux, what tells that process from a later one with the same
 * id: see process-identity.ts). A build that finds it held by a running
 * process refuses at once (exit 2) rather than wait: builds started twice at
 * once are a script's or a keypress's mistake, and waiting would hide it or
 * hang a CI job. A lock left by a killed build (its process gone) is taken over.
 *
 * Taking over is itself exclusive. Removing the dead lock and then creating a
 * new one let two builds that found the same dead lock both proceed: the
 * second removed the lock the first had just made. Now a build takes over a
 * dead lock only after creating, with O_EXCL, a claim file named after that
 * very lock's content, and replaces the lock by a rename only if it still
 * holds that content; so of all the builds that found it, exactly one takes
 * it, and the others find that one's lock (or its claim) and refuse. A claim
 * left by a build killed while taking over is dead in its turn, and taken
 * over the same way.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AdvisoryError, systemRefusal } from '../errors.js';
import { isRunning } from './output-folder.js';
import { formatIdentity, isOtherProcess, ownIdentity, parseIdentity } from './process-identity.js';

const LOCK_MARK = '.advisory-lock';

/** Claims of claims, for takeovers killed halfway: beyond this many a build refuses rather than go on. */
const MOST_CLAIMS = 3;

/** The lock file of the output folder `out` (a real path): `.<base>.advisory-lock` beside it. */
export function lockFile(out: string): string {
  return path.join(path.dirname(out), `.${path.basename(out)}${LOCK_MARK}`);
}

/** A lock as found: its whole text (what a takeover compares) and the process id on its first line, NaN when unreadable. */
export interface Lock {
  text: string;
  pid: number;
}

/** What this process writes in a lock: its id on the first line (all an earlier version reads), then its identity. */
export function ownLockText(): string {
  const identity = ownIdentity();
  return `${process.pid}\n${identity ? `${formatIdentity(identity)}\n` : ''}`;
}

/**
 * The lock in `file`; null when there is none any more (its build just
 * ended). A lock is made empty, then written: one found empty is read again
 * after a moment.
 */
export function readLock(file: string): Lock | null {
  for (let tries = 0; tries < 20; tries++) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : { text: '', pid: Number.NaN };
    }
    if (text !== '') return { text, pid: /^\d+(\s|$)/.test(text) ? Number.parseInt(text, 10) : Number.NaN };
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
  }
  return { text: '', pid: Number.NaN };
}

/** Whether the build that made `lock` is gone. One that cannot be read is taken to be held: it is not ours to remove. */
function isDead(lock: Lock): boolean {
  if (!Number.isInteger(lock.pid)) return false;
  if (!isRunning(lock.pid)) return true;
  const recorded = parseIdentity(lock.text);
  return recorded !== undefined && isOtherProcess(lock.pid, recorded);
}

/**
 * Creates `file` holding `text`; undefined when this process now has it, or
 * the lock that holds it (a running build's, or one that cannot be read).
 * `claims`: how deep in claims of claims this is.
 */
export function take(file: string, text: string, claims = 0): Lock | undefined {
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      writeFileSync(file, text, { flag: 'wx' });
      return undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const found = readLock(file);
    // Released while being read: try again.
    if (found === null) continue;
    if (!isDead(found) || claims === MOST_CLAIMS) return found;
    const taken = takeOver(file, found, text, claims);
    if (taken !== null) return taken;
  }
  return readLock(file) ?? { text: '', pid: Number.NaN };
}

/** The file whose creator may take over `found`, the dead lock in `file`: named after its content, so a later lock has another. */
export function claimFile(file: string, found: Lock): string {
  return `${file}.${createHash('sha256').update(found.text).digest('hex').slice(0, 16)}`;
}

/**
 * Replaces the dead lock `found` in `file` by `text`: undefined when done, the
 * lock of the build that is taking it over (or has) instead, or null when
 * `file` no longer holds `found` (to be looked at again).
 */
export function takeOver(file: string, found: Lock, text: string, claims = 0): Lock | undefined | null {
  const claim = claimFile(file, found);
  const claimer = take(claim, text, claims + 1);
  if (claimer) return claimer;
  try {
    // Holding the claim, no other build can change `file` while it holds `found`: a build creating
    // it finds it there, and the dead build will not remove it. Compared, then, it stays as it is.
    if (readLock(file)?.text !== found.text) return null;
    // Renamed over it: there is never a moment without a lock, when another build could make one.
    const written = `${claim}.${process.pid}`;
    writeFileSync(written, text);
    renameSync(written, file);
    return undefined;
  } finally {
    rmSync(claim, { force: true });
  }
}

/**
 * Takes the lock of `out` for this process and returns its release; throws an
 * AdvisoryError (exit 2) naming the build that holds it. `shown` gives paths as
 * the officer sees them.
 */
export function lockOutput(out: string, shownOut: string, shown: (p: string) => string): () => void {
  const file = lockFile(out);
  const text = ownLockText();
  let holder: Lock | undefined;
  try {
    mkdirSync(path.dirname(out), { recursive: true });
    holder = take(file, text);
  } catch (error) {
    // The folder around the output cannot take a file (`--out /proc/x`, a path through a file):
    // the officer's choice of folder, not a bug.
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== 'string' || systemRefusal(error) !== null) throw error;
    throw new AdvisoryError(`cannot write ${shownOut}: the folder it is in, ${shown(path.dirname(out))}, cannot hold the files a build makes beside it (${code}); choose another output folder`, { exitCode: 2, cause: error });
  }
  if (holder === undefined) {
    return () => {
      if (readLock(file)?.text === text) rmSync(file, { force: true });
    };
  }
  const who = Number.isInteger(holder.pid) ? `another build (process ${holder.pid})` : 'another build';
  throw new AdvisoryError(
    `${who} is writing ${shownOut} at the same time, so this one published nothing; wait for it to finish, then run \`advisory build\` again if need be (if no build is running, remove ${shown(file)})`,
    { exitCode: 2 },
  );
}
