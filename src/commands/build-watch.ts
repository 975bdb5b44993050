/**
 * `advisory build --watch`: build, then build again whenever an advisory, a
 * template or the config changes, until Ctrl-C (exit 0). Each build is a
 * normal one: a failed build leaves the last good output in place.
 */
import { handleError } from '../cli.js';
import { UsageError, type ExitCode } from '../errors.js';
import type { Io } from '../report/logger.js';
import { interruption, watchProject } from '../serve/watch-project.js';
import { build, type BuildOptions } from './build.js';

export async function buildWatch(io: Io, options: BuildOptions): Promise<ExitCode> {
  /** Builds and reports; returns the error that stopped the build, if any. */
  const once = async (): Promise<unknown> => {
    try {
      await build(io, options);
      return null;
    } catch (error) {
      handleError(error, io);
      return error;
    }
  };
  const interrupted = interruption(io);
  const first = await once();
  // A mistake in the command itself (an --out that is refused, a path that does not exist) is not something a save can fix.
  if (first instanceof UsageError) return first.exitCode;
  // Ctrl-C during the first build stopped it: there is nothing to watch for.
  if (io.interruptSignal?.().aborted) {
    io.stderr('Stopped watching.\n');
    return 0;
  }
  await watchProject(
    io,
    options,
    interrupted,
    async () => {
      await once();
    },
    () => io.stderr('Watching for changes (Ctrl-C to stop)\n'),
  );
  io.stderr('Stopped watching.\n');
  return 0;
}
