/**
 * Start-up stays light: `--version` needs no dependency at all and `--help`
 * only commander, proven by running a copy of the tool whose node_modules
 * holds nothing else. And a reader that stops early is not an error.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { FIXTURES, ROOT, cliEnv, runCli, tempProject } from '../helpers/run-cli.js';

/** bin/, build/ and package.json in a folder of their own, with only these packages installed. */
function toolWithOnly(packages: readonly string[]): string {
  const { dir, cleanup } = tempProject();
  onTestFinished(cleanup);
  for (const part of ['bin', 'build', 'package.json']) cpSync(path.join(ROOT, part), path.join(dir, part), { recursive: true });
  mkdirSync(path.join(dir, 'node_modules'));
  for (const name of packages) cpSync(path.join(ROOT, 'node_modules', name), path.join(dir, 'node_modules', name), { recursive: true });
  return dir;
}

function runCopy(dir: string, args: readonly string[]) {
  return spawnSync(process.execPath, [path.join(dir, 'bin/advisory.js'), ...args], { cwd: dir, env: cliEnv(), encoding: 'utf8' });
}

describe('start-up', () => {
  it('answers --version and -v without loading any dependency', () => {
    const dir = toolWithOnly([]);
    for (const flag of ['--version', '-v']) {
      const result = runCopy(dir, [flag]);
      expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({ status: 0, stdout: '0.1.0\n', stderr: '' });
    }
  });

  it('prints --help with commander alone (colour is loaded only by commands and errors)', () => {
    const dir = toolWithOnly(['commander']);
    const copy = runCopy(dir, ['--help']);
    expect(copy.stderr).toBe('');
    expect(copy.status).toBe(0);
    expect(copy.stdout).toBe(runCli(['--help'], { cwd: ROOT }).stdout);
    expect(copy.stdout).toContain('Usage: advisory [options] [command]');
  });

  it('refuses an argument beside --version or --help with commander alone', () => {
    const dir = toolWithOnly(['commander']);
    for (const args of [['--version', 'extra'], ['--help', 'extra']]) {
      const copy = runCopy(dir, args);
      expect({ status: copy.status, stdout: copy.stdout, stderr: copy.stderr }).toEqual({ ...runCli(args, { cwd: ROOT }), status: 2 });
    }
  });

  it('the copy without chalk really lacks it: a command that needs colour fails to load', () => {
    const result = runCopy(toolWithOnly(['commander']), ['schema']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("Cannot find package 'chalk'");
  });

  it('stops quietly, with its exit code, when the reader closes the pipe early', () => {
    const { dir, cleanup } = tempProject();
    onTestFinished(cleanup);
    const errors = path.join(dir, 'stderr.txt');
    // The reader closes its end before the tool writes: every write then fails with EPIPE.
    const script = '"$0" "$1" schema 2>"$2" | (exec 0<&-; sleep 1); echo "${PIPESTATUS[0]}"';
    const result = spawnSync('bash', ['-c', script, process.execPath, path.join(ROOT, 'bin/advisory.js'), errors], { cwd: ROOT, env: cliEnv(), encoding: 'utf8' });
    expect(readFileSync(errors, 'utf8')).toBe('');
    expect(result.stdout).toBe('0\n');
  });

  it('exits with the code of the validation, not of the closed pipe, whichever stream the reader closes', () => {
    const exitCodes = (project: string, redirect: string) => {
      // The reader closes its end before the tool writes: every write to that stream fails with EPIPE.
      const script = `"$0" "$1" validate --format github ${redirect} | (exec 0<&-; sleep 1); echo "\${PIPESTATUS[0]}"`;
      return spawnSync('bash', ['-c', script, process.execPath, path.join(ROOT, 'bin/advisory.js')], { cwd: project, env: cliEnv(), encoding: 'utf8' }).stdout;
    };
    // Valid with warnings: much is written to stderr, and the run still passes.
    const valid = path.join(FIXTURES, 'review');
    const invalid = path.join(FIXTURES, 'invalid-report');
    for (const redirect of ['2>&1', '2>&1 >/dev/null', '2>/dev/null']) {
      expect([redirect, exitCodes(valid, redirect), exitCodes(invalid, redirect)]).toEqual([redirect, '0\n', '1\n']);
    }
  });
});
