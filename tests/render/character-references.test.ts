/** Character references in Markdown fields: every format shows the character the reference stands for, as CommonMark reads it. */
import { describe, expect, it } from 'vitest';
import { decodeCharacterReferences, referenceProblem } from '../../src/advisory/character-references.js';
import { escapeHtml, inlineMarkdownToHtml, markdownToHtml } from '../../src/render/markdown-html.js';
import { inlineMarkdownToMarkdown, markdownToMarkdown } from '../../src/render/markdown-md.js';
import { inlineMarkdownToText, markdownToText } from '../../src/render/markdown-text.js';

describe('character references', () => {
  it.each([
    ['&copy;', '©'],
    ['&COPY;', '©'],
    ['&nbsp;', '\u00a0'],
    ['&eacute;', 'é'],
    ['&mdash;', '—'],
    ['&laquo;', '«'],
    ['&euro;', '€'],
    ['&amp;', '&'],
    ['&lt;script&gt;', '<script>'],
    ['&quot;', '"'],
    ['&apos;', "'"],
    ['&CounterClockwiseContourIntegral;', '∳'],
    ['&NotEqualTilde;', '≂\u0338'],
    ['&#169;', '©'],
    ['&#xA9;', '©'],
    ['&#Xa9;', '©'],
    ['&#0;', '\ufffd'],
    ['&#x110000;', '\ufffd'],
    ['&#xD800;', '\ufffd'],
  ])('%s is the same character in the text, HTML and index summary of every format', (reference, character) => {
    const markdown = `Before ${reference} after`;
    const text = `Before ${character} after`;
    expect(inlineMarkdownToText(markdown)).toBe(text);
    expect(markdownToText(markdown)).toBe(text);
    expect(inlineMarkdownToHtml(markdown)).toBe(escapeHtml(text));
    expect(markdownToHtml(markdown)).toBe(`<p>${escapeHtml(text)}</p>\n`);
    // Markdown keeps the reference as written: a Markdown viewer reads it the same way.
    expect(inlineMarkdownToMarkdown(markdown)).toBe(markdown);
    expect(markdownToMarkdown(markdown)).toBe(markdown);
  });

  it.each([
    ['&copy', 'no semicolon'],
    ['&notaname;', 'an unknown name'],
    ['&notit;', 'a legacy name HTML would read without its semicolon ("¬it;")'],
    ['&#12345678;', 'more than 7 digits'],
    ['&#x1234567;', 'more than 6 hexadecimal digits'],
    ['& copy;', 'a space'],
  ])('%s is text, shown as written in every format (%s)', (markdown) => {
    expect(inlineMarkdownToText(markdown)).toBe(markdown);
    expect(markdownToText(markdown)).toBe(markdown);
    expect(inlineMarkdownToHtml(markdown)).toBe(escapeHtml(markdown));
  });

  it('is read once: an escaped ampersand spells a reference as text', () => {
    for (const markdown of ['&amp;copy;', '&#38;copy;', '&#x26;copy;', '\\&copy;']) {
      expect(inlineMarkdownToText(markdown), markdown).toBe('&copy;');
      expect(inlineMarkdownToHtml(markdown), markdown).toBe('&amp;copy;');
    }
    expect(decodeCharacterReferences('&amp;amp; &amp;#169;')).toBe('&amp; &#169;');
  });

  it('is text in a code span and a code block, and in raw HTML shown as text', () => {
    expect(inlineMarkdownToText('`&copy;`')).toBe('&copy;');
    expect(inlineMarkdownToHtml('`&copy;`')).toBe('<code>&amp;copy;</code>');
    expect(markdownToText('    &copy;')).toBe('    &copy;');
    expect(inlineMarkdownToText('<b title="&copy;">')).toBe('<b title="&copy;">');
    expect(inlineMarkdownToHtml('<b title="&copy;">')).toBe('&lt;b title=&quot;&amp;copy;&quot;&gt;');
  });

  it('never makes markup: an escaped tag stays text, a reference to * or # is no emphasis or heading', () => {
    expect(inlineMarkdownToHtml('&lt;img src=x onerror=alert(1)&gt;')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(markdownToHtml('&#35; not a heading &#42;nor emphasis&#42;')).toBe('<p># not a heading *nor emphasis*</p>\n');
    expect(markdownToText('&#35; not a heading &#42;nor emphasis&#42;')).toBe('# not a heading *nor emphasis*');
  });

  it('reads the same in link labels, headings, list items and table cells', () => {
    const body = '## Caf&eacute;s\n\n- [Caf&eacute;](https://example.org/) &amp; bar\n\n| Ville | Num&eacute;ro |\n| --- | --- |\n| Paris&nbsp;&ndash; | 1 |\n';
    expect(markdownToText(body)).toBe('Cafés\n~~~~~\n\n- Café <https://example.org/> & bar\n\n  Ville | Numéro\n  Paris\u00a0– | 1');
    expect(markdownToHtml(body)).toContain('<h3>Cafés</h3>');
    expect(markdownToHtml(body)).toContain('<a href="https://example.org/">Café</a> &amp; bar');
    expect(markdownToHtml(body)).toContain('<td>Paris\u00a0–</td>');
  });

  it('read the same in a link\'s target and title and an image\'s text, so the text shows the address the page links to', () => {
    const markdown = 'See https://example.org/?a=1&amp;b=2, [the form](https://example.org/?a=1&amp;b=2 "T&eacute;l") and ![Caf&eacute;](https://example.org/c&amp;d.png)';
    expect(inlineMarkdownToText(markdown)).toBe('See <https://example.org/?a=1&b=2>, the form <https://example.org/?a=1&b=2> and Café <https://example.org/c&d.png>');
    expect(inlineMarkdownToHtml(markdown)).toBe(
      'See <a href="https://example.org/?a=1&amp;b=2">https://example.org/?a=1&amp;b=2</a>, <a href="https://example.org/?a=1&amp;b=2" title="Tél">the form</a> and <a href="https://example.org/c&amp;d.png">Café</a>',
    );
    // An autolink <...> would show `&amp;` as written: the Markdown bulletin writes the link out, where a viewer reads it.
    expect(inlineMarkdownToMarkdown(markdown)).toBe(
      'See [https://example.org/?a=1&amp;b=2](https://example.org/?a=1&amp;b=2), [the form](https://example.org/?a=1&amp;b=2 "T&eacute;l") and [Caf&eacute;](https://example.org/c&amp;d.png)',
    );
    expect(inlineMarkdownToHtml(inlineMarkdownToMarkdown(markdown))).toBe(inlineMarkdownToHtml(markdown));
    // A scheme spelled with references is still judged after reading them.
    expect(inlineMarkdownToHtml('[x](&amp;#106;avascript:alert(1))')).toBe('x');
  });

  it('of a line break or tab is white space, which cannot start a line of a table in plain text', () => {
    expect(markdownToText('| a |\n| --- |\n| x&#10;--- |\n')).toBe('  a\n  x ---');
    expect(inlineMarkdownToText('one&NewLine;two&Tab;three')).toBe('one two three');
  });
});

describe('a reference that stands for a character an advisory may not hold', () => {
  it('is refused for a control character, naming what web pages mean by the C1 ones', () => {
    expect(referenceProblem('Call &#27;[31m now')).toEqual({ index: 5, reference: '&#27;', message: 'the character reference &#27; stands for control character U+001B, which is not allowed; remove it' });
    expect(referenceProblem('a &#x85; b')?.message).toBe('the character reference &#x85; stands for control character U+0085, which is not allowed; remove it, or write the "…" that web pages mean by it');
    expect(referenceProblem('&#150;')?.message).toBe('the character reference &#150; stands for control character U+0096, which is not allowed; remove it, or write the "–" that web pages mean by it');
    expect(referenceProblem('&#x2028;')?.reference).toBe('&#x2028;');
  });

  it('is refused for a bidirectional control left open, as the character itself is', () => {
    expect(referenceProblem('Kayes &#x202E;abc')?.message).toBe(
      'the character reference &#x202E; stands for a right-to-left override (U+202E), which is never closed in this value, so it would reorder the text published after it; close it with U+202C (&#x202C;) in the same value, or remove it',
    );
    expect(referenceProblem('x &#x2067;y')?.message).toContain('close it with U+2069 (&#x2069;)');
    // A reference can also keep a character written as itself from closing.
    expect(referenceProblem('\u202Aa &#x2067;b\u202C')?.message).toBe(
      'with the character reference &#x2067; read, a left-to-right embedding (U+202A) is never closed in this value, so it would reorder the text published after it; close it with U+202C (&#x202C;) in the same value, or remove it',
    );
  });

  it('is accepted when closed, or when it is white space, U+FFFD or text', () => {
    for (const value of ['&#x202E;abc&#x202C;', '&#x2067;abc\u2069', '\u202Eabc&#x202C;', 'a&#9;b&#10;c&#13;', '&#0;', '&copy; &#169;', '&#x1B', '&amp;#27;', 'no reference']) {
      expect(referenceProblem(value), value).toBeNull();
    }
  });
});
