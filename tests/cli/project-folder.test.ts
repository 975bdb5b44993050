/**
 * Run from a folder inside a project (`cd advisories`), without --config, every
 * command that reads the config refuses with exit 2 and says where the project
 * is, rather than using the built-in defaults: it writes nothing. Through the real binary.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { sampleProject } from '../helpers/projects.js';
import { startCli } from '../helpers/long-running.js';
import { runCli } from '../helpers/run-cli.js';
import { snapshotTree } from '../helpers/tree-snapshot.js';

/** The sample project in a temporary folder, removed when the test ends. */
function project(): string {
  const { dir, cleanup } = sampleProject();
  onTestFinished(cleanup);
  return dir;
}

const refusal = (up: string, instead = `pass --config ${up}/advisory.config.yaml`) =>
  `advisory.config.yaml is in ${up} (the project folder), not here: run advisory from there (cd ${up}), or ${instead}`;
const refused = (up: string, instead?: string) => ({ status: 2, stdout: '', stderr: `error: ${refusal(up, instead)}\n` });

describe('a command run inside a project, without --config', () => {
  it('refuses in the advisories folder, for every command that reads the config, and writes nothing', () => {
    const dir = project();
    const advisories = path.join(dir, 'advisories');
    const before = snapshotTree(dir);
    for (const args of [
      ['validate', 'ml.yaml'],
      ['validate'],
      ['list'],
      ['show', 'ML'],
      ['show', 'ml.yaml', '--format', 'html'],
      ['build', 'ml.yaml', '--out', '../dist'],
      ['build'],
      ['build', '--check', '.', '--out', '../dist'],
    ]) {
      expect([args, runCli(args, { cwd: advisories })]).toEqual([args, refused('..')]);
    }
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('names the project folder as many levels up as it is, relative to here', () => {
    const dir = project();
    const deep = path.join(dir, 'advisories', 'west-africa', 'sahel');
    mkdirSync(deep, { recursive: true });
    expect(runCli(['validate', '../../ml.yaml'], { cwd: deep })).toEqual(refused('../../..'));
  });

  it('prints the refusal as a JSON error on stdout with --json', () => {
    const result = runCli(['validate', 'ml.yaml', '--json'], { cwd: path.join(project(), 'advisories') });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`error: ${refusal('..')}\n`);
    expect(JSON.parse(result.stdout)).toEqual({ error: { message: refusal('..'), exitCode: 2, internal: false }, diagnostics: [] });
  });

  it('runs as before with --config: the project settings, not the defaults', () => {
    const advisories = path.join(project(), 'advisories');
    // With the defaults (en only), the French translation would be reported as not published.
    expect(runCli(['validate', 'ml.yaml', '--config', '../advisory.config.yaml'], { cwd: advisories })).toEqual({ status: 0, stdout: '', stderr: '✓ 1 advisory valid\n' });
    expect(runCli(['schema'], { cwd: advisories }).status).toBe(0);
  });

  it('refuses `new` without --dir (it would write advisories/advisories/), and writes where --dir says', () => {
    const dir = project();
    const advisories = path.join(dir, 'advisories');
    expect(runCli(['new', 'SN'], { cwd: advisories })).toEqual(refused('..', 'pass --dir with the folder to write it in (--dir . for this one)'));
    expect(existsSync(path.join(advisories, 'advisories'))).toBe(false);
    expect(runCli(['new', 'SN', '--dir', '.'], { cwd: advisories })).toEqual({ status: 0, stdout: '', stderr: 'Wrote sn.yaml: fill it in, then run `advisory validate`.\n' });
    expect(readFileSync(path.join(advisories, 'sn.yaml'), 'utf8')).toContain('code: SN\n');
  });

  it('refuses `diff` in a git repository', () => {
    const dir = project();
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Officer', '-c', 'user.email=officer@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: dir });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'advisories as published');
    expect(runCli(['diff'], { cwd: path.join(dir, 'advisories') })).toEqual(refused('..'));
  });

  it.each([[['serve', '--port', '0']], [['build', '--watch', '--out', '../dist']]])('refuses %j at once, rather than serve or watch with the defaults', async (args) => {
    const dir = project();
    const before = snapshotTree(dir);
    const running = startCli(args, path.join(dir, 'advisories'));
    onTestFinished(() => void running.child.kill('SIGKILL'));
    expect(await running.exited).toEqual({ code: 2, signal: null });
    expect(running.stderr()).toBe(`error: ${refusal('..')}\n`);
    expect(snapshotTree(dir)).toEqual(before);
  });
});
