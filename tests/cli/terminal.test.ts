/**
 * What a build shows on a real terminal: `script` gives the binary a
 * pseudo-terminal, so progress and colour are decided exactly as for an officer.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ISO_3166_1_ALPHA_2 } from '../../src/advisory/iso3166.js';
import { BIN, FIXTURES, runCli, tempProject } from '../helpers/run-cli.js';

let project: ReturnType<typeof tempProject>;

/** 80 advisories (240 bulletins): past the size at which a build shows progress. */
beforeAll(() => {
  project = tempProject(path.join(FIXTURES, 'golden'));
  const japan = readFileSync(path.join(project.dir, 'advisories/jp.yaml'), 'utf8');
  for (const code of ISO_3166_1_ALPHA_2.filter((c) => !['ML', 'FR', 'JP'].includes(c)).slice(0, 77)) {
    // Each copy names its own country: Japan's name with another code is refused as a slip.
    writeFileSync(path.join(project.dir, `advisories/${code.toLowerCase()}.yaml`), japan.replace('code: JP', `code: ${code}`).replace('country: Japan', `country: Country ${code}`));
  }
});
afterAll(() => project.cleanup());

function inTerminal(args: string[], env: Record<string, string> = {}): { status: number | null; output: string } {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], {
    cwd: project.dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', SOURCE_DATE_EPOCH: '1795824000', TERM: 'xterm', ...env },
  });
  return { status: result.status, output: result.stdout };
}

describe('on a terminal', () => {
  it('shows progress while a long build runs, then clears it for the summary', () => {
    const { status, output } = inTerminal(['build']);
    expect(status).toBe(0);
    // Counted per advisory (3 bulletins each), shown about every 50.
    const counts = [...output.matchAll(/\rRendering (\d+)\/240 bulletins/g)].map((m) => Number(m[1]));
    expect(counts.length).toBeGreaterThanOrEqual(4);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBeGreaterThanOrEqual(200);
    // Cleared before anything else is printed (the sample's one warning, then the summary).
    expect(output).toMatch(/Rendering \d+\/240 bulletins\r\u001b\[K[\s\S]*\nBuilt 240 bulletins for 80 advisories in \d+\.\d\d s -> dist\/\r?\n/);
  });

  it('shows no progress when stderr is not a terminal (a CI log)', () => {
    const result = runCli(['build'], { cwd: project.dir });
    expect(result.status).toBe(0);
    expect(result.stderr).not.toContain('Rendering');
    expect(result.stderr).toContain('Built 240 bulletins for 80 advisories in <time> s -> dist/\n');
  });

  it('colours list levels on a terminal, unless NO_COLOR is set', () => {
    expect(inTerminal(['list']).output).toContain('\u001b[31m\u001b[1m4 Do Not Travel');
    expect(inTerminal(['list'], { NO_COLOR: '1' }).output).not.toContain('\u001b[');
  });
});
