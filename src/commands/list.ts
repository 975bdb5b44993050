import type { ExitCode } from '../errors.js';
import type { Io } from '../report/logger.js';
import { stylish } from '../report/reporters.js';
import { loadTemplateSet } from '../render/templates.js';
import { displayWidth } from '../render/wrap.js';
import { levelName, sortForIndex, titleText, type Locale } from '../render/view.js';
import { templateDirs } from './templates-option.js';
import { openProject, type ProjectOptions } from './project.js';
import type { Level } from '../advisory/types.js';

export interface ListOptions extends ProjectOptions {
  json: boolean;
}

const LEVEL_COLORS = ['green', 'yellow', 'magenta', 'red'] as const;

export async function list(io: Io, options: ListOptions): Promise<ExitCode> {
  const project = await openProject(io, options);
  const set = await loadTemplateSet(templateDirs(io, project.config, options.templates));
  const lang = project.config.languages[0]!;
  const locale: Locale = { lang, primary: lang, labels: set.labels.get(lang) ?? new Map(), config: project.config };
  const rows = sortForIndex(project.advisories, locale).map(({ advisory, file }) => ({
    level: advisory.level,
    level_name: levelName(advisory.level, locale),
    code: advisory.code,
    country: advisory.country,
    updated: advisory.updated,
    title: titleText(advisory, locale),
    file,
  }));
  io.stderr(stylish({ diagnostics: project.diagnostics, files: project.files }, io.chalk));
  if (options.json) {
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
    const levelWidth = Math.max(0, ...rows.map((r) => displayWidth(`${r.level} ${r.level_name}`)));
    const countryWidth = Math.max(0, ...rows.map((r) => displayWidth(r.country)));
    for (const r of rows) {
      const levelText = pad(`${r.level} ${r.level_name}`, levelWidth);
      const colored = io.chalk[LEVEL_COLORS[(r.level as Level) - 1]!].bold(levelText);
      io.stdout(`${colored}  ${r.code}  ${pad(r.country, countryWidth)}  ${r.updated}  ${r.title}`.trimEnd() + '\n');
    }
  }
  return project.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
