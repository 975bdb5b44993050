/**
 * The loop `advisory serve` and `advisory build --watch` share: watch the
 * project, rebuild on change, until Ctrl-C.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_PATHS } from '../advisory/load.js';
import { templateDirs } from '../commands/templates-option.js';
import { CONFIG_FILE, loadConfig } from '../config/config.js';
import { DEFAULT_TEMPLATES_DIR } from '../render/templates.js';
import type { Io } from '../report/logger.js';
import { debouncedRebuilder, watchTargets, type WatchTarget } from './watch.js';

export interface WatchOptions {
  paths: string[];
  config?: string;
  templates?: string;
}

/**
 * Resolves at Ctrl-C. Asked for before the first build, so that Ctrl-C during
 * it lets the build finish and then stops cleanly, instead of killing it.
 */
export function interruption(io: Io): Promise<void> {
  return io.untilInterrupted?.() ?? new Promise<void>(() => {});
}

/** What to watch: the advisory paths, the config file, and every templates folder (the built-in one too). */
export async function projectTargets(io: Io, options: WatchOptions): Promise<WatchTarget[]> {
  const targets: WatchTarget[] = [];
  for (const given of options.paths.length ? options.paths : DEFAULT_PATHS) {
    const absolute = path.resolve(io.cwd, given);
    // A path missing for the moment (a folder moved away and back, a checkout under way) is watched
    // as what its name says, a folder unless it names a YAML file: its watch keeps its kind, and
    // picks the folder up the instant it is back, not after the next rebuild.
    const isFolder = await stat(absolute).then(
      (info) => info.isDirectory(),
      () => !/\.ya?ml$/i.test(absolute),
    );
    targets.push({ path: absolute, kind: isFolder ? 'folder' : 'file' });
  }
  targets.push({ path: path.resolve(io.cwd, options.config ?? CONFIG_FILE), kind: 'file' });
  // A broken config names no templates folder; --templates still counts, and the config file is watched for its fix.
  const config = await loadConfig(io.cwd, options.config, options.templates).catch(() => null);
  const templates = config ? templateDirs(io, config, options.templates) : options.templates ? [path.resolve(io.cwd, options.templates)] : [];
  for (const dir of [DEFAULT_TEMPLATES_DIR, ...templates]) targets.push({ path: path.resolve(dir), kind: 'folder' });
  return targets;
}

/**
 * Runs `rebuild` after every change until `interrupted` resolves. `rebuild`
 * reports its own problems and must not reject. `onWatching` is called once
 * every watch is in place, so a change from then on is never missed. Resolves
 * once watching has stopped and a rebuild under way has finished, so nothing
 * is left half-written.
 */
export async function watchProject(io: Io, options: WatchOptions, interrupted: Promise<void>, rebuild: () => Promise<void>, onWatching: () => void): Promise<void> {
  const watcher = watchTargets(() => rebuilder.trigger());
  const rebuilder = debouncedRebuilder(async () => {
    await rebuild();
    // The config may now name another templates folder, or a watched folder may have appeared.
    watcher.update(await projectTargets(io, options));
  });
  try {
    watcher.update(await projectTargets(io, options));
    onWatching();
    await interrupted;
  } finally {
    // The rebuild under way finishes first (it may still open watches), then every watch closes.
    await rebuilder.close();
    watcher.close();
  }
}
