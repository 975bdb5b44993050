/**
 * A small pool of worker threads for the one kind of work worth spreading
 * over the cores: many independent tasks (advisory files), each far longer
 * than a message between threads. Tasks are handed out as workers finish, so
 * a slow file does not hold up the rest; results come back in task order.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { AdvisoryError, type ExitCode } from './errors.js';

/** An error as it crosses between threads: structured cloning keeps neither its class nor its code. */
export interface CrossingError {
  name: string;
  message: string;
  code?: string;
  exitCode?: ExitCode;
  stack?: string;
}

export function toCrossing(error: unknown): CrossingError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  return {
    name: error.name,
    message: error.message,
    ...((error as NodeJS.ErrnoException).code !== undefined ? { code: (error as NodeJS.ErrnoException).code } : {}),
    ...(error instanceof AdvisoryError ? { exitCode: error.exitCode } : {}),
    ...(error.stack !== undefined ? { stack: error.stack } : {}),
  };
}

/** The error again on this side: a user's mistake stays one (same message and exit code), the machine's refusal keeps its code. */
export function fromCrossing(crossing: CrossingError): Error {
  if (crossing.exitCode !== undefined) return new AdvisoryError(crossing.message, { exitCode: crossing.exitCode });
  const error: Error & { code?: string } = new Error(crossing.message);
  if (crossing.code !== undefined) error.code = crossing.code;
  if (crossing.stack !== undefined) error.stack = crossing.stack;
  return error;
}

export type TaskReply<R> = { id: number; result: R } | { id: number; error: CrossingError };

/** Tasks per worker sent ahead, so a worker never waits for its next one. */
const IN_FLIGHT = 2;

/**
 * Runs `tasks` over `threads` threads and returns their results in task order.
 * With `here`, this thread is one of them: it takes tasks from the same queue
 * between the workers' replies, instead of waiting idle beside one more
 * worker, which would load the libraries again and hold a heap of its own.
 */
export async function mapInWorkers<T, R>(script: URL, options: WorkerOptions, tasks: readonly T[], threads: number, onResult: (result: R) => void = () => {}, here?: (task: T) => Promise<R>, signal?: AbortSignal): Promise<R[]> {
  const results = new Array<R>(tasks.length);
  if (tasks.length === 0) return results;
  const workers: Worker[] = [];
  // This thread's task under way: waited for, like the workers, before returning or throwing.
  let hereLoop: Promise<void> = Promise.resolve();
  let stopOnAbort = () => {};
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let done = 0;
      let failed = false;
      const settle = (id: number, result: R) => {
        results[id] = result;
        onResult(result);
        if (++done === tasks.length) resolve();
      };
      const fail = (error: unknown) => {
        failed = true;
        reject(error);
      };
      const feed = (worker: Worker) => {
        if (next < tasks.length) worker.postMessage({ id: next, task: tasks[next++] });
      };
      const workerCount = Math.min(here ? threads - 1 : threads, tasks.length);
      for (let i = 0; i < workerCount; i++) {
        const worker = new Worker(script, options);
        workers.push(worker);
        worker.on('message', (reply: TaskReply<R>) => {
          if ('error' in reply) return fail(fromCrossing(reply.error));
          settle(reply.id, reply.result);
          feed(worker);
        });
        worker.on('error', fail);
        worker.on('exit', (code) => {
          if (done < tasks.length) fail(new Error(`internal: a worker thread stopped (exit code ${code}) before the work was done`));
        });
      }
      for (let round = 0; round < IN_FLIGHT; round++) for (const worker of workers) feed(worker);
      // Aborted (Ctrl-C): stop handing out tasks and fail with the reason.
      stopOnAbort = () => fail(signal!.reason);
      signal?.addEventListener('abort', stopOnAbort, { once: true });
      if (signal?.aborted) stopOnAbort();
      if (here) {
        hereLoop = (async () => {
          while (next < tasks.length && !failed) {
            const id = next++;
            settle(id, await here(tasks[id]!));
            // Let the workers' replies in, so that they are fed before this thread takes another task.
            await new Promise((wake) => setImmediate(wake));
          }
        })().catch(fail);
      }
    });
  } finally {
    signal?.removeEventListener('abort', stopOnAbort);
    // Nothing of this run may still be writing when the caller goes on (and removes what was written, on failure).
    await Promise.all([...workers.map((w) => w.terminate()), hereLoop]);
  }
  return results;
}
