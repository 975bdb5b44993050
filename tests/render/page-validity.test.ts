/**
 * Every HTML page of the sample build is valid HTML (html-validate's
 * recommended rules) and every Markdown bulletin passes markdownlint's default
 * rules (line length excepted, see tests/helpers/page-checks.ts); and both
 * checks report a template that breaks them.
 */
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
