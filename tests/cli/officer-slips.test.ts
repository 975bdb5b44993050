/**
 * Slips an officer makes writing an advisory in a hurry that validated without a word and published
 * something other than what was meant, found in an exploratory QA pass; through the real binary.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { VALID, replaceLine } from '../advisory/validate-helpers.js';
import { runCli, tempProject } from '../helpers/run-cli.js';

/** A project with `files` (name to content) in advisories/, and `config` as advisory.config.yaml when given. */
function project(files: Record<string, string | Buffer>, config?: string): string {
  const { dir, cleanup } = tempProject();
  onTestFinished(cleanup);
  mkdirSync(path.join(dir, 'advisories'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, 'advisories', name), content);
  if (config !== undefined) writeFileSync(path.join(dir, 'advisory.config.yaml'), config);
  return dir;
}

/** `advisory validate` (with `args`) on the one advisory `yaml`, as advisories/ml.yaml. */
function validate(yaml: string | Buffer, ...args: string[]) {
  return runCli(['validate', '--today', '2025-08-01', ...args], { cwd: project({ 'ml.yaml': yaml }) });
}

/** The same, in a project published in English and French. */
function validateFr(yaml: string, ...args: string[]) {
  return runCli(['validate', '--today', '2025-08-01', ...args], { cwd: project({ 'ml.yaml': yaml }, 'languages: [en, fr]\n') });
}

/** What validate prints for an advisory valid but for `warnings` (each `line:col  message`). */
const warned = (...warnings: string[]) => ({
  status: 0,
  stdout: '',
  stderr: `${warnings.map((w) => `advisories/ml.yaml:${w.replace('  ', '  warning  ')}\n`).join('')}${warnings.length} warning${warnings.length === 1 ? '' : 's'}\n✓ 1 advisory valid (${warnings.length} warning${warnings.length === 1 ? '' : 's'})\n`,
});

describe('Markdown or HTML in a one-line field', () => {
  it('is warned about, at the markup: the field is printed as written, stars, brackets and tags included', () => {
    const yaml = replaceLine(
      'code: ML\nlevel: 2',
      'code: ML\nlevel: 2\ntitle: "**Exercise increased caution** in Mali"',
      replaceLine('  - name: Embassy of India, Bamako', '  - name: "[Embassy of India, Bamako](https://example.org/bamako)"\n    hours: 9:00-17:00<br>Monday to Friday'),
    );
    expect(validate(yaml)).toEqual(
      warned(
        '4:9  title is plain text, not Markdown or HTML: "**Exercise increased caution**" would be published with its stars; write the text without them',
        '17:12  contacts[0].name is plain text, not Markdown or HTML: "[Embassy of India, Bamako](https://example.org/bamako)" would be published with its brackets and address; write the name alone, and the address in url',
        '18:22  contacts[0].hours is plain text, not Markdown or HTML: "<br>" would be published as text, not as a tag; leave the tag out',
      ),
    );
  });

  it('fails validate --strict, in a translation too', () => {
    const fr = 'translations:\n  fr:\n    updated: 2025-07-02\n    summary: Soyez prudents.\n    guidance: [Restez en contact avec l’ambassade.]\n    regions: [{ name: Région de *Kayes* }]\n    contacts: [{ name: Ambassade de l’Inde }]\n    updates: [{ summary: Relevé. }, { summary: Publié. }]\n';
    expect(validateFr(VALID + fr, '--strict')).toEqual({
      status: 1,
      stdout: '',
      stderr:
        'advisories/ml.yaml:28:33  error  translations.fr.regions[0].name is plain text, not Markdown or HTML: "*Kayes*" would be published with its stars; write the text without them\n' +
        '1 error\nFix the problems above, then run `advisory validate` again.\n',
    });
  });

  it('is not seen in stars, underscores or angle brackets that are not markup', () => {
    const yaml = replaceLine('  - name: Embassy of India, Bamako', '  - name: Embassy of India, Bamako (*)\n    address: "Rue 5*3*2, snake_case_x, <Km 5>, 2 * 3 * 4"\n    hours: "9:00 < 17:00"');
    expect(validate(yaml)).toEqual({ status: 0, stdout: '', stderr: '✓ 1 advisory valid\n' });
  });
});

describe('a risk given twice', () => {
  it('is warned about: bulletins would say "Terrorism, Kidnapping, and Terrorism"', () => {
    expect(validate(replaceLine('risks: [terrorism]', 'risks: [terrorism, kidnapping, terrorism]'))).toEqual(
      warned('7:32  risks[2] repeats risks[0], "terrorism": bulletins would list it twice; remove the repeat, or write the risk that was meant'),
    );
  });
});

describe('an advisory saved by an editor with ".txt" or a document extension after ".yaml"', () => {
  it('is refused by name, not left out of the build without a word', () => {
    const dir = project({ 'ml.yaml': VALID, 'sn.yaml.txt': 'country: Senegal\ncode: SN\n', 'lb.YML.docx': 'PK' });
    const refused = (file: string, found: string, fix: string) =>
      `advisories/${file}  error  the file's name ends in "${found}", as an editor adds when it saves a document: named so, it would not be read as an advisory, nor published; ${fix}\n`;
    expect(runCli(['validate', '--today', '2025-08-01'], { cwd: dir })).toEqual({
      status: 1,
      stdout: '',
      stderr: `${refused('lb.YML.docx', '.docx" after ".YML', 'save it again as plain text (UTF-8), named lb.YML')}${refused('sn.yaml.txt', '.txt" after ".yaml', 'rename it sn.yaml')}2 errors\nFix the problems above, then run \`advisory validate\` again.\n`,
    });
  });

  it('leaves editor backups and other files alone', () => {
    const dir = project({ 'ml.yaml': VALID, 'ml.yaml~': VALID, 'ml.yaml.bak': VALID, 'notes.txt': 'x', '.ml.yaml.txt': 'x' });
    expect(runCli(['validate', '--today', '2025-08-01'], { cwd: dir })).toEqual({ status: 0, stdout: '', stderr: '✓ 1 advisory valid\n' });
  });
});

describe('an advisory saved as UTF-16 ("Unicode" in Notepad and Word)', () => {
  const utf16 = (text: string, order: 'le' | 'be', mark: boolean) => {
    const le = Buffer.from(`${mark ? '\ufeff' : ''}${text}`, 'utf16le');
    return order === 'le' ? le : le.swap16();
  };
  const refused = {
    status: 1,
    stdout: '',
    stderr: 'advisories/ml.yaml:1:1  error  file is UTF-16 text (what Notepad and Word call "Unicode"), not UTF-8; save it as UTF-8\n1 error\nFix the problems above, then run `advisory validate` again.\n',
  };

  it('is told to be saved as UTF-8, with or without its byte-order mark, rather than to delete invisible characters', () => {
    for (const order of ['le', 'be'] as const) {
      for (const mark of [true, false]) expect(validate(utf16(VALID, order, mark))).toEqual(refused);
    }
  });
});

describe('a translated title pasted from the primary language', () => {
  it('is warned about as not translated, as a summary or guidance item is', () => {
    const yaml = replaceLine('code: ML\nlevel: 2', 'code: ML\nlevel: 2\ntitle: Exercise increased caution in Mali', VALID) +
      'translations:\n  fr:\n    updated: 2025-07-02\n    title: Exercise Increased Caution in Mali\n    summary: Soyez prudents.\n    guidance: [Restez en contact avec l’ambassade.]\n    regions: [{ name: Région de Kayes }]\n    contacts: [{ name: Ambassade de l’Inde }]\n    updates: [{ summary: Relevé. }, { summary: Publié. }]\n';
    expect(validateFr(yaml)).toEqual(
      warned('27:12  translations.fr.title is the same as title, not translated: the fr bulletin would show en text as fr; translate it'),
    );
  });
});

describe('a list or heading written in a one-paragraph field', () => {
  it('is warned about at its line: it would be published run into the text, not as a list', () => {
    const yaml = replaceLine('summary: Be careful.', 'summary: >\n  Protests in Bamako:\n  - avoid the city centre\n  - stay at home after dark', replaceLine('  - Stay in contact with the embassy.', '  - |\n    Stay in contact with the embassy.\n    ## After dark'));
    expect(validate(yaml)).toEqual(
      warned(
        '10:3  summary is one paragraph, so "- avoid the city centre" would be published run into the text before it, not as a list item; write it as a sentence, or move it to guidance (an item each) or body',
        '15:5  guidance[0] is one paragraph, so "## After dark" would be published run into the text before it, not as a heading; make each line an item of guidance of its own, or write it as a sentence',
      ),
    );
  });

  it('is not seen in a text wrapped on several lines, nor in body', () => {
    const yaml = replaceLine('summary: Be careful.', 'summary: >\n  Call +223 20 00 00 00 or 17 from any phone,\n  2025-07-02 onwards, at any hour.', VALID) + 'body: |\n  ## Security\n\n  - Avoid the centre.\n';
    expect(validate(yaml)).toEqual({ status: 0, stdout: '', stderr: '✓ 1 advisory valid\n' });
  });

  it('is not seen in prose wrapped before a year, a comparison or a spaced dash', () => {
    const yaml = replaceLine(
      'summary: Be careful.',
      'summary: >\n  Attacks have continued since July\n  2025. Temperatures in Kayes reach\n  > 45 °C in May. The north\n  - Kidal above all - is out of reach.',
      VALID,
    );
    expect(validate(yaml)).toEqual({ status: 0, stdout: '', stderr: '✓ 1 advisory valid\n' });
  });

  it('is seen in one item after a sentence, and in the lines of a list that follows no colon', () => {
    const oneItem = replaceLine('summary: Be careful.', 'summary: >\n  Protests continue in Bamako.\n  - Avoid the city centre.', VALID);
    expect(validate(oneItem)).toEqual(
      warned('10:3  summary is one paragraph, so "- Avoid the city centre." would be published run into the text before it, not as a list item; write it as a sentence, or move it to guidance (an item each) or body'),
    );
    const numbered = replaceLine('summary: Be careful.', 'summary: >\n  1. Avoid the city centre\n  2. Stay at home after dark', VALID);
    expect(validate(numbered)).toEqual(
      warned('9:3  summary is one paragraph, so "1. Avoid the city centre" would be published run into the text before it, not as a list item; write it as a sentence, or move it to guidance (an item each) or body'),
    );
  });
});

describe('a comment written for colleagues', () => {
  /** A French translation complete but for its contacts, which are `contacts`. */
  const french = (contacts: string) =>
    'translations:\n  fr:\n    updated: 2025-07-02\n    summary: Soyez prudents.\n    guidance: [Restez en contact avec l’ambassade.]\n    regions: [{ name: Région de Kayes }]\n' +
    `    contacts:\n${contacts}    updates: [{ summary: Relevé. }, { summary: Publié. }]\n`;

  it('after for:, which is never published, is only a comment; a name it cut pairs with no contact', () => {
    expect(validateFr(VALID + french('      - for: Embassy of India, Bamako # the English name\n        name: Ambassade de l’Inde, Bamako\n'))).toEqual({
      status: 0,
      stdout: '',
      stderr: '✓ 1 advisory valid\n',
    });
    expect(validateFr(VALID + french('      - for: Embassy of India # Bamako\n        name: Ambassade de l’Inde, Bamako\n'))).toEqual({
      status: 1,
      stdout: '',
      stderr:
        'advisories/ml.yaml:30:14  error  translations.fr.contacts[0].for names no contact: found "Embassy of India", expected the name of one of contacts: "Embassy of India, Bamako". If that contact was renamed or removed, check that this translation still matches it, then write its name in for:\n' +
        '1 error\nFix the problems above, then run `advisory validate` again.\n',
    });
  });

  it('on a line of its own inside wrapped text is named, not taken for an unclosed quote elsewhere', () => {
    const refused = (at: string, more: string) => ({
      status: 1,
      stdout: '',
      stderr:
        `advisories/ml.yaml:${at}  error  YAML syntax error: this comment is inside wrapped text, and a comment ends unquoted text, so YAML cannot read "${more}" after it; move the comment to a line above the text, or put the whole text in quotes if the # line is part of it\n` +
        '1 error\nFix the problems above, then run `advisory validate` again.\n',
    });
    // The quoted phone number above the comment is closed: the parser's "missing character" is not about it.
    expect(validate(replaceLine('  - Stay in contact with the embassy.', '  - Stay in contact with the embassy,\n    # was "the consulate"\n    day and night.'))).toEqual(refused('11:5', 'day and night.'));
    expect(validate(replaceLine('summary: Be careful.', 'summary: Be careful in the\n  # check with the desk\n  north.'))).toEqual(refused('9:3', 'north.'));
  });
});

describe('a title naming another country than the advisory\'s', () => {
  /** The rest of VALID translated: "Be careful.", "Stay in contact with the embassy.", "Embassy of India", "Raised.", "Issued.". */
  const TRANSLATED: Record<string, string> = {
    ar: '    summary: كن حذرًا.\n    guidance: [ابقَ على تواصل مع السفارة.]\n    contacts: [{ name: سفارة الهند }]\n    updates: [{ summary: رُفع. }, { summary: صدر. }]\n',
    fr: "    summary: Soyez prudent.\n    guidance: [Restez en contact avec l'ambassade.]\n    contacts: [{ name: Ambassade de l'Inde }]\n    updates: [{ summary: Relevé. }, { summary: Publié. }]\n",
    hi: '    summary: सावधान रहें।\n    guidance: [दूतावास के संपर्क में रहें।]\n    contacts: [{ name: भारतीय दूतावास }]\n    updates: [{ summary: बढ़ाया गया। }, { summary: जारी किया गया। }]\n',
  };
  /** VALID as the advisory of `country` (`code`), titled `title`, its title translated as `translated` (language to title) in a project publishing those languages. */
  function validateTitled(code: string, country: string, title: string, translated: Record<string, string> = {}) {
    const yaml =
      replaceLine('regions:\n  - name: Kayes Region\n    code: ML-1\n    level: 4\n', '', replaceLine('country: Mali\ncode: ML\nlevel: 2', `country: ${country}\ncode: ${code}\nlevel: 2\ntitle: ${title}`)) +
      (Object.keys(translated).length ? `translations:\n${Object.entries(translated).map(([lang, t]) => `  ${lang}:\n    updated: 2025-07-02\n    title: ${t}\n${TRANSLATED[lang]}`).join('')}` : '');
    const config = `languages: [en${Object.keys(translated).map((lang) => `, ${lang}`).join('')}]\n`;
    return runCli(['validate', '--today', '2025-08-01', `advisories/${code.toLowerCase()}.yaml`], { cwd: project({ [`${code.toLowerCase()}.yaml`]: yaml }, config) });
  }
  const copied = (file: string, at: string, field: string, title: string, others: string, own: string) => ({
    status: 0,
    stdout: '',
    stderr: `advisories/${file}:${at}  warning  ${field} "${title}" names ${others}, not ${own}; if this file was copied from another advisory, rewrite its text for ${own.replace(/ \(..\)$/, '')}\n1 warning\n✓ 1 advisory valid (1 warning)\n`,
  });
  const valid = { status: 0, stdout: '', stderr: '✓ 1 advisory valid\n' };

  it('is warned about when the other name holds the advisory\'s own: Guinea-Bissau is not Guinea, South Sudan not Sudan', () => {
    expect(validateTitled('GN', 'Guinea', 'Exercise increased caution in Guinea-Bissau')).toEqual(
      copied('gn.yaml', '4:8', 'title', 'Exercise increased caution in Guinea-Bissau', 'Guinea-Bissau (GW)', 'Guinea (GN)'),
    );
    expect(validateTitled('GN', 'Guinea', 'Exercise increased caution in Papua New Guinea')).toEqual(
      copied('gn.yaml', '4:8', 'title', 'Exercise increased caution in Papua New Guinea', 'Papua New Guinea (PG)', 'Guinea (GN)'),
    );
    expect(validateTitled('SD', 'Sudan', 'Exercise increased caution in South Sudan')).toEqual(
      copied('sd.yaml', '4:8', 'title', 'Exercise increased caution in South Sudan', 'South Sudan (SS)', 'Sudan (SD)'),
    );
    expect(validateTitled('GW', 'Guinea-Bissau', 'Exercise increased caution in Guinea-Bissau')).toEqual(valid);
  });

  it('is not warned about when the title names the advisory\'s own country with an Arabic prefix, or without the Hindi nukta', () => {
    // "Avoid the border between Syria and Lebanon"; "caution in Lebanon, near Syria".
    expect(validateTitled('LB', 'Lebanon', 'Exercise increased caution in Lebanon', { ar: 'تجنب الحدود بين سوريا ولبنان' })).toEqual(valid);
    expect(validateTitled('LB', 'Lebanon', 'Exercise increased caution in Lebanon', { ar: 'الحذر بلبنان قرب سوريا' })).toEqual(valid);
    // "Caution in France and Spain", France written फ्रांस, as often, for ICU's फ़्रांस.
    expect(validateTitled('FR', 'France', 'Exercise increased caution in France', { hi: 'फ्रांस और स्पेन में सावधानी बरतें' })).toEqual(valid);
    // A copied Arabic title is still caught: "caution in Lebanon" in Mali's.
    expect(validateTitled('ML', 'Mali', 'Exercise increased caution in Mali', { ar: 'الحذر في لبنان' })).toEqual(
      copied('ml.yaml', '23:12', 'translations.ar.title', 'الحذر في لبنان', 'لبنان (LB)', 'Mali (ML)'),
    );
  });

  it('reads the names in common use that ICU writes otherwise: Burma, DR Congo, Bosnia and Herzegovina', () => {
    expect(validateTitled('MM', 'Myanmar', 'Avoid the border of Burma with Thailand')).toEqual(valid);
    expect(validateTitled('BA', 'Bosnia & Herzegovina', 'Take care in Bosnia and Herzegovina near Serbia')).toEqual(valid);
    expect(validateTitled('CG', 'Congo - Brazzaville', 'Republic of the Congo, near the border with DR Congo')).toEqual(valid);
    expect(validateTitled('CG', 'Congo - Brazzaville', 'Exercise increased caution in DR Congo')).toEqual(
      copied('cg.yaml', '4:8', 'title', 'Exercise increased caution in DR Congo', 'Congo - Kinshasa (CD)', 'Congo - Brazzaville (CG)'),
    );
  });

  it('reads the other name ICU gives in brackets, in any language: Birmanie, बर्मा for Myanmar', () => {
    expect(validateTitled('MM', 'Myanmar', 'Exercise increased caution in Myanmar', { fr: 'Prudence accrue en Birmanie, près de la Thaïlande' })).toEqual(valid);
    expect(validateTitled('ML', 'Mali', 'Exercise increased caution in Mali', { fr: 'Prudence accrue en Birmanie' })).toEqual(
      copied('ml.yaml', '23:12', 'translations.fr.title', 'Prudence accrue en Birmanie', 'Myanmar (Birmanie) (MM)', 'Mali (ML)'),
    );
    expect(validateTitled('ML', 'Mali', 'Exercise increased caution in Mali', { hi: 'बर्मा में सावधानी बरतें' })).toEqual(
      copied('ml.yaml', '23:12', 'translations.hi.title', 'बर्मा में सावधानी बरतें', 'म्यांमार (बर्मा) (MM)', 'Mali (ML)'),
    );
  });

  it('is not warned about when the name is also one of the advisory\'s own regions: Niger State in Nigeria', () => {
    expect(validateTitled('NG', 'Nigeria', 'Exercise increased caution in Niger State')).toEqual(valid);
    expect(validateTitled('US', 'United States', 'Exercise increased caution in Georgia and Florida')).toEqual(valid);
  });
});
