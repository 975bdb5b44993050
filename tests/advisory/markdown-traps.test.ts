/**
 * Markdown that would publish something other than what the officer wrote:
 * the exact message for each trap, in-process, and once through the real
 * binary (validate and build refuse, nothing is written; warnings build).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runCli, tempProject } from '../helpers/run-cli.js';
import { check, replaceLine } from './validate-helpers.js';

const ITEM = '  - Stay in contact with the embassy.';
/** VALID with its one guidance item (line 10, text from column 5) replaced. */
const guidance = (item: string) => check(replaceLine(ITEM, `  - ${item}`));
/** VALID with a body of these lines, the first on line 19 (text from column 3). */
const body = (...lines: string[]) => check(replaceLine('updates:', `body: |\n${lines.map((l) => (l ? `  ${l}` : '')).join('\n')}\nupdates:`));

const error = (at: string, message: string) => `advisories/ml.yaml:${at}  error  ${message}`;
const warning = (at: string, message: string) => `advisories/ml.yaml:${at}  warning  ${message}`;

describe('emphasis next to digits', () => {
  const stars = (field: string, written: string, digits: string, how = 'italics') =>
    `${field} has "${written}": the stars around ${digits} would be dropped and ${digits} shown in ${how}, as Markdown reads stars next to digits as emphasis; write \\* for each star (\\\\* inside double quotes, where YAML reads a backslash first), or put the code in backticks`;

  it('refuses a USSD code whose stars would be read as emphasis, pointing at the first star', () => {
    expect(guidance('"Register by dialling *100*1*3# from a local SIM, then *555# for alerts."')).toEqual([error('10:27', stars('guidance[0]', '*100*1*3#', '100'))]);
  });

  it('refuses stars between digits, bold glued to a digit, and a number in emphasis next to a code mark', () => {
    expect(guidance('Keep 2*3*4 metres away.')).toEqual([error('10:11', stars('guidance[0]', '2*3*4', '3'))]);
    expect(guidance('"Code **1**2."')).toEqual([error('10:11', stars('guidance[0]', '**1**2.', '1', 'bold'))]);
    // A USSD or call-forwarding code: a # after, a * or + beside the stars of a number in emphasis.
    expect(guidance('"Dial *100*# for credit."')).toEqual([error('10:11', stars('guidance[0]', '*100*#', '100'))]);
    expect(guidance('"Forward calls: **21**# first."')).toEqual([error('10:21', stars('guidance[0]', '**21**#', '21', 'bold'))]);
    expect(guidance('"Forward calls: **21*+4712345678#."')).toEqual([error('10:22', stars('guidance[0]', '**21*+4712345678#.', '21'))]);
    expect(guidance('"Top up: +*100* now."')).toEqual([error('10:15', stars('guidance[0]', '+*100*', '100'))]);
    // Nested emphasis shows the digits alone, and is named by them.
    expect(guidance('"Dial ***21***# now."')).toEqual([error('10:11', stars('guidance[0]', '***21***#', '21'))]);
  });

  it('names the underscores when they are the delimiters', () => {
    expect(guidance('Dial _100_# for credit.')).toEqual([
      error(
        '10:10',
        'guidance[0] has "_100_#": the underscores around 100 would be dropped and 100 shown in italics, as Markdown reads underscores next to digits as emphasis; write \\_ for each underscore (\\\\_ inside double quotes, where YAML reads a backslash first), or put the code in backticks',
      ),
    ]);
  });

  it('accepts emphasis meant as emphasis, escaped stars, codes in backticks, and underscores inside numbers', () => {
    for (const item of ['"*Do not travel* to the north."', '"**Level 4** applies."', 'Level **4** applies.', 'Dial \\*100\\*1\\*3# now.', 'Dial `*100*1*3#` now.', 'Reference 2_3_4 and _100_1.', '"Call 112*, or *555# for alerts."']) {
      expect(guidance(item), item).toEqual([]);
    }
  });

  it('accepts a number in italics or bold next to a space or punctuation, with no warning', () => {
    for (const item of ['"Drive slowly (*30* near schools)."', '"In *2026*, the rules change."', '_1_ in 5 visitors is robbed.', '"Dial *100* for credit."', '"Stay **48** hours; *72*: better."', '"*5*-*10* km"']) {
      expect(guidance(item), item).toEqual([]);
    }
    expect(body('In *2026*, roads reopen.', '', '- *1* in *5*')).toEqual([]);
  });
});

describe('link targets', () => {
  const notLink = (field: string, label: string, href: string, hint = '') =>
    `${field} links "${label}" to "${href}", which would be published as the text alone, the address lost: only https:, http:, mailto: and tel: addresses are links${hint}`;
  const relative = (field: string, label: string, href: string, fix: string) =>
    `${field} links "${label}" to "${href}", which is not a full address, so it would be published without the link: bulletins are read away from the ministry's site, where a relative address leads nowhere; ${fix}`;

  it('refuses a scheme that is not published, with the intended one when it is a slip', () => {
    expect(guidance('"[contact details](javascript:alert(1))"')).toEqual([error('10:24', notLink('guidance[0]', 'contact details', 'javascript:alert(1)'))]);
    expect(guidance('"[x](htps://example.org)"')).toEqual([error('10:10', notLink('guidance[0]', 'x', 'htps://example.org', '; did you mean "https://example.org"?'))]);
  });

  it('refuses addresses that are not full ones, saying what to write', () => {
    expect(guidance('"[site](www.example.org/oslo)"')).toEqual([error('10:13', relative('guidance[0]', 'site', 'www.example.org/oslo', 'write "https://www.example.org/oslo"'))]);
    expect(guidance('"[mail](consular.oslo@example.org)"')).toEqual([error('10:13', relative('guidance[0]', 'mail', 'consular.oslo@example.org', 'write "mailto:consular.oslo@example.org"'))]);
    expect(guidance('"See [the section](#getting-help)."')).toEqual([error('10:24', relative('guidance[0]', 'the section', '#getting-help', 'write the full address, starting with https://'))]);
    expect(guidance('"![map](map.png)"')).toEqual([error('10:13', relative('guidance[0]', 'map', 'map.png', 'write the full address, starting with https://'))]);
  });

  it('refuses a link written with a space in its address, which is printed as written', () => {
    expect(guidance('"[tel](+47 00 00 00 00)"')).toEqual([
      error('10:6', 'guidance[0] "[tel](+47 00 00 00 00)" would be published as written, not as a link: a link\'s address cannot contain spaces; write "[tel](tel:+4700000000)"'),
    ]);
    // Written with tel: already, the digits are what it needs.
    expect(guidance('"[us](tel:+51 1 000 0000)"')).toEqual([
      error('10:6', 'guidance[0] "[us](tel:+51 1 000 0000)" would be published as written, not as a link: a link\'s address cannot contain spaces; write "[us](tel:+5110000000)"'),
    ]);
    expect(guidance('"[form](https://ex.org/visa form.pdf)"')).toEqual([
      error('10:6', 'guidance[0] "[form](https://ex.org/visa form.pdf)" would be published as written, not as a link: a link\'s address cannot contain spaces; write %20 for each space in the address'),
    ]);
  });

  it('checks links in every Markdown field, the body and translations included', () => {
    expect(check(replaceLine('summary: Be careful.', 'summary: "Read [this](example.org)."'))).toEqual([
      error('8:23', relative('summary', 'this', 'example.org', 'write the full address, starting with https://')),
    ]);
    expect(body('Intro.', '', '- See [the embassy](www.example.org).')).toEqual([error('21:23', relative('body', 'the embassy', 'www.example.org', 'write "https://www.example.org"'))]);
  });

  it('accepts full https, http, mailto and tel addresses, autolinks and bare web and e-mail addresses', () => {
    expect(
      guidance('"[a](https://example.org/a) [b](http://example.org) [c](mailto:c@example.org) [d](tel:+4700000000) <https://example.org> www.example.org c@example.org"'),
    ).toEqual([]);
  });
});

describe('reference links', () => {
  // The same check and message as an inline link, pointed at the definition's target, where the fix goes.
  it('refuses a reference link to a target an inline link may not have, at the target in its definition', () => {
    expect(body('See the [map][m], the [form][F] and [Help].', '', '[m]: javascript:alert(1)', '[f]: /travel/form.pdf', '[help]:', '  #getting-help')).toEqual([
      error('21:8', 'body links "map" to "javascript:alert(1)", which would be published as the text alone, the address lost: only https:, http:, mailto: and tel: addresses are links'),
      error(
        '22:8',
        'body links "form" to "/travel/form.pdf", which is not a full address, so it would be published without the link: bulletins are read away from the ministry\'s site, where a relative address leads nowhere; write the full address, starting with https://',
      ),
      // A target on the line below its label: pointed at the definition.
      error(
        '23:3',
        'body links "Help" to "#getting-help", which is not a full address, so it would be published without the link: bulletins are read away from the ministry\'s site, where a relative address leads nowhere; write the full address, starting with https://',
      ),
    ]);
    expect(body('See ![the map][m].', '', '> [m]: <>')).toEqual([error('21:5', 'body links "the map" to nothing, so it would be published without a link; write the address after "[m]:"')]);
  });

  it('accepts reference links to full addresses, whatever the case and spacing of their labels', () => {
    expect(body('See the [map][Map  Of Mali], [the form][] and ![a photo][1].', '', '[map of mali]: https://example.org/map', '[The Form]: https://example.org/form.pdf "Form"', '[1]: https://example.org/p.jpg')).toEqual([]);
  });

  it('warns about a definition no link uses, which no format publishes', () => {
    const unused = (at: string, written: string, label: string, href: string) =>
      warning(
        at,
        `body has the link definition "${written}", which no link refers to, so it will not be published in any format; refer to it where the text mentions it ("[text][${label}]"), or write the link in the text ("[text](${href})")`,
      );
    expect(body('Sources:', '', '[1]: https://www.mofa.go.jp/ "Ministry of Foreign Affairs"', '[Embassy]: https://example.org/embassy', '', '`[1]` is code, not a link.')).toEqual([
      unused('21:3', '[1]: https://www.mofa.go.jp/ "Ministr...', '1', 'https://www.mofa.go.jp/'),
      unused('22:3', '[Embassy]: https://example.org/embassy', 'Embassy', 'https://example.org/embassy'),
    ]);
    // In a list item or a quote, and with an address too long to write out.
    expect(body('- Call us.', '', '  [a]: https://example.org/a', '', `> [b]: https://example.org/${'b'.repeat(60)}`)).toEqual([
      unused('21:5', '[a]: https://example.org/a', 'a', 'https://example.org/a'),
      unused('23:5', '[b]: https://example.org/bbbbbbbbbbbb...', 'b', 'https://...'),
    ]);
  });

  it('warns about a second definition of a label, which links never use', () => {
    expect(body('See [the map][m].', '', '[m]: https://example.org/map', '[M]: https://example.org/old-map')).toEqual([
      warning(
        '22:3',
        'body has a second link definition of [M], "[M]: https://example.org/old-map": links to [M] use the first, so this one will not be published in any format; give it a label of its own and refer to it ("[text][label]"), or write the link in the text ("[text](https://example.org/old-map)")',
      ),
    ]);
  });

  it('leaves a footnote, and a "definition" in a one-paragraph field, which are published as text', () => {
    expect(body('Carry your passport.[^1]', '', '[^1]: A copy is not enough.')).toEqual([]);
    expect(check(replaceLine('summary: Be careful.', 'summary: "[1]: https://example.org"'))).toEqual([]);
  });
});

describe('table rows', () => {
  const overfull = (at: string, row: string, cells: number, columns: number, lost: string) =>
    error(
      at,
      `body table row "${row}" has ${cells} cells, but the table's header has ${columns}: "${lost}" would be dropped from every format; add a column to the header (and a --- for it in the line below the header), or, where a | is part of the text (in a \`code span\` too), write it as \\|`,
    );

  it('refuses a row with more cells than the header, the extra ones dropped, a pipe in a code span included', () => {
    expect(body('| Service | Number |', '|---|---|', '| Police | 110 | all day |', '| Code | `*100|1#` |', '| Fire | 118 |')).toEqual([
      overfull('21:3', '| Police | 110 | all day |', 3, 2, 'all day'),
      overfull('22:3', '| Code | `*100|1#` |', 3, 2, '1#`'),
    ]);
  });

  it('finds the row in a list item and a quote, and in a table written without outer pipes', () => {
    expect(body('- Numbers:', '', '  | a | b |', '  |---|---|', '  | x | y | z | w |', '', '> a | b', '> --- | ---', '> x | y | z')).toEqual([
      overfull('23:5', '| x | y | z | w |', 4, 2, 'z | w'),
      overfull('27:5', 'x | y | z', 3, 2, 'z'),
    ]);
    // A code block that shows a table, and a table like it after it.
    expect(body('```', '| a | b |', '|---|---|', '| x | y | z |', '```', '', '| a | b |', '|---|---|', '| x | y |', '| x | y | z |')).toEqual([overfull('28:3', '| x | y | z |', 3, 2, 'z')]);
  });

  it('accepts rows with fewer cells (shown empty), an empty extra cell, and escaped pipes', () => {
    expect(body('| a | b |', '|---|---|', '| x |', '| x | y | |', '| x \\| y | `a\\|b` |')).toEqual([]);
  });
});

describe('raw HTML', () => {
  it('warns that tags are shown as text, and says what to write', () => {
    expect(guidance("'<b>Do not</b> travel<br>'")).toEqual([
      warning('10:6', 'guidance[0] has HTML tags (<b>, </b>, <br>), which every format shows as text, not as formatting; write **bold** for bold; leave out line breaks, as this field is one paragraph'),
    ]);
    expect(body('Call <strong>now</strong>.<br/>', 'Or <a href="https://example.org">online</a>.')).toEqual([
      warning(
        '19:8',
        'body has HTML tags (<strong>, </strong>, <br>, <a>, </a>), which every format shows as text, not as formatting; write **bold** for bold; end a line with two spaces for a line break, or leave a blank line between paragraphs; write [text](https://...) for a link',
      ),
    ]);
  });

  it('refuses a comment, which writers expect hidden but every bulletin would publish', () => {
    const comment = (at: string, field: string, written: string) =>
      error(at, `${field} holds an HTML comment "${written}": it is not hidden but published as text in every bulletin; delete it, and keep notes for colleagues in a YAML comment (a line starting with #) outside the text`);
    expect(body('Roads are open. <!-- check with the desk -->', '', '<!-- TODO remove -->')).toEqual([
      comment('19:19', 'body', '<!-- check with the desk -->'),
      comment('21:3', 'body', '<!-- TODO remove -->'),
    ]);
    expect(guidance('"Stay in contact <!-- internal: ask Paris -->"')).toEqual([comment('10:22', 'guidance[0]', '<!-- internal: ask Paris -->')]);
  });

  it('takes no comparison or autolink for a tag', () => {
    expect(guidance('"Expect delays if a < b, or see <https://example.org> and <consular@example.org>."')).toEqual([]);
  });
});

describe('headings in the body', () => {
  it('warns about a heading without a space after its #s, anywhere a body heading can be', () => {
    const noSpace = (at: string, written: string, fix: string) =>
      warning(at, `body line "${written}" would be published as text, not as a heading: a heading needs a space after the #s; write "${fix}"`);
    expect(body('Intro.', '', '##Getting help', 'Call the embassy.', '', '- ###Nested')).toEqual([noSpace('21:3', '##Getting help', '## Getting help'), noSpace('24:5', '###Nested', '### Nested')]);
  });

  it('leaves #s that are not meant as a heading, and other fields (where a heading is text)', () => {
    expect(body('## Getting help', '#5 bus', '#hashtag', '`##code`')).toEqual([]);
    expect(guidance('"##Getting help"')).toEqual([]);
  });
});

describe('through the real binary', () => {
  function projectWith(advisory: string): string {
    const { dir, cleanup } = tempProject();
    onTestFinished(cleanup);
    mkdirSync(path.join(dir, 'advisories'));
    writeFileSync(path.join(dir, 'advisories/ml.yaml'), advisory);
    return dir;
  }
  const ADVISORY = 'country: Mali\ncode: ML\nlevel: 2\nissued: 2025-07-01\nupdated: 2025-07-02\nsummary: Be careful.\nguidance:\n';

  it('validate and build refuse a USSD code and a lost link, and build writes nothing', () => {
    const dir = projectWith(`${ADVISORY}  - "Register by dialling *100*1*3# from a local SIM."\n  - "[contact details](javascript:alert(1))"\n`);
    const lines = [
      'advisories/ml.yaml:8:27  error  guidance[0] has "*100*1*3#": the stars around 100 would be dropped and 100 shown in italics, as Markdown reads stars next to digits as emphasis; write \\* for each star (\\\\* inside double quotes, where YAML reads a backslash first), or put the code in backticks',
      'advisories/ml.yaml:9:24  error  guidance[1] links "contact details" to "javascript:alert(1)", which would be published as the text alone, the address lost: only https:, http:, mailto: and tel: addresses are links',
    ];
    const validate = runCli(['validate', '--today', '2025-07-03'], { cwd: dir });
    expect(validate).toEqual({ status: 1, stdout: '', stderr: `${lines.join('\n')}\n2 errors\nFix the problems above, then run \`advisory validate\` again.\n` });
    const build = runCli(['build', '--today', '2025-07-03'], { cwd: dir });
    expect(build.stderr).toBe(`${lines.join('\n')}\n2 errors\nNothing was written: fix the problems above, then run \`advisory build\` again.\n`);
    expect(build.status).toBe(1);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  it('validate refuses a number in italics with a # after it, naming the code', () => {
    const dir = projectWith(`${ADVISORY}  - "Check your credit: dial *100*# now."\n`);
    expect(runCli(['validate', '--today', '2025-07-03'], { cwd: dir })).toEqual({
      status: 1,
      stdout: '',
      stderr:
        'advisories/ml.yaml:8:30  error  guidance[0] has "*100*#": the stars around 100 would be dropped and 100 shown in italics, as Markdown reads stars next to digits as emphasis; write \\* for each star (\\\\* inside double quotes, where YAML reads a backslash first), or put the code in backticks\n1 error\nFix the problems above, then run `advisory validate` again.\n',
    });
  });

  it('validate and build accept a number in italics next to spaces or punctuation, without a warning, and publish it in italics', () => {
    const dir = projectWith(`${ADVISORY}  - "In *2026*, drive at *30* km/h (*30* near schools)."\n  - _1_ in 5 visitors is robbed.\n`);
    expect(runCli(['validate', '--today', '2025-07-03'], { cwd: dir })).toEqual({ status: 0, stdout: '', stderr: '✓ 1 advisory valid\n' });
    const build = runCli(['build', '--today', '2025-07-03'], { cwd: dir });
    expect(build.stderr).toBe('Built 3 bulletins for 1 advisory in <time> s -> dist/\n');
    expect(build.status).toBe(0);
    const html = readFileSync(path.join(dir, 'dist/ml.html'), 'utf8');
    expect(html).toContain('In <em>2026</em>, drive at <em>30</em> km/h (<em>30</em> near schools).');
    expect(html).toContain('<em>1</em> in 5 visitors is robbed.');
  });

  it('validate and build refuse a table row that would lose a cell and a reference link to a script, and build writes nothing', () => {
    const dir = projectWith(`${ADVISORY}  - Stay.\nbody: |\n  See the [map][m].\n\n  | Service | Number |\n  |---|---|\n  | Police | 110 | all day |\n\n  [m]: javascript:alert(1)\n`);
    const lines = [
      "advisories/ml.yaml:14:3  error  body table row \"| Police | 110 | all day |\" has 3 cells, but the table's header has 2: \"all day\" would be dropped from every format; add a column to the header (and a --- for it in the line below the header), or, where a | is part of the text (in a `code span` too), write it as \\|",
      'advisories/ml.yaml:16:8  error  body links "map" to "javascript:alert(1)", which would be published as the text alone, the address lost: only https:, http:, mailto: and tel: addresses are links',
    ];
    expect(runCli(['validate', '--today', '2025-07-03'], { cwd: dir })).toEqual({ status: 1, stdout: '', stderr: `${lines.join('\n')}\n2 errors\nFix the problems above, then run \`advisory validate\` again.\n` });
    const build = runCli(['build', '--today', '2025-07-03'], { cwd: dir });
    expect(build.stderr).toBe(`${lines.join('\n')}\n2 errors\nNothing was written: fix the problems above, then run \`advisory build\` again.\n`);
    expect(build.status).toBe(1);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  it('build warns about a link definition no link uses, and publishes the rest', () => {
    const dir = projectWith(`${ADVISORY}  - Stay.\nbody: |\n  Sources:\n\n  [1]: https://www.mofa.go.jp/ "Ministry of Foreign Affairs"\n`);
    const build = runCli(['build', '--today', '2025-07-03'], { cwd: dir });
    expect(build.stderr).toBe(
      'advisories/ml.yaml:12:3  warning  body has the link definition "[1]: https://www.mofa.go.jp/ "Ministr...", which no link refers to, so it will not be published in any format; refer to it where the text mentions it ("[text][1]"), or write the link in the text ("[text](https://www.mofa.go.jp/)")\n1 warning\nBuilt 3 bulletins for 1 advisory in <time> s -> dist/\n',
    );
    expect(build.status).toBe(0);
    expect(readFileSync(path.join(dir, 'dist/ml.html'), 'utf8')).not.toContain('mofa');
  });

  it('build publishes a field with raw HTML after warning about it, the tags shown as text', () => {
    const dir = projectWith(`${ADVISORY}  - '<b>Do not</b> travel'\n`);
    const build = runCli(['build', '--today', '2025-07-03'], { cwd: dir });
    expect(build.stderr).toBe(
      'advisories/ml.yaml:8:6  warning  guidance[0] has HTML tags (<b>, </b>), which every format shows as text, not as formatting; write **bold** for bold\n1 warning\nBuilt 3 bulletins for 1 advisory in <time> s -> dist/\n',
    );
    expect(build.status).toBe(0);
    expect(readFileSync(path.join(dir, 'dist/ml.txt'), 'utf8')).toContain('<b>Do not</b> travel');
  });
});
