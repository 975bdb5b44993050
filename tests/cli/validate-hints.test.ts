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
