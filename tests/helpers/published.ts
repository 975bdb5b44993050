/**
 * The `publish` fixture (two languages, text that needs escaping) built once
 * by the real binary into a temporary project, for tests that read its output.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, runCli, tempProject, type CliResult } from './run-cli.js';

export const PUBLISH_FIXTURE = path.join(FIXTURES, 'publish');

export interface Published {
  dir: string;
  dist: string;
  result: CliResult;
  read(file: string): string;
  cleanup(): void;
}

export function buildPublishFixture(env: Record<string, string> = {}): Published {
  const project = tempProject(PUBLISH_FIXTURE);
  const result = runCli(['build'], { cwd: project.dir, env });
  const dist = path.join(project.dir, 'dist');
  return { dir: project.dir, dist, result, read: (file) => readFileSync(path.join(dist, file), 'utf8'), cleanup: project.cleanup };
}

/** Every file under `dir`, relative, with forward slashes, sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}
