import type { ExitCode } from '../errors.js';
import type { Diagnostic } from '../report/diagnostics.js';
import type { Io } from '../report/logger.js';
import { stylish } from '../report/reporters.js';
import { loadTemplateSet } from '../render/templates.js';
import { displayWidth } from '../render/wrap.js';
import { levelName, sortForIndex, titleText, type Locale } from '../render/view.js';
import { templateDirs } from './templates-option.js';
import { openProject, type Project, type ProjectOptions } from './project.js';
import type { Level } from '../advisory/types.js';

export interface ListOptions extends ProjectOptions {
  json: boolean;
}

/**
 * One line of the list, as `--json` prints it. Every file is a row, the ones with
 * errors too: a list that quietly loses a country (to CI piping it into jq, say)
 * reads as if that country had no advisory. A file with errors has `valid: false`,
 * its errors, and only the code and country it says as text (null when it says none,
 * or cannot be read as YAML at all); its level, date and title are null, as a level
 * read from a file that fails validation could be the very mistake.
 */
interface Row {
  level: Level | null;
  level_name: string | null;
  code: string | null;
  country: string | null;
  updated: string | null;
  title: string | null;
  file: string;
  valid: boolean;
  errors: Diagnostic[];
}

const LEVEL_COLORS = ['green', 'yellow', 'magenta', 'red'] as const;

/** The valid advisories, most severe first, then each file with errors, in file order. */
function rows(project: Project, locale: Locale): Row[] {
  const valid = sortForIndex(project.advisories, locale).map(({ advisory, file }) => ({
    level: advisory.level,
    level_name: levelName(advisory.level, locale),
    code: advisory.code,
    country: advisory.country,
    updated: advisory.updated,
    title: titleText(advisory, locale),
    file,
    valid: true,
    errors: [],
  }));
  const errors = project.diagnostics.filter((d) => d.severity === 'error');
  // Diagnostics are sorted by file, so these are in file order.
  const invalid = [...new Set(errors.map((d) => d.file))].map((file) => {
    const { code, country } = project.identities.get(file) ?? {};
    const own = errors.filter((d) => d.file === file);
    return { level: null, level_name: null, code: code ?? null, country: country ?? null, updated: null, title: null, file, valid: false, errors: own };
  });
  return [...valid, ...invalid];
}

/** One aligned line per row; a file with errors says so where the level and date would be, with `??` and `?` for what it does not say. */
function text(all: readonly Row[], io: Io): string {
  const pad = (value: string, width: number) => value + ' '.repeat(Math.max(0, width - displayWidth(value)));
  const cells = all.map((r) => ({
    level: r.valid ? `${r.level} ${r.level_name}` : '? Level unknown',
    code: r.code ?? '??',
    country: r.country ?? '?',
    // `updated` may carry a time (2026-12-03T14:30Z): padded, so that the titles after it line up.
    updated: r.valid ? r.updated! : '',
    row: r,
  }));
  const width = (cell: 'level' | 'code' | 'country' | 'updated') => Math.max(0, ...cells.map((c) => displayWidth(c[cell])));
  const [levelWidth, codeWidth, countryWidth, updatedWidth] = [width('level'), width('code'), width('country'), width('updated')];
  return cells
    .map(({ level, code, country, updated, row }) => {
      const padded = pad(level, levelWidth);
      const colored = row.valid ? io.chalk[LEVEL_COLORS[row.level! - 1]!].bold(padded) : io.chalk.bold(padded);
      const rest = row.valid ? `${pad(updated, updatedWidth)}  ${row.title}` : `${row.file} has ${row.errors.length} error${row.errors.length === 1 ? '' : 's'}`;
      return `${colored}  ${pad(code, codeWidth)}  ${pad(country, countryWidth)}  ${rest}`.trimEnd() + '\n';
    })
    .join('');
}

export async function list(io: Io, options: ListOptions): Promise<ExitCode> {
  const project = await openProject(io, options);
  const set = await loadTemplateSet(templateDirs(io, project.config, options.templates));
  const lang = project.config.languages[0]!;
  const locale: Locale = { lang, primary: lang, labels: set.labels.get(lang) ?? new Map(), config: project.config };
  const all = rows(project, locale);
  io.stderr(stylish({ diagnostics: project.diagnostics, files: project.files }, io.chalk));
  io.stdout(options.json ? `${JSON.stringify(all, null, 2)}\n` : text(all, io));
  return project.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
