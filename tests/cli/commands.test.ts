/**
 * Every command end to end through the real binary: exit code, stdout and
 * stderr exactly as an officer or a CI job sees them (NO_COLOR=1).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { startCli } from '../helpers/long-running.js';
import { FIXTURES, ROOT, runCli, tempProject } from '../helpers/run-cli.js';
import { snapshotTree } from '../helpers/tree-snapshot.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function project(seed = path.join(FIXTURES, 'golden')): string {
  const p = tempProject(seed);
  cleanups.push(p.cleanup);
  return p.dir;
}

function brokenProject(): string {
  const dir = project();
  writeFileSync(path.join(dir, 'advisories/sn.yaml'), readFileSync(path.join(FIXTURES, 'broken/advisories/sn.yaml')));
  writeFileSync(path.join(dir, 'advisories/ml.yaml'), readFileSync(path.join(FIXTURES, 'broken/advisories/ml.yaml')));
  return dir;
}

const BROKEN_REPORT = [
  'advisories/ml.yaml:3:8  error  level must be an integer from 1 to 4, found "four"',
  'advisories/ml.yaml:5:10  error  updated must be a date as YYYY-MM-DD, e.g. 2025-07-02, or a date and time with its offset from UTC, e.g. 2025-07-02T14:30Z, found "2025-02-30": 2025-02-30 is not a real date: month 2 of 2025 has 28 days',
  'advisories/ml.yaml:11:5  error  unknown field "phnoe" in contacts[0]; did you mean "phone"? (expected one of: name, phone, email, url, address, hours, emergency)',
  'advisories/sn.yaml:6:10  error  YAML syntax error: the double quote opened here is never closed; close it at the end of the value',
  '4 errors',
].join('\n');

describe('advisory --help', () => {
  it('lists every command', () => {
    const result = runCli(['--help'], { cwd: ROOT });
    expect(result.status).toBe(0);
    for (const command of ['build', 'validate', 'list', 'show', 'new', 'schema']) expect(result.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it.each(['build', 'validate', 'list', 'show', 'new', 'schema'])('has help for %s', (command) => {
    const result = runCli([command, '--help'], { cwd: ROOT });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: advisory ${command}`));
  });

  it.each(['build', 'validate', 'list', 'diff', 'serve'])('says in the help of %s that paths default to advisories/, not "[]"', (command) => {
    const { stdout } = runCli([command, '--help'], { cwd: ROOT });
    expect(stdout).toMatch(/^ {2}paths +advisory files or folders \(default: advisories\/\)$/m);
    expect(stdout).not.toContain('[]');
  });

  it('exits 2 on an unknown command or option, without a stack trace', () => {
    const unknown = runCli(['publish'], { cwd: ROOT });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("error: unknown command 'publish'");
    const option = runCli(['build', '--outt', 'x'], { cwd: ROOT });
    expect(option.status).toBe(2);
    expect(option.stderr).toContain("error: unknown option '--outt'");
    expect(option.stderr).not.toMatch(/\n\s+at /);
  });

  // Commander printed the version or the help as if the rest were not there, and exited 0: a mistyped script line passed unseen.
  it('exits 2 on an argument beside --version or --help, naming it, and prints neither', () => {
    const usage = (message: string) => ({ status: 2, stdout: '', stderr: `error: ${message}\n(run with --help for usage)\n` });
    const helpHint = (command: string) => `which takes no arguments here; for the help of a command, run \`advisory ${command} --help\``;
    expect(runCli(['--version', 'extra'], { cwd: ROOT })).toEqual(usage("unexpected argument 'extra' with --version, which takes no arguments"));
    expect(runCli(['extra', '-v'], { cwd: ROOT })).toEqual(usage("unexpected argument 'extra' with -v, which takes no arguments"));
    expect(runCli(['build', '--version'], { cwd: ROOT })).toEqual(usage("unexpected argument 'build' with --version, which takes no arguments"));
    expect(runCli(['--help', 'extra'], { cwd: ROOT })).toEqual(usage(`unexpected argument 'extra' with --help, ${helpHint('<command>')}`));
    expect(runCli(['extra', '-h'], { cwd: ROOT })).toEqual(usage(`unexpected argument 'extra' with -h, ${helpHint('<command>')}`));
    expect(runCli(['--help', 'build'], { cwd: ROOT })).toEqual(usage(`unexpected argument 'build' with --help, ${helpHint('build')}`));
    expect(runCli(['help', 'extra'], { cwd: ROOT })).toEqual(usage("unknown command 'extra'"));
    expect(runCli(['help', 'build', 'extra'], { cwd: ROOT })).toEqual(usage("unexpected argument 'extra' after `help build`, which takes one command at most"));
  });

  it('still answers --version, --help, help and a command\'s --help, whose paths are its own', () => {
    expect(runCli(['--version'], { cwd: ROOT })).toEqual({ status: 0, stdout: '0.1.0\n', stderr: '' });
    const help = runCli(['--help'], { cwd: ROOT });
    expect(help.status).toBe(0);
    expect(runCli(['help'], { cwd: ROOT })).toEqual(help);
    expect(runCli(['help', 'help'], { cwd: ROOT })).toEqual(help);
    const buildHelp = runCli(['build', '--help'], { cwd: ROOT });
    expect(buildHelp.stdout).toMatch(/^Usage: advisory build /);
    expect(runCli(['help', 'build'], { cwd: ROOT })).toEqual(buildHelp);
    expect(runCli(['build', '--help', 'advisories/ml.yaml'], { cwd: ROOT })).toEqual(buildHelp);
  });

  // A CI script passes --no-color (or --color) to every step alike; `schema --no-color` was an unknown option, exit 2.
  it('takes --no-color and --color with every command, and they decide the colour', () => {
    const dir = tempProject();
    onTestFinished(dir.cleanup);
    const schema = runCli(['schema'], { cwd: dir.dir });
    for (const flag of ['--no-color', '--color']) expect(runCli(['schema', flag], { cwd: dir.dir })).toEqual(schema);
    const notGit = 'not inside a git repository: advisory diff compares the working tree with a git revision, so run it in a clone of your advisories\n';
    expect(runCli(['diff', '--color'], { cwd: dir.dir })).toEqual({ status: 2, stdout: '', stderr: `\u001b[31merror\u001b[39m: ${notGit}` });
    expect(runCli(['diff', '--no-color'], { cwd: dir.dir, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } })).toEqual({ status: 2, stdout: '', stderr: `error: ${notGit}` });
    expect(runCli(['new', 'SN', '--color', '--today', '2026-12-03'], { cwd: dir.dir })).toEqual({ status: 0, stdout: '', stderr: 'Wrote advisories/sn.yaml: fill it in, then run `advisory validate`.\n' });
    expect(runCli(['new', 'SN', '--color'], { cwd: dir.dir })).toEqual({ status: 1, stdout: '', stderr: 'advisories/sn.yaml already exists; it was left as it is. Edit it, or remove it first.\n' });
    for (const command of ['build', 'validate', 'list', 'show', 'new', 'schema', 'diff', 'serve']) {
      const help = runCli([command, '--help'], { cwd: dir.dir }).stdout;
      expect(help).toContain('  --no-color ');
      expect(help).toContain('  --color ');
    }
  });
});

describe('advisory build', () => {
  it('writes every bulletin and the index, and says so in one line', () => {
    const dir = project();
    const result = runCli(['build'], { cwd: dir });
    expect(result).toEqual({
      status: 0,
      stdout: '',
      stderr:
        'advisories/ml.yaml:25:12  warning  Kayes Region is at level 4, the same as the whole country; drop the region or change its level\n1 warning\n' +
        'Built 9 bulletins for 3 advisories in <time> s -> dist/\n',
    });
    expect(readdirSync(path.join(dir, 'dist'), { recursive: true }).sort()).toEqual(
      ['fr', 'jp', 'ml']
        .flatMap((c) => [`${c}.html`, `${c}.md`, `${c}.txt`, `cap/${c}.xml`])
        .concat(['advisories.json', 'cap', 'feed.atom', 'feed.json', 'index.html', 'index.md', 'index.txt', 'manifest.json'])
        .sort(),
    );
  });

  it('honours --out and the formats of the config', () => {
    const dir = project();
    writeFileSync(path.join(dir, 'advisory.config.yaml'), 'formats: [txt]\n');
    const result = runCli(['build', '--out', 'public/bulletins'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('Built 3 bulletins for 3 advisories in <time> s -> public/bulletins/\n');
    expect(readdirSync(path.join(dir, 'public/bulletins')).filter((f) => f.endsWith('.txt') || f.endsWith('.html') || f.endsWith('.md')).sort()).toEqual(['fr.txt', 'index.txt', 'jp.txt', 'ml.txt']);
  });

  it('refuses --check with --watch as a usage error, exit 2, instead of checking in a loop', async () => {
    const dir = project();
    for (const args of [['--check', '--watch'], ['-w', '--check']]) {
      // Started, not run to the end: a build that loops must fail this test by its timeout, not hang it.
      const run = startCli(['build', ...args], dir);
      onTestFinished(() => void run.child.kill('SIGKILL'));
      expect(await run.exited).toEqual({ code: 2, signal: null });
      expect(run.stderr()).toBe("error: option '--check' cannot be used with option '-w, --watch'\n(run with --help for usage)\n");
    }
    expect(readdirSync(dir).sort()).toEqual(['advisories', 'advisory.config.yaml']);
  });

  it('reports every problem in every file, exits 1 and writes nothing', () => {
    const dir = brokenProject();
    const result = runCli(['build'], { cwd: dir });
    expect(result).toEqual({ status: 1, stdout: '', stderr: `${BROKEN_REPORT}\nNothing was written: fix the problems above, then run \`advisory build\` again.\n` });
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  it('leaves the previous output exactly as it was when a build fails', () => {
    const dir = project();
    expect(runCli(['build'], { cwd: dir }).status).toBe(0);
    const before = readFileSync(path.join(dir, 'dist/ml.html'));
    const manifest = readFileSync(path.join(dir, 'dist/manifest.json'));
    writeFileSync(path.join(dir, 'advisories/ml.yaml'), readFileSync(path.join(FIXTURES, 'broken/advisories/ml.yaml')));
    expect(runCli(['build'], { cwd: dir }).status).toBe(1);
    expect(readFileSync(path.join(dir, 'dist/ml.html'))).toEqual(before);
    expect(readFileSync(path.join(dir, 'dist/manifest.json'))).toEqual(manifest);
    expect(readdirSync(dir).filter((f) => f.startsWith('.dist'))).toEqual([]);
  });

  it('replaces its own previous output completely (a removed advisory disappears)', () => {
    const dir = project();
    expect(runCli(['build'], { cwd: dir }).status).toBe(0);
    expect(existsSync(path.join(dir, 'dist/jp.html'))).toBe(true);
    rmSync(path.join(dir, 'advisories/jp.yaml'));
    expect(runCli(['build'], { cwd: dir })).toMatchObject({ status: 0, stderr: expect.stringMatching(/\nnote: no longer published, as no advisory file has its code any more: JP\n$/) });
    expect(existsSync(path.join(dir, 'dist/jp.html'))).toBe(false);
    expect(readFileSync(path.join(dir, 'dist/index.txt'), 'utf8')).not.toContain('Japan');
  });

  it('refuses to take published advisories off the site when only some files are built', () => {
    const dir = project();
    expect(runCli(['build'], { cwd: dir }).status).toBe(0);
    const before = snapshotTree(path.join(dir, 'dist'));
    expect(runCli(['build', 'advisories/ml.yaml'], { cwd: dir })).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'advisories/ml.yaml:25:12  warning  Kayes Region is at level 4, the same as the whole country; drop the region or change its level\n1 warning\n' +
        'error: dist/ publishes 2 advisories (FR, JP) not among the paths given, and building only these would take them off dist/; build every advisory (`advisory build` with no paths), or build into another folder with --out. Nothing was published; dist/ is as it was.\n',
    });
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(before);
    expect(readdirSync(dir).filter((f) => f.startsWith('.dist'))).toEqual([]);
    expect(runCli(['build', 'advisories/ml.yaml', '--out', 'mali'], { cwd: dir }).status).toBe(0);
  });

  it('rejects an empty advisory file', () => {
    const dir = project();
    writeFileSync(path.join(dir, 'advisories/jp.yaml'), '');
    const result = runCli(['build'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('advisories/jp.yaml:1:1  error  file is empty; an advisory is a YAML mapping of fields\n');
  });

  it('exits 2 for a --config that cannot be read, saying why in words', () => {
    const dir = project();
    mkdirSync(path.join(dir, 'folder.yaml'));
    expect(runCli(['build', '--config', 'nope.yaml'], { cwd: dir })).toEqual({ status: 2, stdout: '', stderr: 'error: cannot read config nope.yaml: there is no such file (ENOENT)\n' });
    expect(runCli(['validate', '--config', 'folder.yaml'], { cwd: dir })).toEqual({ status: 2, stdout: '', stderr: 'error: cannot read config folder.yaml: it is a folder (EISDIR)\n' });
  });

  it('exits 2 for a path that does not exist', () => {
    const dir = project();
    const result = runCli(['build', 'advisries'], { cwd: dir });
    expect(result).toEqual({ status: 2, stdout: '', stderr: 'error: advisries: no such file or folder\n' });
  });

  it('exits 2 for an empty path, as an unset variable in a script gives, rather than reading the current folder', () => {
    const dir = project();
    const empty = { status: 2, stdout: '', stderr: 'error: an empty path was given (a variable left unset in a script?); name a file or folder of advisories, or give no path to read ./advisories\n' };
    expect(runCli(['validate', ''], { cwd: dir })).toEqual(empty);
    expect(runCli(['build', 'advisories', ''], { cwd: dir })).toEqual(empty);
  });

  it('exits 2 when there is no advisory at all', () => {
    const dir = project();
    mkdirSync(path.join(dir, 'empty'));
    const result = runCli(['build', 'empty'], { cwd: dir });
    expect(result).toEqual({ status: 2, stdout: '', stderr: 'error: no advisory files (*.yaml, *.yml) found in empty; create one with `advisory new <code>`\n' });
  });

  it('exits 2 for a bad config, naming file, line and column', () => {
    const dir = project();
    writeFileSync(path.join(dir, 'advisory.config.yaml'), 'issuer: Ministry of External Affairs\nscale: uk\nformats: [html, pdf]\n');
    const result = runCli(['build'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      [
        'advisory.config.yaml:2:8  error  scale must be one of us, au, ca, found "uk": did you mean "us"?',
        'advisory.config.yaml:3:17  error  formats[1] must be one of md, html, txt, found "pdf"',
        '2 errors',
        'error: invalid config advisory.config.yaml',
        '',
      ].join('\n'),
    );
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  it('accepts a custom scale of four named, coloured levels', () => {
    const dir = project();
    const scale = ['Normal', 'Caution', 'Reconsider', 'Leave'].map((name, i) => `  - { name: ${name}, color: "#00000${i}" }`).join('\n');
    writeFileSync(path.join(dir, 'advisory.config.yaml'), `scale:\n${scale}\n`);
    expect(runCli(['build'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(path.join(dir, 'dist/ml.txt'), 'utf8')).toContain('Level 4 of 4: Leave\n');
    expect(readFileSync(path.join(dir, 'dist/ml.html'), 'utf8')).toContain('style="--level: #000003"');
  });

  it('uses the au and ca scales', () => {
    const dir = project();
    writeFileSync(path.join(dir, 'advisory.config.yaml'), 'scale: ca\n');
    expect(runCli(['build'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(path.join(dir, 'dist/ml.txt'), 'utf8')).toContain('Level 4 of 4: Avoid all travel\n');
    writeFileSync(path.join(dir, 'advisory.config.yaml'), 'scale: au\n');
    expect(runCli(['build'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(path.join(dir, 'dist/jp.txt'), 'utf8')).toContain('Level 1 of 4: Exercise normal safety precautions\n');
  });

  it('exits 2 for a template with a syntax error, and writes nothing', () => {
    const dir = project();
    mkdirSync(path.join(dir, 'my-templates/html'), { recursive: true });
    writeFileSync(path.join(dir, 'my-templates/html/bulletin.hbs'), '<h1>{{title</h1>\n');
    const result = runCli(['build', '--templates', 'my-templates'], { cwd: dir });
    expect(result.status).toBe(2);
    // Templates are compiled before any advisory is read: a broken one stops the build at once.
    expect(result.stderr).toMatch(/^error: my-templates\/html\/bulletin\.hbs: template syntax error: Parse error on line 1: /);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  it('lets --templates override one template and keeps the others', () => {
    const dir = project();
    mkdirSync(path.join(dir, 'my-templates/txt'), { recursive: true });
    writeFileSync(path.join(dir, 'my-templates/txt/bulletin.hbs'), '{{code}}: {{level.of}}: {{level.name}}\n');
    expect(runCli(['build', '--templates', 'my-templates'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(path.join(dir, 'dist/ml.txt'), 'utf8')).toBe('ML: Level 4 of 4: Do Not Travel\n');
    expect(readFileSync(path.join(dir, 'dist/ml.md'), 'utf8')).toMatch(/^# Do not travel to Mali\n/);
  });

  it('exits 2 when a custom template names a field that does not exist', () => {
    const dir = project();
    mkdirSync(path.join(dir, 'my-templates/txt'), { recursive: true });
    writeFileSync(path.join(dir, 'my-templates/txt/bulletin.hbs'), '{{contry}}\n');
    const result = runCli(['build', '--templates', 'my-templates'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'error: my-templates/txt/bulletin.hbs:1:3: "contry" is not a field a template can use (rendering advisories/fr.yaml); check its spelling against the default templates\n',
    );
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  it('produces byte-identical output on every run', () => {
    const dir = project();
    expect(runCli(['build', '--out', 'a'], { cwd: dir }).status).toBe(0);
    expect(runCli(['build', '--out', 'b'], { cwd: dir }).status).toBe(0);
    const files = readdirSync(path.join(dir, 'a'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThan(12);
    for (const entry of files) {
      const file = path.relative(path.join(dir, 'a'), path.join(entry.parentPath, entry.name));
      expect(readFileSync(path.join(dir, 'b', file)), file).toEqual(readFileSync(path.join(dir, 'a', file)));
    }
  });
});

describe('advisory validate', () => {
  it('says the advisories are valid and exits 0 with warnings', () => {
    const result = runCli(['validate'], { cwd: project() });
    expect(result).toEqual({
      status: 0,
      stdout: '',
      stderr: 'advisories/ml.yaml:25:12  warning  Kayes Region is at level 4, the same as the whole country; drop the region or change its level\n1 warning\n✓ 3 advisories valid (1 warning)\n',
    });
  });

  it('reports one line per problem with file:line:column and exits 1', () => {
    const result = runCli(['validate'], { cwd: brokenProject() });
    expect(result).toEqual({ status: 1, stdout: '', stderr: `${BROKEN_REPORT}\nFix the problems above, then run \`advisory validate\` again.\n` });
  });

  it('validates a single file', () => {
    const result = runCli(['validate', 'advisories/jp.yaml'], { cwd: project() });
    expect(result).toEqual({ status: 0, stdout: '', stderr: '✓ 1 advisory valid\n' });
  });

  it('prints JSON on stdout with --json', () => {
    const result = runCli(['validate', '--json'], { cwd: brokenProject() });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ files: 4, errors: 4, warnings: 0 });
    expect(report.diagnostics[0]).toEqual({
      severity: 'error',
      file: 'advisories/ml.yaml',
      line: 3,
      col: 8,
      field: 'level',
      message: 'level must be an integer from 1 to 4, found "four"',
      rule: 'type',
    });
  });

  it('rejects a second advisory for the same country, naming both files', () => {
    const dir = project();
    writeFileSync(path.join(dir, 'advisories/zz-japan-copy.yaml'), readFileSync(path.join(dir, 'advisories/jp.yaml')));
    const result = runCli(['validate'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('advisories/zz-japan-copy.yaml:2:7  error  code JP is already used by advisories/jp.yaml; each country has one advisory file\n');
  });

  it('names characters pasted from a word processor that YAML or the format cannot take, with where they are', () => {
    const dir = project();
    const edit = (file: string, edits: Array<[string, string]>) => {
      const at = path.join(dir, 'advisories', file);
      writeFileSync(at, edits.reduce((text, [from, to]) => text.replace(from, to), readFileSync(at, 'utf8')));
    };
    edit('ml.yaml', [['  - Avoid all', '  -\u00a0Avoid all']]);
    edit('jp.yaml', [
      ['code: JP', 'code: JP\u200b'],
      ['level: 1', 'level: "1"'],
      ['updated: 2026-04-01', 'updated: 2026\u201104\u201101'],
      ['  - Follow warnings', '  - \u201cImportant: follow warnings'],
      ['local media.', 'local media.\u201d'],
    ]);
    const result = runCli(['validate'], { cwd: dir });
    expect(result).toEqual({
      status: 1,
      stdout: '',
      stderr: [
        'advisories/jp.yaml:2:7  error  code must be a two-letter ISO 3166-1 code in capitals, e.g. ML, found "JP\u200b" (it holds an invisible U+200B ZERO WIDTH SPACE after "JP"; delete it)',
        'advisories/jp.yaml:3:8  error  level must be an integer from 1 to 4, found "1": in quotes, so it is text; write it without quotes: level: 1',
        'advisories/jp.yaml:5:10  error  updated must be a date as YYYY-MM-DD, e.g. 2025-07-02, or a date and time with its offset from UTC, e.g. 2025-07-02T14:30Z, found "2026\u201104\u201101" (its dashes are U+2011 NON-BREAKING HYPHEN; type them as -)',
        'advisories/jp.yaml:12:5  error  guidance[1] must be Markdown text (one paragraph), found a mapping: text with ": " in it reads as "key: value", and curly quotes \u201c \u201d are not YAML quotes; use straight quotes "\u2026"',
        'advisories/ml.yaml:19:4  error  YAML syntax error: a no-break space (U+00A0) between the dash and "Avoid all non-essential movement, esp..."; YAML needs an ordinary space there: retype it',
        '5 errors',
        'Fix the problems above, then run `advisory validate` again.',
        '',
      ].join('\n'),
    });
  });

  it('fails on warnings with --strict', () => {
    const result = runCli(['validate', '--strict'], { cwd: project() });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('advisories/ml.yaml:25:12  error  Kayes Region is at level 4');
  });
});

describe('advisory list', () => {
  it('prints one aligned line per advisory, most severe first', () => {
    const result = runCli(['list'], { cwd: project() });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        '4 Do Not Travel                ML  Mali    2025-07-02  Do not travel to Mali',
        '2 Exercise Increased Caution   FR  France  2026-06-12  Exercise increased caution in France',
        '1 Exercise Normal Precautions  JP  Japan   2026-04-01  Exercise Normal Precautions: Japan',
        '',
      ].join('\n'),
    );
  });

  it('lines the titles up when an updated carries a time of day', () => {
    const dir = project();
    const file = path.join(dir, 'advisories', 'fr.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^updated: 2026-06-12$/m, 'updated: 2026-06-12T17:30+03:00'));
    const result = runCli(['list'], { cwd: dir });
    expect(result.stdout).toBe(
      [
        '4 Do Not Travel                ML  Mali    2025-07-02              Do not travel to Mali',
        '2 Exercise Increased Caution   FR  France  2026-06-12T17:30+03:00  Exercise increased caution in France',
        '1 Exercise Normal Precautions  JP  Japan   2026-04-01              Exercise Normal Precautions: Japan',
        '',
      ].join('\n'),
    );
  });

  it('colours the levels on request and never with NO_COLOR or --no-color', () => {
    const dir = project();
    const forced = runCli(['list', '--color'], { cwd: dir });
    expect(forced.stdout).toContain('\u001b[31m\u001b[1m4 Do Not Travel');
    expect(runCli(['list'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: undefined } }).stdout).toContain('\u001b[');
    expect(runCli(['list'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
    expect(runCli(['list', '--no-color'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: undefined } }).stdout).not.toContain('\u001b[');
  });

  it('prints JSON with --json', () => {
    const result = runCli(['list', '--json'], { cwd: project() });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)[0]).toEqual({
      level: 4,
      level_name: 'Do Not Travel',
      code: 'ML',
      country: 'Mali',
      updated: '2025-07-02',
      title: 'Do not travel to Mali',
      file: 'advisories/ml.yaml',
      valid: true,
      errors: [],
    });
  });

  it('lists the valid advisories, then each file with errors with what it says of its country, and exits 1', () => {
    const result = runCli(['list'], { cwd: brokenProject() });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      [
        '2 Exercise Increased Caution   FR  France  2026-06-12  Exercise increased caution in France',
        '1 Exercise Normal Precautions  JP  Japan   2026-04-01  Exercise Normal Precautions: Japan',
        // Its code and country read from the file; its level is the mistake, so it is not shown.
        '? Level unknown                ML  Mali    advisories/ml.yaml has 3 errors',
        // Not YAML at all: nothing can be read of it.
        '? Level unknown                ??  ?       advisories/sn.yaml has 1 error',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe(`${BROKEN_REPORT}\n`);
  });

  it('includes each file with errors in --json, with valid: false and its errors, so that no country drops out of the list', () => {
    const result = runCli(['list', '--json'], { cwd: brokenProject() });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`${BROKEN_REPORT}\n`);
    const rows = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.file, r.code, r.level, r.valid])).toEqual([
      ['advisories/fr.yaml', 'FR', 2, true],
      ['advisories/jp.yaml', 'JP', 1, true],
      ['advisories/ml.yaml', 'ML', null, false],
      ['advisories/sn.yaml', null, null, false],
    ]);
    const error = (line: number, col: number, field: string, message: string, rule: string) => ({ severity: 'error', file: 'advisories/ml.yaml', line, col, field, message, rule });
    expect(rows[2]).toEqual({
      level: null,
      level_name: null,
      code: 'ML',
      country: 'Mali',
      updated: null,
      title: null,
      file: 'advisories/ml.yaml',
      valid: false,
      errors: [
        error(3, 8, 'level', 'level must be an integer from 1 to 4, found "four"', 'type'),
        error(5, 10, 'updated', 'updated must be a date as YYYY-MM-DD, e.g. 2025-07-02, or a date and time with its offset from UTC, e.g. 2025-07-02T14:30Z, found "2025-02-30": 2025-02-30 is not a real date: month 2 of 2025 has 28 days', 'value'),
        error(11, 5, 'contacts[0].phnoe', 'unknown field "phnoe" in contacts[0]; did you mean "phone"? (expected one of: name, phone, email, url, address, hours, emergency)', 'unknown-field'),
      ],
    });
    expect(rows[3]).toEqual({
      level: null,
      level_name: null,
      code: null,
      country: null,
      updated: null,
      title: null,
      file: 'advisories/sn.yaml',
      valid: false,
      errors: [{ severity: 'error', file: 'advisories/sn.yaml', line: 6, col: 10, field: '', message: 'YAML syntax error: the double quote opened here is never closed; close it at the end of the value', rule: 'yaml' }],
    });
  });

  it('lists a second file for a country, and one refused by --strict, as files with errors, named by their advisory', () => {
    const dir = project();
    writeFileSync(path.join(dir, 'advisories/zz-japan-copy.yaml'), readFileSync(path.join(dir, 'advisories/jp.yaml')));
    const result = runCli(['list', '--strict'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      [
        '2 Exercise Increased Caution   FR  France  2026-06-12  Exercise increased caution in France',
        '1 Exercise Normal Precautions  JP  Japan   2026-04-01  Exercise Normal Precautions: Japan',
        '? Level unknown                ML  Mali    advisories/ml.yaml has 1 error',
        '? Level unknown                JP  Japan   advisories/zz-japan-copy.yaml has 1 error',
        '',
      ].join('\n'),
    );
  });
});

describe('advisory show', () => {
  it('renders one advisory by code as plain text', () => {
    const dir = project();
    const result = runCli(['show', 'jp'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(readFileSync(path.join(ROOT, 'tests/golden/en/jp.txt'), 'utf8'));
  });

  it('renders a file in the format asked for', () => {
    const result = runCli(['show', 'advisories/ml.yaml', '--format', 'md'], { cwd: project() });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(readFileSync(path.join(ROOT, 'tests/golden/en/ml.md'), 'utf8'));
  });

  it('offers what was meant for a file outside advisories/, a name or alpha-3 code, and a language in another form, exit 2', () => {
    const dir = project();
    const usage = (stderr: string) => ({ status: 2, stdout: '', stderr: `error: ${stderr}\n` });
    expect(runCli(['show', 'ml.yaml'], { cwd: dir })).toEqual(usage('ml.yaml: no such file; did you mean `advisory show advisories/ml.yaml`?'));
    expect(runCli(['show', 'Mali'], { cwd: dir })).toEqual(usage('"Mali" is neither an advisory file nor a two-letter country code such as ML; did you mean `advisory show ML`?'));
    expect(runCli(['show', 'JPN'], { cwd: dir })).toEqual(usage('"JPN" is neither an advisory file nor a two-letter country code such as ML; did you mean `advisory show JP`?'));
    expect(runCli(['show', 'JP', '--lang', 'EN'], { cwd: dir })).toEqual(usage('--lang EN is not one of the configured languages (en); did you mean --lang en?'));
    expect(runCli(['show', 'nope.yaml'], { cwd: dir })).toEqual(usage('nope.yaml: no such file or folder'));
  });

  it('exits 1 for a code with no advisory', () => {
    expect(runCli(['show', 'SN'], { cwd: project() })).toEqual({ status: 1, stdout: '', stderr: 'error: no advisory with code SN in advisories/\n' });
    expect(runCli(['show', 'UK'], { cwd: project() })).toEqual({ status: 1, stdout: '', stderr: 'error: no advisory with code UK in advisories/ (GB is the ISO code of the United Kingdom)\n' });
  });

  it('exits 1 for a code with two advisory files, as build refuses them, and shows the other code as usual', () => {
    const dir = project();
    writeFileSync(path.join(dir, 'advisories/ml2.yaml'), readFileSync(path.join(dir, 'advisories/ml.yaml')));
    const result = runCli(['show', 'ML'], { cwd: dir });
    expect(result).toMatchObject({ status: 1, stdout: '' });
    expect(result.stderr).toContain('advisories/ml2.yaml:2:7  error  code ML is already used by advisories/ml.yaml; each country has one advisory file\n');
    expect(result.stderr.endsWith('error: ML has more than one advisory file; keep one, then show it\n')).toBe(true);
    expect(runCli(['show', 'JP'], { cwd: dir }).status).toBe(0);
  });

  it('exits 1 when a second file with errors claims the code: it may be the one being edited', () => {
    const dir = project();
    // A copy whose level is being changed, half done: the valid one would be previewed in its place.
    writeFileSync(path.join(dir, 'advisories/ml2.yaml'), readFileSync(path.join(dir, 'advisories/ml.yaml'), 'utf8').replace(/^level: 4$/m, 'level: five'));
    const result = runCli(['show', 'ML'], { cwd: dir });
    expect(result).toMatchObject({ status: 1, stdout: '' });
    expect(result.stderr).toContain('advisories/ml2.yaml:3:8  error  level must be an integer from 1 to 4, found "five"\n');
    expect(result.stderr.endsWith('error: ML is also claimed by advisories/ml2.yaml, which has errors; fix it or remove it, then show ML\n')).toBe(true);
    expect(runCli(['show', 'JP'], { cwd: dir }).status).toBe(0);
  });

  it('exits 1 for an invalid advisory, with its problems', () => {
    const result = runCli(['show', 'advisories/ml.yaml'], { cwd: brokenProject() });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('advisories/ml.yaml:3:8  error  level must be an integer from 1 to 4, found "four"');
  });

  it('exits 2 for an unknown format', () => {
    expect(runCli(['show', 'ML', '--format', 'pdf'], { cwd: project() })).toEqual({ status: 2, stdout: '', stderr: 'error: --format must be one of md, html, txt, found "pdf"\n' });
  });
});

describe('advisory new', () => {
  it('writes a starter that decides nothing for the officer: validation names what is left, build refuses it, and it passes once filled in', () => {
    const dir = project();
    const result = runCli(['new', 'sn'], { cwd: dir });
    expect(result).toEqual({ status: 0, stdout: '', stderr: 'Wrote advisories/sn.yaml: fill it in, then run `advisory validate`.\n' });
    const text = readFileSync(path.join(dir, 'advisories/sn.yaml'), 'utf8');
    expect(text).toContain('country: "Senegal"\ncode: SN\nlevel:                   # choose: 1 Exercise Normal Precautions,');
    // SOURCE_DATE_EPOCH (set by runCli) is 2026-11-28.
    expect(text).toContain(
      'issued: 2026-11-28\n# Changed again on the day of updated? Give updated the time, in UTC or with your offset: 2026-11-28T14:30Z, 2026-11-28T17:30+03:00\nupdated: 2026-11-28\nreview_by: 2027-02-26\n',
    );
    const unfilled = [
      'advisories/sn.yaml:5:26  error  level must be an integer from 1 to 4, found nothing',
      'advisories/sn.yaml:12:3  error  summary still has the starter\'s "FILL IN:" prompt; write the advice in its place',
      'advisories/sn.yaml:14:6  error  guidance[0] still has the starter\'s "FILL IN:" prompt; write the advice in its place',
    ].join('\n');
    expect(runCli(['validate', 'advisories/sn.yaml'], { cwd: dir })).toEqual({
      status: 1,
      stdout: '',
      stderr: `${unfilled}\n3 errors\nFix the problems above, then run \`advisory validate\` again.\n`,
    });
    const build = runCli(['build'], { cwd: dir });
    expect(build.status).toBe(1);
    expect(build.stderr).toContain(unfilled);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);

    const filled = text
      .replace(/^level: .*$/m, 'level: 1')
      .replace(/FILL IN: what is happening.*$/m, 'Exercise normal precautions in Senegal.')
      .replace(/"FILL IN: one thing.*"$/m, 'Follow the advice of local authorities.');
    writeFileSync(path.join(dir, 'advisories/sn.yaml'), filled);
    expect(runCli(['validate', 'advisories/sn.yaml'], { cwd: dir })).toEqual({ status: 0, stdout: '', stderr: '✓ 1 advisory valid\n' });
  });

  it('never overwrites: exits 1 and leaves the file as it was', () => {
    const dir = project();
    const before = readFileSync(path.join(dir, 'advisories/ml.yaml'));
    expect(runCli(['new', 'ML'], { cwd: dir })).toEqual({ status: 1, stdout: '', stderr: 'advisories/ml.yaml already exists; it was left as it is. Edit it, or remove it first.\n' });
    expect(readFileSync(path.join(dir, 'advisories/ml.yaml'))).toEqual(before);
  });

  it('will not write a second file for a country that has one under another name', () => {
    const dir = project();
    writeFileSync(path.join(dir, 'advisories/mali.yaml'), readFileSync(path.join(dir, 'advisories/ml.yaml')));
    rmSync(path.join(dir, 'advisories/ml.yaml'));
    expect(runCli(['new', 'ml'], { cwd: dir })).toEqual({
      status: 1,
      stdout: '',
      stderr: 'advisories/mali.yaml is already the advisory for ML; edit it instead (a second file for one country would fail validation).\n',
    });
    expect(existsSync(path.join(dir, 'advisories/ml.yaml'))).toBe(false);
  });

  it('exits 2, with no "internal error", when --dir is a file', () => {
    const dir = project();
    expect(runCli(['new', 'SN', '--dir', 'advisories/ml.yaml'], { cwd: dir })).toEqual({
      status: 2,
      stdout: '',
      stderr: 'error: --dir advisories/ml.yaml is a file, or inside one; give the folder to write the advisory in\n',
    });
    expect(existsSync(path.join(dir, 'advisories/ml.yaml/sn.yaml'))).toBe(false);
  });

  it('exits 2 for a --dir or a code with invisible characters, shown escaped, and makes no folder', () => {
    const dir = project();
    expect(runCli(['new', 'SN', '--dir', 'advisories/\u001b[2Jsenegal'], { cwd: dir })).toEqual({
      status: 2,
      stdout: '',
      stderr: 'error: --dir advisories/\\u001B[2Jsenegal has invisible characters (U+001B), and advisories in it would be refused; give a folder name with visible characters only\n',
    });
    expect(readdirSync(path.join(dir, 'advisories')).some((name) => name.includes('senegal'))).toBe(false);
    expect(runCli(['new', 'S\nN'], { cwd: dir })).toEqual({ status: 2, stdout: '', stderr: 'error: "S\\nN" is not a two-letter code; give an ISO 3166-1 alpha-2 code such as ML\n' });
  });

  it('exits 2 for a code that is not ISO 3166-1', () => {
    expect(runCli(['new', 'XX'], { cwd: project() })).toEqual({ status: 2, stdout: '', stderr: 'error: XX is not an ISO 3166-1 country code; give an ISO 3166-1 alpha-2 code such as ML\n' });
  });

  it('offers the two-letter code for an alpha-3 code or an English country name, and writes nothing', () => {
    const dir = project();
    const before = readdirSync(path.join(dir, 'advisories')).sort();
    for (const [written, meant] of [['SEN', 'SN'], ['sen', 'SN'], ['Senegal', 'SN'], ["Côte d'Ivoire", 'CI']]) {
      expect(runCli(['new', written!], { cwd: dir })).toEqual({
        status: 2,
        stdout: '',
        stderr: `error: "${written}" is not a two-letter code; did you mean \`advisory new ${meant}\`? give an ISO 3166-1 alpha-2 code such as ML\n`,
      });
    }
    expect(runCli(['new', 'Narnia'], { cwd: dir }).stderr).toBe('error: "Narnia" is not a two-letter code; give an ISO 3166-1 alpha-2 code such as ML\n');
    expect(readdirSync(path.join(dir, 'advisories')).sort()).toEqual(before);
  });
});

describe('advisory schema', () => {
  it('prints the JSON Schema of the format on stdout', () => {
    const result = runCli(['schema'], { cwd: ROOT });
    expect(result.status).toBe(0);
    const schema = JSON.parse(result.stdout);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(['country', 'code', 'level', 'issued', 'updated', 'summary', 'guidance']);
    expect(schema.properties.level).toEqual({ description: 'Risk level, 1 (lowest) to 4 (highest), on the configured scale', type: 'integer', minimum: 1, maximum: 4 });
    expect(schema.properties.risks.items.enum).toContain('wrongful-detention');
    expect(schema.additionalProperties).toBe(false);
  });
});
