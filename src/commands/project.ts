/** What every command that reads advisories does first: config, reference date, files. */
import { referenceDate } from '../advisory/dates.js';
import { findAdvisoryFiles, readSources, validateFiles, type LoadResult } from '../advisory/load.js';
import { loadConfig, type Config } from '../config/config.js';
import { UsageError } from '../errors.js';
import { escalateWarnings, type Diagnostic } from '../report/diagnostics.js';
import type { Io } from '../report/logger.js';
import { invalidDateReason, DATE_PATTERN } from '../advisory/dates.js';

export interface ProjectOptions {
  paths: string[];
  config?: string;
  /** YYYY-MM-DD to judge `review_by` against, instead of SOURCE_DATE_EPOCH or the clock. */
  today?: string;
  strict?: boolean;
  /** A --templates folder: where label catalogues may also be. */
  templates?: string;
}

export interface Project extends LoadResult {
  config: Config;
  today: string;
}

export function resolveToday(io: Io, today: string | undefined): string {
  if (today === undefined) return referenceDate(io.env, io.now);
  if (!DATE_PATTERN.test(today) || invalidDateReason(today)) throw new UsageError(`--today must be a date as YYYY-MM-DD, found "${today}"`);
  return today;
}

/** The project's advisory files, sorted; none at all is a usage error that says how to start. */
export async function projectFiles(io: Io, paths: readonly string[]): Promise<string[]> {
  const files = await findAdvisoryFiles(io.cwd, paths);
  if (files.length === 0) {
    const where = paths.length ? paths.join(', ') : 'advisories/';
    throw new UsageError(`no advisory files (*.yaml, *.yml) found in ${where}; create one with \`advisory new <code>\``);
  }
  return files;
}

/** `config`: the project's config when the caller has read it already (build, to place its output). */
export async function openProject(io: Io, options: ProjectOptions, config?: Config): Promise<Project> {
  config ??= await loadConfig(io.cwd, options.config, options.templates);
  const today = resolveToday(io, options.today);
  const files = await projectFiles(io, options.paths);
  const loaded = validateFiles(await readSources(io.cwd, files), { today, languages: config.languages });
  const diagnostics: Diagnostic[] = options.strict ? escalateWarnings(loaded.diagnostics) : loaded.diagnostics;
  // With --strict, an advisory with warnings is not valid either.
  const rejected = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  return { ...loaded, diagnostics, advisories: loaded.advisories.filter((a) => !rejected.has(a.file)), config, today };
}
