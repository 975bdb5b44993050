/**
 * The checks every published page must pass, in one place, so that the tests
 * of the sample build and the tests proving each check can fail run exactly
 * the same code.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { lint } from 'markdownlint/sync';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The rules of WCAG 2.1 levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core's WCAG 2.1 AA violations on the page loaded in `page`, as
 * `rule: target` lines. Pages forbid scripts (Content-Security-Policy), so
 * the page's context must be created with `bypassCSP: true` to inject axe.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async (tags) => {
    const axe = (globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, WCAG_TAGS);
  return violations.flatMap((v) => v.targets.map((t) => `${v.id}: ${t}`));
}

/** Headings out of order: not exactly one h1 first, or a level skipped on the way down. */
export async function headingProblems(page: Page): Promise<string[]> {
  const levels = await page.$$eval('h1, h2, h3, h4, h5, h6', (hs) => hs.map((h) => ({ level: Number(h.tagName[1]), text: h.textContent ?? '' })));
  const problems: string[] = [];
  if (levels[0]?.level !== 1) problems.push(`the first heading is not an h1: ${levels[0] ? `h${levels[0].level} "${levels[0].text}"` : 'no headings'}`);
  if (levels.filter((h) => h.level === 1).length > 1) problems.push('more than one h1');
  levels.forEach((h, i) => {
    const before = levels[i - 1];
    if (before && h.level > before.level + 1) problems.push(`h${h.level} "${h.text}" follows h${before.level} "${before.text}"`);
  });
  return problems;
}

/**
 * html-validate's recommended rules, and those for whole documents (headings
 * in order, a doctype, references that resolve), with one turned off:
 * - long-title: a page's title is "<advisory title> | <issuer>". It leads with
 *   the advisory, so where a search engine or a tab cuts it, only the issuer
 *   is lost; its length comes from the ministry's official name and the
 *   officer's title, which a template must not shorten.
 */
export const HTML_VALIDATE_CONFIG: ConfigData = {
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: { 'long-title': 'off' },
};

const htmlValidate = new HtmlValidate(HTML_VALIDATE_CONFIG);

/** html-validate's findings for one page, as `file:line:col rule message` lines. */
export async function htmlProblems(html: string, file: string): Promise<string[]> {
  const report = await htmlValidate.validateString(html, file);
  return report.results.flatMap((r) => r.messages.map((m) => `${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`));
}

/**
 * markdownlint's default rules, with two exceptions (named in the README):
 * - MD013 line-length: every paragraph, list item and table row of a
 *   bulletin is one line, so that it reflows in any viewer and a translation
 *   never inherits the English line breaks; hard-wrapping at 80 columns would
 *   split table rows, which Markdown cannot do.
 * - MD029 ol-prefix: it asks every numbered list to start at 1. A list in the
 *   advice that starts at 3 (steps continued after a paragraph) keeps its
 *   numbers: renumbered, "step 3" would read as step 1. The bulletin numbers
 *   each list's items one by one from its start, so nothing else could break it.
 */
export const MARKDOWNLINT_CONFIG = { default: true, MD013: false, MD029: false };

/** markdownlint's findings for some Markdown files ({ name: text }), one line each. */
export function markdownProblems(files: Record<string, string>): string[] {
  const results = lint({ strings: files, config: MARKDOWNLINT_CONFIG });
  return Object.entries(results).flatMap(([file, errors]) =>
    errors.map((e) => `${file}:${e.lineNumber} ${e.ruleNames.join('/')} ${e.ruleDescription}${e.errorDetail ? ` [${e.errorDetail}]` : ''}`),
  );
}
