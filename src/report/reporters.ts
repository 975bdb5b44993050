/**
 * Reporters are plain functions from diagnostics to text (after ESLint's
 * formatters): `stylish` for people, `json` for programs, `github` for
 * GitHub Actions annotations on a pull request.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import { countBySeverity, type Diagnostic } from './diagnostics.js';
import { memoize } from '../memo.js';
import { relativeInside } from './paths.js';

export const REPORT_FORMATS = ['stylish', 'json', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportInput {
  diagnostics: readonly Diagnostic[];
  files: readonly string[];
}

export function position(d: Diagnostic): string {
  return d.line > 0 ? `${d.file}:${d.line}:${d.col}` : d.file;
}

/** One line per problem, `file:line:col  severity  message`, then a count. */
export function stylish({ diagnostics }: ReportInput, chalk: ChalkInstance): string {
  if (diagnostics.length === 0) return '';
  const lines = diagnostics.map((d) => {
    const severity = d.severity === 'error' ? chalk.red('error') : chalk.yellow('warning');
    return `${chalk.bold(position(d))}  ${severity}  ${d.message}`;
  });
  const { errors, warnings } = countBySeverity(diagnostics);
  const parts = [errors ? `${errors} error${errors === 1 ? '' : 's'}` : '', warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : ''].filter(Boolean);
  return `${lines.join('\n')}\n${(errors ? chalk.red : chalk.yellow)(parts.join(', '))}\n`;
}

export function json({ diagnostics, files }: ReportInput): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  return `${JSON.stringify({ files: files.length, errors, warnings, diagnostics }, null, 2)}\n`;
}

// GitHub's workflow-command syntax: properties and messages escape %, CR, LF (and , : in properties).
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export interface GithubOptions {
  /** Where the run started, and GITHUB_WORKSPACE: GitHub places annotations by paths relative to the repository. */
  cwd: string;
  workspace?: string;
}

/** The real path of `folder` (through any symbolic link), or the folder as it is when it does not exist. */
function realFolder(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return folder;
  }
}

/**
 * The diagnostic's file relative to the workspace, when it lies inside it; otherwise as shown.
 * Compared as real paths: GITHUB_WORKSPACE may reach the checkout through a symbolic link,
 * while the working folder is always real. Only the folders are resolved, so that a file that
 * is itself a link (refused, and annotated) is named where it is, not where it points.
 */
export function workspacePath(file: string, { cwd, workspace }: GithubOptions, real: (folder: string) => string = realFolder): string {
  if (!workspace) return file;
  const absolute = path.resolve(cwd, file);
  const relative = relativeInside(real(path.resolve(workspace)), path.join(real(path.dirname(absolute)), path.basename(absolute)));
  return relative ? relative.split(path.sep).join('/') : file;
}

/** One annotation not tied to a file, such as a run that failed on its warning budget. */
export function githubError(title: string, message: string): string {
  return `::error title=${escapeProperty(title)}::${escapeData(message)}\n`;
}

export function github({ diagnostics }: ReportInput, options: GithubOptions): string {
  // Every diagnostic of a file, and most files of a project, share their folder: resolve each once.
  const real = memoize(1000, realFolder);
  return diagnostics
    .map((d) => {
      const props = [`file=${escapeProperty(workspacePath(d.file, options, real))}`, ...(d.line > 0 ? [`line=${d.line}`, `col=${d.col}`] : []), `title=${escapeProperty(`advisory ${d.rule}`)}`];
      return `::${d.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(d.message)}\n`;
    })
    .join('');
}
