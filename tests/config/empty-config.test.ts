/** Every setting is optional, so a config with none of them is the defaults, through the real binary. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { FIXTURES, runCli, tempProject } from '../helpers/run-cli.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

it.each([
  ['empty', ''],
  ['only comments', '# Settings: see the README.\n\n# issuer: Ministry of Foreign Affairs\n'],
])('a config that is %s gives the defaults, as no config does', (_what, text) => {
  const { dir, cleanup } = tempProject(path.join(FIXTURES, 'golden'));
  cleanups.push(cleanup);
  writeFileSync(path.join(dir, 'advisory.config.yaml'), text);
  expect(runCli(['validate'], { cwd: dir })).toMatchObject({ status: 0, stdout: '' });
  const build = runCli(['build', '--no-cache'], { cwd: dir });
  expect(build.status).toBe(0);
  expect(runCli(['show', 'ML', '--format', 'txt'], { cwd: dir }).stdout).toContain('Ministry of Foreign Affairs');
});
