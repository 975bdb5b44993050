/**
 * An advisory that uses every Markdown construct an officer might paste
 * (tests/fixtures/every-construct: headings of every level, a numbered list
 * from 3, nested and task lists, an aligned table with an escaped pipe and a
 * long address, quotes, code, links of every kind, a footnote, hard breaks,
 * character references, raw HTML, emoji, Arabic, CJK, Hindi, long words),
 * in English and Arabic, built by the real binary. Every word reaches every
 * format; the pages pass their checks and fit a small phone.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, pageUrl } from '../helpers/browser.js';
import { axeViolations, htmlProblems, markdownProblems } from '../helpers/page-checks.js';
import { FIXTURES, ROOT, runCli, tempProject } from '../helpers/run-cli.js';
import { outputFiles, readOutput } from '../helpers/sample-build.js';
import { unseen } from '../helpers/visible-text.js';

let project: ReturnType<typeof tempProject>;
let out: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  project = tempProject(path.join(FIXTURES, 'every-construct'));
  const result = runCli(['build'], { cwd: project.dir });
  expect(result.status, result.stderr).toBe(0);
  out = path.join(project.dir, 'dist');
  browser = await launchBrowser();
  page = await browser.newPage({ bypassCSP: true });
});
afterAll(async () => {
  await browser?.close();
  project?.cleanup();
});

/** A word or phrase from each construct of the advisory, as a reader sees it. */
const ENGLISH = [
  'Typhoons strike often from June to October', 'https://example.org/typhoons', 'www.example.org/alerts', '— call 👨‍👩‍👧 desks', 'café staff', 'مكتب الطوارئ 110',
  'a `go` bag', 'always', '5~10 litres', 'wider/than/any/phone?with=query&and=more', 'Supercalifragilisticexpialidocious-evacuation-route-identification-procedures',
  'footnote[^1]', 'reference [map][ref]',
  'Earthquakes', 'Before', 'Prepare', 'Kit', 'Water', 'Tablets', 'Emergency numbers', 'Police: 110', 'Fire: 119',
  'Drop', 'Cover', 'under a table', 'away from windows', 'Hold on', 'passport', 'insurance',
  'Service', 'Number', 'Hours', 'Police | koban', '110', 'all day', 'Japan Visitor Hotline', 'fit/on/a/phone', '050-3816-2787', '24 h',
  'Stay calm.', 'Follow staff.', 'Tsunami warning: move to high ground', 'Indented code: evacuation sign',
  'official map', 'collapsed guide', 'shortcut page', 'Carry copies.[^1]', '[^1]: Photocopies.',
  'References: & <tag> été © 😀 &notanentity; &copy', 'مرحباً: اتصل بالسفارة على', '+81 3 3262 2391', 'قبل 22:00 ثم Embassy.',
  '東京の大使館は二十四時間対応しています。緊急の場合はすぐに電話してください。', '👩🏽‍⚕️ 👨‍👩‍👧‍👦 🏳️‍🌈 🇯🇵', 'Hindi नमस्ते with combining é',
  'Setext heading', 'evacuation map', 'tokyo@example.org', 'old advice', '<div>Raw block</div>',
];
const ARABIC = [
  'الأعاصير تضرب كثيراً من يونيو إلى أكتوبر', 'https://example.org/typhoons', 'واتصل على', 'a `go` bag', 'دائماً', 'و5~10 لترات من الماء', 'تعلّم طرق الإخلاء عن ظهر قلب',
  'الحاشية[^1]', 'والمرجع [الخريطة][ref]', 'الزلازل', 'قبل', 'أرقام الطوارئ', 'الشرطة: 110', 'الإطفاء: 119', 'انخفض', 'احتمِ', 'تحت طاولة', 'تمسّك',
  'الخدمة', 'الرقم', 'الشرطة | كوبان', '+81 3 3262 2391', 'ابقَ هادئاً.', '[^1]: نسخ.',
];

describe('an advisory with every Markdown construct', () => {
  // Byte for byte, for review: after a deliberate change, `UPDATE_GOLDEN=1` rewrites them (see golden.test.ts).
  it.each(['jp.md', 'jp.html', 'jp.txt', 'ar/jp.md', 'ar/jp.html', 'ar/jp.txt', 'index.md', 'index.html', 'index.txt', 'ar/index.md'])('%s matches its golden file', (file) => {
    const golden = path.join(ROOT, 'tests/golden/every-construct', file);
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(path.dirname(golden), { recursive: true });
      writeFileSync(golden, readOutput(out, file));
    }
    expect(readOutput(out, file)).toBe(readFileSync(golden, 'utf8'));
  });

  it.each([
    ['jp', ENGLISH],
    ['ar/jp', ARABIC],
  ])('shows every word of it in each format (%s)', (name, words) => {
    for (const format of ['html', 'md', 'txt'] as const) {
      expect(unseen(words, readOutput(out, `${name}.${format}`), format), `${name}.${format}`).toEqual([]);
    }
  });

  it('shows the summary’s links as their text on the index, the addresses written as text kept', async () => {
    await page.goto(pageUrl(path.join(out, 'index.html')));
    const summary = 'Typhoons strike often from June to October, see https://example.org/typhoons and www.example.org/alerts — call 👨‍👩‍👧 desks, café staff, or مكتب الطوارئ 110.';
    expect(await page.$eval('main tbody td:last-child', (td) => td.textContent)).toBe(summary);
    expect(readOutput(out, 'index.md')).toContain('| Typhoons strike often from June to October, see <https://example.org/typhoons> and [www.example.org/alerts](http://www.example.org/alerts) — call');
    expect(readOutput(out, 'index.txt').replace(/\s+/g, ' ')).toContain(summary);
  });

  it('is valid HTML and passes markdownlint, every page', async () => {
    const problems: string[] = [];
    for (const file of outputFiles(out, 'html')) problems.push(...(await htmlProblems(readOutput(out, file), file)));
    problems.push(...markdownProblems(Object.fromEntries(outputFiles(out, 'md').map((f) => [f, readOutput(out, f)]))));
    expect(problems).toEqual([]);
  });

  it('aligns the table’s columns as written', async () => {
    await page.goto(pageUrl(path.join(out, 'jp.html')));
    const aligned = await page.$$eval('main table thead th', (cells) => cells.map((c) => getComputedStyle(c).textAlign));
    expect(aligned).toEqual(['left', 'center', 'right']);
  });

  it.each([320, 1280])('fits %i px without scrolling sideways, and has no WCAG 2.1 AA violation in light or dark mode', async (width) => {
    const found: string[] = [];
    await page.setViewportSize({ width, height: 800 });
    for (const file of outputFiles(out, 'html')) {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ media: 'screen', colorScheme });
        await page.goto(pageUrl(path.join(out, file)));
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scrollWidth > width) found.push(`${file}: ${scrollWidth} px wide`);
        found.push(...(await axeViolations(page)).map((v) => `${file} (${colorScheme}): ${v}`));
      }
    }
    expect(found).toEqual([]);
  });
});
