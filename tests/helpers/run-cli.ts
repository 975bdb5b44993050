/**
 * Runs the real binary (bin/advisory.js, built by `npm test`'s pretest) as a
 * child process, the way an officer or a CI job does, and returns what it
 * printed with temporary paths replaced by <tmp>.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { asUnprivileged, unprivilegedBin } from './unprivileged.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin/advisory.js');
export const FIXTURES = path.join(ROOT, 'tests/fixtures');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  input?: string;
  /** Run under `ulimit -f` with this many KiB: a write past it fails with EFBIG, as on a full disk. */
  fileSizeLimitKiB?: number;
  /** Run as a user whom file permissions bind (see unprivileged.ts): as root, `nobody`; anyone else, as they are. */
  unprivileged?: boolean;
  /** Another copy of the tool's binary to run (see copyOfTool in unprivileged.ts). */
  bin?: string;
}

/** The environment the binary runs in under test: no colour, no DEBUG, a fixed SOURCE_DATE_EPOCH. */
export function cliEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, DEBUG: undefined, SOURCE_DATE_EPOCH: '1795824000', ...extra };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  return env;
}

export function runCli(args: readonly string[], options: RunOptions): CliResult {
  const env = cliEnv(options.env);
  const bin = options.bin ?? (options.unprivileged ? unprivilegedBin() : BIN);
  const limited = options.fileSizeLimitKiB === undefined ? [process.execPath, bin, ...args] : ['sh', '-c', `ulimit -f ${options.fileSizeLimitKiB} && exec "$@"`, 'sh', process.execPath, bin, ...args];
  const command = options.unprivileged ? [...asUnprivileged(), ...limited] : limited;
  const result = spawnSync(command[0]!, command.slice(1), { cwd: options.cwd, env, encoding: 'utf8', input: options.input ?? '' });
  const clean = (s: string) => s.split(options.cwd).join('<tmp>').replace(/ in \d+\.\d+ s /g, ' in <time> s ');
  return { status: result.status, stdout: clean(result.stdout), stderr: clean(result.stderr) };
}

/** A fresh temporary folder, optionally seeded with a copy of a fixture or folder. Removed by the returned cleanup. */
export function tempProject(seed?: string): { dir: string; cleanup: () => void } {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'advisory-test-')));
  if (seed) cpSync(seed, dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
