/** Wires the real process into the CLI: streams, clock, environment, exit code. */
import { performance } from 'node:perf_hooks';

const argv = process.argv.slice(2);

// A reader that stops early (`advisory list | head -1`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit();
});

if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  // Scripts ask for the version often: answer before loading the command line (commander, chalk).
  const { VERSION } = await import('./version.js');
  process.stdout.write(`${VERSION}\n`);
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
}
