/**
 * Every HTML page of the sample build is valid HTML (html-validate's
 * recommended rules) and every Markdown bulletin passes markdownlint's default
 * rules (line length excepted, see tests/helpers/page-checks.ts); and both
 * checks report a template that breaks them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlProblems, markdownProblems } from '../helpers/page-checks.js';
import { FIXTURES } from '../helpers/run-cli.js';
import { buildProject, outputFiles, readOutput, type BuiltSite } from '../helpers/sample-build.js';

let sample: BuiltSite;
let broken: BuiltSite;

beforeAll(() => {
  sample = buildProject();
  broken = buildProject(['--templates', path.join(FIXTURES, 'broken-templates')]);
});
afterAll(() => {
  sample?.cleanup();
  broken?.cleanup();
});

describe('the sample build', () => {
  it('has a bulletin in each format and language for each advisory, and the indexes', () => {
    const pages = (ext: string) =>
      ['', 'ar/', 'fr/', 'hi/'].flatMap((dir) => ['fr', 'index', 'jp', 'lb', 'ml', 'no'].map((name) => `${dir}${name}.${ext}`)).sort();
    expect(outputFiles(sample.out, 'html')).toEqual(pages('html'));
    expect(outputFiles(sample.out, 'md')).toEqual(pages('md'));
  });

  it('is valid HTML, every page', async () => {
    const problems: string[] = [];
    for (const file of outputFiles(sample.out, 'html')) problems.push(...(await htmlProblems(readOutput(sample.out, file), file)));
    expect(problems).toEqual([]);
  });

  it('passes markdownlint, every Markdown bulletin and index', () => {
    const files = Object.fromEntries(outputFiles(sample.out, 'md').map((f) => [f, readOutput(sample.out, f)]));
    expect(markdownProblems(files)).toEqual([]);
  });
});

describe('Markdown from text that markdownlint would catch as written', () => {
  let site: BuiltSite;
  beforeAll(() => {
    site = buildProject([], (dir) => {
      const file = path.join(dir, 'advisories/lb.yaml');
      const edits: Array<[string, string]> = [
        // Bare addresses in plain-text fields (MD034): in running text, at a sentence's end, in <...>.
        ['  - name: Embassy of India, Beirut\n', '  - name: Embassy of India, Beirut (consular.beirut@example.org)\n    address: "Rue X, Beirut; map: https://example.org/map."\n'],
        ['    hours: 24 hours a day for emergencies\n', '    hours: "24 hours a day\\tfor emergencies, see <https://example.org/hours>"\n'],
        ['  - name: South Governorate\n', '  - name: South Governorate, www.example.org/south\n'],
        // In Markdown fields: a URL in the index's summary sentence, and tabs (MD010) in text, a code span, a table and a code block.
        ['summary: >\n  The security situation in Lebanon is volatile', 'summary: >\n  The security situation in Lebanon (https://example.org/lb) is volatile'],
        ['  - Avoid demonstrations and large gatherings,', '  - "Avoid\\tdemonstrations and `large\\tgatherings`,"\n  - Avoid demonstrations and large gatherings,'],
        ['  ## Border areas\n', '  ## Border areas\n\n  Checkpoints\tare frequent.\n\n  | Road\t | Status |\n  | --- | --- |\n  | M51\t | open |\n\n  ```\n  Beirut\tSidon\n  ```\n'],
        // Two lists in a row, their markers different (MD004 allows one bullet; MD032 wants blank lines around each list).
        ['  ## Border areas\n', '  ## Border areas\n\n  + Carry water.\n  - Carry a map.\n\n  1) Register.\n  3. Leave.\n'],
      ];
      let text = readFileSync(file, 'utf8');
      for (const [from, to] of edits) {
        expect(text).toContain(from);
        text = text.replace(from, to);
      }
      writeFileSync(file, text.replace('guidance:\n      - "**Reconsidérez', 'guidance:\n      - Évitez les manifestations.\n      - "**Reconsidérez').replace('guidance:\n      - लेबनान', 'guidance:\n      - प्रदर्शनों से दूर रहें।\n      - लेबनान').replace('guidance:\n      - "**أعد', 'guidance:\n      - تجنّب المظاهرات.\n      - "**أعد'));
    });
  });
  afterAll(() => site?.cleanup());

  it('passes markdownlint, every bulletin and index', () => {
    const files = Object.fromEntries(outputFiles(site.out, 'md').map((f) => [f, readOutput(site.out, f)]));
    expect(markdownProblems(files)).toEqual([]);
  });

  it('reads as the text did: addresses as links, tabs as spaces, a code block\'s columns kept', () => {
    const md = readOutput(site.out, 'lb.md');
    for (const line of [
      '### Embassy of India, Beirut (<consular.beirut@example.org>)',
      '- Address: Rue X, Beirut; map: <https://example.org/map>.',
      '- Hours: 24 hours a day for emergencies, see <https://example.org/hours>',
      '- **South Governorate, [www.example.org/south](http://www.example.org/south)**: Level 4 of 4: Do Not Travel. Risk of armed conflict and cross-border hostilities, particularly near the border with Israel.',
      '- Avoid demonstrations and `large gatherings`,',
      'Checkpoints are frequent.',
      '| M51 | open |',
      '```text\nBeirut  Sidon\n```',
      // Kept apart, the second numbered list still starting at 3 (a numbered list after bullets is apart already).
      '- Carry water.\n\n<!-- -->\n\n- Carry a map.\n\n1. Register.\n\n<!-- -->\n\n3. Leave.',
      // The e-mail field stays the text of its own link.
      '- Email: [consular.beirut@example.org](mailto:consular.beirut@example.org)',
    ]) {
      expect(md).toContain(line);
    }
    expect(readOutput(site.out, 'index.md')).toContain('| The security situation in Lebanon (<https://example.org/lb>) is volatile');
  });
});

describe('the checks fail on a template that breaks them', () => {
  it('html-validate reports the skipped heading and the link without text', async () => {
    const problems = await htmlProblems(readOutput(broken.out, 'ml.html'), 'ml.html');
    expect(problems.some((p) => / heading-level /.test(p))).toBe(true);
    expect(problems.some((p) => / wcag\/h30 /.test(p))).toBe(true);
  });

  it('markdownlint reports the skipped heading and the missing space after #', () => {
    const problems = markdownProblems({ 'ml.md': readOutput(broken.out, 'ml.md') });
    expect(problems).toEqual([
      expect.stringMatching(/^ml\.md:3 MD001\/heading-increment /),
      expect.stringMatching(/^ml\.md:7 MD018\/no-missing-space-atx /),
    ]);
  });
});
