/**
 * `npm run screenshots`: renders the README's screenshots from the sample
 * build with the project's own binary, in headless Chromium, into
 * docs/screenshots/. Not part of `npm test` (it writes into the repository);
 * run it after changing the HTML templates and commit the result.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { launchBrowser, pageUrl } from '../helpers/browser.js';
import { ROOT } from '../helpers/run-cli.js';
import { buildProject } from '../helpers/sample-build.js';

const SHOTS = path.join(ROOT, 'docs/screenshots');

/** What to shoot: a level-4 bulletin (Mali) on a phone and a desktop, and the index. */
const VIEWS = [
  { file: 'ml.html', name: 'bulletin-phone.png', viewport: { width: 360, height: 780 }, fullPage: false },
  { file: 'ml.html', name: 'bulletin-desktop.png', viewport: { width: 1280, height: 900 }, fullPage: false },
  { file: 'index.html', name: 'index-desktop.png', viewport: { width: 1280, height: 900 }, fullPage: true },
  { file: 'index.html', name: 'index-phone.png', viewport: { width: 360, height: 780 }, fullPage: false },
];

it('renders the screenshots', async () => {
  const site = buildProject();
  const browser = await launchBrowser();
  try {
    mkdirSync(SHOTS, { recursive: true });
    for (const view of VIEWS) {
      const page = await browser.newPage({ viewport: view.viewport, colorScheme: 'light' });
      await page.goto(pageUrl(path.join(site.out, view.file)));
      await page.screenshot({ path: path.join(SHOTS, view.name), fullPage: view.fullPage, animations: 'disabled' });
      await page.close();
    }
  } finally {
    await browser.close();
    site.cleanup();
  }
  expect(VIEWS.length).toBe(4);
});
