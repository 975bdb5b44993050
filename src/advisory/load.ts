/**
 * The I/O edge of the domain: find advisory files under the given paths,
 * read them, and hand them to the pure parser and validator.
 */
import type { BigIntStats } from 'node:fs';
import { lstat, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { walk } from '../walk.js';
import { invisibleCharacters, relativeInside, visible } from '../report/paths.js';
import { compareDiagnostics, uniqueDiagnostics, type Diagnostic } from '../report/diagnostics.js';
import type { RuleOptions } from './rules.js';
import type { LoadedAdvisory } from './types.js';
import { codeClaim, crossFileDiagnostics, validAdvisories, validateSource, type Identity, type ValidatedFile } from './validate.js';
import { readLimited, SymbolicLinkError } from './read-limited.js';
import { parseYamlSource } from './yaml-source.js';

export const DEFAULT_PATHS = ['advisories'];
/** The project's settings, beside its advisories folder (read in config/config.ts). */
export const CONFIG_FILE = 'advisory.config.yaml';

/** Why a folder of advisories is not read through a link, as for files: it could pull any file on the machine into messages and bulletins. */
const WHY_NOT_FOLLOWED = 'not followed (a link could publish any file on this machine); give the real folder, or copy its advisories here';
const LINKED_FOLDER = `is a symbolic link to a folder, which is ${WHY_NOT_FOLLOWED}`;
const LINKED_FOLDERS = `are symbolic links to folders, which are ${WHY_NOT_FOLLOWED}`;
const ADVISORY_FILE = /\.ya?ml$/i;

/** Which file names are advisories: `*.yaml` or `*.yml`, not hidden. */
export function isAdvisoryFileName(name: string): boolean {
  return ADVISORY_FILE.test(name) && !name.startsWith('.');
}

/**
 * `sn.yaml.txt`: an advisory saved by Notepad, TextEdit or Word as a text or
 * document file, which adds its own extension to the name. Not read, it would
 * leave the country out of every build without a word; found, it is refused by name.
 */
const SAVED_AS_DOCUMENT = /(\.ya?ml)(\.(?:txt|rtf|docx?|odt))$/i;

function savedAsDocument(name: string): RegExpExecArray | null {
  return name.startsWith('.') ? null : SAVED_AS_DOCUMENT.exec(name);
}

/** Why a file is refused for its name's extension (`sn.yaml.txt`), or undefined. */
function extensionRefusal(name: string): Refusal | undefined {
  const saved = savedAsDocument(name);
  if (!saved) return undefined;
  const meant = visible(name.slice(0, saved.index) + saved[1]!);
  // A .txt file is text already; a word processor's own formats are not, and must be saved again.
  const fix = /^\.txt$/i.test(saved[2]!) ? `rename it ${meant}` : `save it again as plain text (UTF-8), named ${meant}`;
  return {
    rule: 'file-name',
    message: `the file's name ends in "${saved[2]}" after "${saved[1]}", as an editor adds when it saves a document: named so, it would not be read as an advisory, nor published; ${fix}`,
  };
}

export interface LoadResult {
  advisories: LoadedAdvisory[];
  diagnostics: Diagnostic[];
  files: string[];
  /** Per file, the country it says it is about, also when it has errors (none for a file refused unread). */
  identities: ReadonlyMap<string, Identity>;
}

/** A path as it reads: relative to cwd when inside it, with forward slashes; not yet made safe to print. */
function readablePath(cwd: string, absolute: string): string {
  return (relativeInside(cwd, absolute) || absolute).split(path.sep).join('/');
}

/** How a path is shown to the user: relative to cwd when inside it, with forward slashes, invisible characters escaped. */
export function displayPath(cwd: string, absolute: string): string {
  return visible(readablePath(cwd, absolute));
}

/**
 * Why a file is not read because of its path (`shown` as it reads, unescaped), or
 * undefined. Escaped, the name cannot act on a log, but it is no longer the file's
 * name either, and an officer could not tell what it would do to the next tool
 * that prints it; as for control characters inside an advisory, refusing it is the safe way.
 */
export function pathRefusal(shown: string): Refusal | undefined {
  const found = invisibleCharacters(shown);
  if (found.length === 0) return undefined;
  const message = `the path has invisible characters (${found.join(', ')}), shown here as escapes; printed as they are, they could forge lines or reorder text in a terminal, a CI log or a pull-request comment, so rename it with visible characters only`;
  return { rule: 'file-name', message };
}

/** Every advisory file under `paths`, sorted, so runs are reproducible whatever readdir's order. */
/**
 * Refuses a project folder given where advisories are read (`advisory validate .`): every YAML
 * file in it would be read as an advisory, the config and label catalogues among them, and fail in
 * a dozen messages that say nothing of the mistake. A project folder holds the config or an
 * advisories folder; a folder of advisories holds neither. An empty path is refused too.
 */
export async function refuseProjectFolders(cwd: string, paths: readonly string[]): Promise<void> {
  // `advisory validate "$CHANGED"` with the variable unset: '' would be read as the current folder.
  if (paths.includes('')) throw new UsageError('an empty path was given (a variable left unset in a script?); name a file or folder of advisories, or give no path to read ./advisories');
  for (const given of paths) {
    const folder = path.resolve(cwd, given);
    for (const [inside, isKind] of [[CONFIG_FILE, 'isFile'], [DEFAULT_PATHS[0]!, 'isDirectory']] as const) {
      if (!(await stat(path.join(folder, inside)).catch(() => null))?.[isKind]()) continue;
      // As the officer wrote the folder: `..` gives ../advisories.
      const advisories = visible(path.join(given, DEFAULT_PATHS[0]!));
      throw new UsageError(
        `${visible(given)} is a project folder, not a folder of advisories: it holds ${inside}, and its YAML files are not all advisories; name its folder of advisories, ${advisories}${folder === cwd ? ', or give no path' : ''}`,
      );
    }
  }
}

export async function findAdvisoryFiles(cwd: string, paths: readonly string[]): Promise<string[]> {
  await refuseProjectFolders(cwd, paths);
  const found = new Set<string>();
  for (const given of paths.length ? paths : DEFAULT_PATHS) {
    const absolute = path.resolve(cwd, given);
    let info;
    try {
      info = await stat(absolute);
    } catch {
      throw new UsageError(`${visible(given)}: no such file or folder${paths.length ? '' : ' (advisories are read from ./advisories by default; pass a path)'}`);
    }
    if (info.isDirectory()) {
      if ((await lstat(absolute)).isSymbolicLink()) throw new UsageError(`${visible(given)} ${LINKED_FOLDER}`);
      const linkedFolders: string[] = [];
      for (const entry of await walk(absolute)) {
        // Links are listed so that reading refuses them by name, rather than dropping an advisory without a word.
        if ((entry.kind === 'file' || entry.kind === 'link') && (isAdvisoryFileName(entry.name) || savedAsDocument(entry.name))) found.add(entry.absolute);
        // A linked folder is not walked, and not skipped without a word either: advisories may be behind it.
        else if (entry.kind === 'link' && (await stat(entry.absolute).catch(() => null))?.isDirectory()) linkedFolders.push(displayPath(cwd, entry.absolute));
      }
      if (linkedFolders.length) throw new UsageError(`${linkedFolders.sort().join(', ')} ${linkedFolders.length === 1 ? LINKED_FOLDER : LINKED_FOLDERS}`);
    } else if (info.isFile()) {
      found.add(absolute);
    } else {
      throw new UsageError(`${visible(given)}: not a file or folder`);
    }
  }
  return [...found].sort();
}

const SYMBOLIC_LINK: Refusal = {
  rule: 'symbolic-link',
  message: 'file is a symbolic link; advisory files must be regular files (a link could publish any file on this machine), so copy the file here instead',
};

/** Reads each file, at most the size cap of it; a symbolic link is not followed but refused, as is a path with invisible characters. */
export async function readSources(cwd: string, files: readonly string[]): Promise<SourceFile[]> {
  const sources: SourceFile[] = [];
  for (const absolute of files) {
    const readable = readablePath(cwd, absolute);
    const file = visible(readable);
    const refusedByName = pathRefusal(readable) ?? extensionRefusal(path.basename(absolute));
    if (refusedByName) {
      sources.push({ file, bytes: new Uint8Array(0), refused: refusedByName });
      continue;
    }
    try {
      sources.push({ file, ...(await readLimited(absolute, { noFollow: true })) });
    } catch (error) {
      if (!(error instanceof SymbolicLinkError)) throw error;
      sources.push({ file, bytes: new Uint8Array(0), refused: SYMBOLIC_LINK });
    }
  }
  return sources;
}

/** Why a file was not read at all, as a diagnostic's message and rule. */
export interface Refusal {
  rule: string;
  message: string;
}

export interface SourceFile {
  /** As shown to the user. */
  file: string;
  bytes: Uint8Array;
  /** The file's size, when only its start was read because it is over the size cap. */
  size?: number;
  /** Why the file was not read at all. */
  refused?: Refusal;
  /** The file as it was opened, when read from disk. */
  stat?: BigIntStats;
}

/** Pure: one file already read to its validation (none when it could not be parsed at all) and its problems. */
export function validateSourceFile({ file, bytes, size, refused }: SourceFile, options: RuleOptions): { validated?: ValidatedFile; diagnostics: Diagnostic[] } {
  if (refused) return { diagnostics: [{ severity: 'error', file, line: 0, col: 0, field: '', message: refused.message, rule: refused.rule }] };
  const { source, diagnostics: parseProblems } = parseYamlSource(file, bytes, 'advisory', size);
  const validated = validateSource(source, options);
  return { validated, diagnostics: uniqueDiagnostics([...parseProblems, ...validated.diagnostics]) };
}

/** Pure: files already read (from disk, or from a git revision) to advisories and every problem. */
export function validateFiles(sources: readonly SourceFile[], options: RuleOptions): LoadResult {
  const validated: ValidatedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const source of sources) {
    const result = validateSourceFile(source, options);
    diagnostics.push(...result.diagnostics);
    if (result.validated) validated.push(result.validated);
  }
  const crossFile = crossFileDiagnostics(validated.flatMap(codeClaim));
  diagnostics.push(...crossFile);
  diagnostics.sort(compareDiagnostics);
  return {
    advisories: validAdvisories(validated, crossFile),
    diagnostics,
    files: sources.map((s) => s.file),
    identities: new Map(validated.map((v) => [v.file, v.identity])),
  };
}
