/**
 * A guidance item pasted with another list's bullet, or typed without the space after its dash,
 * through the real binary: the message names what is wrong with the line, not a missing dash.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { VALID, replaceLine } from '../advisory/validate-helpers.js';
import { runCli, tempProject } from '../helpers/run-cli.js';

const ITEM = '  - Stay in contact with the embassy.\n';

/** `advisory validate` on the valid Mali advisory with `line` as a second guidance item. */
function validate(line: string) {
  const { dir, cleanup } = tempProject();
  onTestFinished(cleanup);
  mkdirSync(path.join(dir, 'advisories'));
  writeFileSync(path.join(dir, 'advisories/ml.yaml'), replaceLine(ITEM, `${ITEM}${line}\n`, VALID));
  return runCli(['validate', '--today', '2025-08-01'], { cwd: dir });
}

const failed = (message: string) => ({
  status: 1,
  stdout: '',
  stderr: `advisories/ml.yaml:11:3  error  YAML syntax error: ${message}, or indent it further to go on with the item above\n1 error\nFix the problems above, then run \`advisory validate\` again.\n`,
});
const AMONG = 'is among the items of a list (the dashes at column 3, "- Stay in contact with the embassy." on line 10) but';

describe('a list item whose dash is not one YAML reads', () => {
  it('says a dash needs its space, and gives the item as it should be', () => {
    expect(validate('  -Avoid the border after dark.')).toEqual(failed(`"-Avoid the border after dark." ${AMONG} has no space after its dash; write "- Avoid the border after dark." to make it an item`));
  });

  it('says a bullet pasted from a document is no dash, and what to put in its place', () => {
    expect(validate('  • Avoid the border after dark.')).toEqual(
      failed(`"• Avoid the border after dark." ${AMONG} starts with "•", which YAML does not read as a list item's dash; write "- " in place of "•" to make it an item`),
    );
    expect(validate('  * Avoid the border after dark.')).toEqual(
      failed(`"* Avoid the border after dark." ${AMONG} starts with "*", which YAML does not read as a list item's dash; write "- " in place of "*" to make it an item`),
    );
  });

  it('still says an item has no dash when it has none', () => {
    expect(validate('  Avoid the border after dark.')).toEqual(failed(`"Avoid the border after dark." ${AMONG} has no dash; write "- " before it to make it an item`));
  });
});
