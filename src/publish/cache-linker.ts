/**
 * Placing cached files in staging while the main thread goes on. After a
 * change to one advisory of a large project, a rebuild links some 12,000
 * files from the cache (an lstat to trust each blob, then a link): about a
 * quarter of a second of system calls that need nothing the main thread
 * holds. On a thread of their own they run beside the reading and hashing of
 * the sources and the rendering of what changed.
 *
 * An entry is taken as a hit when it is read; the files are placed later. So
 * `finish` says which entries could not be placed (a blob changed through the
 * published folder, a failed link): those advisories are rendered again.
 */
import { Worker } from 'node:worker_threads';
import { fromCrossing, type CrossingError } from '../worker-pool.js';
import { BuildCache, type BlobRecord } from './build-cache.js';

export interface Linker {
  /** Queues the placing of one entry's files, named by `id`. */
  place(id: string, files: BlobRecord[]): void;
  /** Waits for everything queued; the ids whose files could not be placed (nothing of theirs is left in staging). */
  finish(): Promise<Set<string>>;
}

export interface LinkerJob {
  cacheDir: string;
  stagingDir: string;
  reusing: boolean;
}

export type LinkerMessage = { place: { id: string; files: BlobRecord[] } } | { finish: true };
export type LinkerReply = { failed: string[] } | { error: CrossingError };

/** Places each entry at once, on this thread: for small projects, where starting a thread costs more than it saves. */
export function inlineLinker(cache: BuildCache): Linker {
  const failed = new Set<string>();
  return {
    place(id, files) {
      if (!cache.place(files)) failed.add(id);
    },
    finish: async () => failed,
  };
}

/** Places entries on a thread of its own, started at the first entry (a cold build never starts it). */
export function threadLinker(job: LinkerJob): Linker {
  let worker: Worker | undefined;
  let outcome: Promise<Set<string>> | undefined;
  const start = (): Worker => {
    const started = new Worker(new URL('./cache-linker-worker.js', import.meta.url), { workerData: job });
    outcome = new Promise<Set<string>>((resolve, reject) => {
      started.on('message', (reply: LinkerReply) => ('error' in reply ? reject(fromCrossing(reply.error)) : resolve(new Set(reply.failed))));
      started.on('error', reject);
      started.on('exit', (code) => reject(new Error(`internal: the thread linking cached files stopped (exit code ${code}) before its work was done`)));
    });
    // Until finish is awaited, a failure must not surface as an unhandled rejection.
    outcome.catch(() => undefined);
    return started;
  };
  return {
    place(id, files) {
      worker ??= start();
      worker.postMessage({ place: { id, files } } satisfies LinkerMessage);
    },
    async finish() {
      if (!worker) return new Set();
      worker.postMessage({ finish: true } satisfies LinkerMessage);
      try {
        return await outcome!;
      } finally {
        await worker.terminate();
      }
    },
  };
}
