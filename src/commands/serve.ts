/**
 * `advisory serve`: a live preview for officers. Builds in memory, serves on
 * 127.0.0.1, rebuilds when an advisory, a template or the config changes, and
 * reloads open pages. A build that fails shows its problems in the page (and
 * here) instead of the last good bulletin. Runs until Ctrl-C, then exits 0.
 */
import { UsageError, type ExitCode } from '../errors.js';
import type { Io } from '../report/logger.js';
import { startPreviewServer } from '../serve/server.js';
import { compileSite, type SiteOptions } from '../serve/site.js';
import { interruption, watchProject } from '../serve/watch-project.js';

export interface ServeOptions extends SiteOptions {
  /** 0 picks a free port. */
  port: number;
}

export async function serve(io: Io, options: ServeOptions): Promise<ExitCode> {
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new UsageError(`--port must be a port number from 0 to 65535 (0 picks a free one), found ${options.port}`);
  }
  const interrupted = interruption(io);
  const first = await compileSite(io, options);
  // A mistake in the command itself (a path that does not exist) is not something a save can fix.
  if (first.error instanceof UsageError) return first.error.exitCode;
  const server = await startPreviewServer(options.port, first.site);
  const rebuild = async () => {
    const started = io.clock();
    const next = await compileSite(io, options);
    server.publish(next.site);
    io.stderr(next.site.ok ? `Rebuilt the preview in ${((io.clock() - started) / 1000).toFixed(2)} s\n` : 'The preview shows these problems until they are fixed.\n');
  };
  try {
    await watchProject(io, options, interrupted, rebuild, () => io.stderr(`Serving a live preview at ${server.url} (Ctrl-C to stop)\n`));
  } finally {
    await server.close();
  }
  io.stderr('Stopped the preview.\n');
  return 0;
}
