/**
 * The reading of indentation that names the misindented line when YAML
 * refuses a file (the exact messages are in rules.test.ts). Here: it never
 * objects to a file YAML reads, and for a line moved left or right it names
 * that line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { findIndentationProblem } from '../../src/advisory/indentation.js';
import { parseYamlSource } from '../../src/advisory/yaml-source.js';

const repoYaml = [
  'advisory.config.yaml',
  ...['advisories', 'templates', 'tests/fixtures'].flatMap((folder) =>
    readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.yaml'))
      .map((file) => path.join(folder, file)),
  ),
];

describe('files YAML reads', () => {
  it('are never said to be misindented: every YAML file of the project', () => {
    const read = repoYaml.filter((file) => parseDocument(readFileSync(file, 'utf8')).errors.length === 0);
    expect(read.length).toBeGreaterThan(20);
    expect(read.map((file) => [file, findIndentationProblem(readFileSync(file, 'utf8'))]).filter(([, problem]) => problem !== null)).toEqual([]);
  });

  it('are never said to be misindented: the layouts YAML allows', () => {
    const layouts = [
      'a:\n  - - x\n    - y\n  - z\nb: 1', // a list in a list
      'summary:\n  Do not travel\n  to Mali.\nb: 1', // text on the lines below its field
      'guidance:\n  - Stay in contact\n    with the embassy.\n  - Leave\nb: 2', // an item's text over two lines
      '  # comment\na: 1\n      # comment\nb: 2', // comments anywhere
      'a: >-\n\n  after a blank line\n\n  more\nb: 1',
      'a: |\n  text\n   deeper text\n  end\nb: 1',
      'a: |\n  # a heading, not a comment\n\n  text\nb: 1',
      'a: { x: 1, y: 2 }\nb: [1, 2]\n',
      'a: "quoted over\n  two lines"\nb: 1',
      'a: [1,\n  2]\nb: 1',
      'contacts:\n  - name:\n      Embassy\n    phone: x\n',
      'a: 1\r\nb:\r\n  - x\r\n', // Windows line endings
      'a:\n- x\n- y\nb: 1', // a list at its field's own column
      'a:\n  b:\n    c:\n      - d: 1\n        e: 2\n      - f\n  g: 3\nh: 4',
      'a:    1\nb:\n    - x\n    - y\nc: 2', // deeper indentation than usual, kept consistent
      'a:\n  -   x: 1\n      y: 2\n  -   z',
      '  a: 1\n  b: 2', // the whole file indented
      'a: |\n  text\n  \u00a0indented by a no-break space, in the text\nb: 1',
      'a:\n  Do not\n  \u00a0travel\nb: 1', // a no-break space in text over several lines
      'a: 24\u00a0h sur 24\nb:\n  - Bamako\u00a0; Kayes\n', // French typography
    ];
    for (const text of layouts) {
      expect(parseDocument(text).errors).toEqual([]);
      expect([text, findIndentationProblem(text)]).toEqual([text, null]);
    }
  });
});

describe('a line moved left or right in a sample advisory', () => {
  it('is named in the message, or is where the message points', () => {
    const missed: string[] = [];
    let named = 0;
    for (const file of ['advisories/ml.yaml', 'advisories/fr.yaml']) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((original, index) => {
        if (original.trim() === '' || original.trim().startsWith('#')) return;
        for (const shift of [-2, -1, 1, 2]) {
          if (shift < 0 && !original.startsWith(' '.repeat(-shift))) continue;
          const moved = lines.with(index, shift < 0 ? original.slice(-shift) : ' '.repeat(shift) + original);
          const problem = parseYamlSource(file, Buffer.from(moved.join('\n'))).diagnostics.find((d) => d.rule === 'yaml-indentation');
          if (!problem) continue;
          const line = index + 1;
          if (problem.line === line || new RegExp(`line ${line}[),]`).test(problem.message)) named++;
          // A field that opens a block, moved deeper, takes its own fields as its siblings: YAML reads on
          // until the block's end, and the first line out of step is there, not here.
          else if (!(shift > 0 && /:\s*$/.test(original))) missed.push(`${file}:${line} moved ${shift}: ${problem.line}: ${problem.message}`);
        }
      });
    }
    expect(missed).toEqual([]);
    expect(named).toBeGreaterThan(300);
  });
});
