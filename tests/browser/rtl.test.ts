/// <reference lib="dom" />
/**
 * The Arabic bulletin in a real browser (headless Chromium): the text runs
 * right to left, the layout is mirrored, and left-to-right runs such as a
 * phone number keep their own order. The English page is the control.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleProject } from '../helpers/projects.js';
import { runCli } from '../helpers/run-cli.js';

let project: { dir: string; cleanup: () => void };
let browser: Browser;
let page: Page;

/** The sample's Lebanon phone number, which its Arabic guidance and body give in running text. */
const NUMBER = '+961 0 000 000';

beforeAll(async () => {
  project = sampleProject();
  // The number in the Arabic summary and a region note too: every inline field is rendered the same way.
  const file = path.join(project.dir, 'advisories/lb.yaml');
  const sample = readFileSync(file, 'utf8');
  const arabic = sample
    .replace('      سفارة الهند في بيروت.\n', `      سفارة الهند في بيروت على الرقم ${NUMBER}.\n`)
    .replace('        note: خطر نشوب نزاع مسلّح وأعمال عدائية عبر الحدود، لا سيما قرب الحدود مع إسرائيل.', `        note: خطر نشوب نزاع مسلّح؛ للطوارئ اتصل على ${NUMBER}.`);
  expect(arabic.split(NUMBER).length - sample.split(NUMBER).length).toBe(2);
  writeFileSync(file, arabic);
  expect(runCli(['build'], { cwd: project.dir }).status).toBe(0);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 900, height: 700 } });
});

afterAll(async () => {
  await browser?.close();
  project?.cleanup();
});

const open = (file: string) => page.goto(pathToFileURL(path.join(project.dir, 'dist', file)).href);

/** Where the h1's text sits inside main's content box: its left and right gaps, in CSS pixels. */
const headingGaps = () =>
  page.evaluate(() => {
    const main = document.querySelector('main')!;
    const style = getComputedStyle(main);
    const box = main.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('h1')!);
    const text = range.getBoundingClientRect();
    return { left: text.left - (box.left + parseFloat(style.paddingLeft)), right: box.right - parseFloat(style.paddingRight) - text.right };
  });

/**
 * Each "+961 0 000 000" on the page, wherever it is in a text node: the field
 * it is in (for HTML), and the left edges of its digit groups' first
 * characters, "+961", "0", "000", "000", in the order they are written.
 */
const numberPositions = () =>
  page.evaluate((number) => {
    const starts = [...number.matchAll(/\+?\d+/g)].map((m) => m.index);
    const fields: Array<[string, string]> = [['summary', '.summary'], ['guidance', 'ul.guidance'], ['region note', 'li:has(.level-tag)'], ['body', '.body']];
    const where = (node: Node) => fields.find(([, selector]) => node.parentElement!.closest(selector))?.[0] ?? 'elsewhere';
    const out: Array<{ where: string; lefts: number[] }> = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (let at = node.data.indexOf(number); at >= 0; at = node.data.indexOf(number, at + 1)) {
        const lefts = starts.map((i) => {
          const range = document.createRange();
          range.setStart(node!, at + i);
          range.setEnd(node!, at + i + 1);
          return range.getBoundingClientRect().left;
        });
        out.push({ where: where(node), lefts });
      }
    }
    return out;
  }, NUMBER);

describe('the Arabic bulletin in Chromium', () => {
  it('runs right to left', async () => {
    await open('ar/lb.html');
    expect(await page.evaluate(() => [document.documentElement.lang, getComputedStyle(document.body).direction])).toEqual(['ar', 'rtl']);
  });

  it('sets the heading flush right in main, and the English heading flush left', async () => {
    await open('ar/lb.html');
    const ar = await headingGaps();
    expect(Math.abs(ar.right)).toBeLessThan(1);
    expect(ar.left).toBeGreaterThan(100);
    await open('lb.html');
    const en = await headingGaps();
    expect(Math.abs(en.left)).toBeLessThan(1);
    expect(en.right).toBeGreaterThan(100);
  });

  it('indents lists on the right and puts the first language link at the right', async () => {
    await open('ar/lb.html');
    const layout = await page.evaluate(() => {
      const list = getComputedStyle(document.querySelector('ul.guidance')!);
      const links = Array.from(document.querySelectorAll('nav.languages li')).map((li) => li.getBoundingClientRect());
      return { paddingLeft: parseFloat(list.paddingLeft), paddingRight: parseFloat(list.paddingRight), first: links[0]!.right, last: links[links.length - 1]!.right };
    });
    expect(layout.paddingLeft).toBe(0);
    expect(layout.paddingRight).toBeGreaterThan(0);
    expect(layout.first).toBeGreaterThan(layout.last);
  });

  it('does not scroll sideways', async () => {
    await open('ar/lb.html');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  });

  it('shows a phone number in its own left-to-right order', async () => {
    await open('ar/lb.html');
    const xs = await page.evaluate(() => {
      const text = document.querySelector('a[href^="tel:"]')!.firstChild as Text;
      return [...text.data].map((_, i) => {
        const range = document.createRange();
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        return range.getBoundingClientRect().left;
      });
    });
    expect(xs.length).toBe('+961 0 000 000'.length);
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1]!);
  });

  it('shows a phone number in running text (summary, guidance, region note, body) with its digit groups in their own left-to-right order', async () => {
    await open('ar/lb.html');
    const found = await numberPositions();
    // (The contact's phone, written with no-break spaces, is the test above.)
    expect(found.map((f) => f.where)).toEqual(['summary', 'guidance', 'region note', 'body']);
    for (const { where, lefts } of found) {
      for (let i = 1; i < lefts.length; i++) expect(lefts[i], `${where}: ${lefts.join(', ')}`).toBeGreaterThan(lefts[i - 1]!);
    }
  });

  it('shows those phone numbers in their own order in the plain-text and Markdown bulletins too, shown as text', async () => {
    for (const file of ['ar/lb.txt', 'ar/lb.md']) {
      await open(file);
      const found = await numberPositions();
      // The summary, guidance and body; the region note in text wraps with its region's name.
      expect(found.length, file).toBeGreaterThanOrEqual(4);
      for (const { lefts } of found) {
        for (let i = 1; i < lefts.length; i++) expect(lefts[i], `${file}: ${lefts.join(', ')}`).toBeGreaterThan(lefts[i - 1]!);
      }
    }
  });

  it('shows an address kept in a left-to-right script in its own order, house number first', async () => {
    await open('ar/fr.html');
    const { text, xs } = await page.evaluate(() => {
      const dd = [...document.querySelectorAll('dt')].find((dt) => dt.textContent === 'العنوان')!.nextElementSibling!;
      const node = document.createTreeWalker(dd, NodeFilter.SHOW_TEXT).nextNode() as Text;
      const at = (i: number) => {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        return range.getBoundingClientRect().left;
      };
      return { text: node.data, xs: [at(0), at(2), at(node.data.length - 1)] };
    });
    expect(text).toBe('1 Example Street, 75000 Paris, France');
    // "1", then "E" of Example, then the last "e" of France, from left to right.
    expect(xs[0]).toBeLessThan(xs[1]!);
    expect(xs[1]).toBeLessThan(xs[2]!);
  });
});
