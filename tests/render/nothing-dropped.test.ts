/**
 * Nothing an officer writes is silently dropped: random advisories whose
 * Markdown fields use every construct an officer might paste (headings of
 * every level, nested and numbered lists, task lists, tables, quotes, code
 * spans and blocks, links of every kind, footnotes, hard breaks, character
 * references, raw HTML, emoji, combining marks, Arabic, CJK, very long words
 * and addresses), each word a unique token, rendered in every format and in
 * a left-to-right and a right-to-left language. Every token of the source
 * must be seen by a reader of each format: the HTML page's text, the plain
 * text, and the Markdown bulletin as a Markdown viewer shows it. Fixed seed:
 * the same cases run every time.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Advisory } from '../../src/advisory/types.js';
import { DEFAULT_CONFIG, type Config } from '../../src/config/config.js';
import { escapeHtml, inlineMarkdownToHtml, markdownToHtml } from '../../src/render/markdown-html.js';
import { inlineMarkdownToMarkdown, LIST_SEPARATOR, markdownToMarkdown } from '../../src/render/markdown-md.js';
import { markdownToText } from '../../src/render/markdown-text.js';
import { createRenderer, type Renderer } from '../../src/render/renderer.js';
import { unseen } from '../helpers/visible-text.js';

const SEED = 20261203;
const RUNS = 150;
const config: Config = { ...DEFAULT_CONFIG, languages: ['en', 'ar'] };

/**
 * Tokens in several scripts, so that wrapping, bidi isolation and escaping all
 * meet them: each is unique (a number inside), and none is a prefix of another
 * (each ends with a letter of its own script after the number).
 */
const SCRIPTS: ReadonlyArray<(n: number) => string> = [
  (n) => `kw${n}q`,
  (n) => `كلمة${n}ب`,
  (n) => `語${n}語`,
  (n) => `कायेस${n}क`,
  (n) => `e\u0301t${n}e\u0301`,
  (n) => `👩‍⚕️${n}x`,
  (n) => `lw${n}${'l'.repeat(90)}`,
];

/** A piece of Markdown with a hole, `W`, for each word: the words are numbered once the document is made. */
const HOLE = '\u0001';
const W = HOLE;

const INLINE = [
  W,
  `**${W}**`,
  `*${W}*`,
  `_${W}_`,
  `***${W}***`,
  `~~${W}~~`,
  `~${W}~`,
  `5~10 ${W}`,
  `\`${W}\``,
  `\`\`a \`${W}\` b\`\``,
  `[${W}](https://example.org/path "a title")`,
  `[${W} **${W}**](https://example.org/path)`,
  `<https://example.org/${W}>`,
  `https://example.org/a/very/long/path/that/goes/on/and/on/${W}?query=string&and=more`,
  `www.example.org/${W}`,
  `${W}@example.org`,
  `<mailto:${W}@example.org>`,
  `![${W}](https://example.org/image.png "a title")`,
  // Titles in the other two spellings, with what a title written in "..." must escape.
  `[${W}](https://example.org/path 'it\\'s "quoted" \\| &amp; \\\\ (here)')`,
  `![${W}](https://example.org/image.png (a "title" 'too'))`,
  `&amp;${W}&copy;`,
  `&lt;${W}&gt;`,
  `<b>${W}</b>`,
  `\\*${W}\\*`,
  `[${W}][ref]`,
  `[${W}]`,
  `${W}[^1]`,
  `[^${W}]`,
  `(${W})`,
  `"${W}"`,
  `${W}.`,
  `+223 20 ${W} 00`,
  `${W} +223 20 70 13 00`,
  `${W} \\| ${W}`,
  `\`a \\| ${W}\``,
  `${W} #`,
  `\\# ${W} ##`,
  `${W}\\`,
  `&#35;${W}&#x2014;`,
  `${W}&nbsp;:`,
  `:${W}:`,
];

const inline = fc.array(fc.constantFrom(...INLINE), { minLength: 1, maxLength: 5 }).map((pieces) => pieces.join(' '));

/** Inline Markdown with hard breaks, as a block's paragraph may have them. */
const broken = fc.array(inline, { minLength: 1, maxLength: 3 }).chain((lines) =>
  fc.array(fc.constantFrom('  \n', '\\\n', '\n'), { minLength: lines.length - 1, maxLength: lines.length - 1 }).map((breaks) => lines.map((l, i) => l + (breaks[i] ?? '')).join('')),
);

const indent = (text: string, by: number) => text.split('\n').map((l, i) => (i && l ? ' '.repeat(by) + l : l)).join('\n');

/**
 * Blocks one after the other, as written: two lists in a row with different
 * markers (`+ a` then `- b`, `1) a` then `3. b`) are two lists, which the
 * Markdown bulletin must keep apart (it writes every bullet `-` and every
 * number `N.`). A link definition shows nothing: the blocks on either side of
 * it meet, two lists with the same marker among them.
 */
function separated(blocks: string[]): string {
  const shown = blocks.filter((b) => !b.startsWith('[ref]:'));
  return [...shown, ...blocks.filter((b) => b.startsWith('[ref]:'))].join('\n\n');
}

const { block } = fc.letrec<{ block: string; list: string }>((tie) => ({
  block: fc.oneof(
    { weight: 4, arbitrary: broken },
    { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), inline).map(([depth, text]) => `${'#'.repeat(depth)} ${text}`) },
    { weight: 1, arbitrary: fc.tuple(inline, fc.constantFrom('===', '---')).map(([text, rule]) => `${text}\n${rule}`) },
    { weight: 3, arbitrary: tie('list') },
    { weight: 1, arbitrary: fc.array(fc.tuple(fc.boolean(), inline), { minLength: 1, maxLength: 3 }).map((items) => items.map(([done, text]) => `- [${done ? 'x' : ' '}] ${text}`).join('\n')) },
    {
      weight: 2,
      arbitrary: fc.integer({ min: 1, max: 3 }).chain((columns) =>
        fc.tuple(
          fc.array(inline, { minLength: columns, maxLength: columns }),
          fc.array(fc.constantFrom('---', ':---', ':---:', '---:'), { minLength: columns, maxLength: columns }),
          fc.array(fc.array(inline, { minLength: columns, maxLength: columns }), { maxLength: 3 }),
        ).map(([header, align, rows]) => [header, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n')),
      ),
    },
    { weight: 2, arbitrary: fc.array(tie('block'), { minLength: 1, maxLength: 2 }).map((blocks) => separated(blocks).split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n')) },
    { weight: 1, arbitrary: fc.constantFrom(`\`\`\`js\ncode ${W} with \`\`\` inside\n\`\`\``, `~~~\n${W}\n~~~`, `    indented ${W} code`) },
    { weight: 1, arbitrary: fc.constant('---') },
    { weight: 1, arbitrary: fc.constant(`<div>${W}</div>`) },
    { weight: 1, arbitrary: inline.map((text) => `[^1]: ${text}`) },
    { weight: 1, arbitrary: fc.constant(`[ref]: https://example.org/ref "a title"`) },
  ),
  // An item may hold two lists in a row, its lines one after the other: `- a` then `1) b` then `3. c`.
  list: fc.tuple(fc.constantFrom('- ', '* ', '+ ', '1. ', '3. ', '1) '), fc.array(fc.tuple(broken, fc.option(fc.array(tie('list'), { minLength: 1, maxLength: 2 }).map((lists) => lists.join('\n')), { freq: 4 })), { minLength: 1, maxLength: 3 })).map(([marker, items]) =>
    items
      .map(([text, nested], i) => {
        const ordered = /\d/.test(marker);
        const own = ordered ? marker.replace(/\d+/, (n) => String(Number(n) + i)) : marker;
        // Only a list that starts at 1 may interrupt a paragraph: another one after a blank line, or it is text.
        const between = nested?.startsWith('3') ? '\n\n' : '\n';
        return own + indent(nested ? `${text}${between}${nested}` : text, own.length);
      })
      .join('\n'),
  ),
}));

const body = fc.array(block, { minLength: 1, maxLength: 6 }).map(separated);

/** The fields of an advisory, with their holes filled by numbered tokens in turn. */
interface Fields {
  summary: string;
  guidance: string[];
  note: string;
  update: string;
  body: string;
}
const fields: fc.Arbitrary<Fields> = fc.record({ summary: inline, guidance: fc.array(inline, { minLength: 1, maxLength: 3 }), note: inline, update: inline, body });

function filled(fields: Fields): { fields: Fields; tokens: string[] } {
  const tokens: string[] = [];
  const fill = (text: string) => text.replace(new RegExp(HOLE, 'g'), () => {
    const token = SCRIPTS[tokens.length % SCRIPTS.length]!(tokens.length);
    tokens.push(token);
    return token;
  });
  return {
    fields: { summary: fill(fields.summary), guidance: fields.guidance.map(fill), note: fill(fields.note), update: fill(fields.update), body: fill(fields.body) },
    tokens,
  };
}

function advisoryOf({ summary, guidance, note, update, body }: Fields): Advisory {
  return {
    country: 'Mali',
    code: 'ML',
    level: 3,
    issued: '2026-01-05',
    updated: '2026-03-01',
    risks: [],
    summary,
    guidance,
    regions: [{ name: 'Kayes', level: 4, note }],
    contacts: [],
    body,
    updates: [{ date: '2026-03-01', summary: update }],
    // The same text as the Arabic translation: the right-to-left writers (isolated numbers, `<bdi>`) read it too.
    translations: { ar: { updated: '2026-03-01', summary, guidance, regions: [{ note }], body, updates: [{ summary: update }] } },
  };
}

let renderer: Renderer;
beforeAll(async () => {
  renderer = await createRenderer(config, []);
});

describe('every word of every Markdown field', () => {
  it.each(['en', 'ar'])('is seen by a reader of each format (%s)', (lang) => {
    fc.assert(
      fc.property(fields, (generated) => {
        const { fields: written, tokens } = filled(generated);
        const advisory = advisoryOf(written);
        for (const format of ['html', 'md', 'txt'] as const) {
          const missing = unseen(tokens, renderer.bulletin(advisory, lang, format, 'a generated advisory').content, format);
          expect(missing, `${format}: ${JSON.stringify(written, null, 1)}`).toEqual([]);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('the Markdown bulletin, read again', () => {
  it('makes the same HTML as the advisory’s Markdown: the body and the one-paragraph fields, in either direction', () => {
    fc.assert(
      fc.property(fields, (generated) => {
        const { fields: written } = filled(generated);
        for (const rtl of [false, true]) {
          const direct = markdownToHtml(written.body, { rtl }).replace(/(<\/?h)\d>/g, '$1>');
          const again = markdownToHtml(markdownToMarkdown(written.body, { rtl })).replace(/\u2066(.*?)\u2069/g, '<bdi dir="ltr">$1</bdi>').replace(/(<\/?h)\d>/g, '$1>');
          // Spaces around a line break show nothing; a code block without a language is written `text` (markdownlint's MD040).
          const lines = (html: string) => html.replace(/[ \t]*\n[ \t]*/g, '\n').replace(/<p>[ \t]+/g, '<p>').replace(/ class="language-text"/g, '');
          // The comment that keeps two lists apart, which a Markdown viewer hides (the bulletins' own renderer shows any HTML as text).
          const viewed = (html: string) => html.replaceAll(`<p>${escapeHtml(LIST_SEPARATOR)}</p>\n`, '');
          expect(lines(viewed(again)), written.body).toBe(lines(direct));
          for (const field of [written.summary, ...written.guidance]) {
            const inlineAgain = inlineMarkdownToHtml(inlineMarkdownToMarkdown(field, { rtl })).replace(/\u2066(.*?)\u2069/g, '<bdi dir="ltr">$1</bdi>');
            // A code span with a pipe is text in a one-paragraph field (which the index puts in a table cell).
            const direct = inlineMarkdownToHtml(field, { rtl }).replace(/<code>([^<]*\|[^<]*)<\/code>/g, '$1');
            expect(inlineAgain, field).toBe(direct);
          }
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

/** Each case the properties above found, in every format, as a reader gets it. */
describe('constructs that lost text or changed in a format', () => {
  it.each([
    // A one-word footnote read as a link definition: the note lost everywhere, `[^1]` a link to nowhere.
    ['a footnote', 'Carry it.[^1]\n\n[^1]: Photocopies.', 'Carry it.\\[^1\\]\n\n\\[^1\\]: Photocopies.', 'Carry it.[^1]\n\n[^1]: Photocopies.', '<p>Carry it.[^1]</p>\n<p>[^1]: Photocopies.</p>\n'],
    // The Markdown bulletin escaped the escaped pipe again, `\\|`, splitting the cell: "closed at night" was lost.
    // In plain text a cell with a pipe is in quotes, or "closed at night" would read as a third column.
    ['a pipe in a table cell', '| Road | State |\n| --- | --- |\n| N1 | Open \\| closed at night |', '| Road | State |\n| --- | --- |\n| N1 | Open \\| closed at night |', '  Road | State\n  N1 | "Open | closed at night"', '<table>\n<thead>\n<tr>\n<th>Road</th>\n<th>State</th>\n</tr>\n</thead>\n<tbody><tr>\n<td>N1</td>\n<td>Open | closed at night</td>\n</tr>\n</tbody></table>\n'],
    ['a code span with a pipe in a table cell', '| Code |\n| --- |\n| `*100\\|1#` |', '| Code |\n| --- |\n| `*100\\|1#` |', '  Code\n  "*100|1#"', '<table>\n<thead>\n<tr>\n<th>Code</th>\n</tr>\n</thead>\n<tbody><tr>\n<td><code>*100|1#</code></td>\n</tr>\n</tbody></table>\n'],
    ['a code span with a pipe in a paragraph', 'Dial `*100|1#`.', 'Dial `*100|1#`.', 'Dial *100|1#.', '<p>Dial <code>*100|1#</code>.</p>\n'],
    // A loose task list showed each box twice in Markdown and plain text.
    ['a loose task list', '- Pack\n\n- [ ] passport', '- Pack\n\n- [ ] passport', '- Pack\n\n- [ ] passport', '<ul>\n<li><p>Pack</p>\n</li>\n<li><p>[ ] passport</p>\n</li>\n</ul>\n'],
    // Written `### Curfew ##`, a heading drops its closing #s.
    ['a heading ending in #s', 'Curfew ##\n===', '### Curfew \\##', 'Curfew ##\n~~~~~~~~~', '<h3>Curfew ##</h3>\n'],
    // `\\` then the hard break's backslash read as an escaped backslash: the break was lost.
    ['a backslash before a hard break', 'C:\\  \nnext', 'C:\\\\\\\nnext', 'C:\\\nnext', '<p>C:\\<br>next</p>\n'],
    // Two lists in the source, one in the Markdown bulletin (every number written `N.`): "3. Leave" read as step 2.
    ['two numbered lists in a row', '1) Register.\n3. Leave.', '1. Register.\n\n<!-- -->\n\n3. Leave.', '1. Register.\n\n3. Leave.', '<ol>\n<li>Register.</li>\n</ol>\n<ol start="3">\n<li>Leave.</li>\n</ol>\n'],
    ['two bullet lists in a row', '+ Water\n- Map', '- Water\n\n<!-- -->\n\n- Map', '- Water\n\n- Map', '<ul>\n<li>Water</li>\n</ul>\n<ul>\n<li>Map</li>\n</ul>\n'],
    // An image's title was lost in the page and the Markdown bulletin. A title is hover text: plain text leaves it out (README).
    ['a link and an image with titles', 'See the [map](https://example.org/map "Updated daily") and ![exits](https://example.org/exits.png \'Level 2\').', 'See the [map](https://example.org/map "Updated daily") and [exits](https://example.org/exits.png "Level 2").', 'See the map <https://example.org/map> and exits\n<https://example.org/exits.png>.', '<p>See the <a href="https://example.org/map" title="Updated daily">map</a> and <a href="https://example.org/exits.png" title="Level 2">exits</a>.</p>\n'],
    // A block of raw HTML was bare text in the page, outside any paragraph.
    ['a block of raw HTML', '<div>raw &copy;</div>', '\\<div>raw &copy;\\</div>', '<div>raw ©</div>', '<p>&lt;div&gt;raw ©&lt;/div&gt;</p>\n'],
  ])('%s', (_what, markdown, md, txt, html) => {
    expect(markdownToMarkdown(markdown)).toBe(md);
    expect(markdownToText(markdown)).toBe(txt);
    expect(markdownToHtml(markdown)).toBe(html);
  });

  it('a web address before a hard break keeps its link in the Markdown bulletin', () => {
    expect(markdownToMarkdown('See www.example.org/a\\\nnext')).toBe('See [www.example.org/a\\\\](http://www.example.org/a\\\\)\nnext');
  });
});
