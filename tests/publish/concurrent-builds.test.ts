/**
 * Builds into the same --out at the same time: one publishes, the others
 * refuse with exit 2 (see src/publish/output-lock.ts), and the output is one
 * complete build. Through the real binary, with real concurrent processes.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startCli } from '../helpers/long-running.js';
import { sampleProject } from '../helpers/projects.js';
import { runCli } from '../helpers/run-cli.js';
import { leftovers, snapshotTree } from '../helpers/tree-snapshot.js';
import { deadPid } from '../helpers/processes.js';

function builtProject(): { dir: string; before: Record<string, string> } {
  const { dir, cleanup } = sampleProject();
  onTestFinished(cleanup);
  expect(runCli(['build'], { cwd: dir }).status).toBe(0);
  return { dir, before: snapshotTree(path.join(dir, 'dist')) };
}

const refusal = (pid: number | string) =>
  `error: another build (process ${pid}) is writing dist/ at the same time, so this one published nothing; wait for it to finish, then run \`advisory build\` again if need be (if no build is running, remove .dist.advisory-lock)\n`;

describe('two builds into the same output folder', () => {
  it('the second refuses with exit 2, naming the first, and changes nothing', () => {
    const { dir, before } = builtProject();
    // This test's own process stands in for a build that is running.
    writeFileSync(path.join(dir, '.dist.advisory-lock'), `${process.pid}\n`);
    const result = runCli(['build', '--no-cache'], { cwd: dir });
    expect(result).toEqual({ status: 2, stdout: '', stderr: refusal(process.pid) });
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
    // Its lock is the other build's: left alone.
    expect(existsSync(path.join(dir, '.dist.advisory-lock'))).toBe(true);
  });

  it('a lock left by a killed build is taken over, and removed when the build ends', () => {
    const { dir, before } = builtProject();
    writeFileSync(path.join(dir, '.dist.advisory-lock'), `${deadPid()}\n`);
    const result = runCli(['build'], { cwd: dir });
    expect(result.stderr).toMatch(/^Built 60 bulletins for 5 advisories in <time> s -> dist\/\n$/);
    expect(result.status).toBe(0);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(before);
    expect(existsSync(path.join(dir, '.dist.advisory-lock'))).toBe(false);
  });

  it('started together, each publishes or refuses cleanly, and the output is one whole build', async () => {
    await startedTogether();
  }, 60_000);

  it('started together against the lock of a killed build, each publishes or refuses cleanly, and no lock or claim is left', async () => {
    await startedTogether((dir) => writeFileSync(path.join(dir, '.dist.advisory-lock'), `${deadPid()}\n`));
  }, 60_000);

  /** Three rounds of four builds started at once, after `prepare`: at least one publishes, the others refuse. */
  async function startedTogether(prepare: (dir: string) => void = () => undefined): Promise<void> {
    const { dir, before } = builtProject();
    for (let round = 0; round < 3; round++) {
      prepare(dir);
      const builds = Array.from({ length: 4 }, () => startCli(['build'], dir));
      onTestFinished(() => builds.forEach((b) => b.child.kill('SIGKILL')));
      const ended = await Promise.all(builds.map((b) => b.exited));
      const published = ended.filter((e) => e.code === 0).length;
      expect(published).toBeGreaterThanOrEqual(1);
      builds.forEach((b, i) => {
        if (ended[i]!.code === 0) expect(b.stderr()).toMatch(/^Built 60 bulletins for 5 advisories in \d+\.\d\d s -> dist\/\n$/);
        else expect({ code: ended[i]!.code, stderr: b.stderr().replace(/process \d+/, 'process N') }).toEqual({ code: 2, stderr: refusal('N') });
      });
      expect(snapshotTree(path.join(dir, 'dist'))).toEqual(before);
      expect(leftovers(dir)).toEqual([]);
      expect(readdirSync(dir).filter((name) => name.includes('.advisory-lock'))).toEqual([]);
    }
  }
});
