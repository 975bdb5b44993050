import { countBySeverity } from '../report/diagnostics.js';
import type { Io } from '../report/logger.js';
import { github, githubError, json, stylish, type ReportFormat } from '../report/reporters.js';
import type { ExitCode } from '../errors.js';
import { loadConfig } from '../config/config.js';
import { runUnits } from '../publish/units.js';
import { createRenderer, levelWordingByLanguage } from '../render/renderer.js';
import { displayPath } from '../advisory/load.js';
import { templateDirs } from './templates-option.js';
import { projectFiles, resolveToday, type ProjectOptions } from './project.js';

export interface ValidateOptions extends ProjectOptions {
  format: ReportFormat;
  maxWarnings?: number;
  /** Threads to check with (1: the main thread only); default by the project's size. */
  jobs?: number;
}

export async function validate(io: Io, options: ValidateOptions): Promise<ExitCode> {
  const config = await loadConfig(io.cwd, options.config, options.templates);
  // The templates and label catalogues are read and compiled as a build would, so that a
  // project that passes here cannot fail to build on them.
  const renderer = await createRenderer(config, templateDirs(io, config, options.templates), (p) => displayPath(io.cwd, p));
  const today = resolveToday(io, options.today);
  // Large projects are checked in worker threads, file by file, as a build does (without rendering).
  const { results, diagnostics } = await runUnits(await projectFiles(io, options.paths), {
    settings: { cwd: io.cwd, rules: { today, languages: config.languages, levelWording: levelWordingByLanguage(renderer, config.languages) }, strict: Boolean(options.strict) },
    languages: config.languages.length,
    ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
  });
  const input = { diagnostics, files: results.map((r) => r.file) };
  const { errors, warnings } = countBySeverity(diagnostics);
  const overBudget = errors === 0 && options.maxWarnings !== undefined && warnings > options.maxWarnings;
  const budgetMessage = `${warnings} warning${warnings === 1 ? '' : 's'} found, more than --max-warnings ${options.maxWarnings} allows`;
  if (options.format === 'json') io.stdout(json(input));
  else {
    // Annotations go on the pull request; the log of the run keeps the readable report too.
    if (options.format === 'github') io.stdout(github(input, { cwd: io.cwd, workspace: io.env.GITHUB_WORKSPACE }));
    io.stderr(stylish(input, io.chalk));
    if (errors > 0) io.stderr('Fix the problems above, then run `advisory validate` again.\n');
    // No "✓ valid" for a run that fails on its warnings: a CI log must not show a pass above the failure.
    else if (!overBudget) {
      const n = input.files.length;
      io.stderr(`${io.chalk.green('✓')} ${n} advisor${n === 1 ? 'y' : 'ies'} valid${warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}\n`);
    }
  }
  if (errors > 0) return 1;
  if (overBudget) {
    if (options.format === 'github') io.stdout(githubError('advisory max-warnings', budgetMessage));
    io.stderr(`${budgetMessage}\n`);
    return 1;
  }
  return 0;
}
