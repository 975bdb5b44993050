/**
 * Telling a process apart from another that has the same id: the one a lock
 * names may have ended long ago, its id since given to an unrelated process
 * (a shell, an editor) or, in a container, to a process of another PID
 * namespace (the build in the last container was process 1; so is init in
 * the next). Judged on the process id alone, such a lock was held for ever.
 *
 * On Linux a process is also known by when it started (in clock ticks since
 * the machine booted, /proc/<pid>/stat) and the boot it started in
 * (/proc/sys/kernel/random/boot_id). Elsewhere there is no /proc: only the id
 * is recorded, and judged as before.
 */
import { readFileSync } from 'node:fs';

export interface Identity {
  boot: string;
  start: string;
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** This machine's boot, the same in every container on it; undefined without /proc. */
export function bootId(): string | undefined {
  return read('/proc/sys/kernel/random/boot_id')?.trim() || undefined;
}

/** When process `pid` (as this process's namespace numbers it) started; undefined when it cannot be read. */
export function startTime(pid: number | 'self'): string | undefined {
  const stat = read(`/proc/${pid}/stat`);
  // Field 22; counted after the command name, which is in parentheses and may hold spaces and parentheses itself.
  const start = stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  return start && /^\d+$/.test(start) ? start : undefined;
}

/** This process's identity, or undefined where it cannot be known. */
export function ownIdentity(): Identity | undefined {
  const boot = bootId();
  const start = startTime('self');
  return boot && start ? { boot, start } : undefined;
}

/** The identity as recorded on a line of its own: `boot <boot id> start <ticks>`. */
export function formatIdentity(identity: Identity): string {
  return `boot ${identity.boot} start ${identity.start}`;
}

export function parseIdentity(text: string): Identity | undefined {
  const found = /^boot (\S+) start (\d+)$/m.exec(text);
  return found ? { boot: found[1]!, start: found[2]! } : undefined;
}

/**
 * Whether process `pid`, known to be running, is not the one `recorded`:
 * recorded in another boot (this machine has restarted since, or it was
 * another machine sharing the folder), or running now with another start time
 * (its id was reused, or it belongs to another PID namespace). False when it
 * cannot be told: then it is taken to be the one.
 */
export function isOtherProcess(pid: number, recorded: Identity): boolean {
  const boot = bootId();
  if (boot === undefined) return false;
  if (boot !== recorded.boot) return true;
  const start = startTime(pid);
  return start !== undefined && start !== recorded.start;
}
