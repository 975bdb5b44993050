/**
 * A field cannot restructure a Markdown or plain-text bulletin: headings,
 * rules, setext underlines, front-matter fences, comments, tables, list
 * markers, fences, quotes and link definitions in any field stay text inside
 * that field's item or line. Built with the real binary; the Markdown is read
 * back with marked's lexer, the plain text by its heading underlines.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Marked } from 'marked';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKDOWN_ELEMENTS, markdownLinks, markdownStructure, textStructure } from '../helpers/bulletin-structure.js';
import { ONE_LINE_BREAKERS, STRUCTURE_BREAKERS } from '../helpers/hostile.js';
import { runCli, tempProject } from '../helpers/run-cli.js';
import { readOutput } from '../helpers/sample-build.js';

/** Every breaker, whole and line by line, so that each also begins a field (and so a line of the bulletin). */
// Once each: an item that repeats another is warned about.
// Validation refuses an HTML comment in a Markdown field (it would publish an internal note; see
// markdown-traps.test.ts), so those fields get the rest; one-line fields still carry comments.
const MARKDOWN_BREAKERS = STRUCTURE_BREAKERS.filter((text) => !text.includes('<!--'));
const BREAKERS = [...new Set([...MARKDOWN_BREAKERS, ...ONE_LINE_BREAKERS.filter((text) => !text.includes('<!--'))])];
const EMAILS = ['consular_bamako@example.org', '!x@example.org', "o'hara{{constructor}}*x*@example.org"];
const joined = ['## A heading first', ...MARKDOWN_BREAKERS].join('\n');
const advisory = {
  country: 'Trinidad and Tobago',
  code: 'TT',
  level: 2,
  title: ONE_LINE_BREAKERS.join(' ').slice(0, 200),
  issued: '2026-01-05',
  updated: '2026-03-01',
  summary: joined,
  guidance: BREAKERS,
  regions: ONE_LINE_BREAKERS.map((line, i) => ({ name: line, level: 3, note: MARKDOWN_BREAKERS[i % MARKDOWN_BREAKERS.length] })),
  contacts: [
    ...ONE_LINE_BREAKERS.map((line) => ({ name: line, phone: '+1 868 555 0100', address: line, hours: line })),
    // Addresses that the e-mail format allows and Markdown would read otherwise: escaped inside <...>, or a declaration <!...>.
    ...EMAILS.map((email) => ({ name: 'Consulate', email })),
  ],
  updates: BREAKERS.map((summary) => ({ date: '2026-03-01', summary })),
  translations: {
    fr: {
      updated: '2026-03-01',
      title: ONE_LINE_BREAKERS.join(' ').slice(0, 200),
      summary: joined,
      guidance: BREAKERS,
      regions: ONE_LINE_BREAKERS.map((line, i) => ({ name: line, note: MARKDOWN_BREAKERS[i % MARKDOWN_BREAKERS.length] })),
      contacts: [...ONE_LINE_BREAKERS.map((line) => ({ name: line, address: line, hours: line })), ...EMAILS.map(() => ({ name: 'Consulat' }))],
      updates: BREAKERS.map((summary) => ({ summary })),
    },
  },
};

let project: ReturnType<typeof tempProject>;
beforeAll(() => {
  project = tempProject();
  mkdirSync(path.join(project.dir, 'advisories'));
  writeFileSync(path.join(project.dir, 'advisory.config.yaml'), 'languages: [en, fr]\n');
  writeFileSync(path.join(project.dir, 'advisories/tt.yaml'), stringify(advisory, { lineWidth: 0, aliasDuplicateObjects: false }));
  const result = runCli(['build'], { cwd: project.dir });
  // The French text is the English one on purpose (what is tested is structure, not language), and one-line and
  // one-paragraph fields hold Markdown and blocks on purpose (they must be published as text), and the titles are as
  // long as a title may be (200 characters, over the CAP headline's 160) on purpose: only those are warned about.
  const copied = /^advisories\/tt\.yaml:\d+:\d+ {2}warning {2}translations\.fr\.(title|summary|guidance\[\d+\]) is the same as \1, not translated/;
  const markup = /^advisories\/tt\.yaml:\d+:\d+ {2}warning {2}\S+ is (plain text, not Markdown or HTML:|one paragraph, so) /;
  const headline = /^advisories\/tt\.yaml:\d+:\d+ {2}warning {2}(translations\.fr\.)?title is 200 characters long, over 160: /;
  const expected = [copied, markup, headline, /^\d+ warnings$/];
  expect(result.stderr.split('\n').filter((line) => /error|warning/.test(line) && !expected.some((pattern) => pattern.test(line)))).toEqual([]);
  expect(result.status).toBe(0);
});
afterAll(() => project.cleanup());

const read = (file: string) => readOutput(path.join(project.dir, 'dist'), file);

describe.each([
  { lang: 'en', dir: '', sections: ['Summary', 'What to do', 'Regions', 'Who to call', 'Latest updates'] },
  { lang: 'fr', dir: 'fr/', sections: ['Résumé', 'Que faire', 'Régions', 'Qui appeler', 'Dernières mises à jour'] },
])('the $lang bulletins', ({ dir, sections }) => {
  it('in Markdown keep exactly the template’s headings, one list item per item, and nothing a field brought', () => {
    const md = markdownStructure(read(`${dir}tt.md`), '');
    expect(md.hazards).toEqual([]);
    expect(md.headings.filter((h) => h.startsWith('h1 ') || h.startsWith('h2 ')).map((h) => h.slice(3))).toHaveLength(1 + sections.length);
    expect(md.headings.filter((h) => h.startsWith('h2 ')).map((h) => h.slice(3))).toEqual(sections);
    expect(md.headings.filter((h) => h.startsWith('h3 '))).toHaveLength(ONE_LINE_BREAKERS.length + EMAILS.length);
    expect(md.headings.filter((h) => /^h[4-6] /.test(h))).toEqual([]);
    expect(md.items[sections[1]!]).toBe(BREAKERS.length);
    expect(md.items[sections[2]!]).toBe(ONE_LINE_BREAKERS.length);
    expect(md.items[sections[4]!]).toBe(BREAKERS.length);
    expect(md.elements.filter((e) => !MARKDOWN_ELEMENTS.has(e))).toEqual([]);
  });

  it('in plain text keep exactly the template’s headings and one item per item', () => {
    const txt = textStructure(read(`${dir}tt.txt`), [sections[1]!, sections[2]!, sections[4]!]);
    expect(txt.headings.slice(1)).toEqual(sections);
    expect(txt.strays).toEqual([]);
    expect(txt.items).toEqual({ [sections[1]!]: BREAKERS.length, [sections[2]!]: ONE_LINE_BREAKERS.length, [sections[4]!]: BREAKERS.length });
  });
});

it('links each e-mail address to itself, shown as written', () => {
  const links = markdownLinks(read('tt.md')).filter((l) => l.href.startsWith('mailto:'));
  expect(links).toEqual(EMAILS.map((email) => ({ text: email, href: `mailto:${email}` })));
});

it.each(['index.md', 'fr/index.md'])('%s keeps one table row of three cells per advisory', (file) => {
  const md = markdownStructure(read(file), '', ['paragraph', 'space', 'table']);
  expect(md.hazards).toEqual([]);
  expect(md.headings.map((h) => h.slice(0, 2))).toEqual(['h1', 'h2']);
  expect(md.tables).toEqual([{ columns: 3, rows: [3] }]);
  // marked drops the cells past the header's three: count the row's unescaped pipes, four for three cells.
  const row = read(file).split('\n').find((line) => line.startsWith('| ['))!;
  expect(row.match(/(?<!\\)\|/g)).toHaveLength(4);
  expect(md.elements.filter((e) => !MARKDOWN_ELEMENTS.has(e))).toEqual([]);
});

it('keeps a country named like an image a link\'s text in the index: no viewer built on marked loads it', () => {
  const hostile = tempProject();
  try {
    mkdirSync(path.join(hostile.dir, 'advisories'));
    const country = '![t](https://evil.example/p.png)';
    writeFileSync(path.join(hostile.dir, 'advisories/tt.yaml'), stringify({ ...advisory, country, title: undefined, translations: undefined, regions: undefined, contacts: [{ name: 'Embassy', phone: '+1 868 555 0100' }] }));
    const result = runCli(['build'], { cwd: hostile.dir });
    expect(result.status, result.stderr).toBe(0);
    const index = readOutput(path.join(hostile.dir, 'dist'), 'index.md');
    expect(index).toContain('| [!&#91;t\\](https://evil.example/p.png)](tt.md) |');
    expect(new Marked({ gfm: true }).parse(index)).not.toContain('<img');
    expect(markdownLinks(index)).toContainEqual({ text: country, href: 'tt.md' });
  } finally {
    hostile.cleanup();
  }
});
