/** `advisory diff` through the real binary, against real git repositories in temporary folders. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempProject } from '../helpers/run-cli.js';

let project: { dir: string; cleanup: () => void };
type ChangeJson = { changes: unknown[]; invalid: unknown; unmatched: unknown };
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Officer', '-c', 'user.email=officer@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: project.dir, encoding: 'utf8' });
const file = (name: string) => path.join(project.dir, 'advisories', name);
const edit = (name: string, change: (text: string) => string) => writeFileSync(file(name), change(readFileSync(file(name), 'utf8')));

beforeEach(() => {
  project = tempProject(path.join(FIXTURES, 'publish'));
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'advisories as published');
});
afterEach(() => project.cleanup());

describe('advisory diff', () => {
  it('says there is nothing to report when the working tree matches HEAD', () => {
    expect(runCli(['diff'], { cwd: project.dir })).toEqual({
      status: 0,
      stdout: '## Travel advisory changes since `HEAD`\n\nNo changes to the meaning of any advisory.\n',
      stderr: '',
    });
  });

  it('prints what changed in meaning as Markdown for a pull-request comment', () => {
    edit('lb.yaml', (t) =>
      t
        .replace('level: 3\n', 'level: 4\n')
        .replace('updated: 2026-10-05', 'updated: 2026-11-01')
        .replace('    code: LB-NA\n    level: 4', '    code: LB-NA\n    level: 3')
        .replace('  - Have a plan to leave the country at short notice, as flights and roads can be disrupted.\n', '  - Leave Lebanon while commercial flights are available.\n')
        .replace('    phone: "+961 0 000 000"', '    phone: "+961 1 111 111"')
        .replace('updates:\n', 'updates:\n  - date: 2026-11-01\n    summary: Raised to Level 4 (Do Not Travel).\n'),
    );
    edit('tt.yaml', (t) => t.replace('  - name: Tobago\n    code: TT-TOB\n    level: 1\n', '  - name: Tobago\n    code: TT-TOB\n    level: 1\n  - name: Port of Spain\n    code: TT-POS\n    level: 3\n'));
    // A renamed file is the same advisory.
    renameSync(file('ml.yaml'), file('mali.yaml'));
    rmSync(file('jp.yaml'));
    const result = runCli(['diff'], { cwd: project.dir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        '## Travel advisory changes since `HEAD`',
        '',
        '3 advisories: 2 changed, 1 removed.',
        '',
        '### Japan (JP)',
        '',
        '- **Advisory removed** (was at level 1 (Exercise Normal Precautions))',
        '',
        '### Lebanon (LB)',
        '',
        '- **Level raised** from level 3 (Reconsider Travel) to level 4 (Do Not Travel)',
        '- Update date changed from “2026-10-05” to “2026-11-01”',
        '- Region lowered: Nabatieh Governorate (LB-NA) from level 4 (Do Not Travel) to level 3 (Reconsider Travel)',
        '- Guidance added: Leave Lebanon while commercial flights are available.',
        '- Guidance removed: Have a plan to leave the country at short notice, as flights and roads can be disrupted.',
        '- Contact changed: Embassy of India, Beirut (phone from `+961 0 000 000` to `+961 1 111 111`)',
        '- New update, 2026-11-01: Raised to Level 4 (Do Not Travel).',
        "- **Translation not updated:** ar (guidance, updates) kept its text while the original changed; translated items without for: go with the original's by position, so check that each still matches",
        '',
        '### Trinidad & Tobago (TT)',
        '',
        '- Region added: Port of Spain (TT-POS) at level 3 (Reconsider Travel)',
        '',
      ].join('\n'),
    );
  });

  it('compares with the revision given by --since, and prints JSON with --json', () => {
    edit('jp.yaml', (t) => t.replace('level: 1', 'level: 2'));
    git('commit', '-q', '-am', 'raise Japan');
    const sinceHead = JSON.parse(runCli(['diff', '--json'], { cwd: project.dir }).stdout) as { changes: unknown[] };
    expect(sinceHead.changes).toEqual([]);
    const result = runCli(['diff', '--since', 'HEAD~1', '--json'], { cwd: project.dir });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      since: 'HEAD~1',
      changes: [{ code: 'JP', status: 'changed', level: { from: { level: 1, name: 'Exercise Normal Precautions' }, to: { level: 2, name: 'Exercise Increased Caution' } } }],
      invalid: { before: [], after: [] },
    });
  });

  it('works from a subfolder of the repository and with paths', () => {
    mkdirSync(path.join(project.dir, 'site'));
    for (const name of ['advisories', 'advisory.config.yaml', 'templates']) renameSync(path.join(project.dir, name), path.join(project.dir, 'site', name));
    git('add', '-A');
    git('commit', '-q', '-m', 'move into site/');
    writeFileSync(path.join(project.dir, 'site/advisories/jp.yaml'), readFileSync(path.join(project.dir, 'site/advisories/jp.yaml'), 'utf8').replace('level: 1', 'level: 3'));
    const result = runCli(['diff', 'advisories/jp.yaml'], { cwd: path.join(project.dir, 'site') });
    expect(result.stdout).toContain('### Japan (JP)\n\n- **Level raised** from level 1 (Exercise Normal Precautions) to level 3 (Reconsider Travel)\n');
    expect(result.stdout).toContain('1 advisory: 1 changed.');
  });

  it('names files with errors, leaves them out, and exits 1 when the working tree has them', () => {
    writeFileSync(file('jp.yaml'), 'country: Japan\ncode: JP\nlevel: 9\n');
    const result = runCli(['diff'], { cwd: project.dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('> **Not compared**, because this file has errors in the working tree: `advisories/jp.yaml`. Run `advisory validate` to see them.\n');
    // Broken is not removed: the advisory is left out on both sides.
    expect(result.stdout).toContain('No changes to the meaning of the advisories compared; the files below were not compared.');
    expect(result.stdout).not.toContain('Advisory removed');
  });

  it('shows a contact\'s changed e-mail and web address in full, in code, so that a look-alike swap can be seen', () => {
    edit('ml.yaml', (t) => t.replace('    email: consular.bamako@example.org\n', '').replace('https://example.org/travel/contacts/bamako', 'https://exampIe.org/travel/contacts/bamako'));
    const result = runCli(['diff'], { cwd: project.dir });
    expect(result.stdout.split('\n').filter((line) => line.startsWith('- Contact'))).toEqual([
      '- Contact changed: Embassy of India, Bamako (email from `consular.bamako@example.org` to none, url from `https://example.org/travel/contacts/bamako` to `https://exampIe.org/travel/contacts/bamako`)',
    ]);
  });

  it('reports a region renamed and its note changed, with the old note', () => {
    edit('lb.yaml', (t) => t.replace('  - name: South Governorate\n', '  - name: Southern Lebanon\n').replace('particularly near the border with Israel.\n', 'now calm and safe to visit.\n'));
    expect(runCli(['diff'], { cwd: project.dir })).toEqual({
      status: 0,
      stdout: [
        '## Travel advisory changes since `HEAD`',
        '',
        '1 advisory: 1 changed.',
        '',
        '### Lebanon (LB)',
        '',
        '- Region renamed: South Governorate (LB-JA) to “Southern Lebanon”',
        '- Region note changed: Southern Lebanon (LB-JA), from “Risk of armed conflict and cross-border hostilities, particularly near the border with Israel.” to “Risk of armed conflict and cross-border hostilities, now calm and safe to visit.”',
        "- **Translation not updated:** ar (regions) kept its text while the original changed; translated items without for: go with the original's by position, so check that each still matches",
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('reports guidance reordered or repeated, updates deleted or edited, the name and dates, and not a translation laid out anew', () => {
    const [first, second, third] = ['Find out the earthquake', 'Follow warnings', 'Check weather'].map((start) => readFileSync(file('jp.yaml'), 'utf8').split('\n').find((l) => l.includes(start))!);
    edit('jp.yaml', (t) => t.replace('country: Japan', 'country: Nippon').replace('updated: 2026-04-01', 'updated: 2026-04-02\nreview_by: 2026-10-01').replace(`${first}\n${second}\n${third}`, `${second}\n${first}\n${third}\n${third}`));
    edit('tt.yaml', (t) => t.replace('  - date: 2026-01-05\n    summary: Issued at Level 2.\n', '').replace('the <hurricane> season', 'the hurricane season'));
    // Key order in YAML means nothing: the same translation, laid out anew.
    edit('lb.yaml', (t) => t.replace(/ {2}ar:\n( {4}updated: .*\n)( {4}title: .*\n)/, '  ar:\n$2$1'));
    expect(readFileSync(file('lb.yaml'), 'utf8')).toMatch(/ {2}ar:\n {4}title: /);
    const result = runCli(['diff'], { cwd: project.dir });
    expect(result.stdout).toBe(
      [
        '## Travel advisory changes since `HEAD`',
        '',
        '2 advisories: 2 changed.',
        '',
        '### Nippon (JP)',
        '',
        '- Country name changed from “Japan” to “Nippon”',
        '- Update date changed from “2026-04-01” to “2026-04-02”',
        '- Review date changed from none to “2026-10-01”',
        `- Guidance added: ${third.slice(4)}`,
        '- Guidance reordered, now:',
        `  1. ${second.slice(4)}`,
        `  2. ${first.slice(4)}`,
        `  3. ${third.slice(4)}`,
        `  4. ${third.slice(4)}`,
        '',
        '### Trinidad & Tobago (TT)',
        '',
        '- New update, 2026-03-01: Added advice on the hurricane season & "Carnival".',
        '- Update removed, 2026-03-01: Added advice on the \\<hurricane> season & "Carnival".',
        '- Update removed, 2026-01-05: Issued at Level 2.',
        '',
      ].join('\n'),
    );
    expect(result.status).toBe(0);
  });

  it('names a change it has no words for, such as updates of one day in a new order, and not a contact address spaced anew', () => {
    edit('tt.yaml', (t) => t.replace('  - date: 2026-01-05\n', '  - date: 2026-03-01\n'));
    git('commit', '-q', '-am', 'two updates on one day');
    // The first update is the latest one, shown in the feeds: their order means something.
    edit('tt.yaml', (t) => t.replace(/( {2}- date: 2026-03-01\n.*\n)( {2}- date: 2026-03-01\n.*\n)/, '$2$1'));
    edit('ml.yaml', (t) => t.replace('address: 1 Example Street, Bamako, Mali', 'address: 1 Example Street,  Bamako,   Mali'));
    expect(runCli(['diff'], { cwd: project.dir })).toEqual({
      status: 0,
      stdout: ['## Travel advisory changes since `HEAD`', '', '1 advisory: 1 changed.', '', '### Trinidad & Tobago (TT)', '', '- Also changed: updates', ''].join('\n'),
      stderr: '',
    });
  });

  it('matches a file with errors by the code it claims, so a broken renamed file is not compared rather than removed, nor new once fixed', () => {
    renameSync(file('ml.yaml'), file('mali.yaml'));
    edit('mali.yaml', (t) => t.replace(/^level: 4$/m, 'level: four'));
    const notCompared = (side: string) =>
      `## Travel advisory changes since \`HEAD\`\n\nNo changes to the meaning of the advisories compared; the files below were not compared.\n\n> **Not compared**, because this file has errors ${side}: \`advisories/mali.yaml\`. Run \`advisory validate\` to see them.\n`;
    expect(runCli(['diff'], { cwd: project.dir })).toEqual({ status: 1, stdout: notCompared('in the working tree'), stderr: '' });
    git('add', '-A');
    git('commit', '-q', '-m', 'broken');
    edit('mali.yaml', (t) => t.replace(/^level: four$/m, 'level: 4'));
    renameSync(file('mali.yaml'), file('ml.yaml'));
    expect(runCli(['diff'], { cwd: project.dir })).toEqual({ status: 0, stdout: notCompared('at `HEAD`'), stderr: '' });
  });

  it('does not call an advisory withdrawn when its file is gone and a file with errors that names no country may hold it', () => {
    // Renamed and broken so badly that no code can be read from it: is Mali in it? Nobody can tell.
    renameSync(file('ml.yaml'), file('mali.yaml'));
    edit('mali.yaml', (t) => t.replace('title: Do not travel to Mali', 'title: "Do not travel to Mali'));
    rmSync(file('jp.yaml'));
    const gone = (country: string, code: string, level: string, name: string) =>
      `> **${country} (${code})**, at ${level} at \`HEAD\`, is not in the working tree: \`advisories/${name}\` was removed or renamed, and a file above may hold it now, so whether the advisory was withdrawn is not known.\n`;
    expect(runCli(['diff'], { cwd: project.dir })).toEqual({
      status: 1,
      stdout: [
        '## Travel advisory changes since `HEAD`\n',
        'No changes to the meaning of the advisories compared; the files below were not compared.\n',
        '> **Not compared**, because this file has errors in the working tree: `advisories/mali.yaml`. Run `advisory validate` to see them.\n',
        gone('Japan', 'JP', 'level 1 (Exercise Normal Precautions)', 'jp.yaml'),
        gone('Mali', 'ML', 'level 4 (Do Not Travel)', 'ml.yaml'),
      ].join('\n'),
      stderr: '',
    });
    const json = JSON.parse(runCli(['diff', '--json'], { cwd: project.dir }).stdout) as ChangeJson;
    expect([json.changes, json.invalid, json.unmatched]).toEqual([
      [],
      { before: [], after: ['advisories/mali.yaml'] },
      {
        before: [
          { code: 'JP', country: 'Japan', level: { level: 1, name: 'Exercise Normal Precautions' }, file: 'advisories/jp.yaml' },
          { code: 'ML', country: 'Mali', level: { level: 4, name: 'Do Not Travel' }, file: 'advisories/ml.yaml' },
        ],
        after: [],
      },
    ]);

    // Committed broken, then fixed under its old name: new, or the file that could not be read? Not known either.
    git('add', '-A');
    git('commit', '-q', '-m', 'broken');
    edit('mali.yaml', (t) => t.replace('title: "Do not travel to Mali', 'title: Do not travel to Mali'));
    renameSync(file('mali.yaml'), file('ml.yaml'));
    expect(runCli(['diff'], { cwd: project.dir })).toEqual({
      status: 0,
      stdout: [
        '## Travel advisory changes since `HEAD`\n',
        'No changes to the meaning of the advisories compared; the files below were not compared.\n',
        '> **Not compared**, because this file has errors at `HEAD`: `advisories/mali.yaml`. Run `advisory validate` to see them.\n',
        '> **Mali (ML)**, at level 4 (Do Not Travel), is new in the working tree, in `advisories/ml.yaml`, but a file above may have held it at `HEAD`, so whether the advisory is new is not known.\n',
      ].join('\n'),
      stderr: '',
    });
  });

  it('still reports an advisory removed when every file with errors names its country', () => {
    rmSync(file('jp.yaml'));
    renameSync(file('ml.yaml'), file('mali.yaml'));
    edit('mali.yaml', (t) => t.replace(/^level: 4$/m, 'level: four'));
    expect(runCli(['diff'], { cwd: project.dir })).toEqual({
      status: 1,
      stdout: [
        '## Travel advisory changes since `HEAD`\n',
        '1 advisory: 1 removed.\n',
        '### Japan (JP)\n',
        '- **Advisory removed** (was at level 1 (Exercise Normal Precautions))\n',
        '> **Not compared**, because this file has errors in the working tree: `advisories/mali.yaml`. Run `advisory validate` to see them.\n',
      ].join('\n'),
      stderr: '',
    });
  });

  it('refuses a folder without advisories on either side, as validate does, but reports a deleted one as removals', () => {
    mkdirSync(path.join(project.dir, 'sub'));
    // Without --config, a subfolder of the project is refused as such first (see project-folder.test.ts).
    expect(runCli(['diff'], { cwd: path.join(project.dir, 'sub') }).stderr).toMatch(/^error: advisory\.config\.yaml is in \.\. \(the project folder\), not here/);
    expect(runCli(['diff', '--config', '../advisory.config.yaml'], { cwd: path.join(project.dir, 'sub') })).toEqual({
      status: 2,
      stdout: '',
      stderr: 'error: advisories: no such file or folder (advisories are read from ./advisories by default; pass a path)\n',
    });
    rmSync(path.join(project.dir, 'advisories'), { recursive: true });
    const result = runCli(['diff'], { cwd: project.dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('4 advisories: 4 removed.');
  });

  it('shows a file name in a code span, escaped, so that it cannot add a heading or a link to the comment', () => {
    const hostile = 'a\n\n## Approved by @admin [click](https:evil.example)\n\n.yaml';
    writeFileSync(file(hostile), readFileSync(file('jp.yaml')));
    const shown = '`advisories/a\\n\\n## Approved by @admin [click](https:evil.example)\\n\\n.yaml`';
    const working = runCli(['diff'], { cwd: project.dir });
    expect(working.status).toBe(1);
    expect(working.stdout).toBe(
      `## Travel advisory changes since \`HEAD\`\n\nNo changes to the meaning of the advisories compared; the files below were not compared.\n\n> **Not compared**, because this file has errors in the working tree: ${shown}. Run \`advisory validate\` to see them.\n`,
    );
    // Committed, it is refused at the revision too, by its name, unread.
    git('add', '-A');
    git('commit', '-q', '-m', 'hostile name');
    rmSync(file(hostile));
    const before = runCli(['diff'], { cwd: project.dir });
    expect(before.status).toBe(0);
    expect(before.stdout).toContain(`> **Not compared**, because this file has errors at \`HEAD\`: ${shown}. Run \`advisory validate\` to see them.\n`);
  });

  /** `advisory diff` after Japan is renamed `country` and given the guidance item `item`. */
  const diffJapan = (country: string, item: string) => {
    edit('jp.yaml', (t) => t.replace('guidance:\n', `guidance:\n  - "${item}"\n`).replace('country: Japan', `country: ${country}`));
    return runCli(['diff'], { cwd: project.dir });
  };
  /** What diffJapan prints, with the country and the item as the comment writes them. */
  const japanChanged = (country: string, item: string) => ({
    status: 0,
    stdout: ['## Travel advisory changes since `HEAD`', '', '1 advisory: 1 changed.', '', `### ${country} (JP)`, '', `- Country name changed from “Japan” to “${country}”`, `- Guidance added: ${item}`, ''].join('\n'),
    stderr: '',
  });

  it('keeps a commit hash in advisory text from becoming a link, and leaves links, addresses and code alone', () => {
    const hash40 = 'deadbeefcafe0123456789abcdef0123456789ab';
    const item = `Fixed in 1a2b3c4 and ${hash40}, not ${hash40}cd, \`9f8e7d6c\`; see https://example.org/c/1a2b3c4d or write to 1a2b3c4d@example.org; call 1234567.`;
    expect(diffJapan('Japan DECAF12', item)).toEqual(
      japanChanged(
        'Japan DECAF1<!-- -->2',
        // Every 6 digits, so that no piece is long enough to be a hash; 42 digits are none.
        `Fixed in 1a2b3c<!-- -->4 and deadbe<!-- -->efcafe<!-- -->012345<!-- -->6789ab<!-- -->cdef01<!-- -->234567<!-- -->89ab, not ${hash40}cd, \`9f8e7d6c\`; see <https://example.org/c/1a2b3c4d> or write to <1a2b3c4d@example.org>; call 123456<!-- -->7.`,
      ),
    );
  });

  it('keeps issue references, #12, GH-12 and owner/repo#12, from linking, and leaves a # or GH- inside a word as written', () => {
    const item = 'See #12, gh-3 and GH-45 (as in advisory/travel#6), not page#7, C#8 or XGH-9; (#10) -#11 ~GH-12 *in*#13.';
    expect(diffJapan('Japan page#2 GH-3', item)).toEqual(
      japanChanged(
        'Japan page#2 GH-<!-- -->3',
        'See #<!-- -->12, gh-<!-- -->3 and GH-<!-- -->45 (as in advisory/travel#<!-- -->6), not page#7, C#8 or XGH-9; (#<!-- -->10) -#<!-- -->11 ~GH-<!-- -->12 *in*#<!-- -->13.',
      ),
    );
  });

  it('fences a file name holding backticks with a longer run of them', () => {
    writeFileSync(file('`x``.yaml'), 'level: 9\n');
    expect(runCli(['diff'], { cwd: project.dir }).stdout).toContain('errors in the working tree: ```advisories/`x``.yaml```. Run');
  });

  it('exits 2 with an unknown revision', () => {
    expect(runCli(['diff', '--since', 'no-such-branch'], { cwd: project.dir })).toEqual({
      status: 2,
      stdout: '',
      stderr: 'error: unknown git revision "no-such-branch": check the branch, tag or commit name (git log --oneline lists commits)\n',
    });
  });

  it('warns when a level changed on the day of the last version, and advises the time of this change, which then gives a version of its own', () => {
    // The morning's version, dated by its day: published, and committed.
    edit('lb.yaml', (t) => t.replace('updated: 2026-10-05', 'updated: 2026-11-28').replace('updates:\n', 'updates:\n  - date: 2026-11-28\n    summary: Reviewed.\n'));
    git('commit', '-q', '-am', 'morning');
    // The afternoon's: raised, with updated left at today's date, as "set updated to today's date" would leave it.
    edit('lb.yaml', (t) => t.replace('level: 3\n', 'level: 4\n'));
    const at15 = { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 28, 15, 0, 42) / 1000) };
    const result = runCli(['diff'], { cwd: project.dir, env: at15 });
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout.split('\n').slice(6, 9)).toEqual([
      '- **Level raised** from level 3 (Reconsider Travel) to level 4 (Do Not Travel)',
      '- **updated is still 2026-11-28:** this version would go out with the same CAP identifier and sent time as the one at `HEAD`, and feeds would date it as that one, so alerting networks and feed readers, which pass over a message they already have, would keep showing the old level; add the time of this change, `updated: 2026-11-28T15:00Z` (now, in UTC), so that this version gets an alert of its own, and add an entry to updates with that date',
      '',
    ]);
    expect(JSON.parse(runCli(['diff', '--json'], { cwd: project.dir, env: at15 }).stdout)).toMatchObject({ changes: [{ code: 'LB', levelChangedSince: '2026-11-28' }] });

    // The advice, followed, is a valid new version, and the warning goes.
    edit('lb.yaml', (t) => t.replace('updated: 2026-11-28', 'updated: 2026-11-28T15:00Z').replace('updates:\n', 'updates:\n  - date: 2026-11-28T15:00Z\n    summary: Raised to Level 4.\n'));
    expect(runCli(['validate', 'advisories/lb.yaml'], { cwd: project.dir, env: at15 }).status).toBe(0);
    const followed = runCli(['diff', '--json'], { cwd: project.dir, env: at15 });
    expect(JSON.parse(followed.stdout)).toMatchObject({ changes: [{ code: 'LB', levelChangedSince: null }] });

    // A time written anew as the same moment is the same version: still warned about.
    git('commit', '-q', '-am', 'afternoon');
    edit('lb.yaml', (t) => t.replace('level: 4\n', 'level: 3\n').replace('updated: 2026-11-28T15:00Z', 'updated: 2026-11-28T18:00+03:00'));
    const rewritten = runCli(['diff'], { cwd: project.dir, env: { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 28, 16, 5) / 1000) } });
    expect(rewritten.stdout).toContain(
      '- **updated is still 2026-11-28T18:00+03:00:** this version would go out with the same CAP identifier and sent time as the one at `HEAD`, and feeds would date it as that one, so alerting networks and feed readers, which pass over a message they already have, would keep showing the old level; set updated to the time of this change, `updated: 2026-11-28T16:05Z` (now, in UTC), so that this version gets an alert of its own, and add an entry to updates with that date\n',
    );

    // The time deleted, the update dated by its day again: a version older than the afternoon's.
    edit('lb.yaml', (t) => t.replace('updated: 2026-11-28T18:00+03:00', 'updated: 2026-11-28').replace('  - date: 2026-11-28T15:00Z\n', '  - date: 2026-11-28\n'));
    const movedBack = runCli(['diff'], { cwd: project.dir, env: { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 28, 16, 5) / 1000) } });
    expect(movedBack.stdout).toContain(
      '- **updated went back from 2026-11-28T15:00Z to 2026-11-28:** this version would go out dated before the one at `HEAD`, in its CAP sent time and in feeds, so alerting networks and feed readers, which pass over a message older than one they already have, would keep showing the old level; add the time of this change, `updated: 2026-11-28T16:05Z` (now, in UTC), so that this version gets an alert of its own, and add an entry to updates with that date\n',
    );
  });

  it('exits 2 when --since looks like an option rather than a revision', () => {
    expect(runCli(['diff', '--since=--output=/tmp/x'], { cwd: project.dir })).toMatchObject({ status: 2, stderr: 'error: --since must name a git revision, found "--output=/tmp/x"\n' });
  });

  it('exits 2 in a repository without commits', () => {
    rmSync(path.join(project.dir, '.git'), { recursive: true });
    git('init', '-q');
    expect(runCli(['diff'], { cwd: project.dir })).toEqual({
      status: 2,
      stdout: '',
      stderr: 'error: unknown git revision "HEAD": the repository has no commits yet; commit the advisories first\n',
    });
  });
});

it('exits 2 outside a git repository', () => {
  const outside = tempProject(path.join(FIXTURES, 'review'));
  try {
    expect(runCli(['diff'], { cwd: outside.dir, env: { GIT_CEILING_DIRECTORIES: path.dirname(outside.dir) } })).toEqual({
      status: 2,
      stdout: '',
      stderr: 'error: not inside a git repository: advisory diff compares the working tree with a git revision, so run it in a clone of your advisories\n',
    });
  } finally {
    outside.cleanup();
  }
});

describe('advisory diff: translated contacts that name their original (for:)', () => {
  /** French contacts for the fixture's Mali, committed; with `for:` or paired by position. */
  const translateContacts = (anchored: boolean) => {
    const anchor = (name: string) => (anchored ? `      - for: ${name}\n        name: ` : '      - name: ');
    edit('ml.yaml', (t) =>
      t.replace(
        'translations:\n  fr:\n',
        `translations:\n  fr:\n    contacts:\n${anchor('Embassy of India, Bamako')}Ambassade de l'Inde, Bamako\n        hours: 24 h sur 24 pour les urgences\n${anchor('MEA Control Room, New Delhi')}Salle de veille du MEA, New Delhi\n        hours: 24 h sur 24\n`,
      ),
    );
    git('commit', '-q', '-am', 'French contacts');
  };
  const controlRoomFirst = (t: string) => t.replace(/^contacts:\n( {2}- name: Embassy[\s\S]*?)( {2}- name: MEA[\s\S]*?)^body: \|/m, 'contacts:\n$2$1body: |');
  const report = (...lines: string[]) => ['## Travel advisory changes since `HEAD`', '', '1 advisory: 1 changed.', '', '### Mali (ML)', '', ...lines, ''].join('\n');
  const REORDERED = '- Contacts reordered, now: MEA Control Room, New Delhi; Embassy of India, Bamako';
  const NOT_UPDATED = "- **Translation not updated:** fr (contacts) kept its text while the original changed; translated items without for: go with the original's by position, so check that each still matches";

  it('does not ask for the translation to be updated when the English list is only reordered', () => {
    translateContacts(true);
    edit('ml.yaml', controlRoomFirst);
    expect(runCli(['diff'], { cwd: project.dir })).toEqual({ status: 0, stdout: report(REORDERED), stderr: '' });
  });

  it('still flags a reorder when the translated items pair by position', () => {
    translateContacts(false);
    edit('ml.yaml', controlRoomFirst);
    expect(runCli(['diff'], { cwd: project.dir })).toEqual({ status: 0, stdout: report(REORDERED, NOT_UPDATED), stderr: '' });
  });

  it('asks only whether a translation needs the change when the field left behind is no list', () => {
    edit('ml.yaml', (t) => t.replace('title: Do not travel to Mali\n', 'title: Do not travel to Mali or its borders\n'));
    expect(runCli(['diff'], { cwd: project.dir })).toEqual({
      status: 0,
      stdout: report(
        '- Title changed from “Do not travel to Mali” to “Do not travel to Mali or its borders”',
        '- **Translations not updated:** fr, hi (title) kept their text while the original changed; check whether they need the change too',
      ),
      stderr: '',
    });
  });

  it('still flags a changed English text that the anchored translation kept', () => {
    translateContacts(true);
    edit('ml.yaml', (t) => controlRoomFirst(t).replace('    hours: 24 hours a day\n', '    hours: 08:00 to 20:00\n'));
    expect(runCli(['diff'], { cwd: project.dir })).toEqual({
      status: 0,
      stdout: report('- Contact changed: MEA Control Room, New Delhi (hours)', REORDERED, NOT_UPDATED),
      stderr: '',
    });
  });
});
