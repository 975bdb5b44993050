/**
 * Taking over the lock of a killed build (src/publish/output-lock.ts), on real
 * files, against real processes holding locks the way a build does. The
 * moments of a race are set up one after the other, so what each racer finds
 * is certain rather than left to timing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimFile, lockFile, ownLockText, readLock, take, takeOver } from '../../src/publish/output-lock.js';
import { bootId, startTime } from '../../src/publish/process-identity.js';
import { deadPid } from '../helpers/processes.js';
import { ROOT } from '../helpers/run-cli.js';

let dir: string;
let file: string;
const others: ChildProcess[] = [];
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'advisory-lock-'));
  file = lockFile(path.join(dir, 'dist'));
});
afterEach(() => {
  for (const other of others.splice(0)) other.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Another process that takes `target` with the lock module as built (as `advisory build` does), and holds it until killed. */
async function otherBuild(target: string): Promise<{ pid: number; text: string }> {
  const module = pathToFileURL(path.join(ROOT, 'build/publish/output-lock.js')).href;
  const script = `import { take, ownLockText } from ${JSON.stringify(module)};
process.stdout.write(take(process.argv[1], ownLockText()) === undefined ? 'held\\n' : 'refused\\n');
setInterval(() => {}, 60_000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, target], { stdio: ['ignore', 'pipe', 'inherit'] });
  others.push(child);
  const said = await new Promise<string>((resolve) => child.stdout!.setEncoding('utf8').once('data', resolve));
  expect(said).toBe('held\n');
  return { pid: child.pid!, text: readFileSync(target, 'utf8') };
}

const lockFiles = () => readdirSync(dir).sort();

describe('taking over the lock of a killed build', () => {
  it('of two builds that found the same dead lock, only the first to take it over has it; the second finds its lock', async () => {
    writeFileSync(file, `${deadPid()}\n`);
    // The second build has read the dead lock; before it acts, the first takes it over.
    const found = readLock(file)!;
    const first = await otherBuild(file);
    expect(first.text).toMatch(new RegExp(`^${first.pid}\\n`));
    expect(takeOver(file, found, ownLockText())).toBeNull();
    expect(readFileSync(file, 'utf8')).toBe(first.text);
    // Looking again, it finds the first build's lock, and refuses.
    expect(take(file, ownLockText())).toEqual({ text: first.text, pid: first.pid });
    expect(readFileSync(file, 'utf8')).toBe(first.text);
    expect(lockFiles()).toEqual(['.dist.advisory-lock']);
  });

  it('while one build is taking it over, another that found it dead refuses, naming that build', async () => {
    writeFileSync(file, `${deadPid()}\n`);
    const found = readLock(file)!;
    // The first build has made its claim on this dead lock, and not yet replaced it.
    const first = await otherBuild(claimFile(file, found));
    expect(take(file, ownLockText())).toEqual({ text: first.text, pid: first.pid });
    expect(readLock(file)).toEqual(found);
  });

  it('a claim left by a build killed while taking over is dead too, and taken over in its turn', () => {
    writeFileSync(file, `${deadPid()}\n`);
    writeFileSync(claimFile(file, readLock(file)!), `${deadPid()}\n`);
    const mine = ownLockText();
    expect(take(file, mine)).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toBe(mine);
    expect(lockFiles()).toEqual(['.dist.advisory-lock']);
  });

  it('a lock that cannot be read is not taken over', () => {
    writeFileSync(file, 'not a process id\n');
    expect(take(file, ownLockText())).toEqual({ text: 'not a process id\n', pid: Number.NaN });
  });
});

describe('a lock naming a running process', () => {
  it('is held while that process is the one that made it', async () => {
    const first = await otherBuild(file);
    expect(first.text).toBe(`${first.pid}\nboot ${bootId()} start ${startTime(first.pid)}\n`);
    expect(take(file, ownLockText())).toEqual({ text: first.text, pid: first.pid });
  });

  it('is taken over when that process started at another time: its id reused, or one of another PID namespace', async () => {
    const running = await otherBuild(path.join(dir, 'elsewhere'));
    writeFileSync(file, `${running.pid}\nboot ${bootId()} start 1\n`);
    const mine = ownLockText();
    expect(take(file, mine)).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toBe(mine);
  });

  it('is taken over when it was made in another boot: the machine has restarted since, or it is another machine', async () => {
    const running = await otherBuild(path.join(dir, 'elsewhere'));
    writeFileSync(file, `${running.pid}\nboot 00000000-0000-0000-0000-000000000000 start ${startTime(running.pid)}\n`);
    expect(take(file, ownLockText())).toBeUndefined();
  });

  it('with its process id only (an earlier version of advisory, or no /proc) is held, as before', async () => {
    const running = await otherBuild(path.join(dir, 'elsewhere'));
    writeFileSync(file, `${running.pid}\n`);
    expect(take(file, ownLockText())).toEqual({ text: `${running.pid}\n`, pid: running.pid });
  });
});
