/**
 * How eagerly V8 collects garbage during a long run over many files.
 *
 * By default V8 lets the old generation grow to several times the data that
 * survives a full collection when collecting looks cheap. A build's live data
 * stays small (about 25 MB per thread at 3984 bulletins: each advisory's
 * work is garbage once its files are written), so the heap filled with dead
 * advisories instead: 335 MB peak RSS. Growing by a tenth of the live data
 * made that 235 MB for the same time (25 full collections of about 10 ms
 * instead of 7). Smaller young generations went further (205 MB at 4 MB
 * semi-spaces) but cost 7 % more CPU, so they are left at V8's default.
 *
 * V8 reads this flag at every full collection, and the flag is the whole
 * process's, worker threads started later included. Node warns that a flag
 * changed after start may do nothing; this one only tunes when collection
 * happens, so doing nothing costs memory, never correctness.
 */
import v8 from 'node:v8';
import type { ResourceLimits } from 'node:worker_threads';

export function collectGarbageEarly(): void {
  v8.setFlagsFromString('--heap-growing-percent=10');
}

/**
 * A unit worker's young generation: V8 grows it to 32 MB when many objects
 * survive a scavenge, as a bulletin's view does while it is rendered. 12 MB
 * made the 3984-bulletin build's peak RSS 200 MB instead of 230 MB with no
 * difference in time that six alternating pairs of builds could show (the
 * same for all of V8's heaps, main thread included, cost 7 % more CPU). Only
 * the young generation: the old one has no limit, so no advisory can run a
 * worker out of memory.
 */
export const UNIT_WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 12 };
