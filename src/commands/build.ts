/**
 * `advisory build`: validate everything, then render every advisory into every
 * language and format, and swap the result in place of the output folder.
 */
import path from 'node:path';
import { AdvisoryError, systemRefusal, type ExitCode } from '../errors.js';
import { compareFolder, describeDifference, readFolder } from '../publish/compare-folder.js';
import { bulletinCount, renderOutputs, type PublishedFile } from '../publish/outputs.js';
import { checkOwnFolder, openStaging, outputFolder, recoverLeftovers } from '../publish/output-folder.js';
import type { Io } from '../report/logger.js';
import { stylish } from '../report/reporters.js';
import { createRenderer } from '../render/renderer.js';
import { displayPath } from '../advisory/load.js';
import { openProject, type ProjectOptions } from './project.js';
import { templateDirs } from './templates-option.js';
import { VERSION } from '../version.js';

export interface BuildOptions extends ProjectOptions {
  out: string;
  templates?: string;
  /** Write nothing; exit 1 when the output folder differs from what a build would write. */
  check?: boolean;
}

/** Below this many bulletins a build is too quick for a progress line to help. */
const PROGRESS_FROM = 200;

export async function build(io: Io, options: BuildOptions): Promise<ExitCode> {
  const started = io.clock();
  // Refuse a dangerous --out before any other work, so the mistake is the first thing the officer sees.
  const given = path.resolve(io.cwd, options.out);
  const shownOut = displayPath(io.cwd, given).replace(/\/?$/, '/');
  const inputs = (options.paths.length ? options.paths : ['advisories']).map((p) => path.resolve(io.cwd, p));
  const out = await outputFolder(given, io.cwd, inputs, shownOut, options.check);
  // A build killed mid-swap may have left the previous output retired beside --out: put it back
  // before anything can fail, so that even a build that stops on a typo leaves it in place.
  if (!options.check) await recoverLeftovers(out);
  await checkOwnFolder(out, shownOut, options.check);

  const project = await openProject(io, options);
  io.stderr(stylish({ diagnostics: project.diagnostics, files: project.files }, io.chalk));
  if (project.diagnostics.some((d) => d.severity === 'error')) {
    io.stderr(`Nothing was written: fix the problems above, then run \`advisory build\` again.\n`);
    return 1;
  }
  const { config } = project;
  const renderer = await createRenderer(config, templateDirs(io, config, options.templates), (p) => displayPath(io.cwd, p));

  const total = bulletinCount(project.advisories, config);
  const progress = io.stderrIsTTY && total >= PROGRESS_FROM;
  let done = 0;
  const counted = function* (files: Iterable<PublishedFile>) {
    for (const file of files) {
      if (file.kind === 'bulletin' && progress && ++done % 50 === 0) io.stderr(`\rRendering ${done}/${total} bulletins`);
      yield file;
    }
    if (progress) io.stderr('\r\x1b[K');
  };
  const outputs = counted(renderOutputs(project.advisories, config, renderer, { version: VERSION }));

  if (options.check) {
    const files = [...outputs];
    const report = describeDifference(compareFolder(files, await readFolder(out)), shownOut, files.length);
    io.stdout(report.list);
    io.stderr(report.summary);
    return report.current ? 0 : 1;
  }

  const staging = await openStaging(out);
  try {
    for (const file of outputs) await staging.write(file.path, file.content);
    await staging.commit();
  } catch (error) {
    if (progress) io.stderr('\r\x1b[K');
    await staging.abandon().catch(() => undefined);
    const refused = systemRefusal(error);
    if (refused) throw new AdvisoryError(`cannot write ${shownOut}: ${refused}. Nothing was published; ${shownOut} is as it was.`, { exitCode: 2, cause: error });
    throw error;
  }
  const seconds = ((io.clock() - started) / 1000).toFixed(2);
  const n = project.advisories.length;
  io.stderr(`Built ${total} bulletin${total === 1 ? '' : 's'} for ${n} advisor${n === 1 ? 'y' : 'ies'} in ${seconds} s -> ${shownOut}\n`);
  return 0;
}
