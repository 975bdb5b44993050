/** `advisory validate` for machines: report formats, warning budgets and stale advice, through the real binary. */
import { cpSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { sampleProject } from '../helpers/projects.js';
import { FIXTURES, runCli, tempProject } from '../helpers/run-cli.js';

const REVIEW = path.join(FIXTURES, 'review');
const INVALID = path.join(FIXTURES, 'invalid-report');

const REVIEW_DUE = 'review_by 2026-01-15 has passed (today is 2026-02-01); review the advice and set a new date';
const SAME_LEVEL = 'Nairobi is at level 2, the same as the whole country; drop the region or change its level';
const LEVEL = 'level must be an integer from 1 to 4, found the number 5';
const RISK = 'risks[0] must be one of crime, terrorism, civil-unrest, health, natural-disaster, time-limited-event, kidnapping, wrongful-detention, other, found "100%\\nsure"';

describe('validate --format github', () => {
  it('prints one annotation per problem, escaping what GitHub reads as syntax, and exits 1 on errors', () => {
    const result = runCli(['validate', '--format', 'github'], { cwd: INVALID });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      `::error file=advisories/bo%2C2025.yaml,line=3,col=8,title=advisory type::${LEVEL}\n` +
        `::error file=advisories/bo%2C2025.yaml,line=9,col=9,title=advisory type::${RISK.replace('%', '%25')}\n`,
    );
    // The run's log keeps the readable report.
    expect(result.stderr).toBe(`advisories/bo,2025.yaml:3:8  error  ${LEVEL}\nadvisories/bo,2025.yaml:9:9  error  ${RISK}\n2 errors\nFix the problems above, then run \`advisory validate\` again.\n`);
  });

  it('annotates warnings as warnings and exits 0', () => {
    const result = runCli(['validate', '--format', 'github', '--today', '2026-02-01'], { cwd: REVIEW });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      `::warning file=advisories/ke.yaml,line=7,col=12,title=advisory review-due::${REVIEW_DUE}\n` +
        `::warning file=advisories/ke.yaml,line=13,col=12,title=advisory region-same-level::${SAME_LEVEL}\n`,
    );
  });

  it('gives paths relative to GITHUB_WORKSPACE when run in a subfolder of the repository', () => {
    const result = runCli(['validate', '--format', 'github'], { cwd: INVALID, env: { GITHUB_WORKSPACE: FIXTURES } });
    expect(result.stdout.split('\n')[0]).toBe(`::error file=invalid-report/advisories/bo%2C2025.yaml,line=3,col=8,title=advisory type::${LEVEL}`);
  });

  it('gives paths relative to GITHUB_WORKSPACE when the workspace is reached through a symbolic link', () => {
    const project = tempProject();
    try {
      cpSync(INVALID, path.join(project.dir, 'real/sub'), { recursive: true });
      symlinkSync('real', path.join(project.dir, 'ws'));
      // The working folder is always real; the workspace, as a runner may give it, is not.
      const result = runCli(['validate', '--format', 'github'], { cwd: path.join(project.dir, 'real/sub'), env: { GITHUB_WORKSPACE: path.join(project.dir, 'ws/sub/..') } });
      expect(result.stdout.split('\n')[0]).toBe(`::error file=sub/advisories/bo%2C2025.yaml,line=3,col=8,title=advisory type::${LEVEL}`);
    } finally {
      project.cleanup();
    }
  });

  it('takes a folder named like ..hidden for the folder inside the workspace that it is, in annotations and in the report', () => {
    const project = tempProject();
    try {
      cpSync(INVALID, path.join(project.dir, '..hidden'), { recursive: true });
      const inside = runCli(['validate', '--format', 'github'], { cwd: path.join(project.dir, '..hidden'), env: { GITHUB_WORKSPACE: project.dir } });
      expect(inside.stdout.split('\n')[0]).toBe(`::error file=..hidden/advisories/bo%2C2025.yaml,line=3,col=8,title=advisory type::${LEVEL}`);
      const named = runCli(['validate', '..hidden/advisories'], { cwd: project.dir });
      expect(named.stderr.split('\n')[0]).toBe(`..hidden/advisories/bo,2025.yaml:3:8  error  ${LEVEL}`);
    } finally {
      project.cleanup();
    }
  });
});

describe('validate --format github when the run fails before it has a report', () => {
  it('annotates a config error at its file, line and column, with the readable report still on stderr', () => {
    const project = tempProject(INVALID);
    try {
      writeFileSync(path.join(project.dir, 'advisory.config.yaml'), 'scale: zz\n');
      expect(runCli(['validate', '--format', 'github'], { cwd: project.dir })).toEqual({
        status: 2,
        stdout: '::error file=advisory.config.yaml,line=1,col=8,title=advisory type::scale must be one of us, au, ca, found "zz"\n',
        stderr: 'advisory.config.yaml:1:8  error  scale must be one of us, au, ca, found "zz"\n1 error\nerror: invalid config advisory.config.yaml\n',
      });
    } finally {
      project.cleanup();
    }
  });

  it('annotates a usage error that has no position with its message', () => {
    expect(runCli(['validate', '--format=github', 'nowhere'], { cwd: INVALID })).toEqual({
      status: 2,
      stdout: '::error title=advisory::nowhere: no such file or folder\n',
      stderr: 'error: nowhere: no such file or folder\n',
    });
  });
});

describe('validate --format json', () => {
  it('prints only JSON on stdout', () => {
    const result = runCli(['validate', '--format', 'json'], { cwd: INVALID });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      files: 2,
      errors: 2,
      warnings: 0,
      diagnostics: [
        { severity: 'error', file: 'advisories/bo,2025.yaml', line: 3, col: 8, field: 'level', message: LEVEL, rule: 'type' },
        { severity: 'error', file: 'advisories/bo,2025.yaml', line: 9, col: 9, field: 'risks[0]', message: RISK, rule: 'type' },
      ],
    });
  });
});

describe('--json when the command fails before it has a report', () => {
  it('prints the failure as JSON on stdout, with the exit code and any positioned problems', () => {
    const project = tempProject(INVALID);
    try {
      writeFileSync(path.join(project.dir, 'advisory.config.yaml'), 'languages: [en, en]\n');
      const config = runCli(['validate', '--json'], { cwd: project.dir });
      expect(config.status).toBe(2);
      expect(JSON.parse(config.stdout)).toEqual({
        error: { message: 'invalid config advisory.config.yaml', exitCode: 2, internal: false },
        diagnostics: [{ severity: 'error', file: 'advisory.config.yaml', line: 1, col: 12, field: 'languages', message: 'languages lists a language twice: en, en', rule: 'languages' }],
      });
      rmSync(path.join(project.dir, 'advisory.config.yaml'));
      const missing = runCli(['list', '--json', 'nowhere'], { cwd: project.dir });
      expect([missing.status, JSON.parse(missing.stdout)]).toEqual([2, { error: { message: 'nowhere: no such file or folder', exitCode: 2, internal: false }, diagnostics: [] }]);
      const usage = runCli(['validate', '--format', 'json', '--max-warnings', 'x'], { cwd: project.dir });
      expect([usage.status, JSON.parse(usage.stdout).error]).toEqual([2, { message: "option '--max-warnings <n>' argument 'x' is invalid. expected a whole number.", exitCode: 2, internal: false }]);
    } finally {
      project.cleanup();
    }
  });
});

describe('validate --max-warnings and --strict', () => {
  it('passes at or under the warning budget', () => {
    expect(runCli(['validate', '--max-warnings', '2', '--today', '2026-02-01'], { cwd: REVIEW }).status).toBe(0);
  });

  it('fails past the budget and says why, with no "✓ valid" above it', () => {
    const result = runCli(['validate', '--max-warnings', '1', '--today', '2026-02-01'], { cwd: REVIEW });
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n').slice(-3)).toEqual(['2 warnings', '2 warnings found, more than --max-warnings 1 allows', '']);
  });

  it('fails past the budget with an annotation GitHub shows on the run', () => {
    const result = runCli(['validate', '--format', 'github', '--max-warnings', '0', '--today', '2025-11-28'], { cwd: REVIEW });
    expect(result.status).toBe(1);
    expect(result.stdout.split('\n').slice(-2)).toEqual(['::error title=advisory max-warnings::1 warning found, more than --max-warnings 0 allows', '']);
  });

  it('refuses --json with --format as a usage error rather than quietly choosing one report', () => {
    const result = runCli(['validate', '--json', '--format', 'github'], { cwd: REVIEW });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("error: option '--json' cannot be used with option '--format <format>'\n(run with --help for usage)\n");
    // --json asked for JSON, so the failure is JSON too.
    expect(JSON.parse(result.stdout)).toEqual({ error: { message: "option '--json' cannot be used with option '--format <format>'", exitCode: 2, internal: false }, diagnostics: [] });
  });

  it('rejects a budget that is not a whole number with exit 2', () => {
    const result = runCli(['validate', '--max-warnings', 'many'], { cwd: REVIEW });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("option '--max-warnings <n>' argument 'many' is invalid. expected a whole number.");
  });

  it('--strict turns every warning into an error', () => {
    const result = runCli(['validate', '--strict', '--format', 'github', '--today', '2026-02-01'], { cwd: REVIEW });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      `::error file=advisories/ke.yaml,line=7,col=12,title=advisory review-due::${REVIEW_DUE}\n` +
        `::error file=advisories/ke.yaml,line=13,col=12,title=advisory region-same-level::${SAME_LEVEL}\n`,
    );
  });
});

describe('stale advice', () => {
  it('warns when review_by has passed on the date given by --today', () => {
    const result = runCli(['validate', '--today', '2026-02-01'], { cwd: REVIEW });
    expect(result).toEqual({
      status: 0,
      stdout: '',
      stderr: `advisories/ke.yaml:7:12  warning  ${REVIEW_DUE}\nadvisories/ke.yaml:13:12  warning  ${SAME_LEVEL}\n2 warnings\n✓ 2 advisories valid (2 warnings)\n`,
    });
  });

  it('judges by SOURCE_DATE_EPOCH when there is no --today, as a scheduled CI run does', () => {
    // 1769904000 is 2026-02-01T00:00:00Z.
    const due = runCli(['validate'], { cwd: REVIEW, env: { SOURCE_DATE_EPOCH: '1769904000' } });
    expect(due.stderr).toContain(`advisories/ke.yaml:7:12  warning  ${REVIEW_DUE}`);
    // 1768435200 is 2026-01-15: the review date itself is not yet past.
    const onTheDay = runCli(['validate'], { cwd: REVIEW, env: { SOURCE_DATE_EPOCH: '1768435200' } });
    expect(onTheDay.stderr).not.toContain('review-due');
    expect(onTheDay.stderr).not.toContain('has passed');
  });

  it('fails a scheduled run with --strict once the review date has passed', () => {
    const result = runCli(['validate', '--strict'], { cwd: REVIEW, env: { SOURCE_DATE_EPOCH: '1769904000' } });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`advisories/ke.yaml:7:12  error  ${REVIEW_DUE}`);
  });

  it('rejects a malformed SOURCE_DATE_EPOCH with exit 2 rather than judging by the clock', () => {
    const refusal = (shown: string) =>
      `error: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, up to 253402300799 (the end of 9999), as \`date +%s\` prints it; found "${shown}". Set it that way, or unset it to judge by today's date\n`;
    for (const value of ['abc', '-1', '1.7e9', '1751414400abc', ' 1751414400', '99999999999999', '253402300800']) {
      expect(runCli(['validate'], { cwd: REVIEW, env: { SOURCE_DATE_EPOCH: value } })).toEqual({ status: 2, stdout: '', stderr: refusal(value) });
    }
    expect(runCli(['build', '--check'], { cwd: REVIEW, env: { SOURCE_DATE_EPOCH: '1\u001b[2J' } })).toEqual({ status: 2, stdout: '', stderr: refusal('1\\u001B[2J') });
    // The last second of 9999 still has a date; --today needs no SOURCE_DATE_EPOCH at all.
    expect(runCli(['validate'], { cwd: REVIEW, env: { SOURCE_DATE_EPOCH: '253402300799' } }).status).toBe(0);
    expect(runCli(['validate', '--today', '2026-02-01'], { cwd: REVIEW, env: { SOURCE_DATE_EPOCH: 'abc' } }).status).toBe(0);
  });

  it('takes an empty SOURCE_DATE_EPOCH as unset, and judges by the clock', () => {
    const result = runCli(['validate'], { cwd: REVIEW, env: { SOURCE_DATE_EPOCH: '' } });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/✓ 2 advisories valid \(\d warnings?\)\n$/);
  });

  it('rejects a --today that is not a date with exit 2', () => {
    expect(runCli(['validate', '--today', '2026-02-30'], { cwd: REVIEW })).toEqual({
      status: 2,
      stdout: '',
      stderr: 'error: --today must be a date as YYYY-MM-DD, found "2026-02-30"\n',
    });
  });
});

describe('a level raised with the title left as it was', () => {
  it('warns in every language whose title names the old level, with the names the bulletins print', () => {
    const { dir, cleanup } = sampleProject();
    onTestFinished(cleanup);
    const file = path.join(dir, 'advisories/fr.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('\nlevel: 2\n', '\nlevel: 4\n'));
    const warning = (at: string, field: string, title: string, old: string, own: string, what = 'title') =>
      `advisories/fr.yaml:${at}  warning  ${field} "${title}" names level 2 (${old}), but level is 4 (${own}); write the ${what} for the new level, or check the level`;
    // The summaries, left as they were too, say so as well, quoted up to 60 characters.
    const summary = (at: string, field: string, start: string, old: string, own: string) => warning(at, field, `${start}...`, old, own, 'summary');
    expect(runCli(['validate'], { cwd: dir })).toEqual({
      status: 0,
      stdout: '',
      stderr: [
        warning('4:8', 'title', 'Exercise increased caution in France', 'Exercise Increased Caution', 'Do Not Travel'),
        summary('9:10', 'summary', 'France faces a persistent threat of terrorism, and demons', 'Exercise Increased Caution', 'Do Not Travel'),
        // In the imperative, as titles are, where the level name is in the infinitive: the catalogue's title_phrases.
        warning('66:12', 'translations.fr.title', "Faites preuve d'une prudence accrue en France", "Faire preuve d'une prudence accrue", 'Ne pas voyager'),
        summary('67:14', 'translations.fr.summary', 'La France fait face à une menace terroriste persistante,', "Faire preuve d'une prudence accrue", 'Ne pas voyager'),
        warning('119:12', 'translations.hi.title', 'फ़्रांस में अधिक सावधानी बरतें', 'अधिक सावधानी बरतें', 'यात्रा न करें'),
        summary('120:14', 'translations.hi.summary', 'फ़्रांस में आतंकवाद का ख़तरा लगातार बना हुआ है, और प्रदर्', 'अधिक सावधानी बरतें', 'यात्रा न करें'),
        warning('169:12', 'translations.ar.title', 'توخَّ مزيدًا من الحذر في فرنسا', 'توخَّ مزيدًا من الحذر', 'لا تسافر'),
        summary('170:14', 'translations.ar.summary', 'تواجه فرنسا تهديدًا إرهابيًا مستمرًا، وقد تندلع المظاهرات', 'توخَّ مزيدًا من الحذر', 'لا تسافر'),
        '8 warnings',
        '✓ 5 advisories valid (8 warnings)',
        '',
      ].join('\n'),
    });
    // A pipeline that publishes with --strict stops there.
    expect(runCli(['build', '--strict'], { cwd: dir }).status).toBe(1);
  });

  /** `validate` of one sample advisory, edited, in a copy of the sample project (its config edited too). */
  const validateEdited = (code: string, edit: (text: string) => string, config: (text: string) => string = (t) => t) => {
    const { dir, cleanup } = sampleProject();
    onTestFinished(cleanup);
    const file = path.join(dir, `advisories/${code}.yaml`);
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
    const configFile = path.join(dir, 'advisory.config.yaml');
    writeFileSync(configFile, config(readFileSync(configFile, 'utf8')));
    return runCli(['validate', `advisories/${code}.yaml`], { cwd: dir });
  };
  const titleWarning = (at: string, field: string, title: string, named: string, own: string) =>
    `advisories/ml.yaml:${at}  warning  ${field} "${title}" names level ${named}, but level is ${own}; write the title for the new level, or check the level`;
  /** The warnings of Mali's summaries, written for level 4, once its level is set to 2. */
  const mliSummariesAtLevel2 = [
    ['9:10', 'summary', 'Three Indian nationals were abducted on 1 July 2025 in an', '4 (Do Not Travel)', '2 (Exercise Increased Caution)'],
    ['85:14', 'translations.fr.summary', 'Trois ressortissants indiens ont été enlevés le 1er juill', '4 (Ne pas voyager)', "2 (Faire preuve d'une prudence accrue)"],
    ['157:14', 'translations.hi.summary', '1 जुलाई 2025 को कायेस में डायमंड सीमेंट फैक्ट्री पर हुए स', '4 (यात्रा न करें)', '2 (अधिक सावधानी बरतें)'],
    ['223:14', 'translations.ar.summary', 'اختُطف ثلاثة مواطنين هنود في 1 يوليو 2025 خلال هجوم مسلّح', '4 (لا تسافر)', '2 (توخَّ مزيدًا من الحذر)'],
  ].map(([at, field, start, named, own]) => `advisories/ml.yaml:${at}  warning  ${field} "${start}..." names level ${named}, but level is ${own}; write the summary for the new level, or check the level`);
  const valid = (warnings: string[]) => ({
    status: 0,
    stdout: '',
    stderr: [...warnings, ...(warnings.length ? [`${warnings.length} warning${warnings.length === 1 ? '' : 's'}`, `✓ 1 advisory valid (${warnings.length} warning${warnings.length === 1 ? '' : 's'})`] : ['✓ 1 advisory valid']), ''].join('\n'),
  });

  it('warns about a French title naming level 4 over a level 2 advisory, as written in the imperative', () => {
    expect(validateEdited('ml', (t) => t.replace('\nlevel: 4\n', '\nlevel: 2\n'))).toEqual(
      valid([
        titleWarning('4:8', 'title', 'Do not travel to Mali', '4 (Do Not Travel)', '2 (Exercise Increased Caution)'),
        mliSummariesAtLevel2[0]!,
        titleWarning('84:12', 'translations.fr.title', 'Ne vous rendez pas au Mali', '4 (Ne pas voyager)', "2 (Faire preuve d'une prudence accrue)"),
        mliSummariesAtLevel2[1]!,
        titleWarning('156:12', 'translations.hi.title', 'माली की यात्रा न करें', '4 (यात्रा न करें)', '2 (अधिक सावधानी बरतें)'),
        mliSummariesAtLevel2[2]!,
        titleWarning('222:12', 'translations.ar.title', 'لا تسافر إلى مالي', '4 (لا تسافر)', '2 (توخَّ مزيدًا من الحذر)'),
        mliSummariesAtLevel2[3]!,
      ]),
    );
  });

  it('takes a title naming its own level by the words that set it apart from another level it names', () => {
    const titled = (level: number, title: string) => (t: string) => t.replace('\nlevel: 4\n', `\nlevel: ${level}\n`).replace('title: Do not travel to Mali', `title: "${title}"`);
    const translated = (t: string) =>
      t
        .replace('    title: Ne vous rendez pas au Mali', '    title: "Mali : précautions normales à Bamako, prudence accrue ailleurs"')
        .replace('    title: माली की यात्रा न करें', '    title: माली में अधिक सावधानी बरतें')
        .replace('    title: لا تسافر إلى مالي', '    title: توخَّ مزيدًا من الحذر في مالي');
    // "exercise" is said once for both levels: the title names level 2 too.
    // Its summaries, written for level 4, are warned about: its titles are not.
    expect(validateEdited('ml', (t) => translated(titled(2, 'Mali: exercise normal precautions in Bamako, increased caution elsewhere')(t)))).toEqual(valid(mliSummariesAtLevel2));
    // Words of level 4 shared with no other level named ("do not"), without the rest ("travel"), are not its name.
    expect(validateEdited('ml', titled(4, 'Exercise increased caution in Mali; do not go out at night'))).toEqual(
      valid([titleWarning('4:8', 'title', 'Exercise increased caution in Mali; do not go out at night', '2 (Exercise Increased Caution)', '4 (Do Not Travel)')]),
    );
  });

  it('warns about a title giving the level by a number that is not the advisory\'s', () => {
    const numbered = (en: string, fr: string, ar: string) => (t: string) =>
      t.replace('title: Do not travel to Mali', `title: "${en}"`).replace('    title: Ne vous rendez pas au Mali', `    title: "${fr}"`).replace('    title: لا تسافر إلى مالي', `    title: "${ar}"`);
    expect(validateEdited('ml', numbered('Level 2: Mali', 'Niveau 2 : Mali', 'المستوى ٢: مالي'))).toEqual(
      valid([
        titleWarning('4:8', 'title', 'Level 2: Mali', '2 (Exercise Increased Caution)', '4 (Do Not Travel)'),
        titleWarning('84:12', 'translations.fr.title', 'Niveau 2 : Mali', "2 (Faire preuve d'une prudence accrue)", '4 (Ne pas voyager)'),
        titleWarning('222:12', 'translations.ar.title', 'المستوى ٢: مالي', '2 (توخَّ مزيدًا من الحذر)', '4 (لا تسافر)'),
      ]),
    );
    expect(validateEdited('ml', numbered('Level 4 of 4: Mali', 'Niveau 4 sur 4 : Mali', 'المستوى 4 من 4: مالي'))).toEqual(valid([]));
  });

  it('reads advice holding a level\'s words ("do not travel at night", "la plus grande prudence") as naming no level', () => {
    const summaries = (en: string, fr: string) => (t: string) =>
      t
        .replace('\nlevel: 4\n', '\nlevel: 2\n')
        .replace(/^summary: >\n(?: {2}.*\n)+/m, `summary: ${en}\n`)
        .replace(/^ {4}summary: >\n(?: {6}.*\n)+/m, `    summary: ${fr}\n`);
    const titles = (t: string) => t.replace('title: Do not travel to Mali', 'title: Exercise increased caution in Mali').replace('    title: Ne vous rendez pas au Mali', "    title: Faites preuve d'une prudence accrue au Mali");
    const advice = summaries('Attacks continue in the west. Do not travel at night or alone.', 'Des attaques se poursuivent. Ne voyagez pas de nuit et faites preuve de la plus grande prudence.');
    const au = (config: string) => config.replace('scale: us', 'scale: au');
    // The Hindi and Arabic texts, left as written for level 4, are warned about: only the English and French are looked at.
    const enAndFr = (result: { stderr: string }) => result.stderr.split('\n').filter((line) => /warning {2}(?:summary|translations\.fr\.)/.test(line));
    expect(enAndFr(validateEdited('ml', (t) => titles(advice(t)), au))).toEqual([]);
    // The same words naming the level are still read as its name.
    expect(enAndFr(validateEdited('ml', (t) => titles(summaries('Do not travel to Mali.', 'Ne voyagez pas au Mali.')(t))))).toEqual([
      'advisories/ml.yaml:9:10  warning  summary "Do not travel to Mali." names level 4 (Do Not Travel), but level is 2 (Exercise Increased Caution); write the summary for the new level, or check the level',
      "advisories/ml.yaml:79:14  warning  translations.fr.summary \"Ne voyagez pas au Mali.\" names level 4 (Ne pas voyager), but level is 2 (Faire preuve d'une prudence accrue); write the summary for the new level, or check the level",
    ]);
  });

  it('reads a level name inside a longer one of another level as part of it (Canadian French)', () => {
    const ca = (config: string) => config.replace('scale: us', 'scale: ca');
    const frTitle = (level: number, title: string) => (t: string) => t.replace('\nlevel: 4\n', `\nlevel: ${level}\n`).replace('    title: Ne vous rendez pas au Mali', `    title: ${title}`);
    expect(validateEdited('ml', frTitle(4, 'Évitez tout voyage non essentiel au Mali'), ca)).toEqual(
      valid([titleWarning('84:12', 'translations.fr.title', 'Évitez tout voyage non essentiel au Mali', '3 (Éviter tout voyage non essentiel)', '4 (Éviter tout voyage)')]),
    );
    expect(validateEdited('ml', frTitle(3, 'Évitez tout voyage au Mali'), ca)).toEqual(
      valid([titleWarning('84:12', 'translations.fr.title', 'Évitez tout voyage au Mali', '4 (Éviter tout voyage)', '3 (Éviter tout voyage non essentiel)')]),
    );
    expect(validateEdited('ml', frTitle(3, 'Évitez tout voyage non essentiel au Mali'), ca)).toEqual(valid([]));
  });
});
