/**
 * `advisory build --watch`: the real binary builds, then builds again on each
 * change; a failed rebuild leaves the last good output; Ctrl-C ends it with 0.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli, type Running } from '../helpers/long-running.js';
import { ROOT, tempProject } from '../helpers/run-cli.js';

let project: { dir: string; cleanup: () => void };
let watch: Running;
const ml = () => path.join(project.dir, 'advisories/ml.yaml');
const built = () => readFileSync(path.join(project.dir, 'dist/ml.html'), 'utf8');
const edit = (file: string, change: (text: string) => string) => writeFileSync(file, change(readFileSync(file, 'utf8')));

beforeAll(async () => {
  project = tempProject();
  mkdirSync(path.join(project.dir, 'advisories'));
  cpSync(path.join(ROOT, 'advisories/ml.yaml'), ml());
  watch = startCli(['build', '--watch', '--out', 'dist'], project.dir);
  await watch.waitForStderr(/Watching for changes \(Ctrl-C to stop\)\n/, { since: 0 });
});
afterAll(async () => {
  await watch?.interrupt();
  project?.cleanup();
});

describe('advisory build --watch', () => {
  it('builds first', () => {
    expect(watch.stderr()).toMatch(/Built 3 bulletins for 1 advisory in \d+\.\d\d s -> dist\/\n/);
    expect(built()).toContain('<h1>Do not travel to Mali</h1>');
  });

  it('builds again when an advisory changes', async () => {
    const since = watch.stderr().length;
    edit(ml(), (t) => t.replace('title: Do not travel to Mali', 'title: Do not travel to Mali, at all'));
    await watch.waitForStderr(/Built 3 bulletins/, { since });
    expect(built()).toContain('<h1>Do not travel to Mali, at all</h1>');
  });

  it('reports a mistake and keeps the last good output', async () => {
    const since = watch.stderr().length;
    edit(ml(), (t) => t.replace(/^level: 4$/m, 'level: five'));
    await watch.waitForStderr(/Nothing was written/, { since });
    expect(watch.stderr().slice(since)).toContain('advisories/ml.yaml:3:8  error  level must be an integer from 1 to 4, found "five"\n');
    expect(built()).toContain('<h1>Do not travel to Mali, at all</h1>');
  });

  it('builds again when the config changes', async () => {
    edit(ml(), (t) => t.replace('level: five', 'level: 4'));
    await watch.waitForStderr(/Built 3 bulletins/);
    const since = watch.stderr().length;
    writeFileSync(path.join(project.dir, 'advisory.config.yaml'), 'issuer: Ministry of Testing\nformats: [html]\n');
    await watch.waitForStderr(/Built 1 bulletin for 1 advisory/, { since });
    expect(built()).toContain('Published by Ministry of Testing');
    expect(existsSync(path.join(project.dir, 'dist/ml.md'))).toBe(false);
  });

  // As sed -i, git checkout and many editors save: a new file renamed over the old one.
  const replace = (file: string, change: (text: string) => string) => {
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.saving`);
    writeFileSync(temporary, change(readFileSync(file, 'utf8')));
    renameSync(temporary, file);
  };

  it('sees every save of a file that is replaced rather than written in place, not only the first', async () => {
    for (const level of [3, 2, 1, 4]) {
      const since = watch.stderr().length;
      replace(ml(), (t) => t.replace(/^level: \d$/m, `level: ${level}`));
      await watch.waitForStderr(/Built 1 bulletin/, { since });
      expect(built()).toContain(`Level ${level} of 4`);
    }
  });

  it('watches the advisories folder again after it was moved away and back', async () => {
    const folder = path.join(project.dir, 'advisories');
    let since = watch.stderr().length;
    renameSync(folder, `${folder}-away`);
    await watch.waitForStderr(/Nothing was written|no such file or folder/, { since });
    since = watch.stderr().length;
    renameSync(`${folder}-away`, folder);
    await watch.waitForStderr(/Built 1 bulletin/, { since });
    since = watch.stderr().length;
    replace(ml(), (t) => t.replace(/^level: \d$/m, 'level: 3'));
    await watch.waitForStderr(/Built 1 bulletin/, { since });
    expect(built()).toContain('Level 3 of 4');
  });

  it('stops on Ctrl-C with exit code 0, leaving no staging folder behind', async () => {
    const since = watch.stderr().length;
    expect(await watch.interrupt()).toEqual({ code: 0, signal: null });
    expect(watch.stderr().slice(since)).toBe('Stopped watching.\n');
    expect(readFileSync(path.join(project.dir, 'dist/manifest.json'), 'utf8')).toContain('"generator": "advisory"');
    expect(readdirSync(project.dir).sort()).toEqual(['.advisory-cache', 'advisories', 'advisory.config.yaml', 'dist']);
  });
});
