/**
 * Settings that are lists, through the real binary: a list of the wrong length or with an entry
 * twice is a config error (exit 2) that says what the list holds, never silently cut or doubled.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ROOT, runCli, tempProject } from '../helpers/run-cli.js';

function validateWith(config: string) {
  const { dir, cleanup } = tempProject();
  onTestFinished(cleanup);
  mkdirSync(path.join(dir, 'advisories'));
  cpSync(path.join(ROOT, 'advisories/ml.yaml'), path.join(dir, 'advisories/ml.yaml'));
  writeFileSync(path.join(dir, 'advisory.config.yaml'), config);
  return runCli(['validate', '--today', '2025-07-10'], { cwd: dir });
}

const refused = (line: string) => ({ status: 2, stdout: '', stderr: `${line}\n1 error\nerror: invalid config advisory.config.yaml\n` });
const scale = (levels: number) => `scale:\n${Array.from({ length: levels }, (_, i) => `  - { name: Level ${i + 1}, color: "#a4161a" }\n`).join('')}`;

describe('scale', () => {
  it('of three or five levels is refused, saying how many it has: a fifth would be dropped without a word', () => {
    expect(validateWith(scale(3))).toEqual(refused('advisory.config.yaml:2:3  error  scale must be a list of exactly 4 items, found a list: it has 3 items'));
    expect(validateWith(scale(5))).toEqual(refused('advisory.config.yaml:2:3  error  scale must be a list of exactly 4 items, found a list: it has 5 items'));
    expect(validateWith(scale(4)).status).toBe(0);
  });
});

describe('formats', () => {
  it('listing a format twice is refused, as a language listed twice is', () => {
    expect(validateWith('formats: [md, html, md]\n')).toEqual(refused('advisory.config.yaml:1:10  error  formats lists a format twice: md, html, md'));
  });
});
