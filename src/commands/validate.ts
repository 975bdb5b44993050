import { countBySeverity } from '../report/diagnostics.js';
import type { Io } from '../report/logger.js';
import { github, githubError, json, stylish, type ReportFormat } from '../report/reporters.js';
import type { ExitCode } from '../errors.js';
import { openProject, type ProjectOptions } from './project.js';

export interface ValidateOptions extends ProjectOptions {
  format: ReportFormat;
  maxWarnings?: number;
}

export async function validate(io: Io, options: ValidateOptions): Promise<ExitCode> {
  const project = await openProject(io, options);
  const input = { diagnostics: project.diagnostics, files: project.files };
  const { errors, warnings } = countBySeverity(project.diagnostics);
  if (options.format === 'json') io.stdout(json(input));
  else {
    // Annotations go on the pull request; the log of the run keeps the readable report too.
    if (options.format === 'github') io.stdout(github(input, { cwd: io.cwd, workspace: io.env.GITHUB_WORKSPACE }));
    io.stderr(stylish(input, io.chalk));
    if (errors === 0) {
      const n = project.files.length;
      io.stderr(`${io.chalk.green('✓')} ${n} advisor${n === 1 ? 'y' : 'ies'} valid${warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}\n`);
    } else {
      io.stderr('Fix the problems above, then run `advisory validate` again.\n');
    }
  }
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    const message = `${warnings} warning${warnings === 1 ? '' : 's'} found, more than --max-warnings ${options.maxWarnings} allows`;
    if (options.format === 'github') io.stdout(githubError('advisory max-warnings', message));
    io.stderr(`${message}\n`);
    return 1;
  }
  return 0;
}
