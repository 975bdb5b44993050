/**
 * One logger: data to stdout, diagnostics to stderr. Side effects (streams,
 * clock, environment) live in one Io object that tests and the CLI provide.
 */
import type { ChalkInstance } from 'chalk';

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress lines are drawn only there). */
  stderrIsTTY: boolean;
  now: () => Date;
  /** Monotonic milliseconds, for "in 0.21 s". */
  clock: () => number;
  chalk: ChalkInstance;
  /**
   * Resolves at the first Ctrl-C (SIGINT) or SIGTERM after the call, for the long-running
   * commands (`serve`, `build --watch`) to stop cleanly. Only they ask, so every other
   * command keeps the default: interrupted means ended. Absent: never interrupted.
   */
  untilInterrupted?: () => Promise<void>;
  /**
   * Aborted at the first Ctrl-C (SIGINT) or SIGTERM after the first call, with the signal's
   * name as reason: for `build`, which must remove its staging folder and lock before it
   * stops. The process then ends by that signal unless the command finished with exit 0
   * anyway (the signal came too late to stop it). Absent: never interrupted.
   */
  interruptSignal?: () => AbortSignal;
}
