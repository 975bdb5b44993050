/**
 * Hostile advisory files, through the real binary: each is refused by both
 * `validate` and `build` with the file, line and column named, exit 1, no
 * stack trace, and nothing written. Plus what must still be accepted.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runCli, tempProject, type CliResult } from '../helpers/run-cli.js';

/** A valid advisory of 9 lines: a line added after it is line 10. */
const VALID = `country: Trinidad and Tobago
code: TT
level: 2
issued: 2026-01-05
updated: 2026-03-01
summary: Crime is high in parts of Port of Spain.
guidance:
  - Keep valuables out of sight.
risks: [crime]
`;
const MIB = 1024 * 1024;
const TODAY = ['--today', '2026-03-02'];

/** A temporary project holding only advisories/<name> with `content`; removed when the test ends. */
function projectWith(content: string | Uint8Array, name = 'tt.yaml'): string {
  const { dir, cleanup } = tempProject();
  onTestFinished(cleanup);
  mkdirSync(path.join(dir, 'advisories'));
  writeFileSync(path.join(dir, 'advisories', name), content);
  return dir;
}

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

function expectNoStackTrace(result: CliResult): void {
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toContain('internal error');
}

/**
 * `validate` and `build` both refuse the project with exactly these diagnostic lines
 * (`file:line:col  error  message`), exit 1, and `build` writes nothing.
 */
function expectRefused(dir: string, lines: readonly string[]): void {
  const count = `${lines.length} error${lines.length === 1 ? '' : 's'}`;
  const validate = runCli(['validate', ...TODAY], { cwd: dir });
  expect(validate.stderr).toBe(`${lines.join('\n')}\n${count}\nFix the problems above, then run \`advisory validate\` again.\n`);
  expect(validate.status).toBe(1);
  const build = runCli(['build', ...TODAY], { cwd: dir });
  expect(build.stderr).toBe(`${lines.join('\n')}\n${count}\nNothing was written: fix the problems above, then run \`advisory build\` again.\n`);
  expect(build.status).toBe(1);
  expectNoStackTrace(build);
  expect(existsSync(path.join(dir, 'dist'))).toBe(false);
}

const error = (at: string, message: string) => `advisories/tt.yaml:${at}  error  ${message}`;

describe('files over the size cap (1 MiB)', () => {
  it('refuses a file one byte over 1 MiB', () => {
    const padding = '#'.repeat(MIB + 1 - VALID.length - 1) + '\n';
    expectRefused(projectWith(VALID + padding), [error('1:1', 'file is 1048577 bytes; an advisory file may be at most 1048576 bytes (1 MiB)')]);
  });

  it('accepts a file of exactly 1 MiB', () => {
    const padding = '#'.repeat(MIB - VALID.length - 1) + '\n';
    const result = runCli(['validate', ...TODAY], { cwd: projectWith(VALID + padding) });
    expect(result.stderr).toBe('✓ 1 advisory valid\n');
    expect(result.status).toBe(0);
  });

  it('refuses a 5 GB file by its size, without reading it', () => {
    // Sparse: takes no disk space. Read whole, it would not even fit in a Node buffer (2 GiB at most).
    const dir = projectWith('');
    truncateSync(path.join(dir, 'advisories/tt.yaml'), 5 * 1024 ** 3);
    expectRefused(dir, [error('1:1', 'file is 5368709120 bytes; an advisory file may be at most 1048576 bytes (1 MiB)')]);
  });

  it('refuses a config file over the cap with exit 2, the code for a config error', () => {
    const dir = projectWith(VALID);
    writeFileSync(path.join(dir, 'advisory.config.yaml'), '');
    truncateSync(path.join(dir, 'advisory.config.yaml'), 5 * 1024 ** 3);
    const result = runCli(['build', ...TODAY], { cwd: dir });
    expect(result.stderr).toBe('advisory.config.yaml:1:1  error  file is 5368709120 bytes; a config file may be at most 1048576 bytes (1 MiB)\n1 error\nerror: invalid config advisory.config.yaml\n');
    expect(result.status).toBe(2);
  });

  it('refuses a label catalogue over the cap with exit 2', () => {
    const dir = projectWith(VALID);
    mkdirSync(path.join(dir, 'templates/labels'), { recursive: true });
    writeFileSync(path.join(dir, 'templates/labels/en.yaml'), '');
    truncateSync(path.join(dir, 'templates/labels/en.yaml'), 5 * 1024 ** 3);
    const result = runCli(['build', '--templates', 'templates', ...TODAY], { cwd: dir });
    expect(result.stderr).toBe(
      'templates/labels/en.yaml:1:1  error  file is 5368709120 bytes; a label catalogue file may be at most 1048576 bytes (1 MiB)\n1 error\nerror: invalid label catalogue templates/labels/en.yaml\n',
    );
    expect(result.status).toBe(2);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });
});

describe('bytes and characters', () => {
  it('refuses bytes that are not UTF-8, at the first bad byte', () => {
    expectRefused(projectWith(bytes(VALID, 'title: caf', [0xe9], '\n')), [error('10:11', 'file is not valid UTF-8 text; save it as UTF-8')]);
  });

  it.each([
    ['a C0 control (U+0001)', '\u0001', 'U+0001'],
    ['escape (U+001B), which would drive a terminal', '\u001b[2J', 'U+001B'],
    ['DEL (U+007F)', '\u007f', 'U+007F'],
    ['a C1 control (U+0085, next line)', '\u0085', 'U+0085'],
    ['the line separator U+2028', '\u2028', 'U+2028'],
    ['the paragraph separator U+2029', '\u2029', 'U+2029'],
  ])('refuses %s', (_, character, code) => {
    expectRefused(projectWith(`${VALID}title: "Caution${character}"\n`), [error('10:16', `control character ${code} is not allowed; delete it (most editors do not show it)`)]);
  });

  it.each([
    ['\\e]8;;https://evil.example\\a', 'U+001B'],
    ['\\x1b[31m', 'U+001B'],
    ['\\x9b', 'U+009B'],
    ['\\0', 'U+0000'],
    ['\\v', 'U+000B'],
    ['\\L', 'U+2028'],
    ['\\N', 'U+0085'],
    ['\\u2029', 'U+2029'],
  ])('refuses a control character written as the escape %s in double quotes', (escape, code) => {
    expectRefused(projectWith(`${VALID}title: "Caution ${escape}"\n`), [error('10:8', `control character ${code}, written as an escape, is not allowed; remove it`)]);
  });

  it('refuses a bidirectional override, embedding or isolate left open in a value, which would reorder the text after it', () => {
    // Pointed at the control left open, on its own line in a text of several.
    expectRefused(projectWith(`${VALID}title: "Kayes \u202E"\n`), [
      error('10:15', 'a right-to-left override (U+202E) is never closed in this value, so it would reorder the text published after it; close it with U+202C in the same value, or remove it'),
    ]);
    expectRefused(projectWith(`${VALID}title: Kayes \u2067عربي\n`), [
      error('10:14', 'a right-to-left isolate (U+2067) is never closed in this value, so it would reorder the text published after it; close it with U+2069 in the same value, or remove it'),
    ]);
    expectRefused(projectWith(`${VALID}body: |\n  Closed: \u202Eabc\u202C.\n\n  Left open: \u202Eabc.\n`), [
      error('13:14', 'a right-to-left override (U+202E) is never closed in this value, so it would reorder the text published after it; close it with U+202C in the same value, or remove it'),
    ]);
    // Written as an escape, it has no place of its own in the file: the value's.
    expectRefused(projectWith(`${VALID}title: "Kayes \\u202E"\n`), [
      error('10:8', 'a right-to-left override (U+202E) is never closed in this value, so it would reorder the text published after it; close it with U+202C in the same value, or remove it'),
    ]);
  });

  it('accepts bidirectional controls closed within the value', () => {
    for (const title of ['"Kayes \\u202Eabc\\u202C ok"', 'Kayes \u2067عربي\u2069 ok', '"\\u2068\\u202Bx\\u2069 y"']) {
      const result = runCli(['validate', ...TODAY], { cwd: projectWith(`${VALID}title: ${title}\n`) });
      expect(result.stderr, title).toBe('✓ 1 advisory valid\n');
      expect(result.status).toBe(0);
    }
  });

  it.each([
    ['the summary', VALID.replace(/^summary: .*$/m, 'summary: "Call &#27;[2J now"'), '6:16', 'summary: the character reference &#27; stands for control character U+001B, which is not allowed; remove it'],
    ['the body', `${VALID}body: |\n  Line one\n  Line &#X9B;two\n`, '12:8', 'body: the character reference &#X9B; stands for control character U+009B, which is not allowed; remove it, or write the "›" that web pages mean by it'],
    [
      'a region note',
      `${VALID}regions:\n  - name: Kayes\n    level: 3\n    note: Border &#x202E;area\n`,
      '13:18',
      'regions[0].note: the character reference &#x202E; stands for a right-to-left override (U+202E), which is never closed in this value, so it would reorder the text published after it; close it with U+202C (&#x202C;) in the same value, or remove it',
    ],
  ])('refuses a character reference in %s that stands for a control character or an open bidirectional control', (_, content, at, message) => {
    expectRefused(projectWith(content), [error(at, message)]);
  });

  it('accepts the same references where they are text: in a one-line field, and closed or harmless in a Markdown field', () => {
    const extra = 'title: "Caution &#27; &#x202E;"\nbody: "&#x202E;closed&#x202C; &#9;tab &#0; &amp;#27; &copy;"\n';
    const result = runCli(['validate', ...TODAY], { cwd: projectWith(`${VALID}${extra}`) });
    expect(result.stderr).toBe('✓ 1 advisory valid\n');
    expect(result.status).toBe(0);
  });

  it('accepts a tab inside text', () => {
    const result = runCli(['validate', ...TODAY], { cwd: projectWith(`${VALID}title: "Caution\there"\n`) });
    expect(result.stderr).toBe('✓ 1 advisory valid\n');
    expect(result.status).toBe(0);
  });

  it('refuses a tab used for indentation, after spaces too, pointing at the tab', () => {
    const tabIndent = 'tab used for indentation: YAML indents with spaces only, so it cannot read this line; replace the tab with spaces';
    expectRefused(projectWith(`${VALID}contacts:\n\t- name: Embassy\n`), [error('11:1', tabIndent)]);
    expectRefused(projectWith(`${VALID}contacts:\n  \t- name: Embassy\n`), [error('11:3', tabIndent)]);
    // YAML's own words here are about a flow sequence "sufficiently indented": the tab is named instead.
    expectRefused(projectWith(VALID.replace('risks: [crime]', 'risks: [crime,\n\tterrorism]')), [error('10:1', tabIndent)]);
    // After a dash, a tab before a field opens no mapping: YAML names the tab, and so does the message.
    expectRefused(projectWith(`${VALID}contacts:\n  -\tname: Embassy\n    phone: "112"\n`), [error('11:4', tabIndent)]);
  });

  it('refuses a line of a | text that starts with a tab before the text\'s indentation, saying what YAML needs', () => {
    const inBlock = 'tab used for indentation in a | or > text: YAML indents with spaces only, so it cannot read this line; ';
    expectRefused(projectWith(`${VALID}body: |\n  Intro.\n\tcode\n`), [error('12:1', `${inBlock}start the line with the same spaces as the text's first line (a tab after them is text, and is kept)`)]);
    expectRefused(projectWith(`${VALID}body: |\n  Intro.\n\t\n  More.\n`), [error('12:1', `${inBlock}the line is blank: delete the tab`)]);
  });

  it('accepts tabs YAML reads as text or as a separator: in a | text after its indentation, after a dash or a colon', () => {
    const result = runCli(['validate', ...TODAY], { cwd: projectWith(`${VALID}body: |\n  \tcode first\n\n  Intro.\n\n  \tcode\n  \t\tdeeper\ncontacts:\n  - name:\tEmbassy\n    phone: "112"\n`).replace('  - Keep valuables', '  -\tKeep valuables') });
    expect(result.stderr).toBe('✓ 1 advisory valid\n');
    expect(result.status).toBe(0);
  });

  it('accepts a UTF-8 byte-order mark, and counts columns after it', () => {
    const bom = [0xef, 0xbb, 0xbf];
    const valid = runCli(['validate', ...TODAY], { cwd: projectWith(bytes(bom, VALID)) });
    expect(valid.stderr).toBe('✓ 1 advisory valid\n');
    expect(valid.status).toBe(0);
    expectRefused(projectWith(bytes(bom, VALID, 'level: 3\n')), [error('10:1', 'key "level" appears twice in the same mapping; each key may appear once, so merge the two entries')]);
  });
});

describe('keys', () => {
  it('refuses a duplicate key, naming it, at the top and nested', () => {
    expectRefused(projectWith(`${VALID}level: 3\n`), [error('10:1', 'key "level" appears twice in the same mapping; each key may appear once, so merge the two entries')]);
    expectRefused(projectWith(`${VALID}contacts:\n  - name: Embassy\n    "name": Consulate\n`), [
      error('12:5', 'key "name" appears twice in the same mapping; each key may appear once, so merge the two entries'),
    ]);
  });

  it.each([
    ['__proto__ at the top', '__proto__:\n  level: 4\n', '10:1', '__proto__'],
    ['constructor in a list item', 'contacts:\n  - name: Embassy\n    constructor: x\n', '12:5', 'constructor'],
    ['prototype in a translation', 'translations:\n  fr:\n    prototype: x\n', '12:5', 'prototype'],
    ['a quoted "__proto__" deep inside', 'regions:\n  - name: North\n    level: 3\n    note: {"__proto__": {level: 1}}\n', '13:12', '__proto__'],
  ])('refuses %s', (_, yaml, at, key) => {
    expectRefused(projectWith(VALID + yaml), [error(at, `key "${key}" is not allowed`)]);
  });
});

describe('YAML features advisories never need', () => {
  it('refuses a billion-laughs alias bomb quickly, at its anchors', () => {
    const levels = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
    const bomb = levels.map((name, i) => `${name}: &${name} [${(i === 0 ? Array(9).fill('"lol"') : Array(9).fill(`*${levels[i - 1]}`)).join(', ')}]\n`).join('');
    const started = Date.now();
    expectRefused(
      projectWith(VALID + bomb),
      levels.map((name, i) => error(`${10 + i}:7`, `anchor &${name} is not allowed; write each value out in full`)),
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses an alias', () => {
    expectRefused(projectWith(`${VALID}title: &t Caution\nregions:\n  - name: *t\n    level: 3\n`), [
      error('10:11', 'anchor &t is not allowed; write each value out in full'),
      error('12:11', 'alias *t is not allowed; write the value out in full'),
    ]);
  });

  it('refuses 100000 nested lists with a message, not a stack overflow', () => {
    expectRefused(projectWith(`${VALID}title: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`), [error('10:8', 'nesting is deeper than 12 levels; the advisory format never needs that')]);
  });

  it('reports an unclosed list once, not once per level of nesting', () => {
    const unclosed = 'YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]';
    expectRefused(projectWith(`${VALID}title: ${'['.repeat(12)}\n`), [error('11:1', unclosed)]);
    // Where the parser gives up on 100000 depends on its stack: one line for it, whatever its column.
    const deep = runCli(['validate', ...TODAY], { cwd: projectWith(`${VALID}title: ${'['.repeat(100_000)}\n`) });
    expect(deep.status).toBe(1);
    const [nesting, gaveUp, count] = deep.stderr.split('\n');
    expect([nesting, gaveUp?.replace(/:10:\d+ /, ':10:<col> '), count]).toEqual([error('10:8', 'nesting is deeper than 12 levels; the advisory format never needs that'), error('10:<col>', unclosed), '2 errors']);
  });

  it('reports an unclosed list in the config once, with exit 2', () => {
    const dir = projectWith(VALID);
    writeFileSync(path.join(dir, 'advisory.config.yaml'), `issuer: ${'['.repeat(12)}\n`);
    expect(runCli(['validate', ...TODAY], { cwd: dir })).toEqual({
      status: 2,
      stdout: '',
      stderr: 'advisory.config.yaml:2:1  error  YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]\n1 error\nerror: invalid config advisory.config.yaml\n',
    });
  });

  it('refuses nesting just past the limit', () => {
    expectRefused(projectWith(`${VALID}title: ${'['.repeat(13)}${']'.repeat(13)}\n`), [error('10:19', 'nesting is deeper than 12 levels; the advisory format never needs that')]);
  });

  it('refuses Markdown nested thousands of levels deep, which would run the renderer out of stack, in validate as in build', () => {
    const deep = 'is Markdown nested more than 32 levels deep (emphasis, links, quotes or lists inside one another), which no bulletin can be rendered from; write it with less nesting';
    // 3999 characters: within the length a guidance item may have.
    const item = `  - Keep valuables out of sight.\n  - "${'*'.repeat(1999)}x${'*'.repeat(1999)}"\n`;
    expectRefused(projectWith(VALID.replace('  - Keep valuables out of sight.\n', item)), [error('9:5', `guidance[1] ${deep}`)]);
    expectRefused(projectWith(`${VALID}body: |\n  ${'> '.repeat(2000)}deep\n`), [error('10:7', `body ${deep}`)]);
  });

  it('refuses Markdown just past 32 levels, and takes 32', () => {
    const nested = (levels: number) => `${VALID}body: |\n  ${'> '.repeat(levels)}deep\n`;
    expectRefused(projectWith(nested(33)), [
      error('10:7', 'body is Markdown nested more than 32 levels deep (emphasis, links, quotes or lists inside one another), which no bulletin can be rendered from; write it with less nesting'),
    ]);
    expect(runCli(['validate', ...TODAY], { cwd: projectWith(nested(32)) }).status).toBe(0);
  });

  it('refuses half of a character written as an escape, which pages would show as U+FFFD', () => {
    expectRefused(projectWith(`${VALID}title: "Crime \\uD800 in Port of Spain"\n`), [
      error('10:8', '\\uD800, written as an escape, is half of a character (a lone UTF-16 surrogate) and not text; write the character itself, or its pair as one escape such as \\U0001F600'),
    ]);
    // A pair written as two escapes is one character.
    expect(runCli(['validate', ...TODAY], { cwd: projectWith(`${VALID}title: "Trinidad and Tobago \\uD83D\\uDE00"\n`) }).status).toBe(0);
  });

  it('refuses a second document', () => {
    expectRefused(projectWith(`${VALID}---\ncountry: Norway\n`), [error('11:1', 'file holds 2 YAML documents (separated by ---); put one advisory in each file')]);
  });

  it.each([
    ['!!js/function', 'title: !!js/function "function () { return 1 }"\n', '10:8', 'Unresolved tag: tag:yaml.org,2002:js/function: tags are not allowed; write plain values'],
    ['a local tag !foo', 'title: !foo Caution\n', '10:8', 'Unresolved tag: !foo: tags are not allowed; write plain values'],
    ['!!binary', 'title: !!binary Q2F1dGlvbg==\n', '10:17', 'tag tag:yaml.org,2002:binary is not allowed; write plain values'],
    ['!!int on a level', 'regions:\n  - name: North\n    level: !!int 3\n', '12:18', 'tag tag:yaml.org,2002:int is not allowed; write plain values'],
  ])('refuses the tag %s', (_, yaml, at, message) => {
    expectRefused(projectWith(VALID + yaml), [error(at, message)]);
  });

  it('refuses a %YAML 1.1 directive, under which NO would read as false', () => {
    expectRefused(projectWith(`%YAML 1.1\n---\n${VALID}`), [
      error('1:1', '%YAML 1.1 directive is not allowed: advisories are YAML 1.2, where NO stays the text "NO"; remove the directive'),
    ]);
  });
});

describe('files that are not one mapping', () => {
  it.each([
    ['a list', '- code: TT\n- code: NO\n', 'the file must be a mapping of fields (key: value), found a list'],
    ['a single value', 'Trinidad and Tobago\n', 'the file must be a mapping of fields (key: value), found a single value'],
    ['an empty file', '', 'file is empty; an advisory is a YAML mapping of fields'],
    ['only blank lines', '  \n\n   \n', 'file is empty; an advisory is a YAML mapping of fields'],
    ['only comments', '# code: TT\n# level: 2\n', 'file is empty; an advisory is a YAML mapping of fields'],
    ['only a document marker', '---\n', 'file is empty; an advisory is a YAML mapping of fields'],
  ])('refuses %s', (_, content, message) => {
    expectRefused(projectWith(content), [error('1:1', message)]);
  });
});

describe('what YAML 1.1 would have broken', () => {
  it('keeps code: NO as Norway, built into no.* files', () => {
    const norway = VALID.replace('Trinidad and Tobago', 'Norway').replace('code: TT', 'code: NO').replace(' in parts of Port of Spain', ' in parts of Oslo');
    const dir = projectWith(norway, 'no.yaml');
    const result = runCli(['build', ...TODAY], { cwd: dir });
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(dir, 'dist/no.txt'), 'utf8')).toContain('Norway');
    const listed = JSON.parse(runCli(['list', '--json', ...TODAY], { cwd: dir }).stdout) as Array<{ code: string }>;
    expect(listed.map((a) => a.code)).toEqual(['NO']);
  });
});

describe('symbolic links among the advisories', () => {
  it('does not follow a link to a folder, nor skip it without a word: what is behind it is neither read nor walked', () => {
    const dir = projectWith(VALID);
    mkdirSync(path.join(dir, 'elsewhere'));
    writeFileSync(path.join(dir, 'elsewhere/jp.yaml'), 'token: s3cr3t\n');
    symlinkSync(path.join(dir, 'elsewhere'), path.join(dir, 'advisories/more'));
    // A link to the root would walk the whole disk if followed (Node 24's recursive readdir does).
    symlinkSync('/', path.join(dir, 'advisories/root'));
    expect(runCli(['validate'], { cwd: dir })).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'error: advisories/more, advisories/root are symbolic links to folders, which are not followed (a link could publish any file on this machine); give the real folder, or copy its advisories here\n',
    });
  });

  it('refuses a link named like an advisory instead of reading what it points to', () => {
    const dir = projectWith(VALID);
    writeFileSync(path.join(dir, 'secret.txt'), 'token: s3cr3t\n');
    symlinkSync(path.join(dir, 'secret.txt'), path.join(dir, 'advisories/jp.yaml'));
    const refused = 'advisories/jp.yaml  error  file is a symbolic link; advisory files must be regular files (a link could publish any file on this machine), so copy the file here instead';
    expectRefused(dir, [refused]);
    // Named on the command line, it is refused just the same, and what it points to never shows.
    const named = runCli(['validate', 'advisories/jp.yaml'], { cwd: dir });
    expect(named.stderr).toBe(`${refused}\n1 error\nFix the problems above, then run \`advisory validate\` again.\n`);
    expect(named.status).toBe(1);
  });

  it('refuses a link to a folder, as the advisories folder, inside it or named, and a linked config, before reading through them', () => {
    const dir = projectWith(VALID);
    mkdirSync(path.join(dir, 'elsewhere'));
    writeFileSync(path.join(dir, 'elsewhere/secret.yaml'), 'level: "ghp_SECRETTOKEN123"\n');
    const linked = (shown: string) => `error: ${shown} is a symbolic link to a folder, which is not followed (a link could publish any file on this machine); give the real folder, or copy its advisories here\n`;
    symlinkSync('../elsewhere', path.join(dir, 'advisories/africa'));
    for (const command of ['validate', 'build']) expect(runCli([command, ...TODAY], { cwd: dir })).toEqual({ status: 2, stdout: '', stderr: linked('advisories/africa') });
    rmSync(path.join(dir, 'advisories/africa'));
    symlinkSync('elsewhere', path.join(dir, 'more'));
    expect(runCli(['validate', 'more', ...TODAY], { cwd: dir })).toEqual({ status: 2, stdout: '', stderr: linked('more') });
    rmSync(path.join(dir, 'advisories'), { recursive: true });
    symlinkSync('elsewhere', path.join(dir, 'advisories'));
    expect(runCli(['validate', ...TODAY], { cwd: dir })).toEqual({ status: 2, stdout: '', stderr: linked('advisories') });
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);

    rmSync(path.join(dir, 'advisories'));
    mkdirSync(path.join(dir, 'advisories'));
    writeFileSync(path.join(dir, 'advisories/tt.yaml'), VALID);
    symlinkSync('elsewhere/secret.yaml', path.join(dir, 'advisory.config.yaml'));
    expect(runCli(['validate', ...TODAY], { cwd: dir })).toEqual({
      status: 2,
      stdout: '',
      stderr: 'error: config advisory.config.yaml is a symbolic link, which is not followed (a link could show any file on this machine in messages); copy the file here instead\n',
    });
  });
});

describe('file names with characters that act instead of showing', () => {
  const nameRefusal = (characters: string) =>
    `the path has invisible characters (${characters}), shown here as escapes; printed as they are, they could forge lines or reorder text in a terminal, a CI log or a pull-request comment, so rename it with visible characters only`;
  /** The diagnostic line of a refused path, `shown` with JSON-style escapes. */
  const refusedName = (shown: string, characters: string) => `${shown}  error  ${nameRefusal(characters)}`;

  it('refuses a name that would forge a workflow command and clear the screen, showing it escaped everywhere', () => {
    const dir = projectWith(VALID);
    writeFileSync(path.join(dir, 'advisories', 'x\n::error file=evil.yaml::pwned\n\u001b[2Jy.yaml'), VALID.replace('code: TT', 'code: NO').replace('Trinidad and Tobago', 'Norway'));
    const shown = 'advisories/x\\n::error file=evil.yaml::pwned\\n\\u001B[2Jy.yaml';
    expectRefused(dir, [refusedName(shown, 'U+000A, U+001B')]);
    const github = runCli(['validate', '--format', 'github', ...TODAY], { cwd: dir });
    expect(github.status).toBe(1);
    expect(github.stdout).toBe(`::error file=advisories/x\\n%3A%3Aerror file=evil.yaml%3A%3Apwned\\n\\u001B[2Jy.yaml,title=advisory file-name::${nameRefusal('U+000A, U+001B')}\n`);
    const json = runCli(['validate', '--json', ...TODAY], { cwd: dir });
    expect(JSON.parse(json.stdout).diagnostics.map((d: { file: string; rule: string }) => [d.file, d.rule])).toEqual([[shown, 'file-name']]);
    // Nothing the tool printed holds the raw name's line feed or escape.
    for (const output of [github.stdout, github.stderr, json.stdout]) expect(output).not.toMatch(/\u001b|\n::error file=evil/);
  });

  it('refuses C1 controls, DEL, tab, line separators and bidirectional controls, in a folder name too', () => {
    const dir = projectWith(VALID);
    const names = ['a\u009b2J.yaml', 'b\u007f.yaml', 'c\t.yaml', 'd\u2028.yaml', 'e\u202egpj.yaml', 'f\u200f.yaml'];
    for (const name of names) writeFileSync(path.join(dir, 'advisories', name), VALID);
    mkdirSync(path.join(dir, 'advisories', 'g\u2066h'));
    writeFileSync(path.join(dir, 'advisories', 'g\u2066h', 'tt.yaml'), VALID);
    expectRefused(dir, [
      refusedName('advisories/a\\u009B2J.yaml', 'U+009B'),
      refusedName('advisories/b\\u007F.yaml', 'U+007F'),
      refusedName('advisories/c\\t.yaml', 'U+0009'),
      refusedName('advisories/d\\u2028.yaml', 'U+2028'),
      refusedName('advisories/e\\u202Egpj.yaml', 'U+202E'),
      refusedName('advisories/f\\u200F.yaml', 'U+200F'),
      refusedName('advisories/g\\u2066h/tt.yaml', 'U+2066'),
    ]);
  });

  it('shows a path given on the command line escaped when it does not exist', () => {
    const dir = projectWith(VALID);
    expect(runCli(['validate', 'no\u001b]8;;https://evil.example\u0007where'], { cwd: dir })).toEqual({
      status: 2,
      stdout: '',
      stderr: 'error: no\\u001B]8;;https://evil.example\\u0007where: no such file or folder\n',
    });
  });

  it('shows a --config path escaped, whether it cannot be read or holds a mistake', () => {
    const dir = projectWith(VALID);
    expect(runCli(['validate', '--config', 'a\u001b[2Jb.yaml', ...TODAY], { cwd: dir })).toEqual({
      status: 2,
      stdout: '',
      stderr: 'error: cannot read config a\\u001B[2Jb.yaml: there is no such file (ENOENT)\n',
    });
    writeFileSync(path.join(dir, 'c\nd.yaml'), 'scale: zz\n');
    const result = runCli(['validate', '--config', 'c\nd.yaml', ...TODAY], { cwd: dir });
    expect(result).toMatchObject({ status: 2, stdout: '' });
    expect(result.stderr).toContain('c\\nd.yaml:1:8  error  scale must be');
    expect(result.stderr).toContain('error: invalid config c\\nd.yaml\n');
    expect(result.stderr).not.toMatch(/\u001b|c\nd/);
  });

  it('accepts names in any script, and a backslash, as they are', () => {
    const dir = projectWith(VALID, 'trinité-et-tobago\\ترينيداد.yaml');
    const result = runCli(['validate', '--json', ...TODAY], { cwd: dir });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ files: 1, errors: 0 });
  });
});
