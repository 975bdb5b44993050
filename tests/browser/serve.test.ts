/**
 * `advisory serve` as an officer uses it: the real binary on a free port, a
 * page open in headless Chromium, and edits to the advisory, the templates
 * and the config showing up in the page without a manual reload; a mistake
 * shown in the page and in the terminal; Ctrl-C ending it with exit 0.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { startCli, type Running } from '../helpers/long-running.js';
import { ROOT, runCli, tempProject } from '../helpers/run-cli.js';

let browser: Browser;
let page: Page;
let project: { dir: string; cleanup: () => void };
let serve: Running;
let url: string;

const ml = () => path.join(project.dir, 'advisories/ml.yaml');
const edit = (file: string, change: (text: string) => string) => writeFileSync(file, change(readFileSync(file, 'utf8')));
/** Waits, without reloading, for the open page to show an element with this text. */
const pageShows = (selector: string, text: string) => page.locator(selector, { hasText: text }).first().waitFor({ timeout: 15_000 });

beforeAll(async () => {
  project = tempProject();
  mkdirSync(path.join(project.dir, 'advisories'));
  for (const f of ['ml.yaml', 'jp.yaml']) writeFileSync(path.join(project.dir, 'advisories', f), readFileSync(path.join(ROOT, 'advisories', f)));
  writeFileSync(path.join(project.dir, 'advisory.config.yaml'), readFileSync(path.join(ROOT, 'advisory.config.yaml')));
  mkdirSync(path.join(project.dir, 'my-templates'));
  browser = await launchBrowser();
  page = await browser.newPage();
  serve = startCli(['serve', '--port', '0', '--templates', 'my-templates'], project.dir);
  url = (await serve.waitForStderr(/Serving a live preview at (http:\/\/127\.0\.0\.1:\d+\/) \(Ctrl-C to stop\)/, { since: 0 }))[1]!;
});
afterAll(async () => {
  await serve?.interrupt();
  await browser?.close();
  project?.cleanup();
});

describe('advisory serve', () => {
  it('serves the bulletins on 127.0.0.1, and writes nothing', async () => {
    await page.goto(`${url}ml.html`);
    expect(await page.locator('h1').innerText()).toBe('Do not travel to Mali');
    await page.goto(url);
    expect(await page.locator('h1').innerText()).toBe('Travel advisories');
    expect(existsSync(path.join(project.dir, 'dist'))).toBe(false);
  });

  it('reloads the open page when the advisory changes', async () => {
    await page.goto(`${url}ml.html`);
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    edit(ml(), (t) => t.replace('title: Do not travel to Mali', 'title: Do not travel to Mali, at all'));
    await pageShows('h1', 'Do not travel to Mali, at all');
    expect(await page.evaluate(() => 'notReloaded' in window)).toBe(false);
  });

  it('shows a mistake in the page, escaped, with file, line and column, and in the terminal', async () => {
    const since = serve.stderr().length;
    edit(ml(), (t) => t.replace(/^level: 4$/m, 'level: "<b>four</b>"'));
    await pageShows('.problems', 'level must be an integer');
    expect(await page.locator('.problems li').allInnerTexts()).toEqual(['advisories/ml.yaml:3:8: level must be an integer from 1 to 4, found "<b>four</b>"']);
    expect(await page.locator('.problems b').count()).toBe(0);
    await serve.waitForStderr(/The preview shows these problems until they are fixed\./, { since });
    expect(serve.stderr().slice(since)).toContain('advisories/ml.yaml:3:8  error  level must be an integer from 1 to 4, found "<b>four</b>"\n');
  });

  it('shows the bulletin again once the mistake is fixed', async () => {
    edit(ml(), (t) => t.replace('level: "<b>four</b>"', 'level: 4'));
    await pageShows('main .level', 'Level 4 of 4: Do Not Travel');
  });

  it('reloads when a template or the config changes', async () => {
    mkdirSync(path.join(project.dir, 'my-templates/labels'));
    writeFileSync(path.join(project.dir, 'my-templates/labels/en.yaml'), 'summary: In short\n');
    await pageShows('h2', 'In short');
    edit(path.join(project.dir, 'advisory.config.yaml'), (t) => t.replace(/^issuer: .*$/m, 'issuer: Ministry of Testing'));
    await pageShows('footer', 'Published by Ministry of Testing');
  });

  it('answers only requests addressed to itself', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${url}ml.html`, { headers: { Host: 'attacker.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('answers as a web server would: feed types, Allow on 405, a folder without its slash redirected, any case of localhost', async () => {
    const ask = (file: string, options: { method?: string; host?: string } = {}) =>
      new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
        const req = request(`${url}${file}`, { method: options.method ?? 'GET', ...(options.host ? { headers: { Host: options.host } } : {}) }, (res) => {
          res.resume();
          resolve({ status: res.statusCode!, headers: res.headers });
        });
        req.on('error', reject);
        req.end();
      });
    expect((await ask('feed.atom')).headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(await ask('ml.html', { method: 'POST' })).toMatchObject({ status: 405, headers: { allow: 'GET, HEAD' } });
    expect(await ask('fr')).toMatchObject({ status: 308, headers: { location: '/fr/' } });
    expect((await ask('ml.html', { host: new URL(url).host.replace('127.0.0.1', 'LOCALHOST') })).status).toBe(200);
    expect((await ask('__advisory/events', { method: 'HEAD' })).headers['content-type']).toBe('text/event-stream');
  });

  it('stops on Ctrl-C with exit code 0', async () => {
    const since = serve.stderr().length;
    expect(await serve.interrupt()).toEqual({ code: 0, signal: null });
    expect(serve.stderr().slice(since)).toBe('Stopped the preview.\n');
  });
});

describe('advisory serve --port', () => {
  let taken: Server;
  beforeAll(() => new Promise<void>((resolve) => (taken = createServer().listen(0, '127.0.0.1', resolve))));
  afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

  it('on a port in use is a usage error (exit 2) naming the way out', () => {
    const port = (taken.address() as { port: number }).port;
    const result = runCli(['serve', '--port', String(port), path.join(ROOT, 'advisories/jp.yaml')], { cwd: project.dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`error: port ${port} is in use; choose another with --port, or --port 0 for a free one\n`);
  });
});
