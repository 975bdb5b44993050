/**
 * Real headless Chromium (Debian's) for the browser tests, through
 * playwright-core. Launch once per test file, in `beforeAll`.
 */
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** The file:// URL of a file on disk, as a browser loads it. */
export function pageUrl(file: string): string {
  return pathToFileURL(file).href;
}
