/**
 * Hostile advisories, built by the real binary and opened by navigation in
 * real headless Chromium: the XSS corpus (tests/helpers/hostile.ts) sits in
 * every text field of an advisory and of each of its translations. A hook
 * installed before any page script records every way a payload could run
 * (alert and friends, the `__xss` marker, dialogs, CSP violations), every
 * link is hovered and clicked, and each page's DOM is checked for anything
 * that could run or load: nothing may.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAFE_SCHEMES } from '../../src/render/safe-url.js';
import { launchBrowser, pageUrl } from '../helpers/browser.js';
import { PAGE_BODY_ELEMENTS } from '../helpers/bulletin-structure.js';
import { BUILT_XSS_PAYLOADS, COMMENT_PAYLOADS, hostileAdvisory, packed, STRICT_FIELDS, TEMPLATE_LIKE, UNSAFE_LINKS, XSS_PAYLOADS } from '../helpers/hostile.js';
import { ROOT, runCli, tempProject } from '../helpers/run-cli.js';
import { outputFiles, readOutput } from '../helpers/sample-build.js';

const LANGUAGES = ['en', 'fr', 'hi', 'ar'];
/** Codes for the advisories that carry the one-line fields (country, title): 200 characters each, so several. */
const CODES = ['AD', 'AE', 'AF', 'AG', 'AL', 'AM', 'AO', 'AR', 'AT', 'AU', 'AZ', 'BA', 'BB', 'BD', 'BE', 'BF', 'BG', 'BH', 'BI', 'BJ', 'BN', 'BO', 'BR', 'BS', 'BT', 'BW'];
const CONFIG = `issuer: Ministry of External Affairs\nsite_url: https://example.org/travel/\nlanguages: [${LANGUAGES.join(', ')}]\nformats: [md, html, txt]\n`;

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'background', 'srcdoc', 'srcset', 'ping'];
/** The schemes a link may have: the safe ones, and file: for the pages' links to each other when opened from disk. */
const SAFE_PROTOCOLS = [...SAFE_SCHEMES, 'file:'];

let project: ReturnType<typeof tempProject>;
let dist: string;
let browser: Browser;

beforeAll(async () => {
  project = tempProject();
  writeFileSync(path.join(project.dir, 'advisory.config.yaml'), CONFIG);
  mkdirSync(path.join(project.dir, 'advisories'));
  const translations = LANGUAGES.slice(1);
  // One advisory holds every payload in every list item, summary and body; the rest carry the one-line fields.
  const lines = packed(BUILT_XSS_PAYLOADS);
  expect(lines.length).toBeLessThanOrEqual(CODES.length);
  writeFileSync(path.join(project.dir, 'advisories/tt.yaml'), hostileAdvisory({ code: 'TT', line: lines[0]!, payloads: BUILT_XSS_PAYLOADS, languages: translations }));
  lines.slice(1).forEach((line, i) => {
    const code = CODES[i]!;
    writeFileSync(path.join(project.dir, `advisories/${code.toLowerCase()}.yaml`), hostileAdvisory({ code, line, payloads: [line], languages: translations }));
  });
  const result = runCli(['build'], { cwd: project.dir });
  // No error diagnostic and no failure: warnings may quote a payload, and with it its "onerror".
  expect(result.stderr).not.toMatch(/ {2}error {2}|^error:/m);
  expect(result.status).toBe(0);
  dist = path.join(project.dir, 'dist');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  project?.cleanup();
});

interface Watch {
  context: BrowserContext;
  /** Every sign of a payload running: a recorded call, a dialog, a CSP violation. */
  executions: string[];
  /** Requests for anything but a page navigated to (an image, a script, a frame). */
  loads: string[];
  /** Every URL a page's main frame went to. */
  navigations: string[];
  newPage(): Promise<Page>;
}

/**
 * A browser context whose pages record any execution. `csp: false` lifts the
 * pages' own Content-Security-Policy, so that an injected script would run
 * (and be recorded) rather than be blocked: the escaping alone must hold.
 */
async function watchedContext(csp: boolean): Promise<Watch> {
  const context = await browser.newContext({ bypassCSP: !csp });
  const executions: string[] = [];
  const loads: string[] = [];
  const navigations: string[] = [];
  await context.exposeBinding('__record', ({ page }, what: string) => void executions.push(`${page?.url() ?? '?'}: ${what}`));
  await context.addInitScript(() => {
    const w = window as unknown as Record<string, unknown> & { __record(what: string): void };
    const record = (what: string) => w.__record(what);
    w.__xss = (n: unknown) => record(`__xss(${String(n)})`);
    for (const name of ['alert', 'confirm', 'prompt', 'print']) w[name] = (...args: unknown[]) => record(`${name}(${args.map(String).join(', ')})`);
    document.addEventListener('securitypolicyviolation', (e) => record(`CSP blocked ${e.violatedDirective} ${e.blockedURI} ${e.sample}`), true);
    // A click on a link to a page, the web, mail or a phone stays here, so the next link can be
    // clicked without loading the page again; those targets are harmless, and the DOM check
    // proves that no link has another. Any other link (javascript:) is left to do what it does.
    addEventListener(
      'click',
      (e) => {
        const link = (e.target as Element | null)?.closest?.('a');
        if (link && ['file:', 'http:', 'https:', 'mailto:', 'tel:'].includes(new URL(link.href, location.href).protocol)) e.preventDefault();
      },
      true,
    );
  });
  // Nothing leaves the machine: links to the web are followed as far as the request, then stopped.
  await context.route(/^(https?|wss?|ftp):/, (route) => route.abort());
  context.on('request', (request) => {
    const page = request.frame().page();
    if (!(request.isNavigationRequest() && request.frame() === page.mainFrame())) loads.push(`${page.url()}: ${request.resourceType()} ${request.url()}`);
  });
  return {
    context,
    executions,
    loads,
    navigations,
    async newPage() {
      const page = await context.newPage();
      page.on('dialog', (dialog) => {
        executions.push(`${page.url()}: dialog ${dialog.type()} ${dialog.message()}`);
        void dialog.dismiss();
      });
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) navigations.push(frame.url());
      });
      return page;
    },
  };
}

/** Runs `visit` for every file on a few pages at once (the time goes into waiting for the browser, not the CPU). */
async function visitAll(watch: Watch, files: readonly string[], visit: (page: Page, file: string) => Promise<void>): Promise<void> {
  const queue = [...files];
  const worker = async () => {
    const page = await watch.newPage();
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) await visit(page, file);
    await page.close();
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

/** What in the loaded page could run or load: script elements, handlers, unexpected elements, script URLs. */
async function domProblems(page: Page): Promise<string[]> {
  return page.evaluate(
    ({ allowed, urlAttributes, safe }) => {
      const problems: string[] = [];
      for (const script of document.querySelectorAll('script')) problems.push(`<script> ${script.outerHTML.slice(0, 80)}`);
      for (const element of document.querySelectorAll('*')) {
        const name = element.tagName.toLowerCase();
        if (document.body.contains(element) && element !== document.body && !allowed.includes(name)) problems.push(`<${name}> in the body`);
        for (const attribute of element.attributes) {
          if (attribute.name.toLowerCase().startsWith('on')) problems.push(`<${name} ${attribute.name}="${attribute.value}">`);
          if (urlAttributes.includes(attribute.name.toLowerCase())) {
            const protocol = new URL(attribute.value, document.baseURI).protocol;
            if (!safe.includes(protocol)) problems.push(`<${name} ${attribute.name}="${attribute.value}"> (${protocol})`);
          }
        }
      }
      return problems;
    },
    { allowed: [...PAGE_BODY_ELEMENTS], urlAttributes: URL_ATTRIBUTES, safe: SAFE_PROTOCOLS },
  );
}

/**
 * Hovers and clicks every link of the loaded page with the real mouse, at the
 * middle of the link, after bringing it into view (and, for the skip link,
 * giving it the focus that shows it). Returns the links that something else
 * covered, so that the click would not have reached them.
 */
async function hoverAndClickEveryLink(page: Page): Promise<{ count: number; covered: string[] }> {
  const count = await page.evaluate(() => document.querySelectorAll('a').length);
  const covered: string[] = [];
  for (let i = 0; i < count; i++) {
    const target = await page.evaluate((i) => {
      const link = document.querySelectorAll('a')[i]!;
      link.focus();
      link.scrollIntoView({ block: 'center', inline: 'center' });
      const box = link.getClientRects()[0];
      if (!box) return null;
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      const hit = document.elementFromPoint(x, y);
      return { x, y, reached: !!hit && link.contains(hit), html: link.outerHTML.slice(0, 80) };
    }, i);
    if (!target) {
      // A link with no box on screen still gets its click, from the page.
      await page.evaluate((i) => document.querySelectorAll('a')[i]!.click(), i);
      continue;
    }
    if (!target.reached) covered.push(target.html);
    await page.mouse.move(target.x, target.y);
    await page.mouse.click(target.x, target.y);
  }
  return { count, covered };
}

function htmlPages(): string[] {
  return outputFiles(dist, 'html');
}

describe('the XSS corpus', () => {
  it('has more than 60 payloads that a build accepts, all different', () => {
    expect(BUILT_XSS_PAYLOADS.length).toBeGreaterThanOrEqual(60);
    expect(UNSAFE_LINKS).toHaveLength(19);
    expect(COMMENT_PAYLOADS).toHaveLength(1);
    expect(UNSAFE_LINKS.every((p) => XSS_PAYLOADS.includes(p))).toBe(true);
    expect(new Set(XSS_PAYLOADS).size).toBe(XSS_PAYLOADS.length);
  });

  it('is refused in the fields with strict formats (phone, e-mail, web address): exit 1, each field named', () => {
    const { dir, cleanup } = tempProject();
    try {
      const contacts = XSS_PAYLOADS.map((p, i) => `  - name: Office ${i}\n${STRICT_FIELDS.map((f) => `    ${f}: ${JSON.stringify(p)}`).join('\n')}`).join('\n');
      mkdirSync(path.join(dir, 'advisories'));
      writeFileSync(
        path.join(dir, 'advisories/tt.yaml'),
        `country: Trinidad and Tobago\ncode: TT\nlevel: 2\nissued: 2026-01-05\nupdated: 2026-01-05\nsummary: Crime.\nguidance: [Take care.]\ncontacts:\n${contacts}\n`,
      );
      const result = runCli(['build'], { cwd: dir });
      expect(result.status).toBe(1);
      for (const [i, payload] of XSS_PAYLOADS.entries()) {
        for (const field of STRICT_FIELDS) expect(result.stderr, payload).toContain(`contacts[${i}].${field} must be`);
      }
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(path.join(dir, 'dist'))).toBe(false);
    } finally {
      cleanup();
    }
  });
});

/**
 * Builds an advisory with `payloads` in every Markdown field (English and French) and checks that the
 * build refuses it: exit 1, no stack trace, nothing written, and for each field and payload one error
 * whose message starts `<field> <says>`. The summary and the French body hold every payload at once.
 */
function refusedInEveryMarkdownField(payloads: readonly string[], says: string): void {
  const { dir, cleanup } = tempProject();
  try {
    writeFileSync(path.join(dir, 'advisory.config.yaml'), 'languages: [en, fr]\n');
    mkdirSync(path.join(dir, 'advisories'));
    writeFileSync(path.join(dir, 'advisories/tt.yaml'), hostileAdvisory({ code: 'TT', line: 'Trinidad and Tobago', payloads, languages: ['fr'] }));
    const result = runCli(['build', '--today', '2026-03-02'], { cwd: dir });
    expect(result.status).toBe(1);
    const named = (field: string) => result.stderr.split('\n').filter((l) => l.includes(`  error  ${field} ${says}`)).length;
    for (const [i, payload] of payloads.entries()) {
      for (const field of [`guidance[${i}]`, `regions[${i}].note`, `updates[${i}].summary`, `translations.fr.guidance[${i}]`]) expect(named(field), `${field}: ${payload}`).toBe(1);
    }
    expect(named('summary')).toBe(payloads.length);
    expect(named('translations.fr.body')).toBe(payloads.length);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  } finally {
    cleanup();
  }
}

// They never reach a page: validation refuses them (the renderer's own handling is tested in-process, tests/render).
describe('script links', () => {
  it('are refused in every Markdown field, in every language: exit 1, each link named, nothing written', () => {
    refusedInEveryMarkdownField(UNSAFE_LINKS, 'links "');
  });
});

describe('comments', () => {
  it('are refused in every Markdown field, in every language: exit 1, each comment named, nothing written', () => {
    refusedInEveryMarkdownField(COMMENT_PAYLOADS, 'holds an HTML comment');
  });
});

describe('hostile advisories in every language', () => {
  it('build bulletins and indexes in every language', () => {
    const pages = htmlPages();
    expect(pages).toHaveLength((packed(BUILT_XSS_PAYLOADS).length + 1) * LANGUAGES.length);
    for (const lang of LANGUAGES.slice(1)) expect(pages).toContain(`${lang}/tt.html`);
  });

  it('run nothing and load nothing, with every link hovered and clicked, even without the pages’ Content-Security-Policy', async () => {
    const watch = await watchedContext(false);
    const problems: string[] = [];
    let links = 0;
    try {
      await visitAll(watch, htmlPages(), async (page, file) => {
        const url = pageUrl(path.join(dist, file));
        await page.goto(url);
        problems.push(...(await domProblems(page)).map((p) => `${file}: ${p}`));
        const { count, covered } = await hoverAndClickEveryLink(page);
        links += count;
        problems.push(...covered.map((link) => `${file}: a link is covered by something else: ${link}`));
        if (page.url() !== url) problems.push(`${file}: a click went to ${page.url()}`);
      });
    } finally {
      await watch.context.close();
    }
    expect(problems).toEqual([]);
    expect(watch.executions).toEqual([]);
    expect(watch.loads).toEqual([]);
    expect(watch.navigations.filter((u) => !u.startsWith('file:'))).toEqual([]);
    // Proof that the clicking happened: every page has its index and language links at least.
    expect(links).toBeGreaterThan(htmlPages().length * 3);
  }, 600_000);

  it('trip no Content-Security-Policy violation with the policy in force', async () => {
    const watch = await watchedContext(true);
    try {
      await visitAll(watch, htmlPages(), async (page, file) => void (await page.goto(pageUrl(path.join(dist, file)))));
    } finally {
      await watch.context.close();
    }
    expect(watch.navigations.length).toBe(htmlPages().length);
    expect(watch.executions).toEqual([]);
    expect(watch.loads).toEqual([]);
  });

  it('show template-like strings as written, in every language', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    try {
      for (const lang of LANGUAGES) {
        const file = lang === 'en' ? 'tt.html' : `${lang}/tt.html`;
        await page.goto(pageUrl(path.join(dist, file)));
        const guidance = await page.locator('ul.guidance > li').allTextContents();
        const regions = await page.locator('main h2 + p + ul > li strong').allTextContents();
        for (const template of TEMPLATE_LIKE) {
          expect(guidance, `${file} guidance`).toContain(template);
          expect(regions, `${file} region names`).toContain(template);
        }
      }
    } finally {
      await page.close();
    }
    // Plain text wraps long lines: compared with the whitespace of the wrapping taken out.
    const words = (file: string) => readOutput(dist, file).replace(/\s+/g, ' ');
    for (const template of TEMPLATE_LIKE) {
      expect(words('tt.txt')).toContain(template);
      expect(words('ar/tt.txt')).toContain(template);
    }
  });
});

describe('hostile advisories in the files machines read', () => {
  it('leave every CAP alert valid against the CAP 1.2 schema, every Atom feed well-formed, every JSON file parseable', () => {
    const alerts = outputFiles(dist, 'xml').filter((f) => f.startsWith('cap/'));
    expect(alerts.length).toBe(readdirSync(path.join(project.dir, 'advisories')).length);
    const schema = path.join(ROOT, 'tests/schemas/cap12.xsd');
    const cap = spawnSync('xmllint', ['--noout', '--schema', schema, ...alerts.map((f) => path.join(dist, f))], { encoding: 'utf8' });
    expect(cap.status, cap.stderr).toBe(0);
    const atom = spawnSync('xmllint', ['--noout', ...outputFiles(dist, 'atom').map((f) => path.join(dist, f))], { encoding: 'utf8' });
    expect(atom.status, atom.stderr).toBe(0);
    for (const file of outputFiles(dist, 'json')) expect(() => JSON.parse(readOutput(dist, file)), file).not.toThrow();
    // The marker never reaches a feed or an alert as markup: escaped, it is text.
    for (const file of [...alerts, ...outputFiles(dist, 'atom')]) expect(readOutput(dist, file)).not.toMatch(/<script/i);
  });
});
