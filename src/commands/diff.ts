/**
 * `advisory diff [--since REF]`: what changed in meaning between the
 * advisories at a git revision and the working tree, as Markdown for a
 * pull-request comment or as JSON. Git is the I/O edge here: the files at
 * REF are read with `git ls-tree` and `git cat-file`, then parsed and
 * validated exactly like files on disk.
 */
import { execFile } from 'node:child_process';
import { diffAdvisories } from '../advisory/diff.js';
import { findAdvisoryFiles, isAdvisoryFileName, pathRefusal, readSources, validateFiles, type LoadResult, type SourceFile } from '../advisory/load.js';
import type { Advisory, LoadedAdvisory } from '../advisory/types.js';
import { MAX_FILE_BYTES } from '../advisory/yaml-source.js';
import { loadConfig } from '../config/config.js';
import { UsageError, type ExitCode } from '../errors.js';
import { changesJson, changesMarkdown, type ChangeReport } from '../report/change-summary.js';
import type { Io } from '../report/logger.js';
import { visible } from '../report/paths.js';
import { createRenderer } from '../render/renderer.js';
import { levelName } from '../render/view.js';
import { resolveToday } from './project.js';
import { referenceInstant } from '../advisory/dates.js';
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

/** The country a file is about, as advisories are matched: by the code it says (the advisory's own, or the one a file with errors claims). */
const codeOf = (result: LoadResult, file: string) => result.identities.get(file)?.code?.toUpperCase();

/**
 * What can be compared between the advisories at the revision and those in the
 * working tree. A file with errors on one side says nothing about its advisory:
 * it is not removed (broken now) nor new (broken before), so its country is left
 * out of both sides, found by the code the file claims (a broken file may also
 * have been renamed) and by its path (a valid file there on the other side).
 *
 * A file with errors that says no code, at a path the other side does not have
 * (renamed, or new, and not YAML at all, say), could hold any advisory: one that
 * would otherwise be reported removed (or new) on the other side may simply be in
 * it. Those are `unmatched`, reported as what is known (its file gone, or new),
 * never as an advisory withdrawn (or issued).
 */
function comparable(before: LoadResult, after: LoadResult): { before: Advisory[]; after: Advisory[]; unmatched: ChangeReport['unmatched'] } {
  const broken = new Set([...invalidFiles(before), ...invalidFiles(after)]);
  const uncertain = new Set([before, after].flatMap((side) => side.files.filter((file) => broken.has(file)).flatMap((file) => codeOf(side, file) ?? [])));
  const kept = (side: LoadResult) => side.advisories.filter((a) => !uncertain.has(a.advisory.code));
  const sides = { before: kept(before), after: kept(after) };
  /** Whether `side` has a file with errors that names no country and that `other` does not have. */
  const mayHoldAny = (side: LoadResult, other: LoadResult) => invalidFiles(side).some((file) => codeOf(side, file) === undefined && !other.files.includes(file));
  /** The advisories of one side that the other lacks, when the other has a file that may hold them. */
  const onlyIn = (mine: LoadedAdvisory[], mySide: LoadResult, theirs: LoadedAdvisory[], theirSide: LoadResult) => {
    if (!mayHoldAny(theirSide, mySide)) return [];
    const codes = new Set(theirs.map((a) => a.advisory.code));
    return mine.filter((a) => !codes.has(a.advisory.code));
  };
  const unmatched = { before: onlyIn(sides.before, before, sides.after, after), after: onlyIn(sides.after, after, sides.before, before) };
  const compared = (side: LoadedAdvisory[], left: LoadedAdvisory[]) => side.filter((a) => !left.includes(a)).map((a) => a.advisory);
  const entry = ({ advisory, file }: LoadedAdvisory) => ({ code: advisory.code, country: advisory.country, level: advisory.level, file });
  return {
    before: compared(sides.before, unmatched.before),
    after: compared(sides.after, unmatched.after),
    unmatched: { before: unmatched.before.map(entry), after: unmatched.after.map(entry) },
  };
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
  const before = validateFiles(sourcesBefore, rules);
  const after = validateFiles(sourcesAfter, rules);

  const renderer = await createRenderer(config, templateDirs(io, config, options.templates));
  const locale = renderer.locale(config.languages[0]!);
  const invalid = { before: invalidFiles(before), after: invalidFiles(after) };
  const compared = comparable(before, after);
  const report: ChangeReport = { since: options.since, changes: diffAdvisories(compared.before, compared.after), invalid, unmatched: compared.unmatched };
  const name = (l: Parameters<typeof levelName>[0]) => levelName(l, locale);
  io.stdout(options.json ? changesJson(report, name) : changesMarkdown(report, name, referenceInstant(io.env, io.now)));
  // Like validate: errors in the working tree fail the run, after the summary is printed.
  return report.invalid.after.length ? 1 : 0;
}
