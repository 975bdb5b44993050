/** Markdown to plain text: nothing of the Markdown syntax is left, and nothing of the text is lost. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inlineMarkdownToText, markdownToText } from '../../src/render/markdown-text.js';
import { inlineMarkdownToHtml } from '../../src/render/markdown-html.js';
import { inlineMarkdownToMarkdown } from '../../src/render/markdown-md.js';
import { singleSpaced } from '../../src/render/wrap.js';

describe('markdownToText', () => {
  it('drops emphasis, heading and link syntax, writing links as text <url>', () => {
    expect(inlineMarkdownToText('**Do not travel** to _Mali_; see [the embassy](https://example.org/bamako) or `code`.')).toBe(
      'Do not travel to Mali; see the embassy <https://example.org/bamako> or code.',
    );
  });

  it('writes a bare link or e-mail address once, in angle brackets', () => {
    expect(inlineMarkdownToText('Write to consular@example.org or see https://example.org/')).toBe('Write to <consular@example.org> or see <https://example.org/>');
  });

  it('keeps only the text of a link with an unsafe target', () => {
    expect(inlineMarkdownToText('[click](javascript:alert(1))')).toBe('click');
  });

  it('turns lists into bullets with hanging indents, wrapped at 72 columns', () => {
    const text = markdownToText(`## Security\n\n- ${'word '.repeat(20).trim()}\n- Short.\n\n1. First\n2. Second\n`);
    expect(text).toBe(
      [
        'Security',
        '~~~~~~~~',
        '',
        '- word word word word word word word word word word word word word word',
        '  word word word word word word',
        '- Short.',
        '',
        '1. First',
        '2. Second',
      ].join('\n'),
    );
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(72);
  });

  it('keeps a word longer than a line whole rather than cutting a URL', () => {
    const url = `https://example.org/${'a'.repeat(80)}`;
    expect(markdownToText(`See ${url} now.`)).toBe(`See\n<${url}>\nnow.`);
  });

  it('shows raw HTML as the text it is', () => {
    expect(inlineMarkdownToText('Avoid <b>crowds</b>.')).toBe('Avoid <b>crowds</b>.');
  });
});

describe('spaces in plain text', () => {
  it('keep the no-break spaces of inline fields, so "Bamako :" and "24 h" are never broken apart', () => {
    expect(inlineMarkdownToText('Restez en contact avec **Bamako**\u00a0:  appelez\n24\u00a0h sur 24. ')).toBe('Restez en contact avec Bamako\u00a0: appelez 24\u00a0h sur 24.');
    expect(markdownToText('## Urgences\u00a0:   24\u00a0h\n')).toBe('Urgences\u00a0: 24\u00a0h\n~~~~~~~~~~~~~~~');
  });

  it('are otherwise collapsed to one between words and trimmed, as every run of whitespace was', () => {
    const spaceOrWord = fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\u2003', '\u3000', '\u2028', '\ufeff', 'a', 'Mali', 'é', '日本');
    fc.assert(
      fc.property(fc.array(spaceOrWord, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(singleSpaced(text).trim()).toBe(text.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('tables', () => {
  it('are indented, so a row of dashes cannot underline the row above as a heading', () => {
    expect(markdownToText('| Region | Level |\n| --- | --- |\n| Kayes | 4 |')).toBe('  Region | Level\n  Kayes | 4');
    expect(markdownToText('| a |\n|---|\n| --- |')).toBe('  a\n  ---');
  });

  it('wrap a row wider than the page, its further lines indented deeper, as every line of the bulletin fits 72 columns', () => {
    const text = markdownToText('| Region | Advice |\n| --- | --- |\n| Kayes and the border areas with Senegal and Mauritania | Do not travel: armed groups operate across the whole region and kidnappings of foreigners have occurred |');
    expect(text).toBe(
      [
        '  Region | Advice',
        '  Kayes and the border areas with Senegal and Mauritania | Do not',
        '      travel: armed groups operate across the whole region and',
        '      kidnappings of foreigners have occurred',
      ].join('\n'),
    );
  });
});

describe('images and empty links', () => {
  it('writes an image as its text and address, as the other formats make it a link', () => {
    expect(inlineMarkdownToText('See ![the map](https://example.org/map.png).')).toBe('See the map <https://example.org/map.png>.');
    expect(inlineMarkdownToText('![](https://example.org/map.png)')).toBe('image <https://example.org/map.png>');
  });

  it('keeps only the text of a link to nowhere, in every format', () => {
    const empty = 'Call [the embassy]() or [the consulate](<>).';
    expect(inlineMarkdownToText(empty)).toBe('Call the embassy or the consulate.');
    expect(inlineMarkdownToHtml(empty)).toBe('Call the embassy or the consulate.');
    expect(inlineMarkdownToMarkdown(empty)).toBe('Call the embassy or the consulate.');
  });
});
