/** Temporary projects for tests that build: the sample project, or a fixture removed when the test ends. */
import { cpSync } from 'node:fs';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { ROOT, tempProject } from './run-cli.js';

/** A copy of the repository's sample project (advisories/ and advisory.config.yaml) in a temporary folder. */
export function sampleProject(): { dir: string; cleanup: () => void } {
  const project = tempProject();
  cpSync(path.join(ROOT, 'advisories'), path.join(project.dir, 'advisories'), { recursive: true });
  cpSync(path.join(ROOT, 'advisory.config.yaml'), path.join(project.dir, 'advisory.config.yaml'));
  return project;
}

/** A copy of `seed` for the running test only: removed when the test finishes, pass or fail. */
export function projectForTest(seed: string): string {
  const { dir, cleanup } = tempProject(seed);
  onTestFinished(cleanup);
  return dir;
}
