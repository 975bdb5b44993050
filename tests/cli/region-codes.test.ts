/**
 * Region codes against ISO 3166-2 (Debian's iso-codes, compiled in), through
 * the real binary: a code is published as the CAP area's geocode, so one that
 * names no subdivision, or another than the region, is a warning with the fix.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { VALID, replaceLine } from '../advisory/validate-helpers.js';
import { runCli, tempProject } from '../helpers/run-cli.js';

const KAYES = '  - name: Kayes Region\n    code: ML-1\n    level: 4\n';
const AS_OF = 'ISO 3166-2 as of 2025-04-11 (iso-codes 4.18.0)';
const WHY = 'alerting networks target areas by it';
const MALI_CODES = 'ML-1, ML-2, ML-3, ML-4, ML-5, ML-6, ML-7, ML-8, ML-9, ML-10, ML-BKO';

/** `advisory validate [flags]` on one advisory, the valid Mali one with its regions replaced, and with `edit` applied. */
function validate(regions: string, { edit = (yaml: string) => yaml, flags = [] as string[] } = {}) {
  const { dir, cleanup } = tempProject();
  onTestFinished(cleanup);
  mkdirSync(path.join(dir, 'advisories'));
  writeFileSync(path.join(dir, 'advisories/ml.yaml'), edit(replaceLine(KAYES, regions)));
  return runCli(['validate', '--today', '2025-08-01', ...flags], { cwd: dir });
}

const region = (name: string, code: string) => `  - name: ${name}\n    code: ${code}\n    level: 4\n`;

describe('region codes against ISO 3166-2', () => {
  it('accepts the codes ISO lists, whatever the region is called', () => {
    const result = validate(region('Kayes Region', 'ML-1') + region('Bamako', 'ML-BKO') + region('Région de Ménaka', 'ML-9') + region('Timbuktu', 'ML-6'));
    expect(result).toEqual({ status: 0, stdout: '', stderr: '✓ 1 advisory valid\n' });
  });

  it('warns of a code ISO does not list, with the country\'s codes, and the one the region\'s name names', () => {
    const result = validate(region('Kayes Region', 'ML-11'));
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      `advisories/ml.yaml:13:11  warning  regions[0].code ML-11 is not in ${AS_OF}: expected one of ${MALI_CODES}; did you mean "ML-1" (Kayes)? Check the code: ${WHY}\n` +
        '1 warning\n✓ 1 advisory valid (1 warning)\n',
    );
  });

  it('guesses from a name a few letters off, a leading zero, or one letter off in the code; never a number a digit off', () => {
    const unknown = (code: string, hint: string) => `regions[0].code ${code} is not in ${AS_OF}: expected one of ${MALI_CODES}${hint}`;
    const meant = (code: string, name: string) => `; did you mean "${code}" (${name})? Check the code: ${WHY}`;
    const warning = (regions: string) => validate(regions).stderr.split('\n')[0]!.replace(/^\S+  warning  /, '');
    expect(warning(region('Koulikorro', 'ML-12'))).toBe(unknown('ML-12', meant('ML-2', 'Koulikoro')));
    expect(warning(region('Western Mali', 'ML-01'))).toBe(unknown('ML-01', meant('ML-1', 'Kayes')));
    expect(warning(region('The capital', 'ML-BKA'))).toBe(unknown('ML-BKA', meant('ML-BKO', 'Bamako')));
    expect(warning(region('Western Mali', 'ML-11'))).toBe(unknown('ML-11', `; check the code: ${WHY}`));
  });

  it('counts rather than lists the codes of a country with many, and says when ISO lists none', () => {
    const kenya = (yaml: string) => yaml.replace('country: Mali', 'country: Kenya').replace('code: ML', 'code: KE');
    expect(validate(region('Nairobi', 'KE-99'), { edit: kenya }).stderr.split('\n')[0]).toBe(
      `advisories/ml.yaml:13:11  warning  regions[0].code KE-99 is not in ${AS_OF}: expected one of the 47 codes it lists for KE; check the code: ${WHY}`,
    );
    const vatican = (yaml: string) => yaml.replace('country: Mali', 'country: Vatican City').replace('code: ML', 'code: VA');
    expect(validate(region("St Peter's Square", 'VA-1'), { edit: vatican }).stderr.split('\n')[0]).toBe(
      `advisories/ml.yaml:13:11  warning  regions[0].code VA-1 is not in ${AS_OF}: it lists no subdivisions of VA; check the code: ${WHY}`,
    );
  });

  it('warns when the name is exactly another subdivision\'s than its code\'s', () => {
    const result = validate(region('Kayes', 'ML-2'));
    expect(result.stderr).toBe(
      'advisories/ml.yaml:13:11  warning  regions[0].code ML-2 is Koulikoro in ISO 3166-2, but the region\'s name "Kayes" is the name of ML-1 (Kayes); ' +
        'check which region this is, and correct the code or the name: alerting networks target areas by the code\n1 warning\n✓ 1 advisory valid (1 warning)\n',
    );
  });

  it('fails the run under --strict, as every warning does', () => {
    const result = validate(region('Kayes Region', 'ML-11'), { flags: ['--strict'] });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('advisories/ml.yaml:13:11  error  regions[0].code ML-11 is not in ISO 3166-2');
  });

  it('says nothing more of a code outside the country than that', () => {
    const result = validate(region('Dakar', 'SN-ZZ'));
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe('advisories/ml.yaml:13:11  error  regions[0].code must start with the country code ML-, found "SN-ZZ"');
    expect(result.stderr).not.toContain('ISO 3166-2');
  });
});
