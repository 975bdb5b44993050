/** Wires the real process into the CLI: streams, clock, environment, exit code. */
import { performance } from 'node:perf_hooks';

const argv = process.argv.slice(2);

/**
 * A reader that stops early (`advisory list | head -1`, `advisory validate 2>&1 | head -1`)
 * is not an error worth a stack trace, and it must not decide the exit code either: what
 * would have gone to the closed stream is dropped, and the command runs to its end, so
 * that a CI step still fails on invalid advisories, and passes on valid ones.
 */
const closed = new Set<NodeJS.WriteStream>();
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed.add(stream);
  });
}
const writeTo = (stream: NodeJS.WriteStream) => (text: string) => {
  if (!closed.has(stream)) stream.write(text);
};

if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  // Scripts ask for the version often: answer before loading the command line (commander, chalk).
  const { VERSION } = await import('./version.js');
  writeTo(process.stdout)(`${VERSION}\n`);
} else {
  process.exitCode = await runCommandLine();
}

async function runCommandLine(): Promise<number> {
  const { run } = await import('./cli.js');
  return run({
    argv,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    io: {
      cwd: process.cwd(),
      env: process.env,
      stdout: writeTo(process.stdout),
      stderr: writeTo(process.stderr),
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
}
