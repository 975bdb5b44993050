/**
 * Phone numbers in right-to-left running text: which runs are isolated, and
 * how each format writes them. (tests/browser/rtl.test.ts shows in Chromium
 * that the digit groups then keep their order; the Arabic goldens show the output.)
 */
import { describe, expect, it } from 'vitest';
import { isolateNumbers } from '../../src/render/bidi.js';
import { inlineMarkdownToHtml, markdownToHtml } from '../../src/render/markdown-html.js';
import { inlineMarkdownToMarkdown, markdownToMarkdown } from '../../src/render/markdown-md.js';
import { inlineMarkdownToText, markdownToText } from '../../src/render/markdown-text.js';

const marked = (text: string) => isolateNumbers(text, (run) => `[${run}]`);

describe('a phone-like number in right-to-left text', () => {
  it.each([
    ['اتصل بالسفارة على +223 20 70 13 00.', 'اتصل بالسفارة على [+223 20 70 13 00].'],
    ['الهاتف:+961 1 900 000', 'الهاتف:[+961 1 900 000]'],
    ['+44 (0)20 7946 0000', '[+44 (0)20 7946 0000]'],
    ['(01) 900-000', '[(01) 900-000]'],
    ['+223-20-70-13-00', '[+223-20-70-13-00]'],
    ['+961', '[+961]'],
    ['10 000 كم', '[10 000] كم'],
    ['+961\u00a01\u00a0900\u00a0000', '[+961\u00a01\u00a0900\u00a0000]'],
    ['٠٢٠ ٧٠ ١٣ ٠٠', '[٠٢٠ ٧٠ ١٣ ٠٠]'],
  ])('is isolated: %s', (text, isolated) => {
    expect(marked(text)).toBe(isolated);
  });

  it.each([
    // Laid out left to right already.
    'في 2026-11-28',
    'الساعة 22:00',
    '22:00-06:00',
    '1.5 كم',
    // Read in the sentence's direction.
    'من 22:00 - 06:00',
    '1، 2 و3',
    // Not a number of its own: a road, a URL, a character reference, a level in parentheses.
    'الطريق N1 20',
    'https://example.org/20 30',
    '&#233; 20',
    'المستوى (3)',
  ])('is left as written: %s', (text) => {
    expect(marked(text)).toBe(text);
  });
});

describe('each format', () => {
  const arabic = 'اتصل على +961 0 000 000 في 2026-11-28.';
  it('isolates the number as text in right-to-left text: <bdi dir="ltr"> in HTML, U+2066 ... U+2069 in Markdown and plain text', () => {
    expect(inlineMarkdownToHtml(arabic, { rtl: true })).toBe('اتصل على <bdi dir="ltr">+961 0 000 000</bdi> في 2026-11-28.');
    expect(markdownToHtml(`## ${arabic}\n\n- ${arabic}`, { rtl: true })).toBe(
      '<h3>اتصل على <bdi dir="ltr">+961 0 000 000</bdi> في 2026-11-28.</h3>\n<ul>\n<li>اتصل على <bdi dir="ltr">+961 0 000 000</bdi> في 2026-11-28.</li>\n</ul>\n',
    );
    expect(inlineMarkdownToMarkdown(`**${arabic}**`, { rtl: true })).toBe('**اتصل على \u2066+961 0 000 000\u2069 في 2026-11-28.**');
    expect(markdownToMarkdown(`> ${arabic}`, { rtl: true })).toBe('> اتصل على \u2066+961 0 000 000\u2069 في 2026-11-28.');
    expect(inlineMarkdownToText(`[${arabic}](https://example.org)`, { rtl: true })).toBe('اتصل على \u2066+961 0 000 000\u2069 في 2026-11-28. <https://example.org>');
    expect(markdownToText(arabic, { rtl: true })).toBe('اتصل على \u2066+961 0 000 000\u2069 في 2026-11-28.');
  });

  it('isolates a number whose groups are joined by no-break spaces written as references, whole, in every format', () => {
    const written = 'اتصل على +20&nbsp;2&nbsp;2735&#160;0000 الآن';
    // The Markdown bulletin keeps the references as written; the others show the character.
    expect(inlineMarkdownToMarkdown(written, { rtl: true })).toBe('اتصل على \u2066+20&nbsp;2&nbsp;2735&#160;0000\u2069 الآن');
    expect(inlineMarkdownToText(written, { rtl: true })).toBe('اتصل على \u2066+20\u00a02\u00a02735\u00a00000\u2069 الآن');
    expect(inlineMarkdownToHtml(written, { rtl: true })).toBe('اتصل على <bdi dir="ltr">+20\u00a02\u00a02735\u00a00000</bdi> الآن');
  });

  it('escapes what is around and inside the isolate in HTML, and leaves code as written', () => {
    expect(inlineMarkdownToHtml('<b> +961 0 000 000 & `+961 0 000 000`', { rtl: true })).toBe('&lt;b&gt; <bdi dir="ltr">+961 0 000 000</bdi> &amp; <code>+961 0 000 000</code>');
  });

  it('changes nothing in left-to-right text', () => {
    const english = 'Call +961 0 000 000 on 2026-11-28.';
    expect(inlineMarkdownToHtml(english)).toBe(english);
    expect(inlineMarkdownToMarkdown(english)).toBe(english);
    expect(inlineMarkdownToText(english)).toBe(english);
  });

  it('never breaks an isolated number across lines of plain text, where each line is laid out on its own', () => {
    const text = markdownToText('اتصل بالسفارة على الرقم +961 1 900 000 في أي وقت', { rtl: true, width: 30 });
    expect(text).toBe('اتصل بالسفارة على الرقم\n\u2066+961 1 900 000\u2069 في أي وقت');
  });
});
