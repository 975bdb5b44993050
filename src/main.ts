/** Wires the real process into the CLI: streams, clock, environment, exit code. */
import { performance } from 'node:perf_hooks';
import { run } from './cli.js';

const exitCode = await run({
  argv: process.argv.slice(2),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  io: {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    now: () => new Date(),
    clock: () => performance.now(),
  },
});
process.exitCode = exitCode;
