/** Markdown to HTML, in-process: raw HTML and the text around it come out as text; only safe link targets survive. */
import { describe, expect, it } from 'vitest';
import { inlineMarkdownToHtml, markdownToHtml } from '../../src/render/markdown-html.js';
import { escapeMarkdownText, inlineMarkdownToMarkdown, markdownToMarkdown } from '../../src/render/markdown-md.js';
import { inlineMarkdownToText, markdownToText } from '../../src/render/markdown-text.js';
import { safeUrl } from '../../src/render/safe-url.js';
import { COMMENT_PAYLOADS, CONTROL_PAYLOADS, UNSAFE_LINKS } from '../helpers/hostile.js';

describe('raw HTML', () => {
  it('is shown as text, inline and as a block', () => {
    expect(inlineMarkdownToHtml('Avoid <b onclick="x()">crowds</b>.')).toBe('Avoid &lt;b onclick=&quot;x()&quot;&gt;crowds&lt;/b&gt;.');
    // A block of it is a paragraph, as the Markdown and plain-text bulletins show it, its references read as any text's.
    expect(markdownToHtml('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
    expect(markdownToHtml('<div>\n&lt;b&gt; &amp; &copy;\n</div>')).toBe('<p>&lt;div&gt;\n&lt;b&gt; &amp; ©\n&lt;/div&gt;</p>\n');
  });

  // marked flags the text after an inline <pre>, <code>, <kbd> or <script> as already escaped and would pass it through.
  it.each([
    ['<pre>x <img src=x onerror=alert(1)// y', '&lt;pre&gt;x &lt;img src=x onerror=alert(1)// y'],
    ['a <script>b <svg onload=alert(1)// c', 'a &lt;script&gt;b &lt;svg onload=alert(1)// c'],
    ['<kbd>"quoted" & \'single\'', '&lt;kbd&gt;&quot;quoted&quot; &amp; &#39;single&#39;'],
  ])('escapes the text after an inline raw-text tag: %s', (markdown, html) => {
    expect(inlineMarkdownToHtml(markdown)).toBe(html);
    expect(markdownToHtml(`Text ${markdown}`)).toBe(`<p>Text ${html}</p>\n`);
  });

  it('writes character references as the characters they name, escaped again, and escapes a bare ampersand', () => {
    expect(inlineMarkdownToHtml('AT&amp;T &copy; &#233; & <pre>&lt;b&gt;')).toBe('AT&amp;T © é &amp; &lt;pre&gt;&lt;b&gt;');
  });

  it('escapes code spans and code blocks, and the language of a fence', () => {
    expect(inlineMarkdownToHtml('`<img src=x onerror=alert(1)>`')).toBe('<code>&lt;img src=x onerror=alert(1)&gt;</code>');
    expect(markdownToHtml('```"><script>\n</pre><script>alert(1)</script>\n```')).toBe(
      '<pre><code class="language-&quot;&gt;&lt;script&gt;">&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>\n',
    );
  });
});

describe('link targets', () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java&#x09;script:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript&colon;alert(1)',
    'javascript&#58;alert(1)',
    '&amp;#106;avascript:alert(1)',
    'javas&Tab;cript:alert(1)',
    'java%0ascript:alert(1)',
    ' javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'file:///etc/passwd',
    'htps://example.org',
  ])('refuses %s', (url) => {
    expect(safeUrl(url)).toBeNull();
  });

  it.each(['https://example.org/a?b=1&c=2', 'http://example.org', 'mailto:consular@example.org', 'tel:+22320000000'])('keeps %s', (url) => {
    expect(safeUrl(url)).toBe(url);
  });

  // A bulletin is read away from the site (saved, mailed, in a feed, an alert, the .txt): only a full address leads anywhere.
  it.each(['#section', '../index.html', '//example.org/x', 'www.example.org', 'consular@example.org', 'https:example.org', 'mailto:', ''])('refuses the address that is not a full one: %s', (url) => {
    expect(safeUrl(url)).toBeNull();
    expect(inlineMarkdownToText(`[go](${url})`)).toBe('go');
  });

  it('refuses script targets hidden by control and invisible characters', () => {
    for (const payload of CONTROL_PAYLOADS.filter((p) => p.startsWith('[click]('))) {
      const url = payload.slice('[click]('.length, -1);
      expect(safeUrl(url), JSON.stringify(url)).toBeNull();
      expect(inlineMarkdownToHtml(payload)).not.toMatch(/href/);
    }
  });

  // Validation refuses these, so no build renders them: the renderer still drops every one, in every format.
  it.each(UNSAFE_LINKS)('renders %s without a link in every format', (payload) => {
    expect(inlineMarkdownToHtml(payload)).not.toMatch(/href/);
    expect(markdownToHtml(payload)).not.toMatch(/href/);
    expect(inlineMarkdownToMarkdown(payload)).not.toMatch(/\]\(|<[a-z]+:/i);
    expect(markdownToMarkdown(payload)).not.toMatch(/\]\(|<[a-z]+:/i);
    expect(inlineMarkdownToText(payload)).not.toMatch(/<[^>]*:/);
    expect(markdownToText(payload)).not.toMatch(/<[^>]*:/);
  });

  // Validation refuses them; the renderer still shows a comment, and what it hides, as text.
  it.each(COMMENT_PAYLOADS)('renders %s as text in HTML', (payload) => {
    for (const html of [inlineMarkdownToHtml(payload), markdownToHtml(payload)]) expect(html).not.toMatch(/<!--|<img/);
  });

  // Validation refuses these too; a reference link's target, taken from its definition, is judged as an inline one's.
  it('drops the link of a reference link whose definition has an unsafe or relative target, in every format', () => {
    const markdown = 'See the [map][m], the [form][f] and ![a photo][p].\n\n[m]: javascript:alert(1)\n[f]: /travel/form.pdf\n[p]: &#106;avascript:alert(1)';
    expect(markdownToHtml(markdown)).toBe('<p>See the map, the form and a photo.</p>\n');
    expect(markdownToMarkdown(markdown)).toBe('See the map, the form and a photo.');
    expect(markdownToText(markdown)).toBe('See the map, the form and a photo.');
  });

  it('drops the link of an unsafe target and keeps its text; turns images into links', () => {
    expect(inlineMarkdownToHtml('[click](javascript:alert(1)) ![map](javascript:alert(1)) ![map](https://example.org/m.png)')).toBe(
      'click map <a href="https://example.org/m.png">map</a>',
    );
  });

  it('quotes and escapes every attribute', () => {
    expect(inlineMarkdownToHtml('[a](https://example.org/?q="x" "t\\" onmouseover=\\"alert(1)")')).toBe(
      '<a href="https://example.org/?q=&quot;x&quot;" title="t&quot; onmouseover=&quot;alert(1)">a</a>',
    );
  });
});

describe('hard line breaks', () => {
  const body = 'Call the embassy  \nor the consulate\\\nat any hour.';

  it('keep both spellings in the body, as <br> in HTML and as a break that survives in Markdown', () => {
    expect(markdownToHtml(body)).toBe('<p>Call the embassy<br>or the consulate<br>at any hour.</p>\n');
    expect(markdownToMarkdown(body)).toBe('Call the embassy\\\nor the consulate\\\nat any hour.');
    expect(markdownToHtml(markdownToMarkdown(body))).toBe(markdownToHtml(body));
  });

  it('start a new line in the plain-text body, at the paragraph\'s indentation, each line wrapped on its own', () => {
    expect(markdownToText(body)).toBe('Call the embassy\nor the consulate\nat any hour.');
    expect(markdownToText('- Embassy of France\\\n  1 Rue X  \n  Bamako\n\n> Quote\\\n> two')).toBe('- Embassy of France\n  1 Rue X\n  Bamako\n\n  Quote\n  two');
    // A break inside emphasis breaks the line too, as the HTML's <br> inside <strong> does.
    expect(markdownToText('**Embassy  \n1 Rue X**\\\n~~Old  \nnumber~~')).toBe('Embassy\n1 Rue X\n~~Old\nnumber~~');
    const long = `${'word '.repeat(16)}end`;
    expect(markdownToText(`Short\\\n${long}`)).toBe(`Short\n${'word '.repeat(14).trim()}\nword word end`);
  });

  it.each([
    ['\\---', '---'],
    ['\\=== below', '=== below'],
    ['\\- Consular section', '- Consular section'],
    ['\\* Consular section', '* Consular section'],
    ['2. Floor', '2. Floor'],
    ['\\# 5', '# 5'],
    ['\\> quoted', '> quoted'],
    ['\\| table', '| table'],
  ])('never start a plain-text line with what reads as a rule, heading, item, quote or row: %s stays on the line before', (markdown, text) => {
    const source = `Embassy\\\n1 Rue X\\\n${markdown}\\\nBamako`;
    expect(markdownToText(source)).toBe(`Embassy\n1 Rue X ${text}\nBamako`);
    // The other formats keep the break, and show the line as text.
    expect(markdownToHtml(source)).toContain(`<br>${text.replace('>', '&gt;')}<br>Bamako`);
  });

  it('become a space in the heading of a Markdown or text bulletin, where a heading is one line', () => {
    const heading = 'Embassy  \nof France\\\nParis\n===';
    expect(markdownToMarkdown(heading)).toBe('### Embassy of France Paris');
    expect(markdownToText(heading)).toBe('Embassy of France Paris\n~~~~~~~~~~~~~~~~~~~~~~~');
    expect(markdownToHtml(heading)).toBe('<h3>Embassy<br>of France<br>Paris</h3>\n');
  });

  it('become a space in a one-line field, without a stray backslash; escaped backslashes stay', () => {
    expect(inlineMarkdownToHtml(body)).toBe('Call the embassy or the consulate at any hour.');
    expect(inlineMarkdownToMarkdown(body)).toBe('Call the embassy or the consulate at any hour.');
    expect(inlineMarkdownToHtml('Folder C:\\\\\nthen D:')).toBe('Folder C:\\ then D:');
    expect(inlineMarkdownToText(body)).toBe('Call the embassy or the consulate at any hour.');
  });
});

describe('tildes', () => {
  const ranges = 'Keep 5~10 km from the border; curfew runs 22~6 h daily.';

  it('single ones are text in every format, escaped in Markdown so that a viewer keeps them as text', () => {
    expect(inlineMarkdownToHtml(ranges)).toBe(ranges);
    expect(inlineMarkdownToText(ranges)).toBe(ranges);
    expect(inlineMarkdownToMarkdown(ranges)).toBe('Keep 5\\~10 km from the border; curfew runs 22\\~6 h daily.');
    expect(markdownToHtml(markdownToMarkdown(`- ${ranges}`))).toBe(`<ul>\n<li>${ranges}</li>\n</ul>\n`);
    expect(inlineMarkdownToHtml('a ~b **c** d~ e')).toBe('a ~b <strong>c</strong> d~ e');
  });

  it('double ones strike through, and plain text keeps the marks so struck advice never reads as standing', () => {
    const struck = '~~Travel freely~~ Avoid the border.';
    expect(inlineMarkdownToHtml(struck)).toBe('<del>Travel freely</del> Avoid the border.');
    expect(inlineMarkdownToMarkdown(struck)).toBe(struck);
    expect(inlineMarkdownToText(struck)).toBe(struck);
    expect(markdownToText(`Before.\n\n${struck}`)).toBe(`Before.\n\n${struck}`);
  });
});

describe('plain text in Markdown bulletins', () => {
  it.each([
    ['see https://example.org/a_b.', 'see <https://example.org/a_b>.'],
    ['(see https://example.org/a_(b))', '(see <https://example.org/a_(b)>)'],
    ['write to help@example.org!', 'write to <help@example.org>!'],
    ['see www.example.org/*x*', 'see [www.example.org/\\*x](http://www.example.org/*x)\\*'],
    ['see <https://example.org/x> now', 'see <https://example.org/x> now'],
    // An autolink takes no escapes: with a pipe (a table cell's end) or a reference, the address stays escaped text.
    ['see https://example.org/a|b', 'see https://example.org/a\\|b'],
    ['see https://example.org/?a&amp;b', 'see https://example.org/?a\\&amp;b'],
    // One word may be the address a template links itself: `[{{email}}](mailto:...)`.
    ['help@example.org', 'help@example.org'],
  ])('links a bare address: %s', (text, markdown) => {
    expect(escapeMarkdownText(text)).toBe(markdown);
  });

  it('writes the tabs of a code block as spaces to the next multiple of 8 columns', () => {
    expect(markdownToMarkdown('```\nab\tc\n\tx\n```')).toBe('```text\nab      c\n        x\n```');
  });
});
