/**
 * Golden files: the bulletins of three fixed advisories, in every format, and
 * the indexes, byte for byte. After a deliberate change to the templates, run
 * `UPDATE_GOLDEN=1 npm test` and review the diff of tests/golden/.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runCli, tempProject } from '../helpers/run-cli.js';

const GOLDEN = path.join(ROOT, 'tests/golden/en');
const update = process.env.UPDATE_GOLDEN === '1';
let project: ReturnType<typeof tempProject>;

beforeAll(() => {
  project = tempProject(path.join(FIXTURES, 'golden'));
  const result = runCli(['build'], { cwd: project.dir });
  expect(result.status).toBe(0);
});
afterAll(() => project.cleanup());

const files = ['ml.md', 'ml.html', 'ml.txt', 'fr.md', 'fr.html', 'fr.txt', 'jp.md', 'jp.html', 'jp.txt', 'index.md', 'index.html', 'index.txt'];

describe('golden bulletins', () => {
  it('writes exactly the bulletins, indexes, feeds, alerts, open data and manifest', () => {
    const others = ['advisories.json', 'cap', 'feed.atom', 'feed.json', 'manifest.json'];
    expect(readdirSync(path.join(project.dir, 'dist')).sort()).toEqual([...files, ...others].sort());
  });

  it.each(files)('%s matches its golden file', (file) => {
    const actual = readFileSync(path.join(project.dir, 'dist', file), 'utf8');
    const golden = path.join(GOLDEN, file);
    if (update) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(golden, actual);
    }
    expect(actual).toBe(readFileSync(golden, 'utf8'));
  });
});
