/**
 * The published pages as readers get them, in real headless Chromium, with
 * the pages' own Content-Security-Policy in force: self-contained (no network
 * request), readable on a 360 px phone and on a desktop, printable, following
 * the reader's dark-mode setting; and an index that works without JavaScript.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, pageUrl } from '../helpers/browser.js';
import { buildProject, inLanguages, outputFiles, type BuiltSite } from '../helpers/sample-build.js';

let browser: Browser;
let page: Page;
let sample: BuiltSite;
let twoLanguages: BuiltSite;
/** The sample on the Australian scale, whose level names are the longest ("Exercise a high degree of caution"). */
let longLevelNames: BuiltSite;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  sample = buildProject();
  twoLanguages = buildProject([], inLanguages(['en', 'fr']));
  longLevelNames = buildProject([], (dir) => {
    const config = path.join(dir, 'advisory.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^scale: .*$/m, 'scale: au'));
  });
});
afterAll(async () => {
  await browser?.close();
  sample?.cleanup();
  twoLanguages?.cleanup();
  longLevelNames?.cleanup();
});

function samplePages(): string[] {
  return outputFiles(sample.out, 'html').map((f) => path.join(sample.out, f));
}

/** The file's one tab, set to a viewport (desktop unless told) and to screen in light mode, before `run`. */
async function withPage<T>(viewport: { width: number; height: number } | null, run: (page: Page) => Promise<T>): Promise<T> {
  await page.setViewportSize(viewport ?? { width: 1280, height: 800 });
  await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
  page.removeAllListeners('request');
  return run(page);
}

describe('every page', () => {
  it('loads nothing but itself', async () => {
    const requested = await withPage(null, async (page) => {
      const urls: string[] = [];
      page.on('request', (request) => urls.push(request.url()));
      for (const file of [...samplePages(), path.join(twoLanguages.out, 'fr/ml.html')]) {
        await page.goto(pageUrl(file), { waitUntil: 'load' });
      }
      return urls;
    });
    expect(requested).toEqual([...samplePages(), path.join(twoLanguages.out, 'fr/ml.html')].map(pageUrl));
  });

  it.each([
    ['a small phone', 320],
    ['a phone', 360],
    ['a desktop', 1280],
  ])('fits the width of %s (%i px) without scrolling sideways', async (_what, width) => {
    const tooWide = await withPage({ width, height: 800 }, async (page) => {
      const found: string[] = [];
      const pages = [...samplePages(), path.join(twoLanguages.out, 'fr/ml.html'), ...outputFiles(longLevelNames.out, 'html').map((f) => path.join(longLevelNames.out, f))];
      for (const file of pages) {
        await page.goto(pageUrl(file));
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scrollWidth > width) found.push(`${path.relative(path.dirname(path.dirname(file)), file)}: ${scrollWidth} px`);
      }
      return found;
    });
    expect(tooWide).toEqual([]);
  });

  it('keeps lines short enough to read on a desktop', async () => {
    const width = await withPage(null, async (page) => {
      await page.goto(pageUrl(path.join(sample.out, 'ml.html')));
      return (await page.locator('main p.summary').boundingBox())!.width;
    });
    // About 75 characters of body text.
    expect(width).toBeLessThanOrEqual(740);
  });
});

describe('dark mode', () => {
  const luminance = (page: Page, selector: string) =>
    page.$eval(selector, (el) => {
      const [r, g, b] = getComputedStyle(el).backgroundColor.match(/\d+/g)!.map(Number) as [number, number, number];
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    });

  it('follows the reader: a dark page in dark mode, a light one otherwise, the level banner unchanged', async () => {
    const seen = await withPage(null, async (page) => {
      await page.goto(pageUrl(path.join(sample.out, 'ml.html')));
      await page.emulateMedia({ colorScheme: 'dark' });
      const dark = { body: await luminance(page, 'body'), banner: await luminance(page, 'main .level') };
      await page.emulateMedia({ colorScheme: 'light' });
      const light = { body: await luminance(page, 'body'), banner: await luminance(page, 'main .level') };
      return { dark, light };
    });
    expect(seen.dark.body).toBeLessThan(0.15);
    expect(seen.light.body).toBeGreaterThan(0.9);
    expect(seen.dark.banner).toBe(seen.light.banner);
  });
});

describe('print', () => {
  it('hides navigation, keeps the level banner in colour, and prints the address after each link', async () => {
    const printed = await withPage(null, async (page) => {
      await page.goto(pageUrl(path.join(twoLanguages.out, 'ml.html')));
      const navOnScreen = await page.locator('nav.languages').isVisible();
      await page.emulateMedia({ media: 'print' });
      return {
        navOnScreen,
        nav: await page.locator('nav.languages').isVisible(),
        skip: await page.$eval('a.skip', (a) => getComputedStyle(a).display),
        banner: await page.locator('main .level').isVisible(),
        bannerBackground: await page.$eval('main .level', (el) => getComputedStyle(el).backgroundColor),
        guidanceLink: await page.$eval('ul.guidance a', (a) => getComputedStyle(a, '::after').content),
        contactLink: await page.$eval('.contacts a[href^="mailto:"]', (a) => getComputedStyle(a, '::after').content),
      };
    });
    expect(printed).toEqual({
      navOnScreen: true,
      nav: false,
      skip: 'none',
      banner: true,
      bannerBackground: 'rgb(164, 22, 26)',
      guidanceLink: '" <https://example.org/travel/contacts/mea-control-room>"',
      // A contact's link shows its address already.
      contactLink: 'none',
    });
  });
});

describe('the index', () => {
  it('groups the advisories by level, most severe first, each with its date and one-line summary, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const index = await context.newPage().then(async (page) => {
      await page.goto(pageUrl(path.join(sample.out, 'index.html')));
      return page.$$eval('h2.level-group', (headings) =>
        headings.map((h) => {
          const table = h.nextElementSibling as HTMLTableElement;
          return {
            level: h.textContent,
            labelledBy: table.getAttribute('aria-labelledby') === h.id,
            rows: Array.from(table.tBodies[0]!.rows).map((row) => ({
              country: row.cells[0]!.textContent,
              href: row.querySelector('a')!.getAttribute('href'),
              updated: row.querySelector('time')!.getAttribute('datetime'),
              summary: row.cells[2]!.textContent,
            })),
          };
        }),
      );
    });
    await context.close();
    expect(index).toEqual([
      {
        level: 'Level 4 of 4: Do Not Travel',
        labelledBy: true,
        rows: [{ country: 'Mali', href: 'ml.html', updated: '2025-07-02', summary: 'Three Indian nationals were abducted on 1 July 2025 in an armed assault on the Diamond Cement Factory in Kayes, amid coordinated attacks by the Al-Qaeda affiliate Jama\'at Nusrat al-Islam wal-Muslimin (JNIM) on military and government sites in western and central Mali.' }],
      },
      {
        level: 'Level 3 of 4: Reconsider Travel',
        labelledBy: true,
        rows: [{ country: 'Lebanon', href: 'lb.html', updated: '2026-10-05', summary: 'The security situation in Lebanon is volatile and can deteriorate quickly, with a risk of armed conflict, terrorism, civil unrest and kidnapping.' }],
      },
      {
        level: 'Level 2 of 4: Exercise Increased Caution',
        labelledBy: true,
        rows: [{ country: 'France', href: 'fr.html', updated: '2026-06-12', summary: 'France faces a persistent threat of terrorism, and demonstrations and strikes can start at short notice and sometimes turn violent.' }],
      },
      {
        level: 'Level 1 of 4: Exercise Normal Precautions',
        labelledBy: true,
        rows: [
          { country: 'Japan', href: 'jp.html', updated: '2026-04-01', summary: 'Japan is generally safe, but it is exposed to earthquakes, tsunamis, typhoons, heavy rain and volcanic activity.' },
          { country: 'Norway', href: 'no.html', updated: '2026-02-16', summary: 'Norway is generally safe.' },
        ],
      },
    ]);
  });

  it('on a phone, shows each advisory as a block with its date labelled', async () => {
    const row = await withPage({ width: 360, height: 800 }, async (page) => {
      await page.goto(pageUrl(path.join(sample.out, 'index.html')));
      const cells = page.locator('tbody tr').first().locator('th, td');
      const boxes = await Promise.all([0, 1, 2].map(async (i) => (await cells.nth(i).boundingBox())!));
      return {
        stacked: boxes[0]!.y < boxes[1]!.y && boxes[1]!.y < boxes[2]!.y,
        fullWidth: boxes.every((b) => b.width > 300),
        label: await page.$eval('tbody tr td.updated', (td) => getComputedStyle(td, '::before').content),
      };
    });
    expect(row).toEqual({ stacked: true, fullWidth: true, label: '"Updated: "' });
  });
});

describe('keyboard', () => {
  it('the first Tab shows a "skip to the advice" link in the page language, and following it lands on the advice', async () => {
    const visits = await withPage(null, async (page) => {
      const seen = [];
      for (const file of ['ml.html', 'ar/lb.html']) {
        await page.goto(pageUrl(path.join(sample.out, file)));
        // Off screen means wholly outside the viewport (to the left, or to the right on a right-to-left page).
        const onScreen = (a: Element) => {
          const box = a.getBoundingClientRect();
          return box.right > 0 && box.left < window.innerWidth;
        };
        const before = await page.$eval('a.skip', onScreen);
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent, className: document.activeElement?.className }));
        const after = await page.$eval('a.skip', onScreen);
        await page.keyboard.press('Enter');
        // Following an in-page link lands a moment after the key press: wait for it (up to 2 s), then read where it went.
        await page.waitForFunction(() => location.hash !== '', undefined, { timeout: 2000 }).catch(() => undefined);
        seen.push({ file, before, ...focused, after, hash: new URL(page.url()).hash });
      }
      return seen;
    });
    expect(visits).toEqual([
      { file: 'ml.html', before: false, text: 'Skip to the advice', className: 'skip', after: true, hash: '#main' },
      { file: 'ar/lb.html', before: false, text: 'انتقل إلى النصائح', className: 'skip', after: true, hash: '#main' },
    ]);
  });
});
