/**
 * Accessibility of every published page, in real headless Chromium: zero
 * axe-core violations of WCAG 2.1 A and AA in light and dark mode, headings in
 * order, the level in words. And proof that the checks catch a template that
 * breaks them.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, pageUrl } from '../helpers/browser.js';
import { axeViolations, headingProblems } from '../helpers/page-checks.js';
import { FIXTURES } from '../helpers/run-cli.js';
import { buildProject, outputFiles, type BuiltSite } from '../helpers/sample-build.js';

let browser: Browser;
let page: Page;
let sample: BuiltSite;
let broken: BuiltSite;

beforeAll(async () => {
  browser = await launchBrowser();
  // axe is injected as a script, which the pages' Content-Security-Policy forbids: bypassed for the tests only.
  page = await browser.newPage({ bypassCSP: true });
  sample = buildProject();
  broken = buildProject(['--templates', path.join(FIXTURES, 'broken-templates')]);
});
afterAll(async () => {
  await browser?.close();
  for (const site of [sample, broken]) site?.cleanup();
});

/** Every HTML page of the sample build: five advisories and the index, in four languages (one right to left). */
function everyPage(): Array<{ name: string; file: string }> {
  return outputFiles(sample.out, 'html').map((f) => ({ name: f, file: path.join(sample.out, f) }));
}

describe('every page', () => {
  it('has no WCAG 2.1 AA violation in light or dark mode, one h1, and no skipped heading level', async () => {
    const problems: string[] = [];
    for (const { name, file } of everyPage()) {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(pageUrl(file));
      problems.push(...(await axeViolations(page)).map((v) => `${name} (light): ${v}`));
      // The same page again, in dark mode: only the colours change.
      await page.emulateMedia({ colorScheme: 'dark' });
      problems.push(...(await axeViolations(page)).map((v) => `${name} (dark): ${v}`));
      problems.push(...(await headingProblems(page)).map((p) => `${name}: ${p}`));
    }
    expect(everyPage()).toHaveLength(24);
    expect(problems).toEqual([]);
  });
});

describe('the level', () => {
  it('is said in words in the banner and for each region', async () => {
    await page.goto(pageUrl(path.join(sample.out, 'ml.html')));
    expect(await page.locator('main .level').innerText()).toBe('Level 4 of 4: Do Not Travel');
    await page.goto(pageUrl(path.join(sample.out, 'lb.html')));
    expect(await page.locator('main .level').innerText()).toBe('Level 3 of 4: Reconsider Travel');
    expect(await page.locator('main .level-tag').allInnerTexts()).toEqual(Array(3).fill('Level 4 of 4: Do Not Travel'));
    await page.goto(pageUrl(path.join(sample.out, 'jp.html')));
    expect(await page.locator('main .level').innerText()).toBe('Level 1 of 4: Exercise Normal Precautions');
  });
});

describe('the checks fail on a template that breaks them', () => {
  it('axe reports the missing lang and the link without text; the heading check, the skipped level', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(pageUrl(path.join(broken.out, 'ml.html')));
    expect(await axeViolations(page)).toEqual(['html-has-lang: html', 'link-name: a']);
    expect(await headingProblems(page)).toEqual(['h4 "Summary" follows h1 "Do not travel to Mali"']);
  });
});
