/**
 * The publish fixture built once into dist/, with one advisory (or the config) to edit and build
 * again in place: how the republished-version tests see what a second build says of the first.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, onTestFinished } from 'vitest';
import { PUBLISH_FIXTURE } from './published.js';
import { runCli, tempProject } from './run-cli.js';

/** Lebanon's advisory (level 3, updated 2026-10-05, three regions at 4) unless named. */
export function builtFixture(advisory = 'lb.yaml') {
  const project = tempProject(PUBLISH_FIXTURE);
  onTestFinished(project.cleanup);
  expect(runCli(['build'], { cwd: project.dir }).status).toBe(0);
  const editFile = (file: string) => (from: string, to: string) => {
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(from);
    writeFileSync(file, text.replace(from, to));
  };
  /** The second build's exit code and its stderr lines that contain `marker`. */
  const linesWith = (marker: string) => (args: string[] = []) => {
    const result = runCli(['build', ...args], { cwd: project.dir });
    return { status: result.status, lines: result.stderr.split('\n').filter((line) => line.includes(marker)) };
  };
  return {
    dir: project.dir,
    edit: editFile(path.join(project.dir, 'advisories', advisory)),
    editConfig: editFile(path.join(project.dir, 'advisory.config.yaml')),
    linesWith,
    /** The level warnings: each says what dist/ publishes. */
    warnings: linesWith(' dist/ publishes '),
  };
}
