/**
 * Markdown to HTML through `marked`, safe by construction: every renderer
 * that writes text from the source is ours and escapes it (raw HTML is shown
 * as text, and so is the text marked would pass through unescaped after an
 * inline `<pre>` or `<script>`), link and image targets keep only safe
 * schemes, and images become links (a bulletin loads nothing from elsewhere).
 * The renderers left to marked only wrap what these return in fixed tags.
 */
import { Marked, Parser, type Tokens } from 'marked';
import { isolateNumbers } from './bidi.js';
import { lexBlocks, lexInline } from './markdown-lexer.js';
import { safeUrl } from './safe-url.js';
import { decodeCharacterReferences } from '../advisory/character-references.js';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** How a format's text is written: in a right-to-left language, numbers are isolated (see bidi.ts). */
export interface TextOptions {
  rtl?: boolean;
}

/**
 * Markdown source text as HTML. Character references are read first, as every
 * other format reads them (`&lt;` is the text "<", escaped again), so the page
 * shows what the text bulletin and the alert show.
 */
function ltrText(text: string): string {
  return escapeHtml(decodeCharacterReferences(text));
}

/** The same, in right-to-left text: each phone-like run in a left-to-right `<bdi>`. */
function rtlText(text: string): string {
  return isolateNumbers(decodeCharacterReferences(text), (run) => `<bdi dir="ltr">${escapeHtml(run)}</bdi>`, escapeHtml);
}

/** One `marked` instance per way of writing text, made once: left to right, and right to left. */
const createMarked = (writeText: (text: string) => string) => new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    heading({ tokens, depth }: Tokens.Heading): string {
      const level = bodyHeadingDepth(depth);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    // Raw HTML is text. A block of it (`<div>...</div>` on lines of its own) is a paragraph,
    // as the Markdown and plain-text bulletins show it, its text read as any other text.
    html(token: Tokens.HTML | Tokens.Tag): string {
      return 'block' in token && token.block ? `<p>${writeText(token.text.trim())}</p>\n` : escapeHtml(token.text);
    },
    // marked marks the text after an inline <pre>, <code>, <kbd> or <script> tag as
    // "escaped" and would pass it through raw: here every text is escaped, whatever its flag.
    text(token: Tokens.Text | Tokens.Escape): string {
      if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens);
      return writeText(token.text);
    },
    codespan({ text }: Tokens.Codespan): string {
      return `<code>${escapeHtml(text)}</code>`;
    },
    code({ text, lang }: Tokens.Code): string {
      const language = (lang ?? '').match(/^\S*/)?.[0];
      const attr = language ? ` class="language-${escapeHtml(language)}"` : '';
      return `<pre><code${attr}>${text ? `${escapeHtml(text.replace(/\n$/, ''))}\n` : ''}</code></pre>\n`;
    },
    // A target, title or image text reads its character references as the text does (`?a=1&amp;b=2` is `?a=1&b=2`).
    // An image's title stays with the link it becomes: hover text, as on the image.
    link({ href, title, tokens }: Tokens.Link): string {
      return htmlLink(href, title, this.parser.parseInline(tokens));
    },
    image({ href, title, text }: Tokens.Image): string {
      return htmlLink(href, title, escapeHtml(decodeCharacterReferences(text) || 'image'));
    },
    // A column's alignment (`:---:`) as a class the page's style sheet aligns: HTML5 has no `align`
    // attribute, and the style sheet's `text-align: start` for every cell would override it anyway.
    tablecell({ tokens, header, align }: Tokens.TableCell): string {
      const tag = header ? 'th' : 'td';
      return `<${tag}${align ? ` class="align-${align}"` : ''}>${this.parser.parseInline(tokens)}</${tag}>\n`;
    },
    checkbox({ checked }: Tokens.Checkbox): string {
      return checked ? '[x] ' : '[ ] ';
    },
  },
});

/** A link around `inner` (HTML already), or `inner` alone where the target is not safe. */
function htmlLink(href: string, title: string | null | undefined, inner: string): string {
  const url = safeUrl(decodeCharacterReferences(href));
  if (url === null) return inner;
  const titleAttr = title ? ` title="${escapeHtml(decodeCharacterReferences(title))}"` : '';
  return `<a href="${escapeHtml(url)}"${titleAttr}>${inner}</a>`;
}

const ltrMarked = createMarked(ltrText);
const rtlMarked = createMarked(rtlText);

// Tokens from the shared lexer (lexed once for every format), rendered by this instance's renderers.
export function markdownToHtml(markdown: string, options: TextOptions = {}): string {
  return (options.rtl ? rtlMarked : ltrMarked).parser(lexBlocks(markdown));
}

export function inlineMarkdownToHtml(markdown: string, options: TextOptions = {}): string {
  return Parser.parseInline(lexInline(markdown), (options.rtl ? rtlMarked : ltrMarked).defaults);
}

/**
 * Block Markdown is the advisory's body, which sits under the bulletin's own
 * section headings (h1 title, h2 sections): its `##` becomes h3, and so on.
 */
export function bodyHeadingDepth(depth: number): number {
  return Math.min(6, depth + 1);
}

/** Inline fields are one paragraph: line breaks inside them are spaces, so they cannot start a block. */
export function collapseLines(text: string): string {
  return joinLines(text).trim();
}

/**
 * An inline Markdown field made one line before it is lexed. A backslash at
 * the end of a line is a hard break, which one line cannot hold: it goes
 * with the line ending, or it would be shown as a stray backslash. (An even
 * run of backslashes is escaped backslashes, which stay.)
 */
export function collapseInlineMarkdown(markdown: string): string {
  const unbroken = markdown.includes('\\') ? markdown.replace(/(?<!\\)((?:\\\\)*)\\(?=[\r\n])/g, '$1') : markdown;
  return collapseLines(unbroken);
}

/** Every line ending Markdown knows (a lone CR too, which marked's block lexer reads as one), as one space. */
export function joinLines(text: string): string {
  // Most fields are one line: looking for a line ending is far cheaper than the regular expression's scan.
  return text.includes('\n') || text.includes('\r') ? text.replace(/\s*[\r\n]\s*/g, ' ') : text;
}
