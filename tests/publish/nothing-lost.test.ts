/**
 * A build that fails, for whatever reason, leaves the previous output byte for
 * byte as it was, and the next build clears what a killed one left behind.
 * Through the real binary, on real file systems, with real SIGKILLs.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { startCli, type Running } from '../helpers/long-running.js';
import { deadPid } from '../helpers/processes.js';
import { bigProject, sampleProject } from '../helpers/projects.js';
import { runCli, tempProject } from '../helpers/run-cli.js';
import { leftovers, snapshotTree } from '../helpers/tree-snapshot.js';
import { giveToUnprivileged, removeUnprivilegedTool, restoreWritable } from '../helpers/unprivileged.js';

/** The sample project (under `root`, when given), built once: the "previous output" every test here tries to lose. */
function builtProject(root?: string): { dir: string; dist: string; before: Record<string, string> } {
  const sample = sampleProject();
  let dir = sample.dir;
  if (root) {
    dir = path.join(root, 'project');
    cpSync(sample.dir, dir, { recursive: true });
    sample.cleanup();
  } else onTestFinished(sample.cleanup);
  const first = runCli(['build'], { cwd: dir });
  expect(first.status, first.stderr).toBe(0);
  const dist = path.join(dir, 'dist');
  return { dir, dist, before: snapshotTree(dist) };
}

/** The previous output is exactly as it was, and nothing is left beside it. */
function expectUntouched({ dir, dist, before }: { dir: string; dist: string; before: Record<string, string> }): void {
  expect(snapshotTree(dist)).toEqual(before);
  expect(leftovers(dir)).toEqual([]);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Changes the wording of an advisory's body (France's, or a copy of it), so that a build has something
 * new to publish. The body is not in the CAP alert: a change there under the same `updated` is no
 * warning (republished-alert.ts).
 */
function editAdvisory(dir: string, code = 'fr'): void {
  const file = path.join(dir, `advisories/${code}.yaml`);
  const text = readFileSync(file, 'utf8');
  expect(text).toContain('\n  - Stay alert in crowded places.\n');
  writeFileSync(file, text.replace('\n  - Stay alert in crowded places.\n', '\n  - Stay very alert in crowded places.\n'));
}

describe('a failed build leaves the previous output as it was', () => {
  it('when an advisory is invalid', () => {
    const project = builtProject();
    editAdvisory(project.dir);
    writeFileSync(path.join(project.dir, 'advisories/jp.yaml'), readFileSync(path.join(project.dir, 'advisories/jp.yaml'), 'utf8').replace(/^level: \d/m, 'level: 5'));
    const result = runCli(['build'], { cwd: project.dir });
    expect(result.stderr).toMatch(/^advisories\/jp\.yaml:3:8 {2}error {2}level must be an integer from 1 to 4, found the number 5\n1 error\nNothing was written/);
    expect(result.status).toBe(1);
    expectUntouched(project);
  });

  it('when an update is dated in the future by a slip of the year, which feeds and alerts would carry', () => {
    const project = builtProject();
    editAdvisory(project.dir);
    const jp = path.join(project.dir, 'advisories/jp.yaml');
    const written = readFileSync(jp, 'utf8');
    const updated = /^updated: (\d{4})(-\d\d-\d\d)$/m.exec(written)!;
    writeFileSync(jp, written.replace(updated[0], `updated: 2062${updated[2]}`));
    const result = runCli(['build'], { cwd: project.dir });
    expect(result.stderr).toMatch(new RegExp(`^advisories/jp\\.yaml:\\d+:10 {2}error {2}updated 2062${updated[2]} is in the future \\(today is 2026-11-28\\); check the year: feeds and alerts are dated by it, so every later change would look older and be passed over\n`));
    expect(result.status).toBe(1);
    expectUntouched(project);
  });

  /** Builds the edited project with `template` as the plain-text bulletin template. */
  function buildWithTemplate(project: { dir: string }, template: string) {
    editAdvisory(project.dir);
    mkdirSync(path.join(project.dir, 'broken/txt'), { recursive: true });
    writeFileSync(path.join(project.dir, 'broken/txt/bulletin.hbs'), template);
    return runCli(['build', '--templates', 'broken'], { cwd: project.dir });
  }

  it('when a template does not compile', () => {
    const project = builtProject();
    const result = buildWithTemplate(project, '{{#if title}}\n{{title}}\n');
    expect(result.stderr).toMatch(/^error: broken\/txt\/bulletin\.hbs: template syntax error: /);
    expect(result.status).toBe(2);
    expectUntouched(project);
  });

  it('when a template fails halfway through, after files were written', () => {
    const project = builtProject();
    // Only Lebanon has regions, and it is rendered after France and Japan.
    const result = buildWithTemplate(project, '{{title}}\n{{#each regions}}{{no_such_field}}{{/each}}\n');
    expect(result.stderr).toContain('broken/txt/bulletin.hbs:2:20: "no_such_field" is not a field a template can use (rendering advisories/lb.yaml)');
    expect(result.status).toBe(2);
    expectUntouched(project);
  });

  it('when a file is over the system file size limit (EFBIG)', () => {
    const project = builtProject();
    editAdvisory(project.dir);
    // advisories.json is over 64 KiB; every bulletin is under it.
    const result = runCli(['build'], { cwd: project.dir, fileSizeLimitKiB: 64 });
    expect(result.stderr).toBe("error: cannot write dist/: a file would be larger than the system's file size limit (EFBIG). Nothing was published; dist/ is as it was.\n");
    expect(result.status).toBe(2);
    expectUntouched(project);
  });

  it('when the disk is full (ENOSPC), on a small tmpfs where mounting is allowed', () => {
    const disk = smallDisk(1200);
    if (!disk) {
      // No permission to mount (not root): the file size limit stands in for a full disk.
      const project = builtProject();
      const result = runCli(['build'], { cwd: project.dir, fileSizeLimitKiB: 64 });
      expect(result.stderr).toContain('(EFBIG). Nothing was published; dist/ is as it was.');
      expectUntouched(project);
      return;
    }
    onTestFinished(disk.cleanup);
    // The first build fits (about 850 KiB); a second copy of it beside the first does not
    // (without the cache, which would link the unchanged files instead of writing them again).
    const project = builtProject(disk.dir);
    editAdvisory(project.dir);
    const result = runCli(['build', '--no-cache'], { cwd: project.dir });
    expect(result.stderr).toBe('error: cannot write dist/: the disk is full (ENOSPC). Nothing was published; dist/ is as it was.\n');
    expect(result.status).toBe(2);
    expectUntouched(project);
  });
});

describe('leftovers of a killed build', () => {
  /** What a build killed between its two renames leaves: no dist/, the old one retired beside it, a full staging folder. */
  function killedMidSwap(project: { dir: string; dist: string }): void {
    const dead = deadPid();
    renameSync(project.dist, path.join(project.dir, `.dist.advisory-retired-${dead}-0badcafe`));
    cpSync(path.join(project.dir, `.dist.advisory-retired-${dead}-0badcafe`), path.join(project.dir, `.dist.advisory-staging-${dead}-0badcafe`), { recursive: true });
    expect(existsSync(project.dist)).toBe(false);
  }

  it('are cleared by the next build, which puts the previous output back first', () => {
    const project = builtProject();
    killedMidSwap(project);
    const result = runCli(['build'], { cwd: project.dir });
    expect(result.status).toBe(0);
    expectUntouched(project);
  });

  it.each([
    { stop: 'an invalid advisory', file: 'advisories/jp.yaml', text: 'level: [\n', status: 1 },
    { stop: 'a config it cannot read, before it takes its lock', file: 'advisory.config.yaml', text: 'languages: [en, fr\n', status: 2 },
  ])('are cleared even when the next build stops on $stop', ({ file, text, status }) => {
    const project = builtProject();
    killedMidSwap(project);
    writeFileSync(path.join(project.dir, file), text);
    const result = runCli(['build'], { cwd: project.dir });
    expect(result.status).toBe(status);
    expect(result.stderr).toMatch(new RegExp(`^${file.replace('.', '\\.')}:\\d+:\\d+ {2}error {2}`, 'm'));
    expectUntouched(project);
  });

  it('are not counted by build --check, which leaves them for the next build', () => {
    const project = builtProject();
    const dead = deadPid();
    cpSync(project.dist, path.join(project.dir, `.dist.advisory-staging-${dead}-0badcafe`), { recursive: true });
    writeFileSync(path.join(project.dir, `.dist.advisory-staging-${dead}-0badcafe/extra.html`), '<p>half a build</p>\n');
    const check = runCli(['build', '--check'], { cwd: project.dir });
    expect(check.stderr).toBe('dist/ is up to date (87 files)\n');
    expect(check.status).toBe(0);
    expect(leftovers(project.dir)).toEqual([`.dist.advisory-staging-${dead}-0badcafe`]);
    expect(runCli(['build'], { cwd: project.dir }).status).toBe(0);
    expectUntouched(project);
  });

  it('are only ever real folders: a link named like one is left as it is, and nothing it points to is touched', () => {
    for (const mark of ['staging', 'retired']) {
      for (const withOutput of [true, false]) {
        const project = builtProject();
        const victim = mkdtempSync(path.join(os.tmpdir(), 'advisory-victim-'));
        onTestFinished(() => rmSync(victim, { recursive: true, force: true }));
        mkdirSync(path.join(victim, 'sub'));
        writeFileSync(path.join(victim, 'keep.txt'), 'keep\n');
        writeFileSync(path.join(victim, 'sub/deep.txt'), 'deep\n');
        const planted = `.dist.advisory-${mark}-x`;
        symlinkSync(victim, path.join(project.dir, planted));
        if (!withOutput) rmSync(project.dist, { recursive: true });
        const result = runCli(['build', '--no-cache'], { cwd: project.dir });
        expect(result.status, result.stderr).toBe(0);
        expect(snapshotTree(victim)).toEqual({ 'keep.txt': 'file 5 ' + sha256('keep\n'), sub: 'dir', 'sub/deep.txt': 'file 5 ' + sha256('deep\n') });
        expect(lstatSync(path.join(project.dir, planted)).isSymbolicLink()).toBe(true);
        expect(lstatSync(project.dist).isDirectory()).toBe(true);
        expect(snapshotTree(project.dist)).toEqual(project.before);
      }
    }
  });

  it('of a build that is still running are left alone', () => {
    const project = builtProject();
    // This test's own process stands in for another build writing the same folder.
    const busy = `.dist.advisory-staging-${process.pid}-0badcafe`;
    mkdirSync(path.join(project.dir, busy));
    expect(runCli(['build'], { cwd: project.dir }).status).toBe(0);
    expect(leftovers(project.dir)).toEqual([busy]);
    expect(snapshotTree(project.dist)).toEqual(project.before);
  });
});

describe('a previous output that cannot be removed once the new one is in place', () => {
  afterAll(removeUnprivilegedTool);

  /** The sample project built as a user whom permissions bind, with a folder of its output made read-only. */
  function builtWithReadOnlyFolder(): { dir: string; build: (...args: string[]) => ReturnType<typeof runCli> } {
    const { dir, cleanup } = sampleProject();
    onTestFinished(() => {
      restoreWritable(dir);
      cleanup();
    });
    giveToUnprivileged(dir);
    // Without the cache, the retired output is removed rather than kept as the next build's spare.
    const build = (...args: string[]) => runCli(['build', '--no-cache', ...args], { cwd: dir, unprivileged: true });
    expect(build().status).toBe(0);
    spawnSync('chmod', ['555', path.join(dir, 'dist/fr')]);
    return { dir, build };
  }

  const UNREMOVABLE = /\.dist\.advisory-unremovable-\d+-[0-9a-f]{8}/;

  it('publishes, exits 0 and warns, naming the folder left to remove by hand; later builds warn too', () => {
    const { dir, build } = builtWithReadOnlyFolder();
    editAdvisory(dir);
    const result = build();
    expect(result.stderr).toMatch(new RegExp(`^Built 60 bulletins for 5 advisories in <time> s -> dist/\nwarning: could not remove (${UNREMOVABLE.source})/, the previous output of dist/ \\(permission denied \\(EACCES\\)\\); remove it by hand\n$`));
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(dir, 'dist/fr.html'), 'utf8')).toContain('Stay very alert in crowded places');
    const left = leftovers(dir);
    expect(left).toEqual([UNREMOVABLE.exec(result.stderr)![0]]);

    const again = build();
    expect(again.stderr).toMatch(/^warning: could not remove \.dist\.advisory-unremovable-\d+-[0-9a-f]{8}\/, left by an earlier build \(permission denied \(EACCES\)\); remove it by hand\nBuilt 60 bulletins/);
    expect(again.stderr).toContain(left[0]);
    expect(again.status).toBe(0);
    expect(leftovers(dir)).toEqual(left);
  });

  it('is never put back in place of a missing output folder, as a retired one is', () => {
    const { dir, build } = builtWithReadOnlyFolder();
    expect(build().status).toBe(0);
    const left = leftovers(dir);
    expect(left).toHaveLength(1);
    rmSync(path.join(dir, 'dist'), { recursive: true });
    writeFileSync(path.join(dir, 'advisories/jp.yaml'), 'level: [\n');
    const result = build();
    expect(result.status).toBe(1);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
    expect(leftovers(dir)).toEqual(left);
  });
});

describe('an earlier output that the build cache would reuse, with a folder this user cannot write', () => {
  afterAll(removeUnprivilegedTool);

  const UNREMOVABLE = /\.dist\.advisory-unremovable-\d+-[0-9a-f]{8}/;

  /** The sample project, given to a user whom permissions bind, and its build with the cache on, as that user. */
  function unprivilegedProject(): { dir: string; build: () => ReturnType<typeof runCli> } {
    const { dir, cleanup } = sampleProject();
    onTestFinished(() => {
      restoreWritable(dir);
      cleanup();
    });
    giveToUnprivileged(dir);
    return { dir, build: () => runCli(['build'], { cwd: dir, unprivileged: true }) };
  }

  /** What a build of `dir`'s advisories writes into an empty folder, without the cache. */
  function builtFromEmpty(dir: string): Record<string, string> {
    const fresh = tempProject();
    onTestFinished(fresh.cleanup);
    cpSync(path.join(dir, 'advisories'), path.join(fresh.dir, 'advisories'), { recursive: true });
    cpSync(path.join(dir, 'advisory.config.yaml'), path.join(fresh.dir, 'advisory.config.yaml'));
    expect(runCli(['build', '--no-cache'], { cwd: fresh.dir }).status).toBe(0);
    return snapshotTree(path.join(fresh.dir, 'dist'));
  }

  /** A second change to France's advisory, after editAdvisory. */
  function editAgain(dir: string): void {
    const file = path.join(dir, 'advisories/fr.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('\n  - Stay very alert in crowded places.\n');
    writeFileSync(file, text.replace('\n  - Stay very alert in crowded places.\n', '\n  - Stay alert in crowded places and near landmarks.\n'));
  }

  it('made read-only in dist/: the build that replaces it sets it aside and warns, as without the cache, and later builds publish', () => {
    const { dir, build } = unprivilegedProject();
    expect(build().status).toBe(0);
    spawnSync('chmod', ['555', path.join(dir, 'dist/fr')]);
    editAdvisory(dir);
    const result = build();
    expect(result.stderr).toMatch(new RegExp(`^Built 60 bulletins for 5 advisories in <time> s -> dist/\nwarning: could not remove (${UNREMOVABLE.source})/, the previous output of dist/ \\(permission denied \\(EACCES\\)\\); remove it by hand\n$`));
    expect(result.status).toBe(0);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(builtFromEmpty(dir));
    const left = leftovers(dir);
    expect(left).toEqual([UNREMOVABLE.exec(result.stderr)![0]]);

    // The next two builds start from the spare the build before them kept: it must be usable.
    for (const edit of [editAgain, () => undefined]) {
      edit(dir);
      const again = build();
      expect(again.stderr).toBe(`warning: could not remove ${left[0]}/, left by an earlier build (permission denied (EACCES)); remove it by hand\nBuilt 60 bulletins for 5 advisories in <time> s -> dist/\n`);
      expect(again.status).toBe(0);
      expect(snapshotTree(path.join(dir, 'dist'))).toEqual(builtFromEmpty(dir));
      expect(leftovers(dir)).toEqual(left);
    }
  });

  it('made read-only in the cache (a spare kept by an earlier version): not reused, set aside with a warning, and the build publishes as from empty', () => {
    const { dir, build } = unprivilegedProject();
    expect(build().status).toBe(0);
    // The second build keeps the first one's output as its spare.
    expect(build().status).toBe(0);
    spawnSync('chmod', ['555', path.join(dir, '.advisory-cache/v3/spare/fr')]);
    editAdvisory(dir);
    const result = build();
    expect(result.stderr).toMatch(new RegExp(`^warning: could not remove (${UNREMOVABLE.source})/, an earlier output the build cache kept, which this build could not use \\(permission denied \\(EACCES\\)\\); remove it by hand\nBuilt 60 bulletins for 5 advisories in <time> s -> dist/\n$`));
    expect(result.status).toBe(0);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(builtFromEmpty(dir));
    expect(leftovers(dir)).toEqual([UNREMOVABLE.exec(result.stderr)![0]]);

    editAgain(dir);
    const again = build();
    expect(again.stderr).toMatch(/^warning: could not remove \.dist\.advisory-unremovable-\d+-[0-9a-f]{8}\/, left by an earlier build \(permission denied \(EACCES\)\); remove it by hand\nBuilt 60 bulletins/);
    expect(again.status).toBe(0);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(builtFromEmpty(dir));
  });
});

describe('a build killed with SIGKILL, or stopped with Ctrl-C or SIGTERM', () => {
  // Big enough that a build runs for seconds, so it can be caught at each moment.
  const COUNT = 80;
  let template: { dir: string; cleanup: () => void };
  let previous: Record<string, string>;
  let next: Record<string, string>;

  beforeAll(() => {
    template = bigProject(COUNT);
    expect(runCli(['build'], { cwd: template.dir }).status).toBe(0);
    previous = snapshotTree(path.join(template.dir, 'dist'));
    // What the edited project builds, for the build after the kill.
    const reference = tempProject(template.dir);
    editAdvisory(reference.dir, 'ad');
    expect(runCli(['build'], { cwd: reference.dir }).status).toBe(0);
    next = snapshotTree(path.join(reference.dir, 'dist'));
    reference.cleanup();
    expect(next).not.toEqual(previous);
  }, 120_000);
  afterAll(() => template.cleanup());

  /** A copy of the built big project with one advisory edited, and a build of it started. */
  function startBuild(args: readonly string[] = []): { dir: string; build: Running } {
    const { dir, cleanup } = tempProject(template.dir);
    onTestFinished(cleanup);
    editAdvisory(dir, 'ad');
    return { dir, build: startCli(['build', ...args], dir) };
  }

  /** After the kill: the output is the previous one or the complete new one; the next build clears up and publishes. */
  async function killAndRecover(dir: string, build: Running, expected: 'previous' | 'next'): Promise<void> {
    const { signal } = await build.stop('SIGKILL');
    expect(signal).toBe('SIGKILL');
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(expected === 'previous' ? previous : next);
    const after = runCli(['build'], { cwd: dir });
    expect(after.status).toBe(0);
    expect(leftovers(dir)).toEqual([]);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(next);
  }

  // Moments are told by what is on disk, never by a clock: a faster machine or a faster build must not move them.
  it('as it starts, before it has a staging folder', async () => {
    const { dir, build } = startBuild();
    expect(leftovers(dir)).toEqual([]);
    await killAndRecover(dir, build, 'previous');
  }, 60_000);

  it('as soon as its staging folder appears, while it reads and checks the first advisories', async () => {
    const { dir, build } = startBuild();
    await until(build, () => leftovers(dir).length > 0);
    await killAndRecover(dir, build, 'previous');
  }, 60_000);

  it('while it writes the staging folder', async () => {
    const { dir, build } = startBuild();
    await until(build, () => stagedFiles(dir) >= 200);
    expect(leftovers(dir)).toHaveLength(1);
    await killAndRecover(dir, build, 'previous');
  }, 60_000);

  it('during the swap, or after it while it deletes the previous output', async () => {
    // Without the cache the previous output is deleted file by file after the swap, which the poll
    // can catch; with it, the retired folder is moved into the cache at once, often too soon to see.
    const { dir, build } = startBuild(['--no-cache']);
    await until(build, () => leftovers(dir).some((name) => name.includes('.advisory-retired-')));
    const { signal } = await build.stop('SIGKILL');
    expect(signal).toBe('SIGKILL');
    // The swap is two renames (dist aside, staging in): killed between them, dist/ is the retired
    // folder, whole, for the next build to put back; killed after, dist/ is the new output.
    const retired = leftovers(dir).find((name) => name.includes('.advisory-retired-'));
    if (existsSync(path.join(dir, 'dist'))) expect(snapshotTree(path.join(dir, 'dist'))).toEqual(next);
    else expect(retired && snapshotTree(path.join(dir, retired))).toEqual(previous);
    const after = runCli(['build'], { cwd: dir });
    expect(after.status).toBe(0);
    expect(leftovers(dir)).toEqual([]);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(next);
  }, 60_000);

  // Ctrl-C at a terminal, SIGTERM from a cancelled CI job: the build removes what it wrote and its lock, then
  // ends by the same signal (130 and 143 in a shell), so that the script or job running it stops too.
  it('stopped by Ctrl-C (SIGINT) while it writes the staging folder: dist/ as it was, nothing left beside it, ended by SIGINT', async () => {
    const { dir, build } = startBuild();
    const stopped = await stopWhileStaging(dir, build, 'SIGINT');
    expect(stopped).toEqual({ ended: { code: null, signal: 'SIGINT' }, stderr: 'error: stopped by SIGINT: nothing was published; dist/ is as it was.\n', leftovers: [], lock: false });
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(previous);
    expect(runCli(['build'], { cwd: dir }).status).toBe(0);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(next);
  }, 60_000);

  it('stopped by SIGTERM while worker threads write the staging folder: the same, ended by SIGTERM', async () => {
    const { dir, build } = startBuild(['--jobs', '2', '--no-cache']);
    const stopped = await stopWhileStaging(dir, build, 'SIGTERM');
    expect(stopped).toEqual({ ended: { code: null, signal: 'SIGTERM' }, stderr: 'error: stopped by SIGTERM: nothing was published; dist/ is as it was.\n', leftovers: [], lock: false });
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(previous);
  }, 60_000);
});

/** Stops `build` with `signal` once its staging folder is being written; says what it printed and left. */
async function stopWhileStaging(dir: string, build: Running, signal: NodeJS.Signals) {
  await until(build, () => stagedFiles(dir) >= 200);
  const ended = await build.stop(signal);
  return { ended, stderr: build.stderr(), leftovers: leftovers(dir), lock: existsSync(path.join(dir, '.dist.advisory-lock')) };
}

/** Polls `condition` as fast as the event loop allows; fails if the build ends first (it was too quick to catch). */
function until(build: Running, condition: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (condition()) return resolve();
      if (build.child.exitCode !== null || build.child.signalCode !== null) return reject(new Error(`the build ended before the moment came:\n${build.stderr()}`));
      setImmediate(poll);
    };
    poll();
  });
}

/** Files written so far into the staging folder beside dist/. */
function stagedFiles(dir: string): number {
  const staging = leftovers(dir).find((name) => name.includes('.advisory-staging-'));
  if (!staging) return 0;
  try {
    return readdirSync(path.join(dir, staging), { recursive: true, withFileTypes: true }).length;
  } catch {
    return 0;
  }
}


/** A tmpfs of `kib` KiB on a fresh folder, or null where mounting is not allowed. */
function smallDisk(kib: number): { dir: string; cleanup: () => void } | null {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'advisory-disk-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k`, 'tmpfs', dir], { stdio: 'ignore' });
  if (mounted.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    cleanup: () => {
      spawnSync('umount', [dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
