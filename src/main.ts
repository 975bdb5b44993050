/** Wires the real process into the CLI: streams, clock, environment, exit code. */
import os from 'node:os';
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

/**
 * A build asks to be told of Ctrl-C and SIGTERM (a cancelled CI job) rather than be killed
 * on the spot, so that it can remove its staging folder and its lock first. Once it has,
 * the process ends by the same signal, as an interrupted program should: the shell and CI
 * see 130 or 143, and a script running it stops too.
 */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;
let interruption: AbortController | undefined;
let interruptedBy: NodeJS.Signals | undefined;
const onStopSignal = (signal: NodeJS.Signals) => {
  interruptedBy = signal;
  // Once stopping, a second signal falls back to the default and ends the process at once.
  for (const s of STOP_SIGNALS) process.off(s, onStopSignal);
  interruption!.abort(signal);
};
const interruptSignal = (): AbortSignal => {
  if (!interruption) {
    interruption = new AbortController();
    for (const s of STOP_SIGNALS) process.on(s, onStopSignal);
  }
  return interruption.signal;
};

if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  // Scripts ask for the version often: answer before loading the command line (commander, chalk).
  const { VERSION } = await import('./version.js');
  writeTo(process.stdout)(`${VERSION}\n`);
} else {
  const code = await runCommandLine();
  for (const s of STOP_SIGNALS) process.off(s, onStopSignal);
  // A command that finished its work despite the signal (a build already swapping its output in) says so with 0.
  if (interruptedBy && code !== 0) {
    process.exitCode = 128 + os.constants.signals[interruptedBy];
    process.kill(process.pid, interruptedBy);
  } else {
    process.exitCode = code;
  }
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
      interruptSignal,
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
