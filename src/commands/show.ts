/** `advisory show <code or file>`: render one advisory to stdout. */
import path from 'node:path';
import { stat } from 'node:fs/promises';
import { CODE_HINTS, countryCodeMeant } from '../advisory/iso3166.js';
import { countryNamed } from '../advisory/country-names.js';
import { languageMeant } from '../advisory/suggest.js';
import { duplicateCodeMessage } from '../advisory/validate.js';
import { FORMATS, type Format } from '../config/config.js';
import { UsageError, type ExitCode } from '../errors.js';
import type { Io } from '../report/logger.js';
import { stylish } from '../report/reporters.js';
import { createRenderer } from '../render/renderer.js';
import { openProject, type ProjectOptions } from './project.js';
import { templateDirs } from './templates-option.js';

export interface ShowOptions extends Omit<ProjectOptions, 'paths'> {
  target: string;
  paths: string[];
  format: string;
  lang?: string;
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

export async function show(io: Io, options: ShowOptions): Promise<ExitCode> {
  if (!(FORMATS as readonly string[]).includes(options.format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, found "${options.format}"`);
  }
  const byFile = /\.ya?ml$/i.test(options.target) || (await isFile(path.resolve(io.cwd, options.target)));
  if (!byFile && !/^[A-Za-z]{2}$/.test(options.target)) {
    // `show MLI`, `show Mali`: the code meant, ready to type.
    const meant = countryCodeMeant(options.target) ?? countryNamed(options.target);
    throw new UsageError(`"${options.target}" is neither an advisory file nor a two-letter country code such as ML${meant ? `; did you mean \`advisory show ${meant}\`?` : ''}`);
  }
  // `show ml.yaml` from the project's folder: the file is in advisories/, where `show ML` would look.
  if (byFile && !(await isFile(path.resolve(io.cwd, options.target)))) {
    const inFolder = path.join(options.paths[0] ?? 'advisories', options.target);
    if (!path.isAbsolute(options.target) && (await isFile(path.resolve(io.cwd, inFolder)))) {
      throw new UsageError(`${options.target}: no such file; did you mean \`advisory show ${inFolder}\`?`);
    }
  }
  const project = await openProject(io, { ...options, paths: byFile ? [options.target] : options.paths });
  const code = options.target.toUpperCase();
  const found = byFile ? project.advisories[0] : project.advisories.find((a) => a.advisory.code === code);
  const problems = project.diagnostics.filter((d) => byFile || d.file === found?.file || d.severity === 'error');
  io.stderr(stylish({ diagnostics: problems, files: project.files }, io.chalk));
  // Two files for this country: which one is its advisory is the officer's to settle, and build refuses.
  const duplicated = found && problems.some((d) => d.rule === 'duplicate-code' && d.message === duplicateCodeMessage(found.advisory.code, found.file));
  if (duplicated) {
    io.stderr(`error: ${found.advisory.code} has more than one advisory file; keep one, then show it\n`);
    return 1;
  }
  // A file with errors that claims this country too may be the one being edited: showing the other would
  // preview an advisory the officer is not changing (build refuses the pair either way).
  const rival = found && !byFile ? [...project.identities].find(([file, identity]) => file !== found.file && identity.code?.toUpperCase() === code)?.[0] : undefined;
  if (rival) {
    io.stderr(`error: ${code} is also claimed by ${rival}, which has errors; fix it or remove it, then show ${code}\n`);
    return 1;
  }
  if (!found) {
    if (!problems.some((d) => d.severity === 'error')) {
      const hint = CODE_HINTS[code] ? ` (${CODE_HINTS[code]})` : '';
      io.stderr(`error: no advisory with code ${code} in ${options.paths.length ? options.paths.join(', ') : 'advisories/'}${hint}\n`);
    }
    return 1;
  }
  const lang = options.lang ?? project.config.languages[0]!;
  if (!project.config.languages.includes(lang)) {
    const meant = languageMeant(lang, project.config.languages);
    throw new UsageError(`--lang ${lang} is not one of the configured languages (${project.config.languages.join(', ')})${meant ? `; did you mean --lang ${meant}?` : ''}`);
  }
  const format = options.format as Format;
  const renderer = await createRenderer({ ...project.config, formats: [format] }, templateDirs(io, project.config, options.templates));
  io.stdout(renderer.bulletin(found.advisory, lang, format, found.file).content);
  return 0;
}
