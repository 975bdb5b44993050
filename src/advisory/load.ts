/**
 * The I/O edge of the domain: find advisory files under the given paths,
 * read them, and hand them to the pure parser and validator.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { compareDiagnostics, type Diagnostic } from '../report/diagnostics.js';
import type { RuleOptions } from './rules.js';
import type { LoadedAdvisory } from './types.js';
import { crossFileDiagnostics, validAdvisories, validateSource, type ValidatedFile } from './validate.js';
import { parseYamlSource } from './yaml-source.js';

export const DEFAULT_PATHS = ['advisories'];
const ADVISORY_FILE = /\.ya?ml$/i;

/** Which file names are advisories: `*.yaml` or `*.yml`, not hidden. */
export function isAdvisoryFileName(name: string): boolean {
  return ADVISORY_FILE.test(name) && !name.startsWith('.');
}

export interface LoadResult {
  advisories: LoadedAdvisory[];
  diagnostics: Diagnostic[];
  files: string[];
}

/** How a path is shown to the user: relative to cwd when inside it, with forward slashes. */
export function displayPath(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
  return shown.split(path.sep).join('/');
}

/** Every advisory file under `paths`, sorted, so runs are reproducible whatever readdir's order. */
export async function findAdvisoryFiles(cwd: string, paths: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const given of paths.length ? paths : DEFAULT_PATHS) {
    const absolute = path.resolve(cwd, given);
    let info;
    try {
      info = await stat(absolute);
    } catch {
      throw new UsageError(`${given}: no such file or folder${paths.length ? '' : ' (advisories are read from ./advisories by default; pass a path)'}`);
    }
    if (info.isDirectory()) {
      const entries = await readdir(absolute, { withFileTypes: true, recursive: true });
      for (const entry of entries) {
        if (entry.isFile() && isAdvisoryFileName(entry.name)) {
          found.add(path.join(entry.parentPath, entry.name));
        }
      }
    } else if (info.isFile()) {
      found.add(absolute);
    } else {
      throw new UsageError(`${given}: not a file or folder`);
    }
  }
  return [...found].sort();
}

export async function loadAdvisories(cwd: string, paths: readonly string[], options: RuleOptions): Promise<LoadResult> {
  return validateFiles(await readSources(cwd, await findAdvisoryFiles(cwd, paths)), options);
}

export async function readSources(cwd: string, files: readonly string[]): Promise<SourceFile[]> {
  const sources: SourceFile[] = [];
  for (const absolute of files) sources.push({ file: displayPath(cwd, absolute), bytes: await readFile(absolute) });
  return sources;
}

export interface SourceFile {
  /** As shown to the user. */
  file: string;
  bytes: Uint8Array;
}

/** Pure: files already read (from disk, or from a git revision) to advisories and every problem. */
export function validateFiles(sources: readonly SourceFile[], options: RuleOptions): LoadResult {
  const validated: ValidatedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const { file, bytes } of sources) {
    const { source, diagnostics: parseProblems } = parseYamlSource(file, bytes);
    const result = validateSource(source, options);
    diagnostics.push(...parseProblems, ...result.diagnostics);
    validated.push(result);
  }
  const crossFile = crossFileDiagnostics(validated);
  diagnostics.push(...crossFile);
  diagnostics.sort(compareDiagnostics);
  return { advisories: validAdvisories(validated, crossFile), diagnostics, files: sources.map((s) => s.file) };
}
