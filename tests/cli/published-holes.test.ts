/**
 * Safety information that would be published wrong or empty with exit 0: an
 * item of invisible characters, an emergency contact with no number, a region
 * written twice, a translated item pasted over another. Through the real binary.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { sampleProject } from '../helpers/projects.js';
import { runCli } from '../helpers/run-cli.js';

/** The sample project, with its Lebanon advisory edited by `edit` (each `from` must be in the file). */
function withLebanon(...edits: Array<[string, string]>): string {
  const { dir, cleanup } = sampleProject();
  onTestFinished(cleanup);
  const file = path.join(dir, 'advisories/lb.yaml');
  let text = readFileSync(file, 'utf8');
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`lb.yaml has no ${from}`);
    text = text.replace(from, to);
  }
  writeFileSync(file, text);
  return dir;
}

describe('build refuses safety information that would be published empty or unreachable', () => {
  const refused = (dir: string, ...problems: string[]) => {
    const result = runCli(['build'], { cwd: dir });
    const count = `${problems.length} error${problems.length === 1 ? '' : 's'}`;
    expect(result.stderr).toBe([...problems, count, 'Nothing was written: fix the problems above, then run `advisory build` again.', ''].join('\n'));
    expect(result.status).toBe(1);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  };

  it('a guidance item of invisible characters alone, which would publish an empty bullet (exit 1, nothing written)', () => {
    const dir = withLebanon(['  - Have a plan to leave the country at short notice, as flights and roads can be disrupted.\n', '  - "\\u200b "\n']);
    refused(dir, 'advisories/lb.yaml:19:5  error  guidance[3] must be Markdown text (one paragraph), found "\u200b ": it is empty: it holds only invisible characters (U+200B, U+0020); delete them and write the text');
  });

  it('an emergency contact with no number, and two regions with one code (exit 1, nothing written)', () => {
    const dir = withLebanon(['    code: LB-NA\n', '    code: LB-JA\n'], ['    phone: "+961 0 000 000"\n', '']);
    refused(
      dir,
      'advisories/lb.yaml:27:11  error  regions[1].code LB-JA is also the code of regions[0] ("South Governorate"); give each region its own code, or merge the entries',
      'advisories/lb.yaml:40:16  error  contacts[0].emergency is true, but contacts[0] has no phone: it would be published as the contact for emergencies with no number to call; add its phone, or remove emergency: true',
    );
  });
});

describe('validate warns about a translated item pasted over another', () => {
  it('names the item and exits 0; --strict exits 1', () => {
    const dir = withLebanon([
      '      - Prévoyez de pouvoir quitter le pays à bref délai, car les vols et les routes peuvent être perturbés.\n',
      '      - Évitez les manifestations et les grands rassemblements, et suivez les instructions des forces de sécurité aux points de contrôle.\n',
    ]);
    const warning =
      'advisories/lb.yaml:99:9  {s}  translations.fr.guidance[3] repeats translations.fr.guidance[2] word for word, though guidance[3] and guidance[2] differ: an item was probably pasted twice and another lost; translate guidance[3] there';
    expect(runCli(['validate', 'advisories/lb.yaml'], { cwd: dir })).toEqual({ status: 0, stdout: '', stderr: `${warning.replace('{s}', 'warning')}\n1 warning\n✓ 1 advisory valid (1 warning)\n` });
    expect(runCli(['validate', '--strict', 'advisories/lb.yaml'], { cwd: dir }).status).toBe(1);
  });
});
