/**
 * What a build keeps of each advisory until its end (titles, summaries and
 * contacts for the indexes and feeds, words remembered for display widths)
 * must not keep the text of the whole file it came from. A parsed value is
 * often a substring of the file, and V8 keeps a long substring as a view into
 * its parent: a build of 249 advisories in 16 languages held every source text
 * (60 MB) to its end. Measured in a separate process with the garbage
 * collector exposed, so that only what is really reachable is counted.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from '../helpers/run-cli.js';

/** Files parsed, each padded by a comment to about this many bytes: 40 × 200 KB would keep 8 MB (16 MB as UTF-16). */
const FILES = 40;
const PADDING = 200_000;

const SCRIPT = `
import { validateSourceFile } from ${JSON.stringify(path.join(ROOT, 'build/advisory/load.js'))};
const text = process.argv[1];
const kept = [];
const parse = (i) => {
  const bytes = Buffer.from(text + '\\n# ' + String(i).repeat(${PADDING} / String(i).length) + '\\n');
  const { validated, diagnostics } = validateSourceFile({ file: 'fr.yaml', bytes }, { today: '2026-11-28', languages: ['en'] });
  if (!validated?.advisory) throw new Error('not valid: ' + JSON.stringify(diagnostics));
  return validated.advisory;
};
parse(0); // what the first parse sets up once (compiled code, the parser's tables) is not counted
gc();
const before = process.memoryUsage().heapUsed;
for (let i = 1; i <= ${FILES}; i++) {
  const a = parse(i);
  kept.push(a.country, a.title, a.summary, a.guidance[0], a.contacts[0].name, a.contacts[0].address);
}
gc();
process.stdout.write(String(process.memoryUsage().heapUsed - before) + ' ' + kept.length);
`;

describe('values kept from an advisory', () => {
  it('do not keep the text of the whole file alive', () => {
    const source = readFileSync(path.join(FIXTURES, 'golden/advisories/fr.yaml'), 'utf8');
    const run = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', SCRIPT, source], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const [grown, kept] = run.stdout.split(' ').map(Number);
    expect(kept).toBe(FILES * 6);
    // The values are a few hundred bytes per file (with what V8 itself allocates on the way, about 1 MB
    // on Node.js 20 and 24); the files' text would be 8 MB or more (16.6 MB measured).
    expect(grown).toBeLessThan(4_000_000);
  });
});
