/**
 * Property-based tests of the whole render pipeline, in-process: random
 * advisories whose every text field mixes the hostile corpus, Markdown
 * syntax and arbitrary Unicode. Rendering never throws anything but our own
 * errors; no HTML page gets a tag or attribute of its own, an event handler,
 * a script or a script URL; the Markdown and plain-text bulletins keep the
 * template's sections and one item per item. Fixed seed: the same cases run
 * every time.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Advisory } from '../../src/advisory/types.js';
import { DEFAULT_CONFIG, type Config, type Format } from '../../src/config/config.js';
import { AdvisoryError } from '../../src/errors.js';
import { inlineMarkdownToHtml, markdownToHtml } from '../../src/render/markdown-html.js';
import { createRenderer, type Renderer } from '../../src/render/renderer.js';
import { decodeEntities, SAFE_SCHEMES } from '../../src/render/safe-url.js';
import { MARKDOWN_ELEMENTS, markdownStructure, PAGE_BODY_ELEMENTS, textStructure } from '../helpers/bulletin-structure.js';
import { CONTROL_PAYLOADS, STRUCTURE_BREAKERS, TEMPLATE_LIKE, XSS_PAYLOADS } from '../helpers/hostile.js';

const SEED = 20260301;
const RUNS = 60;
const config: Config = { ...DEFAULT_CONFIG, languages: ['en', 'fr'] };

/** Pieces of Markdown and HTML syntax that matter most when they meet. */
const SYNTAX = ['\n', '\n\n', '\r', '# ', '## ', '- ', '* ', '1. ', '> ', '|', ' | ', '[', ']', '](', '(', ')', '<', '>', '`', '```', '~~~', '*', '_', '**', '---', '===', '    ', '\t', '&', '&#106;', '&colon;', 'javascript:', 'https://example.org/', 'mailto:', '<pre>', '<script>', '</a>', '"', "'", '=', '{{', '}}', '\\', '!', ':'];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SYNTAX) },
  { weight: 2, arbitrary: fc.constantFrom(...XSS_PAYLOADS, ...CONTROL_PAYLOADS, ...STRUCTURE_BREAKERS, ...TEMPLATE_LIKE) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 2, arbitrary: fc.constantFrom('Bamako', 'word', 'कायेस', 'بيروت', '日本', ' ') },
);
const markdown = fc.array(piece, { minLength: 1, maxLength: 12 }).map((parts) => (/\S/.test(parts.join('')) ? parts.join('') : `x${parts.join('')}`));
/** One line with something visible, as the validator requires of titles and names. */
const line = markdown.map((text) => text.replace(/[\r\n]+/g, ' ').trim() || 'x');

const region = fc.record({ name: line, level: fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>, note: fc.option(markdown, { nil: undefined }) });
const contact = fc.record({ name: line, address: fc.option(line, { nil: undefined }), hours: fc.option(line, { nil: undefined }) });
const translation = fc.record(
  {
    title: line,
    summary: markdown,
    guidance: fc.array(markdown, { maxLength: 3 }),
    regions: fc.array(fc.record({ name: line, note: markdown }), { maxLength: 2 }),
    contacts: fc.array(fc.record({ name: line, address: line, hours: line }), { maxLength: 2 }),
    body: markdown,
    updates: fc.array(fc.record({ summary: markdown }), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);
const advisory: fc.Arbitrary<Advisory> = fc.record({
  country: line,
  code: fc.constantFrom('ML', 'FR', 'JP', 'NO', 'TT'),
  level: fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>,
  title: fc.option(line, { nil: undefined }),
  issued: fc.constant('2026-01-05'),
  updated: fc.constant('2026-03-01'),
  risks: fc.constant([]),
  summary: markdown,
  guidance: fc.array(markdown, { minLength: 1, maxLength: 4 }),
  regions: fc.array(region, { maxLength: 3 }),
  contacts: fc.array(contact, { maxLength: 2 }),
  body: fc.option(markdown, { nil: undefined }),
  updates: fc.array(fc.record({ date: fc.constant('2026-03-01'), summary: markdown }), { maxLength: 3 }),
  translations: fc.record({ fr: translation }, { requiredKeys: [] }),
});

let renderer: Renderer;
beforeAll(async () => {
  renderer = await createRenderer(config, []);
});

/** Renders, letting only our own errors (a user's mistake, told as such) through as a result. */
function render(a: Advisory, lang: string, format: Format): string {
  try {
    return renderer.bulletin(a, lang, format, 'a generated advisory').content;
  } catch (error) {
    if (error instanceof AdvisoryError) return '';
    throw error;
  }
}

/** The tags a page may carry: the templates' own and what our Markdown renderer writes. */
const HTML_ELEMENTS = new Set([...PAGE_BODY_ELEMENTS, 'html', 'head', 'meta', 'title', 'style', 'body']);
const HTML_ATTRIBUTES = new Set(['lang', 'dir', 'charset', 'name', 'content', 'http-equiv', 'class', 'href', 'title', 'id', 'style', 'role', 'datetime', 'aria-label', 'aria-current', 'aria-labelledby', 'hreflang', 'scope', 'data-label', 'start', 'align']);

/**
 * What in HTML could run or load. Text and attribute values are escaped, so
 * every `<` left in the markup opens a tag, and every attribute is quoted:
 * each tag is read whole, and must be one of ours, with our attributes.
 */
function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  // The template's own style sheet and the index's feed links (fixed addresses) are not advisory text.
  const body = html
    .replace(/<style>[\s\S]*?<\/style>/, '<style></style>')
    .replace(/<link rel="alternate" type="application\/(?:atom\+xml|feed\+json)" href="feed\.(?:atom|json)" title="[^"<>]*">\n/g, '');
  const tag = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+(?:="[^"<>]*")?)*)\s*>|<!DOCTYPE html>/g;
  let at = 0;
  for (const match of body.matchAll(tag)) {
    const between = body.slice(at, match.index);
    if (between.includes('<')) problems.push(`a stray or malformed tag: ${between.slice(between.indexOf('<')).slice(0, 80)}`);
    at = match.index + match[0].length;
    const [, , name, attributes] = match;
    if (!name) continue;
    if (!HTML_ELEMENTS.has(name.toLowerCase())) problems.push(`<${name}>`);
    for (const [, attribute, value] of (attributes ?? '').matchAll(/\s+([\w:-]+)(?:="([^"]*)")?/g)) {
      if (!HTML_ATTRIBUTES.has(attribute!.toLowerCase())) problems.push(`<${name} ${attribute}>`);
      if (attribute === 'href') {
        const protocol = new URL(decodeEntities(value ?? ''), 'https://example.org/').protocol;
        if (!(SAFE_SCHEMES as readonly string[]).includes(protocol)) problems.push(`<${name} href="${value}">`);
      }
    }
  }
  if (body.slice(at).includes('<')) problems.push(`a stray tag at the end: ${body.slice(at, at + 80)}`);
  return problems;
}

const property = <T>(arbitrary: fc.Arbitrary<T>, check: (value: T) => void) => fc.assert(fc.property(arbitrary, check), { seed: SEED, numRuns: RUNS });

describe('the checks', () => {
  it('see an event handler, a script, a script URL and a stray tag', () => {
    expect(htmlProblems('<p onclick="x()">a</p>')).toEqual(['<p onclick>']);
    expect(htmlProblems('<script>alert(1)</script>')).toEqual(['<script>', '<script>']);
    expect(htmlProblems('<a href="java&#x09;script:x()">a</a>')).toEqual(['<a href="java&#x09;script:x()">']);
    expect(htmlProblems('<p>a <img src=x onerror=alert(1)// b</p>')).toEqual(['a stray or malformed tag: <img src=x onerror=alert(1)// b']);
  });
});

describe('any advisory', () => {
  it('renders as HTML with nothing that runs or loads, in every language', () => {
    property(advisory, (a) => {
      for (const lang of config.languages) {
        const html = render(a, lang, 'html');
        expect(htmlProblems(html)).toEqual([]);
      }
      expect(htmlProblems(renderer.index([a], 'fr', 'html').content)).toEqual([]);
    });
  });

  it('renders as Markdown with the template’s sections, one list item per item, and no HTML, definitions or script links', () => {
    property(advisory, (a) => {
      const sections = ['Summary', 'What to do', a.regions.length && 'Regions', a.contacts.length && 'Who to call', a.body !== undefined && 'Full advice', a.updates.length && 'Latest updates'].filter(Boolean);
      const md = markdownStructure(render(a, 'en', 'md'), 'Full advice');
      expect(md.hazards).toEqual([]);
      expect(md.headings.filter((h) => h.startsWith('h2 ')).map((h) => h.slice(3))).toEqual(sections);
      expect(md.headings.filter((h) => h.startsWith('h1 '))).toHaveLength(1);
      expect(md.items['What to do']).toBe(a.guidance.length);
      if (a.regions.length) expect(md.items['Regions']).toBe(a.regions.length);
      if (a.updates.length) expect(md.items['Latest updates']).toBe(a.updates.length);
      expect(md.elements.filter((e) => !MARKDOWN_ELEMENTS.has(e) && e !== 'input')).toEqual([]);
      const fr = markdownStructure(render(a, 'fr', 'md'), 'Conseils détaillés');
      expect(fr.hazards).toEqual([]);
      // A translation's guidance replaces the advisory's item for item: as many items as the advisory has.
      expect(fr.items['Que faire']).toBe(a.guidance.length);
    });
  });

  it('renders as plain text with the template’s sections and one item per item', () => {
    property(advisory, (a) => {
      const sections = ['Summary', 'What to do', a.regions.length && 'Regions', a.contacts.length && 'Who to call', a.body !== undefined && 'Full advice', a.updates.length && 'Latest updates'].filter(Boolean);
      const txt = textStructure(render(a, 'en', 'txt'), ['What to do', 'Regions', 'Latest updates']);
      expect(txt.headings.slice(-sections.length)).toEqual(sections);
      expect(txt.strays).toEqual([]);
      expect(txt.items['What to do']).toBe(a.guidance.length);
    });
  });

  it('as a single Markdown field renders to safe HTML, inline and as a block (the feeds use these too)', () => {
    property(markdown, (text) => {
      expect(htmlProblems(inlineMarkdownToHtml(text))).toEqual([]);
      expect(htmlProblems(markdownToHtml(text))).toEqual([]);
    });
  });
});
