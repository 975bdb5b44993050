/** `advisory build --check`: proves a committed output folder is current, and writes nothing. */
import { appendFileSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFiles, PUBLISH_FIXTURE } from '../helpers/published.js';
import { runCli, tempProject } from '../helpers/run-cli.js';

let project: { dir: string; cleanup: () => void };
beforeEach(() => {
  project = tempProject(PUBLISH_FIXTURE);
});
afterEach(() => project.cleanup());

const dist = () => path.join(project.dir, 'dist');
/** The fixture's validation warnings, which every build prints before its own summary. */
let WARNINGS = '';
beforeEach(() => {
  const validated = runCli(['validate'], { cwd: project.dir });
  expect(validated.status).toBe(0);
  WARNINGS = validated.stderr.replace(/✓ .*\n$/, '');
});

/** Every file with its bytes and modification time: what "writes nothing" must leave as it was. */
function snapshot(dir: string) {
  return listFiles(dir).map((f) => ({ f, bytes: readFileSync(path.join(dir, f)), mtime: statSync(path.join(dir, f)).mtimeMs }));
}

describe('advisory build --check', () => {
  it('exits 0 and says so when the folder is what a build writes', () => {
    expect(runCli(['build'], { cwd: project.dir }).status).toBe(0);
    const before = snapshot(dist());
    const result = runCli(['build', '--check'], { cwd: project.dir });
    expect(result).toEqual({ status: 0, stdout: '', stderr: `${WARNINGS}dist/ is up to date (${before.length} files)\n` });
    expect(snapshot(dist())).toEqual(before);
  });

  it('exits 1 listing every file as added when there is no output folder, and creates none', () => {
    const result = runCli(['build', '--check', '--out', 'public'], { cwd: project.dir });
    expect(result.status).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toContain('added   public/cap/ml.xml');
    expect(lines).toContain('added   public/fr/feed.atom');
    expect(lines).toContain('added   public/manifest.json');
    expect(lines.every((l) => l.startsWith('added   public/'))).toBe(true);
    expect(result.stderr).toBe(`${WARNINGS}${lines.length} files in public/ are not what \`advisory build\` would write. Run \`advisory build\` to update them.\n`);
    expect(existsSync(path.join(project.dir, 'public'))).toBe(false);
    expect(listFiles(project.dir).some((f) => f.includes('.advisory-staging-'))).toBe(false);
  });

  it('lists files that would be changed, added and removed, and leaves the folder as it was', () => {
    expect(runCli(['build'], { cwd: project.dir }).status).toBe(0);
    appendFileSync(path.join(dist(), 'jp.txt'), 'edited by hand\n');
    rmSync(path.join(dist(), 'fr/feed.json'));
    // A file an earlier build wrote (its manifest lists it) that this one would not: a withdrawn bulletin.
    writeFileSync(path.join(dist(), 'stale.html'), '<p>old</p>\n');
    const manifest = JSON.parse(readFileSync(path.join(dist(), 'manifest.json'), 'utf8'));
    manifest.files.push({ path: 'stale.html', size: 11, sha256: '0'.repeat(64) });
    writeFileSync(path.join(dist(), 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const before = snapshot(dist());
    const result = runCli(['build', '--check'], { cwd: project.dir });
    expect(result).toEqual({
      status: 1,
      stdout: 'added   dist/fr/feed.json\nchanged dist/jp.txt\nchanged dist/manifest.json\nremoved dist/stale.html\n',
      stderr: `${WARNINGS}4 files in dist/ are not what \`advisory build\` would write. Run \`advisory build\` to update them.\n`,
    });
    expect(snapshot(dist())).toEqual(before);
  });

  it('refuses, with exit 2 as build does, a folder holding a file advisory did not write, instead of listing it as one to remove', () => {
    expect(runCli(['build'], { cwd: project.dir }).status).toBe(0);
    writeFileSync(path.join(dist(), 'CNAME'), 'travel.example.org\n');
    const before = snapshot(dist());
    const why = 'it holds files advisory did not write (CNAME)';
    const remedy = 'move them out of it, or choose another folder';
    const checked = runCli(['build', '--check'], { cwd: project.dir });
    expect(checked).toEqual({ status: 2, stdout: '', stderr: `error: refusing to check --out dist/: ${why}, so \`advisory build\` would refuse to replace it; ${remedy}\n` });
    const built = runCli(['build'], { cwd: project.dir });
    expect(built).toEqual({ status: 2, stdout: '', stderr: `error: refusing to write to --out dist/: ${why}, which a build would delete; ${remedy}\n` });
    expect(snapshot(dist())).toEqual(before);
  });

  it('sees an edited advisory in its bulletins, feeds, alert, open data and manifest', () => {
    expect(runCli(['build'], { cwd: project.dir }).status).toBe(0);
    const file = path.join(project.dir, 'advisories/jp.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('level: 1', 'level: 2'));
    const result = runCli(['build', '--check'], { cwd: project.dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      [
        'advisories.json',
        'cap/jp.xml',
        'feed.atom',
        'feed.json',
        'fr/feed.atom',
        'fr/feed.json',
        'fr/index.html',
        'fr/index.md',
        'fr/index.txt',
        'fr/jp.html',
        'fr/jp.md',
        'fr/jp.txt',
        'index.html',
        'index.md',
        'index.txt',
        'jp.html',
        'jp.md',
        'jp.txt',
        'manifest.json',
      ]
        .map((f) => `changed dist/${f}\n`)
        .join(''),
    );
  });

  it('exits 1 with the problems and no list when an advisory is invalid', () => {
    writeFileSync(path.join(project.dir, 'advisories/jp.yaml'), 'country: Japan\ncode: JP\nlevel: 7\n');
    const result = runCli(['build', '--check'], { cwd: project.dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('advisories/jp.yaml:3:8  error  level must be');
    expect(result.stderr).toContain('Nothing was written');
  });

  it('refuses, with exit 2, to compare a folder that is not its own output', () => {
    writeFileSync(path.join(project.dir, 'notes.txt'), 'x');
    const result = runCli(['build', '--check', '--out', '.'], { cwd: project.dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('error: refusing to check --out <tmp>/: it holds the current project folder');
  });
});
