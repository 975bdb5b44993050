/**
 * A contact's e-mail and web address as officers paste them, through the real binary: the message
 * offers only what the field takes, so that the fix it gives passes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { VALID, replaceLine } from '../advisory/validate-helpers.js';
import { runCli, tempProject } from '../helpers/run-cli.js';

const PHONE = '    phone: "+223 20 00 00 00"';

/** `advisory validate` on the valid Mali advisory with `line` after its contact's phone. */
function validate(line: string) {
  const { dir, cleanup } = tempProject();
  onTestFinished(cleanup);
  mkdirSync(path.join(dir, 'advisories'));
  writeFileSync(path.join(dir, 'advisories/ml.yaml'), replaceLine(PHONE, `${PHONE}\n${line}`));
  return runCli(['validate', '--today', '2025-08-01'], { cwd: dir });
}

const failed = (message: string) => ({ status: 1, stdout: '', stderr: `advisories/ml.yaml:18:${message}\n1 error\nFix the problems above, then run \`advisory validate\` again.\n` });
const URL_EXPECTED = 'contacts[0].url must be a web address starting with https:// (or http://)';
const EMAIL_EXPECTED = 'contacts[0].email must be an e-mail address such as consular@example.org';

describe('two addresses in one contact field', () => {
  it('says to give a second web address a contact of its own, instead of offering the same text back', () => {
    for (const url of ['https://example.org/mali, https://example.org/visa', 'https://example.org/mali https://example.org/visa']) {
      expect(validate(`    url: ${url}`)).toEqual(
        failed(`10  error  ${URL_EXPECTED}, found "${url}": one web address per contact: write "https://example.org/mali" here and add a contact of its own for "https://example.org/visa"`),
      );
    }
  });

  it('says the same of a second e-mail address', () => {
    const email = 'consular@example.org, visa@example.org';
    expect(validate(`    email: "${email}"`)).toEqual(
      failed(`12  error  ${EMAIL_EXPECTED}, found "${email}": one e-mail address per contact: write "consular@example.org" here and add a contact of its own for "visa@example.org"`),
    );
  });

  it('takes an http:// address, as the expected text says', () => {
    expect(validate('    url: http://example.org/mali')).toEqual({ status: 0, stdout: '', stderr: '✓ 1 advisory valid\n' });
  });

  it('offers no address that the field would refuse too', () => {
    expect(validate('    url: htps://example.org/mali visa')).toEqual(failed(`10  error  ${URL_EXPECTED}, found "htps://example.org/mali visa"`));
    expect(validate('    url: HTTPS://example.org/mali')).toEqual(failed(`10  error  ${URL_EXPECTED}, found "HTTPS://example.org/mali": did you mean "https://example.org/mali"?`));
  });
});

describe('phone links', () => {
  it('dial the number without the (0) written after the country code, which is dialled only from inside the country', () => {
    const { dir, cleanup } = tempProject();
    onTestFinished(cleanup);
    mkdirSync(path.join(dir, 'advisories'));
    writeFileSync(path.join(dir, 'advisories/ml.yaml'), replaceLine(PHONE, '    phone: "+44 (0)20 7946 0000"'));
    const result = runCli(['build', '--today', '2025-08-01'], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'dist/ml.html'), 'utf8')).toContain('<a href="tel:+442079460000" dir="ltr">+44\u00a0(0)20\u00a07946\u00a00000</a>');
    expect(readFileSync(path.join(dir, 'dist/ml.md'), 'utf8')).toContain('[+44 (0)20 7946 0000](tel:+442079460000)');
    expect(readFileSync(path.join(dir, 'dist/ml.txt'), 'utf8')).toContain('+44 (0)20 7946 0000');
  });
});
