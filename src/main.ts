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
    untilInterrupted: () =>
      new Promise<void>((resolve) => {
        // Once stopping, a second Ctrl-C falls back to the default and ends the process at once.
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      }),
  },
});
process.exitCode = exitCode;
