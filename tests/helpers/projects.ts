/** Temporary projects for tests that build: the sample project, or a fixture removed when the test ends. */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { ISO_3166_1_ALPHA_2 } from '../../src/advisory/iso3166.js';
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

/**
 * The sample project with `count` advisories (the French one, under the first
 * `count` country codes): big enough that a build runs for seconds, so a test
 * can catch it in the middle.
 */
export function bigProject(count: number): { dir: string; cleanup: () => void } {
  const project = tempProject();
  const french = readFileSync(path.join(ROOT, 'advisories/fr.yaml'), 'utf8');
  mkdirSync(path.join(project.dir, 'advisories'));
  for (const code of ISO_3166_1_ALPHA_2.slice(0, count)) {
    const advisory = french.replace('code: FR', `code: ${code}`).replace('country: France', `country: Country ${code}`);
    writeFileSync(path.join(project.dir, `advisories/${code.toLowerCase()}.yaml`), advisory);
  }
  cpSync(path.join(ROOT, 'advisory.config.yaml'), path.join(project.dir, 'advisory.config.yaml'));
  return project;
}
