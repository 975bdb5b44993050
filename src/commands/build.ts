/**
 * `advisory build`: validate everything, then render every advisory into every
 * language and format, and swap the result in place of the output folder.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import type { ExitCode } from '../errors.js';
import { buildManifest, manifestEntry, serializeManifest, MANIFEST_FILE, type ManifestEntry } from '../publish/manifest.js';
import { checkOutputFolder, openStaging, recoverLeftovers } from '../publish/output-folder.js';
import { bulletinCount, renderAll } from '../publish/render-all.js';
import type { Io } from '../report/logger.js';
import { stylish } from '../report/reporters.js';
import { createRenderer } from '../render/renderer.js';
import { displayPath } from '../advisory/load.js';
import { openProject, type ProjectOptions } from './project.js';
import { templateDirs } from './templates-option.js';

export interface BuildOptions extends ProjectOptions {
  out: string;
  templates?: string;
}

/** Below this many bulletins a build is too quick for a progress line to help. */
const PROGRESS_FROM = 200;

export async function toolVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function build(io: Io, options: BuildOptions): Promise<ExitCode> {
  const started = io.clock();
  const project = await openProject(io, options);
  io.stderr(stylish({ diagnostics: project.diagnostics, files: project.files }, io.chalk));
  if (project.diagnostics.some((d) => d.severity === 'error')) {
    io.stderr(`Nothing was written: fix the problems above, then run \`advisory build\` again.\n`);
    return 1;
  }
  const { config } = project;
  const renderer = await createRenderer(config, templateDirs(io, config, options.templates), (p) => displayPath(io.cwd, p));

  const out = path.resolve(io.cwd, options.out);
  const shownOut = `${displayPath(io.cwd, out)}/`;
  const inputs = (options.paths.length ? options.paths : ['advisories']).map((p) => path.resolve(io.cwd, p));
  await checkOutputFolder(out, io.cwd, inputs, shownOut);
  await recoverLeftovers(out);

  const staging = await openStaging(out);
  const entries: ManifestEntry[] = [];
  const advisories = project.advisories.map((a) => a.advisory);
  const total = bulletinCount(project.advisories, config);
  const progress = io.stderrIsTTY && total >= PROGRESS_FROM;
  let done = 0;
  try {
    for (const file of renderAll(renderer, project.advisories, config)) {
      await staging.write(file.path, file.content);
      entries.push(manifestEntry(file.path, file.content));
      if (file.kind === 'bulletin' && progress && ++done % 50 === 0) io.stderr(`\rRendering ${done}/${total} bulletins`);
    }
    if (progress) io.stderr('\r\x1b[K');
    const manifest = serializeManifest(buildManifest(await toolVersion(), entries, advisories));
    await staging.write(MANIFEST_FILE, manifest);
    await staging.commit();
  } catch (error) {
    if (progress) io.stderr('\r\x1b[K');
    await staging.abandon();
    throw error;
  }
  const seconds = ((io.clock() - started) / 1000).toFixed(2);
  const n = advisories.length;
  io.stderr(`Built ${total} bulletin${total === 1 ? '' : 's'} for ${n} advisor${n === 1 ? 'y' : 'ies'} in ${seconds} s -> ${shownOut}\n`);
  return 0;
}
