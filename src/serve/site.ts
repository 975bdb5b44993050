/**
 * One preview build: what `advisory build` would publish, kept in memory, or
 * the problems that stop it. Problems are printed in the terminal too, the
 * way `advisory build` prints them.
 */
import { displayPath } from '../advisory/load.js';
import { handleError } from '../cli.js';
import { openProject, type ProjectOptions } from '../commands/project.js';
import { templateDirs } from '../commands/templates-option.js';
import type { Config } from '../config/config.js';
import { AdvisoryError, errorMessage } from '../errors.js';
import { renderOutputs } from '../publish/outputs.js';
import { VERSION } from '../version.js';
import { createRenderer } from '../render/renderer.js';
import type { Io } from '../report/logger.js';
import { position, stylish } from '../report/reporters.js';
import type { Site } from './server.js';

export interface SiteOptions extends ProjectOptions {
  templates?: string;
}

export interface SiteBuild {
  site: Site;
  /** The config this build read, or null when it could not be read. */
  config: Config | null;
  /** The error that stopped the build, when it was not a problem in the advisories. */
  error: unknown;
}

export async function compileSite(io: Io, options: SiteOptions): Promise<SiteBuild> {
  let config: Config | null = null;
  try {
    const project = await openProject(io, options);
    config = project.config;
    io.stderr(stylish({ diagnostics: project.diagnostics, files: project.files }, io.chalk));
    const errors = project.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) {
      return { site: { ok: false, problems: errors.map((d) => ({ where: position(d), message: d.message })) }, config, error: null };
    }
    const renderer = await createRenderer(config, templateDirs(io, config, options.templates), (p) => displayPath(io.cwd, p));
    const files = new Map<string, string>();
    for (const file of renderOutputs(project.advisories, config, renderer, { version: VERSION })) files.set(file.path, file.content);
    return { site: { ok: true, files }, config, error: null };
  } catch (error) {
    handleError(error, io);
    const diagnostics = error instanceof AdvisoryError ? error.diagnostics : [];
    const problems = [...diagnostics.map((d) => ({ where: position(d), message: d.message })), { where: '', message: errorMessage(error) }];
    return { site: { ok: false, problems }, config, error };
  }
}
