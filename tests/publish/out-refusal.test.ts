/**
 * `build --out` never replaces what is not its own: dangerous folders are
 * refused with exit 2 before anything is read or written, and the folder is
 * byte for byte as it was. Through the real binary.
 */
import { appendFileSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { sampleProject } from '../helpers/projects.js';
import { ROOT, runCli, tempProject } from '../helpers/run-cli.js';
import { leftovers, snapshotTree } from '../helpers/tree-snapshot.js';

/** The sample project in a temporary folder, removed when the test ends. */
function project(): string {
  const { dir, cleanup } = sampleProject();
  onTestFinished(cleanup);
  return dir;
}

/** A temporary folder of its own (a home folder, a foreign folder), removed when the test ends. */
function folder(files: Record<string, string> = {}): string {
  const { dir, cleanup } = tempProject();
  onTestFinished(cleanup);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/**
 * `build` with these arguments is refused with exit 2 and exactly `message`, and
 * every folder in `untouched` (the project's included) is unchanged afterwards.
 */
function expectRefused(dir: string, args: readonly string[], message: string, untouched: readonly string[] = [], env: Record<string, string> = {}): void {
  const watched = [dir, ...untouched];
  const before = watched.map(snapshotTree);
  const result = runCli(['build', ...args], { cwd: dir, env });
  expect(result.stderr).toBe(`error: ${message}\n`);
  expect(result.status).toBe(2);
  expect(watched.map(snapshotTree)).toEqual(before);
}

const OWN_FOLDER = 'choose a folder of its own, such as dist';

describe('build --out refuses folders whose replacement would destroy something', () => {
  it('refuses the project folder itself', () => {
    const dir = project();
    expectRefused(dir, ['--out', '.'], `refusing to write to --out <tmp>/: it holds the current project folder; ${OWN_FOLDER}`);
  });

  it('refuses a parent of the project folder', () => {
    const dir = project();
    expectRefused(dir, ['--out', '..'], `refusing to write to --out ${path.dirname(dir)}/: it holds the current project folder; ${OWN_FOLDER}`);
  });

  it('refuses the input folder', () => {
    const dir = project();
    expectRefused(dir, ['--out', 'advisories'], `refusing to write to --out advisories/: it holds the input advisories; ${OWN_FOLDER}`);
  });

  it('refuses a folder that holds the inputs given on the command line', () => {
    const dir = project();
    cpSync(path.join(dir, 'advisories'), path.join(dir, 'data/advisories'), { recursive: true });
    expectRefused(dir, ['data/advisories', '--out', 'data'], `refusing to write to --out data/: it holds the input data/advisories; ${OWN_FOLDER}`);
  });

  it('refuses the root of the file system', () => {
    const dir = project();
    expectRefused(dir, ['--out', '/'], `refusing to write to --out /: it is the root of the file system; ${OWN_FOLDER}`);
  });

  it('refuses the home folder, and a folder that holds it', () => {
    const dir = project();
    const home = folder({ '.bashrc': 'export EDITOR=vi\n', 'notes/today.txt': 'call the embassy\n' });
    const env = { HOME: home };
    expectRefused(dir, ['--out', home], `refusing to write to --out ${home}/: it is your home folder; ${OWN_FOLDER}`, [home], env);
    mkdirSync(path.join(home, 'sub'));
    expectRefused(dir, ['--out', path.join(home, 'sub/..')], `refusing to write to --out ${home}/: it is your home folder; ${OWN_FOLDER}`, [home], env);
    const inside = path.join(home, 'user');
    mkdirSync(inside);
    expectRefused(dir, ['--out', home], `refusing to write to --out ${home}/: it holds your home folder; ${OWN_FOLDER}`, [home], { HOME: inside });
  });

  it('refuses a file', () => {
    const dir = project();
    writeFileSync(path.join(dir, 'dist'), 'not a folder\n');
    expectRefused(dir, ['--out', 'dist'], `refusing to write to --out dist/: it is a file; ${OWN_FOLDER}`);
  });

  it('refuses a folder under a file, naming the file, and checks it no more than it builds it', () => {
    const dir = project();
    writeFileSync(path.join(dir, 'notes.txt'), 'not a folder\n');
    expectRefused(dir, ['--out', 'notes.txt/site'], `refusing to write to --out notes.txt/site/: notes.txt is a file; ${OWN_FOLDER}`);
    expectRefused(dir, ['--out', 'notes.txt/a/b'], `refusing to write to --out notes.txt/a/b/: notes.txt is a file; ${OWN_FOLDER}`);
    expectRefused(dir, ['--check', '--out', 'notes.txt/site'], `refusing to check --out notes.txt/site/: notes.txt is a file; ${OWN_FOLDER}`);
  });
});

describe('build --out in a folder that cannot hold files', () => {
  it('says so, with exit 2, not as an internal error', () => {
    // /proc lists processes: a file cannot be made in it, by anyone.
    const dir = project();
    expectRefused(dir, ['--out', '/proc/x'], 'cannot write /proc/x/: the folder it is in, /proc, cannot hold the files a build makes beside it (ENOENT); choose another output folder');
  });
});

describe('build --out is never inside the sources', () => {
  // Bulletins, and the staging folder and lock beside --out, would be mixed into the officer's files.
  it('refuses a folder inside the input folder, for build, build --check and build --watch', () => {
    const dir = project();
    expectRefused(dir, ['--out', 'advisories/site'], `refusing to write to --out advisories/site/: it is inside the input advisories; ${OWN_FOLDER}`);
    expectRefused(dir, ['--check', '--out', 'advisories/site'], `refusing to check --out advisories/site/: it is inside the input advisories; ${OWN_FOLDER}`);
    expectRefused(dir, ['--watch', '--out', 'advisories/site/en'], `refusing to write to --out advisories/site/en/: it is inside the input advisories; ${OWN_FOLDER}`);
  });

  it('refuses a folder inside an input given on the command line', () => {
    const dir = project();
    cpSync(path.join(dir, 'advisories'), path.join(dir, 'data/advisories'), { recursive: true });
    expectRefused(dir, ['data/advisories', '--out', 'data/advisories/dist'], `refusing to write to --out data/advisories/dist/: it is inside the input data/advisories; ${OWN_FOLDER}`);
  });

  it('refuses the project folder given as the input, before its --out, naming its folder of advisories', () => {
    const dir = project();
    const projectFolder = (given: string, holds: string, advisories: string, orNone = '') =>
      `${given} is a project folder, not a folder of advisories: it holds ${holds}, and its YAML files are not all advisories; name its folder of advisories, ${advisories}${orNone}`;
    expectRefused(dir, ['.'], projectFolder('.', 'advisory.config.yaml', 'advisories', ', or give no path'));
    expectRefused(dir, ['--check', '.', '--out', '../elsewhere'], projectFolder('.', 'advisory.config.yaml', 'advisories', ', or give no path'));
    // Without a config, its advisories folder says what it is; a folder above it is named as it was given.
    rmSync(path.join(dir, 'advisory.config.yaml'));
    mkdirSync(path.join(dir, 'work'));
    const result = runCli(['validate', '..'], { cwd: path.join(dir, 'work') });
    expect(result).toMatchObject({ status: 2, stdout: '', stderr: `error: ${projectFolder('..', 'advisories', '../advisories')}\n` });
  });

  it('refuses a folder inside, or holding, the --templates folder', () => {
    const dir = project();
    cpSync(path.join(ROOT, 'templates/md'), path.join(dir, 'look/md'), { recursive: true });
    expectRefused(dir, ['--templates', 'look', '--out', 'look/dist'], `refusing to write to --out look/dist/: it is inside the templates folder look; ${OWN_FOLDER}`);
    expectRefused(dir, ['--templates', 'look/md', '--check', '--out', 'look'], `refusing to check --out look/: it holds the templates folder look/md; ${OWN_FOLDER}`);
  });

  it('refuses a folder inside the templates folder of the config', () => {
    const dir = project();
    cpSync(path.join(ROOT, 'templates/md'), path.join(dir, 'look/md'), { recursive: true });
    appendFileSync(path.join(dir, 'advisory.config.yaml'), 'templates: look\n');
    expectRefused(dir, ['--out', 'look/site'], `refusing to write to --out look/site/: it is inside the templates folder look; ${OWN_FOLDER}`);
  });

  it('refuses a link that leads inside the inputs or the templates, even to a folder not made yet', () => {
    const dir = project();
    mkdirSync(path.join(dir, 'look'));
    symlinkSync(path.join(dir, 'advisories/site'), path.join(dir, 'dist'));
    symlinkSync('look/site', path.join(dir, 'public'));
    expectRefused(dir, [], `refusing to write to --out dist/: it is inside the input advisories; ${OWN_FOLDER}`);
    expectRefused(dir, ['--templates', 'look', '--out', 'public'], `refusing to write to --out public/: it is inside the templates folder look; ${OWN_FOLDER}`);
  });
});

describe('build --out replaces only a folder it wrote', () => {
  it('refuses a folder that is not empty and has no manifest', () => {
    const dir = project();
    const site = folder({ 'index.html': '<p>our real website</p>\n', 'img/logo.svg': '<svg/>\n' });
    expectRefused(dir, ['--out', site], `refusing to write to --out ${site}/: it is not empty and was not written by advisory (no manifest.json of ours in it); ${OWN_FOLDER}`, [site]);
  });

  it('refuses a folder whose manifest.json is some other tool\'s', () => {
    const dir = project();
    const app = folder({ 'manifest.json': '{ "name": "My web app", "start_url": "/" }\n', 'index.html': '<p>app</p>\n' });
    expectRefused(dir, ['--out', app], `refusing to write to --out ${app}/: it is not empty and was not written by advisory (no manifest.json of ours in it); ${OWN_FOLDER}`, [app]);
  });

  it('refuses a folder whose manifest.json is not JSON', () => {
    const dir = project();
    const broken = folder({ 'manifest.json': 'generator: advisory\n' });
    expectRefused(dir, ['--out', broken], `refusing to write to --out ${broken}/: it is not empty and was not written by advisory (no manifest.json of ours in it); ${OWN_FOLDER}`, [broken]);
  });

  it('refuses a folder where our manifest was copied beside other files', () => {
    const dir = project();
    const forged = folder({ 'manifest.json': '{ "generator": "advisory", "version": "0.1.0", "files": [], "advisories": [] }\n', 'thesis.tex': '\\documentclass{article}\n' });
    expectRefused(
      dir,
      ['--out', forged],
      `refusing to write to --out ${forged}/: it holds files advisory did not write (thesis.tex), which a build would delete; move them out of it, or choose another folder`,
      [forged],
    );
  });

  it('refuses its own output once someone has added files to it, and names them', () => {
    const dir = project();
    expect(runCli(['build'], { cwd: dir }).status).toBe(0);
    writeFileSync(path.join(dir, 'dist/CNAME'), 'travel.example.org\n');
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f']) writeFileSync(path.join(dir, `dist/fr/${name}.txt`), `${name}\n`);
    expectRefused(
      dir,
      [],
      `refusing to write to --out dist/: it holds files advisory did not write (CNAME, fr/a.txt, fr/b.txt, fr/c.txt, fr/d.txt and 2 more), which a build would delete; move them out of it, or choose another folder`,
    );
  });

  it('replaces its own output, and an empty folder', () => {
    const dir = project();
    expect(runCli(['build'], { cwd: dir }).status).toBe(0);
    const first = snapshotTree(path.join(dir, 'dist'));
    const again = runCli(['build'], { cwd: dir });
    expect(again.status).toBe(0);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(first);
    mkdirSync(path.join(dir, 'empty'));
    expect(runCli(['build', '--out', 'empty'], { cwd: dir }).status).toBe(0);
    expect(snapshotTree(path.join(dir, 'empty'))).toEqual(first);
  });

  it('refuses to check a foreign folder as well', () => {
    const dir = project();
    const site = folder({ 'index.html': '<p>our real website</p>\n' });
    expectRefused(dir, ['--check', '--out', site], `refusing to check --out ${site}/: it is not empty and was not written by advisory (no manifest.json of ours in it); ${OWN_FOLDER}`, [site]);
  });
});

describe('build --out through a symbolic link', () => {
  it('refuses a link to the home folder', () => {
    const dir = project();
    const home = folder({ '.profile': 'umask 022\n' });
    symlinkSync(home, path.join(dir, 'dist'));
    expectRefused(dir, [], `refusing to write to --out dist/: it is your home folder; ${OWN_FOLDER}`, [home], { HOME: home });
  });

  it('refuses a link to the project folder or the root', () => {
    const dir = project();
    symlinkSync(dir, path.join(dir, 'dist'));
    expectRefused(dir, [], `refusing to write to --out dist/: it holds the current project folder; ${OWN_FOLDER}`);
    symlinkSync('/', path.join(dir, 'root'));
    expectRefused(dir, ['--out', 'root'], `refusing to write to --out root/: it is the root of the file system; ${OWN_FOLDER}`);
  });

  it('refuses a link to a folder that is not ours', () => {
    const dir = project();
    const site = folder({ 'index.html': '<p>our real website</p>\n' });
    symlinkSync(site, path.join(dir, 'dist'));
    expectRefused(dir, [], `refusing to write to --out dist/: it is not empty and was not written by advisory (no manifest.json of ours in it); ${OWN_FOLDER}`, [site]);
  });

  it('builds through a link to a folder of its own, into the folder, and keeps the link', () => {
    const dir = project();
    const published = path.join(folder(), 'www');
    symlinkSync(published, path.join(dir, 'dist'));
    for (let run = 0; run < 2; run++) {
      const result = runCli(['build'], { cwd: dir });
      expect(result.stderr).toMatch(/^Built 60 bulletins for 5 advisories in <time> s -> dist\/\n$/);
      expect(lstatSync(path.join(dir, 'dist')).isSymbolicLink()).toBe(true);
      expect(JSON.parse(readFileSync(path.join(published, 'manifest.json'), 'utf8')).generator).toBe('advisory');
      expect(leftovers(path.dirname(published))).toEqual([]);
      expect(leftovers(dir)).toEqual([]);
    }
    expect(existsSync(path.join(published, 'fr.html'))).toBe(true);
  });
});
