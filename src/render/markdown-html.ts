/**
 * Markdown to HTML through `marked`, safe by construction: raw HTML is shown
 * as text, link and image targets keep only safe schemes, and images become
 * links (a bulletin loads nothing from elsewhere).
 */
import { Marked, type Tokens } from 'marked';
import { outlineHeadings } from './outline.js';
import { safeUrl } from './safe-url.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  hooks: { processAllTokens: outlineHeadings },
  renderer: {
    heading({ tokens, depth }: Tokens.Heading): string {
      const level = bodyHeadingDepth(depth);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    html({ text }: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(text);
    },
    link({ href, title, tokens }: Tokens.Link): string {
      const inner = this.parser.parseInline(tokens);
      const url = safeUrl(href);
      if (url === null) return inner;
      const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
      return `<a href="${escapeHtml(url)}"${titleAttr}>${inner}</a>`;
    },
    image({ href, text }: Tokens.Image): string {
      const url = safeUrl(href);
      const label = escapeHtml(text || 'image');
      return url === null ? label : `<a href="${escapeHtml(url)}">${label}</a>`;
    },
    checkbox({ checked }: Tokens.Checkbox): string {
      return checked ? '[x] ' : '[ ] ';
    },
  },
});

export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown, { async: false });
}

export function inlineMarkdownToHtml(markdown: string): string {
  return marked.parseInline(collapseLines(markdown), { async: false });
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
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
