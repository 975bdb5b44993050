/**
 * Worker threads and the build cache change how fast a build is, never what
 * it writes: every build here is compared byte for byte with a plain one
 * (main thread only, no cache). Through the real binary.
 */
import { appendFileSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { sampleProject } from '../helpers/projects.js';
import { runCli } from '../helpers/run-cli.js';
import { copyOfTool } from '../helpers/unprivileged.js';
import { snapshotTree } from '../helpers/tree-snapshot.js';

function project(): string {
  const { dir, cleanup } = sampleProject();
  onTestFinished(cleanup);
  return dir;
}

function build(dir: string, ...args: string[]) {
  const result = runCli(['build', ...args], { cwd: dir });
  expect(result.stderr).toMatch(/Built 60 bulletins for 5 advisories/);
  expect(result.status).toBe(0);
  return snapshotTree(path.join(dir, 'dist'));
}

/** What a plain build of the project as it is now writes: one thread, no cache, into a folder of its own. */
function plain(dir: string) {
  const out = path.join(dir, 'plain');
  rmSync(out, { recursive: true, force: true });
  expect(runCli(['build', '--jobs', '1', '--no-cache', '--out', 'plain'], { cwd: dir }).status).toBe(0);
  const tree = snapshotTree(out);
  rmSync(out, { recursive: true, force: true });
  return tree;
}

/** The SHA-256 the manifest gives a published file. */
function publishedSha(dir: string, file: string): string {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'dist/manifest.json'), 'utf8')) as { files: Array<{ path: string; sha256: string }> };
  return manifest.files.find((f) => f.path === file)!.sha256;
}

const cacheFolder = (dir: string, part: 'entries' | 'blobs') => path.join(dir, '.advisory-cache/v3', part);
/** The blobs' names: each is in the folder named by its first digit. */
const blobNames = (dir: string) => readdirSync(cacheFolder(dir, 'blobs')).flatMap((shard) => readdirSync(path.join(cacheFolder(dir, 'blobs'), shard)).map((name) => (name.startsWith(shard) ? name : `${shard}/${name}`)));

describe('worker threads', () => {
  it('write byte for byte what the main thread writes', () => {
    const dir = project();
    const reference = plain(dir);
    expect(build(dir, '--jobs', '2', '--no-cache')).toEqual(reference);
    expect(build(dir, '--jobs', '3', '--no-cache')).toEqual(reference);
  });

  it('report problems exactly as the main thread does, and publish nothing', () => {
    const dir = project();
    build(dir, '--no-cache');
    const before = snapshotTree(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'advisories/jp.yaml'), readFileSync(path.join(dir, 'advisories/jp.yaml'), 'utf8').replace(/^level: \d/m, 'level: five'));
    writeFileSync(path.join(dir, 'advisories/copy.yaml'), readFileSync(path.join(dir, 'advisories/no.yaml')));
    const one = runCli(['build', '--jobs', '1'], { cwd: dir });
    const two = runCli(['build', '--jobs', '2'], { cwd: dir });
    expect(two).toEqual(one);
    expect(two.status).toBe(1);
    expect(two.stderr).toContain('advisories/jp.yaml:');
    expect(two.stderr).toContain('code NO is already used by advisories/copy.yaml; each country has one advisory file');
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(before);
  });

  it('check exactly as the main thread does in validate, in every report format', () => {
    const dir = project();
    writeFileSync(path.join(dir, 'advisories/jp.yaml'), readFileSync(path.join(dir, 'advisories/jp.yaml'), 'utf8').replace(/^level: \d/m, 'level: five'));
    writeFileSync(path.join(dir, 'advisories/copy.yaml'), readFileSync(path.join(dir, 'advisories/no.yaml')));
    for (const format of ['stylish', 'json', 'github']) {
      const one = runCli(['validate', '--format', format, '--jobs', '1'], { cwd: dir });
      expect(runCli(['validate', '--format', format, '--jobs', '2'], { cwd: dir })).toEqual(one);
      expect(one.status).toBe(1);
    }
    expect(runCli(['validate', '--jobs', '2'], { cwd: dir }).stderr).toContain('code NO is already used by advisories/copy.yaml');
  });

  it('report a full disk as the main thread does, with the previous output kept', () => {
    const dir = project();
    build(dir, '--no-cache');
    const before = snapshotTree(path.join(dir, 'dist'));
    const result = runCli(['build', '--jobs', '2', '--no-cache'], { cwd: dir, fileSizeLimitKiB: 8 });
    expect(result.stderr).toBe("error: cannot write dist/: a file would be larger than the system's file size limit (EFBIG). Nothing was published; dist/ is as it was.\n");
    expect(result.status).toBe(2);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(before);
  });

  it('are refused a --jobs that is not a whole number of at least 1', () => {
    const result = runCli(['build', '--jobs', '0'], { cwd: project() });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("error: option '-j, --jobs <n>' argument '0' is invalid. expected a whole number of at least 1.");
  });
});

describe('the build cache', () => {
  it('after a change to one advisory, renders that one and links the others, with the bytes of a plain build', () => {
    const dir = project();
    build(dir);
    const ino = (file: string) => lstatSync(path.join(dir, 'dist', file)).ino;
    const first = { ml: ino('ml.html'), jp: ino('jp.html') };
    const oldMali = publishedSha(dir, 'ml.html');
    appendFileSync(path.join(dir, 'advisories/jp.yaml'), '# a comment changes the bytes, so the key\n');
    writeFileSync(path.join(dir, 'advisories/ml.yaml'), readFileSync(path.join(dir, 'advisories/ml.yaml'), 'utf8').replace('remain vigilant at all times', 'remain very vigilant at all times'));
    expect(build(dir)).toEqual(plain(dir));
    // Unchanged output is the same file (a link to the same blob); what changed is a new one.
    expect(ino('jp.html')).toBe(first.jp);
    expect(ino('ml.html')).not.toBe(first.ml);
    expect(lstatSync(path.join(dir, 'dist/jp.html')).nlink).toBeGreaterThanOrEqual(2);
    // One build's worth is kept: an entry per advisory and one for the indexes and feeds, no blob of the old Mali text.
    expect(readdirSync(cacheFolder(dir, 'entries'))).toHaveLength(6);
    const blobs = blobNames(dir);
    expect(blobs).not.toContain(oldMali);
    expect(blobs).toContain(publishedSha(dir, 'ml.html'));
  });

  it('is keyed by the tool\'s own code: a tool changed under the same version number renders again', () => {
    // A checkout of the repository changes its code between pulls while package.json keeps its version.
    const dir = project();
    const tool = copyOfTool();
    onTestFinished(() => rmSync(tool, { recursive: true, force: true }));
    const bin = path.join(tool, 'bin/advisory.js');
    const buildWith = () => {
      const result = runCli(['build'], { cwd: dir, bin });
      expect([result.status, result.stderr]).toEqual([0, expect.stringMatching(/Built 60 bulletins for 5 advisories/)]);
      return readFileSync(path.join(dir, 'dist/ml.txt'), 'utf8');
    };
    const widest = (text: string) => Math.max(...text.split('\n').map((line) => line.length));
    expect(widest(buildWith())).toBeGreaterThan(60);
    const wrap = path.join(tool, 'build/render/wrap.js');
    const code = readFileSync(wrap, 'utf8');
    expect(code).toContain('export const TEXT_WIDTH = 72;');
    writeFileSync(wrap, code.replace('export const TEXT_WIDTH = 72;', 'export const TEXT_WIDTH = 60;'));
    expect(widest(buildWith())).toBeLessThanOrEqual(60);
  });

  it('reuses the indexes and feeds while what they show is unchanged, and renders them again when it changes', () => {
    const dir = project();
    build(dir);
    const ino = (file: string) => lstatSync(path.join(dir, 'dist', file)).ino;
    const index = ino('fr/index.html');
    const ml = path.join(dir, 'advisories/ml.yaml');
    // Guidance is not on the index: the index is the same file.
    writeFileSync(ml, readFileSync(ml, 'utf8').replace('remain vigilant at all times', 'remain very vigilant at all times'));
    expect(build(dir)).toEqual(plain(dir));
    expect(ino('fr/index.html')).toBe(index);
    // The level is: the index is rendered again.
    writeFileSync(ml, readFileSync(ml, 'utf8').replace(/^level: 4$/m, 'level: 3'));
    expect(build(dir)).toEqual(plain(dir));
    expect(ino('fr/index.html')).not.toBe(index);
  });

  // With --jobs 2 the cached files are linked on a thread of their own, which finds the changed blob after the entry was taken.
  it.each([['one thread', []], ['a linking thread', ['--jobs', '2']]])('does not trust a blob changed through the published folder, and writes the right bytes again (%s)', (_, jobs) => {
    const dir = project();
    const reference = build(dir, ...jobs);
    const before = lstatSync(path.join(dir, 'dist/jp.html')).ino;
    // An edit in place of a published file changes its blob too: they are one file.
    writeFileSync(path.join(dir, 'dist/fr.html'), '<p>edited by hand</p>\n');
    expect(build(dir, ...jobs)).toEqual(reference);
    expect(readFileSync(path.join(dir, 'dist/fr.html'), 'utf8')).not.toContain('edited by hand');
    // Only that advisory was rendered again: the others are still links to their blobs.
    expect(lstatSync(path.join(dir, 'dist/jp.html')).ino).toBe(before);
  });

  it.each([['one thread', []], ['a linking thread', ['--jobs', '2']]])('notices an advisory rewritten with the same size and modification time (%s)', (_, jobs) => {
    const dir = project();
    const ml = path.join(dir, 'advisories/ml.yaml');
    // Time stamps as a copy that preserves them would leave; the build remembers the file's hash by them.
    const then = new Date('2026-11-01T08:00:00Z');
    utimesSync(ml, then, then);
    build(dir, ...jobs);
    build(dir, ...jobs);
    const text = readFileSync(ml, 'utf8');
    writeFileSync(ml, text.replace('remain vigilant at all times', 'remain watchful at all times'));
    utimesSync(ml, then, then);
    expect(readFileSync(ml, 'utf8')).not.toBe(text);
    expect(build(dir, ...jobs)).toEqual(plain(dir));
    expect(readFileSync(path.join(dir, 'dist/ml.txt'), 'utf8')).toContain('watchful');
  });

  it.each([['one thread', []], ['worker threads', ['--jobs', '2']]])('starts from the output before last, and publishes exactly what a build from empty writes (%s)', (_, jobs) => {
    const dir = project();
    build(dir, ...jobs);
    build(dir, ...jobs);
    // The output the second build replaced is kept for the next one to start from.
    const spare = path.join(dir, '.advisory-cache/v3/spare');
    expect(readdirSync(spare)).toContain('manifest.json');
    // An advisory gone, another changed, a language dropped: nothing of them may stay.
    rmSync(path.join(dir, 'advisories/jp.yaml'));
    appendFileSync(path.join(dir, 'advisories/lb.yaml'), '# changed\n');
    const config = path.join(dir, 'advisory.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('languages: [en, fr, hi, ar]', 'languages: [en, fr, hi]').replace(/^  ar:\n    issuer: .*\n/m, ''));
    const result = runCli(['build', ...jobs], { cwd: dir });
    expect(result.stderr).toMatch(/Built 36 bulletins for 4 advisories/);
    expect(result.status).toBe(0);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(plain(dir));
    expect(existsSync(path.join(dir, 'dist/ar'))).toBe(false);
    expect(existsSync(path.join(dir, 'dist/jp.html'))).toBe(false);
  });

  it('never writes through a file of the output before last into another folder that links to it', () => {
    const dir = project();
    build(dir);
    // Someone keeps a copy of the published folder by hard links (cp -al): the kept files must not change.
    const kept = path.join(dir, 'kept');
    mkdirSync(kept);
    const names = ['manifest.json', 'advisories.json', 'ml.html', 'index.html'];
    for (const name of names) linkSync(path.join(dir, 'dist', name), path.join(kept, name));
    const before = snapshotTree(kept);
    const ml = path.join(dir, 'advisories/ml.yaml');
    writeFileSync(ml, readFileSync(ml, 'utf8').replace(/^level: 4$/m, 'level: 3'));
    build(dir);
    writeFileSync(ml, readFileSync(ml, 'utf8').replace('remain vigilant at all times', 'remain very vigilant at all times'));
    // This build starts from the first build's output, whose files are the kept ones.
    expect(build(dir)).toEqual(plain(dir));
    expect(snapshotTree(kept)).toEqual(before);
  });

  it('builds an output on another file system, where nothing can be linked, with the bytes of a plain build', () => {
    const dir = project();
    // /dev/shm is a memory file system: neither the cache's links nor keeping the replaced output there is possible.
    expect(lstatSync('/dev/shm').dev).not.toBe(lstatSync(dir).dev);
    const out = mkdtempSync('/dev/shm/advisory-out-');
    onTestFinished(() => rmSync(out, { recursive: true, force: true }));
    const target = path.join(out, 'dist');
    const once = () => {
      const result = runCli(['build', '--out', target], { cwd: dir });
      expect(result.stderr).toMatch(/Built 60 bulletins for 5 advisories/);
      expect(result.status).toBe(0);
      return snapshotTree(target);
    };
    once();
    once();
    appendFileSync(path.join(dir, 'advisories/lb.yaml'), '# changed\n');
    expect(once()).toEqual(plain(dir));
    expect(existsSync(path.join(dir, '.advisory-cache/v3/spare'))).toBe(false);
    expect(readdirSync(out)).toEqual(['dist']);
  });

  it('is not used when the templates, labels or config change', () => {
    const dir = project();
    build(dir);
    writeFileSync(path.join(dir, 'advisory.config.yaml'), readFileSync(path.join(dir, 'advisory.config.yaml'), 'utf8').replace('site_url: https://example.org/travel/', 'site_url: https://example.org/advice/'));
    expect(build(dir)).toEqual(plain(dir));
    expect(readFileSync(path.join(dir, 'dist/cap/ml.xml'), 'utf8')).toContain('https://example.org/advice/ml.html');
    const labels = path.join(dir, 'my-templates/labels');
    rmSync(labels, { recursive: true, force: true });
    writeFileSync(path.join(dir, 'advisory.config.yaml'), `${readFileSync(path.join(dir, 'advisory.config.yaml'), 'utf8')}templates: my-templates\n`);
    mkdirSync(labels, { recursive: true });
    writeFileSync(path.join(labels, 'en.yaml'), 'what_to_do: What you should do\n');
    expect(build(dir)).toEqual(plain(dir));
    expect(readFileSync(path.join(dir, 'dist/ml.md'), 'utf8')).toContain('What you should do');
  });

  it('where it cannot be made, is left out with a warning, and the build goes on', () => {
    const dir = project();
    writeFileSync(path.join(dir, '.advisory-cache'), 'not a folder\n');
    const result = runCli(['build'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^warning: not using the build cache \.advisory-cache\/ \(.*\); rendering every advisory\n/);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(plain(dir));
    expect(readFileSync(path.join(dir, '.advisory-cache'), 'utf8')).toBe('not a folder\n');
  });

  it('removes what another layout of it (an older version of the tool) left, and keeps its own', () => {
    const dir = project();
    const old = path.join(dir, '.advisory-cache/v1/blobs');
    mkdirSync(old, { recursive: true });
    writeFileSync(path.join(old, 'f'.repeat(64)), 'left by an older version\n');
    build(dir);
    expect(readdirSync(path.join(dir, '.advisory-cache')).sort()).toEqual(['v3']);
  });

  it('is neither read nor written with --no-cache', () => {
    const dir = project();
    build(dir, '--no-cache');
    expect(existsSync(path.join(dir, '.advisory-cache'))).toBe(false);
  });

  it('gives with worker threads the bytes it gives without', () => {
    const dir = project();
    build(dir, '--jobs', '2');
    appendFileSync(path.join(dir, 'advisories/lb.yaml'), '# changed\n');
    expect(build(dir, '--jobs', '2')).toEqual(plain(dir));
  });
});

describe('compiled templates, parsed labels and measured widths kept in the cache', () => {
  const store = (dir: string) => path.join(dir, '.advisory-cache/v3/templates');
  const kept = (dir: string) => readdirSync(store(dir)).filter((name) => name !== 'index.json');
  /** Parsed catalogues are JSON lists of [label, text], measured widths lists of [cluster, columns]; compiled templates are code. */
  const kind = (dir: string, key: string) => {
    const text = readFileSync(path.join(store(dir), key), 'utf8');
    if (text.startsWith('{"labels":')) return 'labels';
    return text.startsWith('[') ? 'widths' : 'template';
  };
  const isLabels = (dir: string, key: string) => kind(dir, key) === 'labels';
  /** A compiled template as Handlebars.precompile writes it, rendering only `text`. */
  const spec = (text: string) => `{"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) { return ${JSON.stringify(text)}; },"useData":true}`;
  /** Rewrites kept files and records them as the build records what it writes: the next build must take them. */
  const standIn = (dir: string, which: (key: string) => boolean, rewrite: (text: string) => string) => {
    const indexFile = path.join(store(dir), 'index.json');
    const index = JSON.parse(readFileSync(indexFile, 'utf8')) as Record<string, object>;
    for (const key of kept(dir).filter(which)) {
      const file = path.join(store(dir), key);
      writeFileSync(file, rewrite(readFileSync(file, 'utf8')));
      const info = lstatSync(file, { bigint: true });
      index[key] = { ino: String(info.ino), size: String(info.size), ctimeNs: String(info.ctimeNs) };
    }
    writeFileSync(indexFile, JSON.stringify(index));
  };
  const changeMali = (dir: string, word: string) => {
    const ml = path.join(dir, 'advisories/ml.yaml');
    writeFileSync(ml, readFileSync(ml, 'utf8').replace('remain vigilant at all times', `remain ${word} at all times`));
  };

  it('are what a later build renders with, and only while each is the file the build wrote', () => {
    const dir = project();
    build(dir);
    expect(kept(dir).filter((key) => !isLabels(dir, key)).length).toBeGreaterThanOrEqual(6);
    standIn(dir, (key) => !isLabels(dir, key), () => spec('FROM THE STORE'));
    changeMali(dir, 'watchful');
    expect(runCli(['build'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(path.join(dir, 'dist/ml.html'), 'utf8')).toBe('FROM THE STORE');
  });

  it('give a later build its labels without parsing the catalogues again', () => {
    const dir = project();
    build(dir);
    standIn(dir, (key) => isLabels(dir, key), (text) => {
      const kept = JSON.parse(text) as { labels: Array<[string, string]>; lists: string[] };
      return JSON.stringify({ ...kept, labels: kept.labels.map(([label, value]) => [label, `KEPT ${value}`]) });
    });
    changeMali(dir, 'watchful');
    build(dir);
    expect(readFileSync(path.join(dir, 'dist/ml.txt'), 'utf8')).toContain('KEPT ');
  });

  it('give a later build the widths of the text it measured', () => {
    const dir = project();
    build(dir);
    const hindi = () => readFileSync(path.join(dir, 'dist/hi/ml.txt'), 'utf8');
    const [widths] = kept(dir).filter((key) => kind(dir, key) === 'widths');
    expect(JSON.parse(readFileSync(path.join(store(dir), widths!), 'utf8'))).toContainEqual(['क्षे', 1]);
    // Every cluster 30 columns wide: the Hindi bulletin puts each word on a line of its own.
    standIn(dir, (key) => key === widths, (text) => JSON.stringify((JSON.parse(text) as Array<[string, number]>).map(([cluster]) => [cluster, 30])));
    changeMali(dir, 'watchful');
    const wrappedBefore = hindi().split('\n').length;
    build(dir);
    expect(hindi().split('\n').length).toBeGreaterThan(wrappedBefore + 20);
  });

  it('are not used when changed after the build wrote them, nor when they no longer load: the templates are compiled again', () => {
    const dir = project();
    build(dir);
    for (const key of kept(dir)) writeFileSync(path.join(store(dir), key), isLabels(dir, key) ? '{"labels":[["title","TAMPERED"]],"lists":[]}' : spec('TAMPERED'));
    changeMali(dir, 'watchful');
    expect(build(dir)).toEqual(plain(dir));
    expect(readFileSync(path.join(dir, 'dist/ml.txt'), 'utf8')).toContain('watchful');
    expect(readFileSync(path.join(dir, 'dist/ml.html'), 'utf8')).not.toContain('TAMPERED');
    // What the build compiled again is kept, and nothing tampered with.
    expect(kept(dir).every((key) => !readFileSync(path.join(store(dir), key), 'utf8').includes('TAMPERED'))).toBe(true);
    // Recorded as written but damaged: compiled and parsed again, with the bytes of a plain build.
    standIn(dir, () => true, (text) => text.slice(0, text.length / 2));
    changeMali(dir, 'alert');
    expect(build(dir)).toEqual(plain(dir));
  });

  it('are not written with --no-cache', () => {
    const dir = project();
    build(dir, '--no-cache');
    expect(existsSync(store(dir))).toBe(false);
  });
});

describe('advisories.json', () => {
  it('assembled from one record per advisory, is exactly what JSON.stringify writes for the whole', () => {
    const dir = project();
    build(dir, '--jobs', '2');
    const text = readFileSync(path.join(dir, 'dist/advisories.json'), 'utf8');
    expect(`${JSON.stringify(JSON.parse(text), null, 2)}\n`).toBe(text);
    expect(readdirSync(path.join(dir, 'dist')).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});
