/**
 * Messages of `advisory validate` that QA found saying too little or something untrue, through the
 * real binary: each hint offers only what would pass, and no warning describes a build that is refused.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { VALID, replaceLine } from '../advisory/validate-helpers.js';
import { runCli, tempProject } from '../helpers/run-cli.js';

/** `advisory validate` on one advisory file, with `config` as advisory.config.yaml when given. */
function validate(yaml: string, config?: string) {
  const { dir, cleanup } = tempProject();
  onTestFinished(cleanup);
  mkdirSync(path.join(dir, 'advisories'));
  writeFileSync(path.join(dir, 'advisories/ml.yaml'), yaml);
  if (config !== undefined) writeFileSync(path.join(dir, 'advisory.config.yaml'), config);
  return runCli(['validate', '--today', '2025-08-01'], { cwd: dir });
}

const failed = (...messages: string[]) => ({
  status: 1,
  stdout: '',
  stderr: `${messages.map((m) => `advisories/ml.yaml:${m}\n`).join('')}${messages.length} error${messages.length === 1 ? '' : 's'}\nFix the problems above, then run \`advisory validate\` again.\n`,
});

describe('a translated list of another length', () => {
  it('is one error, with no warning that the bulletin falls back: the build is refused', () => {
    const fr = 'translations:\n  fr:\n    updated: 2025-07-02\n    summary: Soyez prudents.\n    guidance: [Restez en contact avec l’ambassade.]\n    regions: [{ name: Région de Kayes }]\n    contacts: [{ name: Ambassade de l’Inde }]\n    updates: [{ summary: Relevé. }]\n';
    expect(validate(VALID + fr, 'languages: [en, fr]\n')).toEqual(
      failed('30:14  error  translations.fr.updates has 1 item but updates has 2; translate every item, in the same order'),
    );
  });
});

describe('a date and time written another common way', () => {
  const EXPECTED = 'a date as YYYY-MM-DD, e.g. 2025-07-02, or a date and time with its offset from UTC, e.g. 2025-07-02T14:30Z';
  const updated = (value: string) => validate(replaceLine('updated: 2025-07-02', `updated: ${value}`));
  const refused = (value: string, hint: string) => failed(`5:10  error  updated must be ${EXPECTED}, found "${value}": ${hint}`);

  it('says how to write it where its meaning is plain', () => {
    expect(updated('2025-07-02 14:30 UTC')).toEqual(refused('2025-07-02 14:30 UTC', 'write it as 2025-07-02T14:30Z'));
    expect(updated('2025-07-02T1430Z')).toEqual(refused('2025-07-02T1430Z', 'write it as 2025-07-02T14:30Z'));
    expect(updated('2025-07-02T14:30:15.250Z')).toEqual(refused('2025-07-02T14:30:15.250Z', 'seconds are the finest unit a time takes: write it as 2025-07-02T14:30:15Z'));
    expect(updated('2025-07-02T2:30pm')).toEqual(
      refused(
        '2025-07-02T2:30pm',
        'write the time on the 24-hour clock, 2025-07-02T14:30, and add Z if the time is UTC (2025-07-02T14:30Z), or the offset of the time zone it is in, such as 2025-07-02T14:30+03:00: without an offset from UTC it would be a different moment in each time zone',
      ),
    );
  });

  it('offers no time that does not exist', () => {
    expect(updated('2025-07-02T13pm')).toEqual(failed(`5:10  error  updated must be ${EXPECTED}, found "2025-07-02T13pm"`));
    expect(updated('2025-07-02 25:00 UTC')).toEqual(refused('2025-07-02 25:00 UTC', '25:00 is not a time of day: hours go from 00 to 23, minutes and seconds from 00 to 59'));
  });

  it('tells issued, a day, to drop the time however it is written', () => {
    expect(validate(replaceLine('issued: 2025-07-01', 'issued: 2025-07-01 09:00'))).toEqual(
      failed(
        "4:9  error  issued must be a date as YYYY-MM-DD, e.g. 2025-07-02, found \"2025-07-01 09:00\": only updated, the dates of updates and a translation's updated take a time of day; write the date alone, 2025-07-01",
      ),
    );
  });
});

describe('a region code the format refuses', () => {
  /** The valid Mali advisory made Lebanon's, with its region's code written `code`. */
  const lebanon = (code: string) =>
    validate(replaceLine('country: Mali\ncode: ML', 'country: Lebanon\ncode: LB', replaceLine('  - name: Kayes Region\n    code: ML-1', `  - name: South Governorate\n    code: ${code}`)));
  const refused = (found: string, hint = '') => failed(`13:11  error  regions[0].code must be an ISO 3166-2 code of Lebanon such as LB-AK, found "${found}"${hint}`);

  it('is offered the code of the advisory\'s country it was meant as', () => {
    for (const code of ['JA', 'ja', 'LB_JA', 'lb-ja', 'lb ja']) expect(lebanon(code)).toEqual(refused(code, ': did you mean "LB-JA"?'));
  });

  it('is offered no code that would fail in turn: another country\'s, or one ISO 3166-2 does not list', () => {
    expect(lebanon('fr-75')).toEqual(refused('fr-75'));
    expect(lebanon('lb-xx')).toEqual(refused('lb-xx'));
    expect(lebanon('XX')).toEqual(refused('XX'));
  });
});

describe('a list item written without its dash', () => {
  it('is named when its first field then appears twice in the item above', () => {
    const result = validate(replaceLine('  - date: 2025-07-01\n', '    date: 2025-07-01\n'));
    expect(result).toEqual(
      failed(
        '21:5  error  YAML syntax error: "date:" appears twice in the list item that starts on line 19 ("- date: 2025-07-02"); if "date: 2025-07-01" starts the next item, it has no dash: write "- date: 2025-07-01" with its dash at column 3, as the other items have it; otherwise merge the two entries',
      ),
    );
  });

  it('is named when it is the only item, which YAML reads as a mapping', () => {
    const result = validate(replaceLine('  - name: Embassy of India, Bamako\n', '    name: Embassy of India, Bamako\n'));
    expect(result).toEqual(
      failed(
        '16:5  error  contacts must be a list, found a mapping: it reads as one item written without its dash: write "- " before its first field, "name:", and indent the fields below it two spaces further, to line up with it',
      ),
    );
  });

  it('is not named for a mapping of other keys, or a field repeated after the first', () => {
    expect(validate(replaceLine('  - name: Embassy of India, Bamako\n', '    office: Embassy of India, Bamako\n')).stderr).toContain('contacts must be a list, found a mapping\n');
    expect(validate(replaceLine('    summary: Raised.\n', '    summary: Raised.\n    summary: Again.\n')).stderr).toContain('key "summary" appears twice in the same mapping');
  });
});
