/**
 * `advisory build`: validate everything, then render every advisory into every
 * language and format, and swap the result in place of the output folder.
 */
import { accessSync, constants, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AdvisoryError, UsageError, errorMessage, systemRefusal, type ExitCode } from '../errors.js';
import { compareFolder, describeDifference, readFolder } from '../publish/compare-folder.js';
import { renderOutputs } from '../publish/outputs.js';
import type { UnitResult } from '../publish/advisory-unit.js';
import type { Manifest } from '../publish/manifest.js';
import { writeSite } from '../publish/site-assembly.js';
import { BuildCache, CACHE_DIR, layoutFolder, sweepCache } from '../publish/build-cache.js';
import { DerivedStore } from '../derived-store.js';
import { runUnits, stopIfAborted } from '../publish/units.js';
import { keepAsSpare, pruneStaging, spareFolder } from '../publish/spare-output.js';
import { loadConfig, type Config } from '../config/config.js';
import { lockOutput } from '../publish/output-lock.js';
import { checkOwnFolder, openStaging, outputFolder, recoverLeftovers, refuseTemplatesOverlap, type NotRemoved } from '../publish/output-folder.js';
import type { Io } from '../report/logger.js';
import { stylish } from '../report/reporters.js';
import { compareDiagnostics, escalateWarnings, type Diagnostic } from '../report/diagnostics.js';
import { levelChangedUnderPublishedVersion } from '../publish/republished-level.js';
import { alertChangedUnderPublishedIdentifier } from '../publish/republished-alert.js';
import { referenceInstant } from '../advisory/dates.js';
import { createRenderer, levelWordingByLanguage } from '../render/renderer.js';
import { DEFAULT_PATHS, displayPath, refuseProjectFolders } from '../advisory/load.js';
import { openProject, projectFiles, resolveToday, type ProjectOptions } from './project.js';
import { templateDirs } from './templates-option.js';
import { VERSION } from '../version.js';

export interface BuildOptions extends ProjectOptions {
  out: string;
  /** Write nothing; exit 1 when the output folder differs from what a build would write. */
  check?: boolean;
  /** Threads to render with (1: the main thread only); default by the project's size. */
  jobs?: number;
  /** false with --no-cache: render everything, and neither read nor write the cache. */
  cache?: boolean;
}

const NOTHING_WRITTEN = 'Nothing was written: fix the problems above, then run `advisory build` again.\n';

/** How often the progress line changes, in bulletins: often enough to see it move, seldom enough to cost nothing. */
const PROGRESS_EVERY = 50;

/** Below this many bulletins a build is too quick for a progress line to help. */
const PROGRESS_FROM = 200;

export async function build(io: Io, options: BuildOptions): Promise<ExitCode> {
  const started = io.clock();
  // Refuse a dangerous --out before any other work, so the mistake is the first thing the officer sees.
  const given = path.resolve(io.cwd, options.out);
  const shownOut = displayPath(io.cwd, given).replace(/\/?$/, '/');
  // `build .` is a slip for `build`, not an --out inside its input: say so first.
  await refuseProjectFolders(io.cwd, options.paths);
  const inputs = (options.paths.length ? options.paths : DEFAULT_PATHS).map((p) => path.resolve(io.cwd, p));
  const out = await outputFolder(given, io.cwd, inputs, shownOut, options.check);
  // Read before the lock is made beside --out: where the templates are decides whether --out may be written at all.
  const config = await loadConfig(io.cwd, options.config, options.templates).catch(async (error: unknown) => {
    if (!options.check) await putBackBeforeStopping(io, out, shownOut);
    throw error;
  });
  await refuseTemplatesOverlap(out, io.cwd, templateDirs(io, config, options.templates), shownOut, options.check);
  if (options.check) {
    await checkOwnFolder(out, shownOut, true);
    return check(io, options, config, out, shownOut);
  }
  // Ctrl-C or a cancelled CI job stops the build between files, so that it removes its staging folder and lock first.
  const signal = io.interruptSignal?.();
  // Held until the build ends, however it ends: see output-lock.ts.
  const release = lockOutput(out, shownOut, (p) => displayPath(io.cwd, p));
  try {
    return await buildLocked(io, options, config, out, shownOut, started, signal);
  } finally {
    release();
  }
}

async function buildLocked(io: Io, options: BuildOptions, config: Config, out: string, shownOut: string, started: number, signal?: AbortSignal): Promise<ExitCode> {
  // A build killed mid-swap may have left the previous output retired beside --out: put it back
  // before anything else can fail, so that even a build that stops on a typo in an advisory or a
  // template leaves it in place. (A config that cannot be read stops a build before this: see putBackBeforeStopping.)
  putBack(io, await recoverLeftovers(out));
  const previous = await checkOwnFolder(out, shownOut);

  const today = resolveToday(io, options.today);
  const files = await projectFiles(io, options.paths);
  const dirs = templateDirs(io, config, options.templates);
  // The cache lives with the project (like node_modules), not in the output: it is never published.
  const cacheDir = options.cache === false ? undefined : usableCache(io, path.join(io.cwd, CACHE_DIR));
  // Compiled templates, parsed labels and measured widths: only this thread keeps them. Workers
  // start only when a thousand bulletins or more are rendered, beside which deriving them is little.
  const derived = cacheDir ? new DerivedStore(path.join(layoutFolder(cacheDir), 'templates')) : undefined;
  const renderer = await createRenderer(config, dirs, (p) => displayPath(io.cwd, p), derived);

  const perFile = config.languages.length * config.formats.length;
  const estimate = files.length * perFile;
  const progress = io.stderrIsTTY && estimate >= PROGRESS_FROM;
  let done = 0;
  const counted = (result: UnitResult) => {
    if (!progress || !result.digest) return;
    done += perFile;
    if (Math.floor(done / PROGRESS_EVERY) > Math.floor((done - perFile) / PROGRESS_EVERY)) io.stderr(`\rRendering ${done}/${estimate} bulletins`);
  };

  // With the cache, staging begins as the output before last, whose unchanged files need not be linked again.
  const staging = await openStaging(out, cacheDir ? spareFolder(cacheDir) : undefined);
  if (staging.notReused) warnNotRemoved(io, [staging.notReused], 'an earlier output the build cache kept, which this build could not use');
  try {
    const { results, diagnostics: found } = await runUnits(files, {
      settings: { cwd: io.cwd, rules: { today, languages: config.languages, levelWording: levelWordingByLanguage(renderer, config.languages) }, strict: Boolean(options.strict) },
      build: { job: { config, templateDirs: dirs, stagingDir: staging.dir, reusing: staging.reused, ...(cacheDir ? { cacheDir } : {}) }, renderer },
      languages: config.languages.length,
      ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
      onResult: counted,
      ...(signal ? { signal } : {}),
    });
    if (progress) io.stderr('\r\x1b[K');
    const republished = republishedVersions(results, previous, out, staging.dir, shownOut, referenceInstant(io.env, io.now));
    const diagnostics = [...found, ...(options.strict ? escalateWarnings(republished) : republished)].sort(compareDiagnostics);
    io.stderr(stylish({ diagnostics, files: results.map((r) => r.file) }, io.chalk));
    if (diagnostics.some((d) => d.severity === 'error')) {
      await staging.abandon();
      io.stderr(NOTHING_WRITTEN);
      return 1;
    }
    const dropped = notPublishedAgain(previous, results);
    // Building one file during an incident must not take every other advisory off the site.
    if (dropped.length && options.paths.length) throw new UsageError(partialBuildRefusal(dropped, shownOut));
    const site = writeSite(staging.dir, results, config, renderer, VERSION, cacheDir ? new BuildCache(cacheDir, staging.dir, staging.reused) : undefined);
    if (staging.reused) await pruneStaging(staging.dir, site.published);
    // The last moment to stop: once the swap begins, the build finishes, and has published.
    await stopIfAborted(signal);
    const retiredLeft = await staging.commit(cacheDir ? (retired) => keepAsSpare(retired, cacheDir) : undefined);
    if (cacheDir) dropUnused(cacheDir, [...results.flatMap((r) => (r.cached ? [r.cached] : [])), ...(site.cached ? [site.cached] : [])]);
    derived?.save();
    const n = results.filter((r) => r.digest).length;
    const total = n * perFile;
    const seconds = ((io.clock() - started) / 1000).toFixed(2);
    io.stderr(`Built ${total} bulletin${total === 1 ? '' : 's'} for ${n} advisor${n === 1 ? 'y' : 'ies'} in ${seconds} s -> ${shownOut}\n`);
    if (dropped.length) io.stderr(`${io.chalk.yellow('note')}: no longer published, as no advisory file has ${dropped.length === 1 ? 'its code' : 'their codes'} any more: ${dropped.join(', ')}\n`);
    if (retiredLeft) warnNotRemoved(io, [retiredLeft], `the previous output of ${shownOut}`);
    return 0;
  } catch (error) {
    if (progress) io.stderr('\r\x1b[K');
    await staging.abandon().catch(() => undefined);
    if (signal?.aborted) throw new AdvisoryError(`stopped by ${String(signal.reason)}: nothing was published; ${shownOut} is as it was.`, { exitCode: 2, cause: error });
    const refused = systemRefusal(error);
    if (refused) throw new AdvisoryError(`cannot write ${shownOut}: ${refused}. Nothing was published; ${shownOut} is as it was.`, { exitCode: 2, cause: error });
    throw error;
  }
}

/**
 * What this build would republish under a version the previous output already publishes: a level
 * changed (republished-level.ts), or else anything else its alert carries (republished-alert.ts).
 */
function republishedVersions(results: readonly UnitResult[], previous: Manifest | null, out: string, stagingDir: string, shownOut: string, now: Date): Diagnostic[] {
  const levels = levelChangedUnderPublishedVersion(results.flatMap((r) => (r.claim ? [r.claim] : [])), previous, shownOut, now);
  const warned = new Set(levels.map((d) => d.file));
  const readIn = (folder: string) => (relative: string) => {
    try {
      return readFileSync(path.join(folder, relative), 'utf8');
    } catch {
      return null; // removed by hand since: nothing to compare with
    }
  };
  const alerts = alertChangedUnderPublishedIdentifier(results, { previous, readPublished: readIn(out), readStaged: readIn(stagingDir) }, shownOut, now, warned);
  return [...levels, ...alerts];
}

/** Codes the previous output published that this build's advisories do not have, sorted. */
function notPublishedAgain(previous: Manifest | null, results: readonly UnitResult[]): string[] {
  const built = new Set(results.flatMap((r) => (r.digest ? [r.digest.code] : [])));
  return (previous?.advisories ?? []).map((a) => a.code).filter((code) => !built.has(code)).sort();
}

function partialBuildRefusal(dropped: readonly string[], shownOut: string): string {
  const them = dropped.length === 1 ? `advisory ${dropped[0]}` : `${dropped.length} advisories (${dropped.join(', ')})`;
  return `${shownOut} publishes ${them} not among the paths given, and building only these would take ${dropped.length === 1 ? 'it' : 'them'} off ${shownOut}; build every advisory (\`advisory build\` with no paths), or build into another folder with --out. Nothing was published; ${shownOut} is as it was.`;
}

/**
 * The cache folder, made if need be; undefined, with a warning, where it cannot be
 * (a read-only checkout, a file in its place): the build then renders everything.
 */
function usableCache(io: Io, dir: string): string | undefined {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    return dir;
  } catch (error) {
    const why = systemRefusal(error) ?? errorMessage(error);
    io.stderr(`${io.chalk.yellow('warning')}: not using the build cache ${displayPath(io.cwd, dir)}/ (${why}); rendering every advisory\n`);
    return undefined;
  }
}

/** One warning per folder of ours that could not be removed: which, why, and that it is left to the officer. */
function putBack(io: Io, left: readonly NotRemoved[]): void {
  warnNotRemoved(io, left, 'left by an earlier build');
}

/**
 * A config that cannot be read stops the build before it takes its lock; a previous output that a
 * killed swap left retired beside --out still goes back first, as for every other failed build,
 * or the site would stay without it until the config is mended. Only where a build could have left
 * one (the folder holding --out exists), and only when no other build holds the lock (that build
 * puts it back itself). A failure here is not the user's problem to hear about now: the config is,
 * and the next build tries again.
 */
async function putBackBeforeStopping(io: Io, out: string, shownOut: string): Promise<void> {
  if (!existsSync(path.dirname(out))) return;
  let release: (() => void) | undefined;
  try {
    release = lockOutput(out, shownOut, (p) => displayPath(io.cwd, p));
    putBack(io, await recoverLeftovers(out));
  } catch {
    // Another build holds the lock, or the folder cannot be written: left for the next build.
  } finally {
    release?.();
  }
}

function warnNotRemoved(io: Io, left: readonly NotRemoved[], what: string): void {
  for (const { folder, error } of left) {
    const why = systemRefusal(error) ?? errorMessage(error);
    io.stderr(`${io.chalk.yellow('warning')}: could not remove ${displayPath(io.cwd, folder)}/, ${what} (${why}); remove it by hand\n`);
  }
}

function dropUnused(cacheDir: string, used: ReadonlyArray<{ key: string; blobs: string[] }>): void {
  sweepCache(cacheDir, new Set(used.map((c) => c.key)), new Set(used.flatMap((c) => c.blobs)));
}

/** `build --check`: render in memory, as `serve` does, and compare with the output folder. */
async function check(io: Io, options: BuildOptions, config: Config, out: string, shownOut: string): Promise<ExitCode> {
  const project = await openProject(io, options, config);
  io.stderr(stylish({ diagnostics: project.diagnostics, files: project.files }, io.chalk));
  if (project.diagnostics.some((d) => d.severity === 'error')) {
    io.stderr(NOTHING_WRITTEN);
    return 1;
  }
  const renderer = await createRenderer(config, templateDirs(io, config, options.templates), (p) => displayPath(io.cwd, p));
  const files = [...renderOutputs(project.advisories, config, renderer, { version: VERSION })];
  const report = describeDifference(compareFolder(files, await readFolder(out)), shownOut, files.length);
  io.stdout(report.list);
  io.stderr(report.summary);
  return report.current ? 0 : 1;
}
