/**
 * The real binary as a long-running child process (`serve`, `build --watch`):
 * wait for what it prints on stderr, then stop it the way Ctrl-C does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { BIN, cliEnv } from './run-cli.js';

export interface Running {
  child: ChildProcess;
  /** Everything printed on stderr so far. */
  stderr(): string;
  /** Resolves with the first match of `pattern` in stderr printed from now on (or so far, with `since: 0`). */
  waitForStderr(pattern: RegExp, options?: { since?: number; timeout?: number }): Promise<RegExpMatchArray>;
  /** Sends SIGINT (Ctrl-C) and resolves with the exit code and signal. */
  interrupt(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends `signal` (SIGKILL: no chance to clean up) and resolves with the exit code and signal. */
  stop(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the exit code and signal once the process has ended by itself. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startCli(args: readonly string[], cwd: string): Running {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    for (const listener of listeners) listener();
  });
  child.stdout!.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    stderr: () => stderr,
    waitForStderr(pattern, { since = stderr.length, timeout = 15_000 } = {}) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = stderr.slice(since).match(pattern);
          if (!match) return;
          done();
          resolve(match);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no ${pattern} on stderr within ${timeout} ms; it printed:\n${stderr}`));
        }, timeout);
        const onExit = () => {
          done();
          reject(new Error(`exited before printing ${pattern}; it printed:\n${stderr}`));
        };
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
          child.off('exit', onExit);
        };
        listeners.add(check);
        child.once('exit', onExit);
        check();
      });
    },
    interrupt() {
      return this.stop('SIGINT');
    },
    async stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    exited,
  };
}
