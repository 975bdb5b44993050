/**
 * `advisory diff [--since REF]`: what changed in meaning between the
 * advisories at a git revision and the working tree, as Markdown for a
 * pull-request comment or as JSON. Git is the I/O edge here: the files at
 * REF are read with `git ls-tree` and `git cat-file`, then parsed and
 * validated exactly like files on disk.
 */
import { execFile } from 'node:child_process';
import { isMap } from 'yaml';
import { diffAdvisories } from '../advisory/diff.js';
import { findAdvisoryFiles, isAdvisoryFileName, pathRefusal, readSources, validateFiles, type LoadResult, type SourceFile } from '../advisory/load.js';
import type { Advisory } from '../advisory/types.js';
import { MAX_FILE_BYTES, parseYamlSource } from '../advisory/yaml-source.js';
import { loadConfig } from '../config/config.js';
import { UsageError, type ExitCode } from '../errors.js';
import { changesJson, changesMarkdown, type ChangeReport } from '../report/change-summary.js';
import type { Io } from '../report/logger.js';
import { visible } from '../report/paths.js';
import { createRenderer } from '../render/renderer.js';
import { levelName } from '../render/view.js';
import { resolveToday } from './project.js';
import { templateDirs } from './templates-option.js';

export interface DiffOptions {
  paths: string[];
  since: string;
  json: boolean;
  config?: string;
  templates?: string;
}

/** Enough for thousands of advisories, each at most MAX_FILE_BYTES. */
const MAX_GIT_OUTPUT = 512 * 1024 * 1024;

function git(cwd: string, args: readonly string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile('git', args, { cwd, encoding: 'buffer', maxBuffer: MAX_GIT_OUTPUT }, (error, stdout, stderr) => {
      if (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') reject(new UsageError('advisory diff needs git, and git is not installed (or not on PATH)'));
        else reject(Object.assign(error, { stderr: stderr.toString('utf8').trim() }));
      } else resolve(stdout);
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** The commit REF names; exit 2 with the reason when there is no repository or no such revision. */
async function resolveCommit(cwd: string, ref: string): Promise<string> {
  try {
    await git(cwd, ['rev-parse', '--git-dir']);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError('not inside a git repository: advisory diff compares the working tree with a git revision, so run it in a clone of your advisories');
  }
  // A revision is never an option: `--since --output=x` must not reach git as one.
  if (ref.startsWith('-')) throw new UsageError(`--since must name a git revision, found "${ref}"`);
  try {
    return (await git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).toString('utf8').trim();
  } catch {
    const hint = ref === 'HEAD' ? 'the repository has no commits yet; commit the advisories first' : 'check the branch, tag or commit name (git log --oneline lists commits)';
    throw new UsageError(`unknown git revision "${ref}": ${hint}`);
  }
}

/** The size git's cat-file header gives: `<oid> blob <size>`. */
function blobSize(header: string, name: string): number {
  const size = Number(/^\S+ blob (\d+)$/.exec(header)?.[1]);
  if (!Number.isFinite(size)) throw new Error(`unexpected git cat-file output for ${name}: ${header}`);
  return size;
}

/** The advisory files under `paths` at `commit`: their sizes, then, in one `git cat-file --batch`, those under the size cap. */
async function filesAtCommit(cwd: string, commit: string, paths: readonly string[]): Promise<SourceFile[]> {
  const listing = (await git(cwd, ['ls-tree', '-r', '-z', '--name-only', commit, '--', ...(paths.length ? paths : ['advisories'])])).toString('utf8');
  const listed = listing
    .split('\0')
    .filter((name) => name && isAdvisoryFileName(name.slice(name.lastIndexOf('/') + 1)))
    .sort();
  // A name with invisible characters is refused unread, as in the working tree (cat-file could not even be asked for one with a line feed).
  const refusedFiles: SourceFile[] = [];
  const names: string[] = [];
  for (const name of listed) {
    const refusal = pathRefusal(name);
    if (refusal) refusedFiles.push({ file: visible(name), bytes: new Uint8Array(0), refused: refusal });
    else names.push(name);
  }
  if (names.length === 0) return refusedFiles;
  // ls-tree names are relative to cwd; `commit:./name` reads them relative to cwd as well.
  const objects = names.map((n) => `${commit}:./${n}\n`);
  // Sizes first, so that a blob over the size cap is refused by its size and never read.
  const sizes = (await git(cwd, ['cat-file', '--batch-check'], objects.join('')))
    .toString('utf8')
    .split('\n')
    .slice(0, names.length)
    .map((header, i) => blobSize(header, names[i]!));
  const small = new Set(names.filter((_, i) => sizes[i]! <= MAX_FILE_BYTES));
  const batch = small.size ? await git(cwd, ['cat-file', '--batch'], objects.filter((_, i) => small.has(names[i]!)).join('')) : Buffer.alloc(0);
  const contents = new Map<string, Uint8Array>();
  let offset = 0;
  for (const name of small) {
    const headerEnd = batch.indexOf(0x0a, offset);
    const size = blobSize(batch.subarray(offset, headerEnd).toString('utf8'), name);
    contents.set(name, batch.subarray(headerEnd + 1, headerEnd + 1 + size));
    offset = headerEnd + 1 + size + 1;
  }
  return [...refusedFiles, ...names.map((name, i) => ({ file: name, bytes: contents.get(name) ?? new Uint8Array(0), size: sizes[i]! }))];
}

const invalidFiles = (result: LoadResult) => [...new Set(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file))];

/** The country code a file with errors claims, when it can still be read as a mapping with a `code`. */
function claimedCode(source: SourceFile): string | undefined {
  if (source.refused) return undefined;
  const root = parseYamlSource(source.file, source.bytes, 'advisory', source.size).source.root;
  const code = isMap(root) ? root.get('code') : undefined;
  return typeof code === 'string' ? code.trim().toUpperCase() : undefined;
}

interface Side {
  sources: SourceFile[];
  result: LoadResult;
}

/**
 * The advisories of both sides that can be compared. A file with errors on one
 * side says nothing about its advisory: it is not removed (broken now) nor new
 * (broken before), so its country is left out of both sides, found by the code
 * the file claims (a broken file may also have been renamed) and by its path
 * (when no code can be read from it).
 */
function comparable(before: Side, after: Side): { before: Advisory[]; after: Advisory[] } {
  const broken = (side: Side) => new Set(invalidFiles(side.result));
  const brokenBefore = broken(before);
  const brokenAfter = broken(after);
  const uncertain = new Set([
    ...[...before.sources, ...after.sources].filter((s) => brokenBefore.has(s.file) || brokenAfter.has(s.file)).flatMap((s) => claimedCode(s) ?? []),
    ...before.result.advisories.filter((a) => brokenAfter.has(a.file)).map((a) => a.advisory.code),
    ...after.result.advisories.filter((a) => brokenBefore.has(a.file)).map((a) => a.advisory.code),
  ]);
  const kept = (side: Side) => side.result.advisories.map((a) => a.advisory).filter((a) => !uncertain.has(a.code));
  return { before: kept(before), after: kept(after) };
}

export async function diff(io: Io, options: DiffOptions): Promise<ExitCode> {
  const commit = await resolveCommit(io.cwd, options.since);
  const config = await loadConfig(io.cwd, options.config, options.templates);
  const rules = { today: resolveToday(io, undefined), languages: config.languages };
  const sourcesBefore = await filesAtCommit(io.cwd, commit, options.paths);
  // A folder that is gone from the working tree but held advisories at REF: that is a removal, not a mistake.
  // One that holds none on either side is the wrong folder (run from a subfolder, say), refused as validate refuses it.
  const found = await findAdvisoryFiles(io.cwd, options.paths).catch((error: unknown) => {
    if (error instanceof UsageError && options.paths.length === 0 && sourcesBefore.length > 0) return [];
    throw error;
  });
  const sourcesAfter = await readSources(io.cwd, found);
  const before = { sources: sourcesBefore, result: validateFiles(sourcesBefore, rules) };
  const after = { sources: sourcesAfter, result: validateFiles(sourcesAfter, rules) };

  const renderer = await createRenderer(config, templateDirs(io, config, options.templates));
  const locale = renderer.locale(config.languages[0]!);
  const invalid = { before: invalidFiles(before.result), after: invalidFiles(after.result) };
  const compared = comparable(before, after);
  const report: ChangeReport = { since: options.since, changes: diffAdvisories(compared.before, compared.after), invalid };
  const name = (l: Parameters<typeof levelName>[0]) => levelName(l, locale);
  io.stdout(options.json ? changesJson(report, name) : changesMarkdown(report, name));
  // Like validate: errors in the working tree fail the run, after the summary is printed.
  return report.invalid.after.length ? 1 : 0;
}
