/**
 * Runs the unit of work (one advisory file) over a whole project: in the main
 * thread for small projects, in worker threads for large ones, with the same
 * result either way, then judges what needs every file (one file per country).
 */
import os from 'node:os';
import { crossFileDiagnostics } from '../advisory/validate.js';
import { compareDiagnostics, escalateWarnings, type Diagnostic } from '../report/diagnostics.js';
import type { Renderer } from '../render/renderer.js';
import { mapInWorkers } from '../worker-pool.js';
import { collectGarbageEarly, UNIT_WORKER_LIMITS } from '../heap-policy.js';
import { inlineLinker, threadLinker } from './cache-linker.js';
import { layoutFolder } from './build-cache.js';
import { SourceHashes } from './source-hashes.js';
import { cachedEntry, processAdvisoryFile, unitRendering, type BuildJob, type UnitResult, type UnitSettings } from './advisory-unit.js';

/**
 * From this many bulletins (files × languages) the work is spread over worker
 * threads: each loads the libraries and compiles the templates first. With
 * 249 bulletins two threads were slower than one (2.7 s against 2.2 s), with
 * 3984 faster (15 to 16.5 s against 17 to 24 s); the threshold lies between,
 * a choice rather than a measured crossing.
 */
export const WORKERS_FROM_BULLETINS = 1000;

/** Misses in a row, from the first file, after which the cache is taken to be cold. */
const COLD_AFTER_MISSES = 8;

/** What a worker thread is told once, when it starts. Plain data: it crosses to the thread by structured cloning. */
export interface UnitJob {
  settings: UnitSettings;
  build?: BuildJob;
}

export interface UnitsOptions {
  settings: UnitSettings;
  /** Rendering as well as checking. */
  build?: { job: BuildJob; /** For the main thread, with small projects. */ renderer: Renderer };
  /** Threads to use; 1 keeps everything in the main thread. Default: by size and the machine's cores. */
  jobs?: number;
  languages: number;
  onResult?: (result: UnitResult) => void;
  /** Aborted (Ctrl-C): stop between files and reject with its reason, once no thread is writing any more. */
  signal?: AbortSignal;
}

export interface UnitsOutcome {
  results: UnitResult[];
  /** Every problem, the rules across files included, sorted. */
  diagnostics: Diagnostic[];
}

/** Files the cache loop looks up between two looks for a signal: a look costs a turn of the event loop. */
const LOOKUPS_BETWEEN_CHECKS = 64;

/**
 * Throws the signal's reason if it has been aborted. A signal reaches JavaScript only between
 * turns of the event loop, and rendering on this thread never waits for one: so it first lets
 * a turn pass, else a Ctrl-C would be seen only after every file was done.
 */
export async function stopIfAborted(signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return;
  await new Promise((wake) => setImmediate(wake));
  signal.throwIfAborted();
}

export function threadsFor(files: number, languages: number, jobs: number | undefined): number {
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, files));
  return files * languages >= WORKERS_FROM_BULLETINS ? Math.min(os.availableParallelism(), files) : 1;
}

export async function runUnits(files: readonly string[], options: UnitsOptions): Promise<UnitsOutcome> {
  const { settings, build, onResult, signal } = options;
  collectGarbageEarly();
  const mainThread = build ? unitRendering(build.job, build.renderer) : undefined;
  const done = new Map<string, UnitResult>();
  const finish = (file: string, result: UnitResult) => {
    done.set(file, result);
    onResult?.(result);
  };
  const processAll = async (pending: readonly string[]) => {
    const threads = threadsFor(pending.length, options.languages, options.jobs);
    if (threads > 1) {
      const unitJob: UnitJob = { settings, ...(build ? { build: build.job } : {}) };
      const here = (file: string) => processAdvisoryFile(file, settings, mainThread);
      const results = await mapInWorkers<string, UnitResult>(new URL('./unit-worker.js', import.meta.url), { workerData: unitJob, resourceLimits: UNIT_WORKER_LIMITS }, pending, threads, onResult, here, signal);
      pending.forEach((file, i) => done.set(file, results[i]!));
    } else {
      for (const file of pending) {
        await stopIfAborted(signal);
        finish(file, await processAdvisoryFile(file, settings, mainThread));
      }
    }
  };
  // What the cache has is taken here, before any thread starts: after a change to one
  // advisory, starting threads would cost more than linking the rest.
  // A cold cache shows itself in the first few files: then the threads look up the rest
  // themselves, rather than every file being read and hashed here and again there.
  const hits = new Map<string, UnitResult>();
  if (mainThread?.cache) {
    const linker = threadsFor(files.length, options.languages, options.jobs) > 1 ? threadLinker({ cacheDir: build!.job.cacheDir!, stagingDir: build!.job.stagingDir, reusing: build!.job.reusing }) : inlineLinker(mainThread.cache);
    const hashes = SourceHashes.open(layoutFolder(build!.job.cacheDir!));
    try {
      for (const [i, file] of files.entries()) {
        if (i % LOOKUPS_BETWEEN_CHECKS === 0) await stopIfAborted(signal);
        const entry = await cachedEntry(file, settings, mainThread, hashes);
        if (entry) {
          linker.place(file, entry.files);
          hits.set(file, entry.result);
        } else if (hits.size === 0 && i + 1 >= COLD_AFTER_MISSES) break;
      }
      hashes.save();
      await processAll(files.filter((file) => !hits.has(file)));
    } catch (error) {
      // The linking thread must have stopped placing files before the caller removes the staging folder.
      await linker.finish().catch(() => undefined);
      throw error;
    }
    // Entries whose files could not be placed are rendered after all.
    const unplaced = await linker.finish();
    for (const [file, result] of hits) if (!unplaced.has(file)) finish(file, result);
    await processAll([...unplaced]);
  } else {
    await processAll(files);
  }
  const results = files.map((file) => done.get(file)!);
  const crossFile = crossFileDiagnostics(results.flatMap((r) => (r.claim ? [r.claim] : [])));
  const diagnostics = [...results.flatMap((r) => r.diagnostics), ...(settings.strict ? escalateWarnings(crossFile) : crossFile)];
  return { results, diagnostics: diagnostics.sort(compareDiagnostics) };
}
