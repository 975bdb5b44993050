/**
 * The thread of a threadLinker (cache-linker.ts): it places cached entries in
 * staging in the order they come, and at the end says which it could not.
 * It loads no rendering library, so it is ready in a few milliseconds.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toCrossing } from '../worker-pool.js';
import { BuildCache } from './build-cache.js';
import type { LinkerJob, LinkerMessage, LinkerReply } from './cache-linker.js';

const job = workerData as LinkerJob;
const cache = new BuildCache(job.cacheDir, job.stagingDir, job.reusing);
const failed: string[] = [];

parentPort!.on('message', (message: LinkerMessage) => {
  if ('place' in message) {
    try {
      if (!cache.place(message.place.files)) failed.push(message.place.id);
    } catch (error) {
      parentPort!.postMessage({ error: toCrossing(error) } satisfies LinkerReply);
    }
    return;
  }
  parentPort!.postMessage({ failed } satisfies LinkerReply);
});
