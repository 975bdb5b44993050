/**
 * Markdown to clean plain text: no `**`, `##` or `[]()` left, links as
 * `text <url>`, lists with bullets, paragraphs wrapped by display width.
 */
import type { Token, Tokens } from 'marked';
import { isolateNumbers } from './bidi.js';
import { bodyHeadingDepth, type TextOptions } from './markdown-html.js';
import { lexBlocks, lexInline, taskItem } from './markdown-lexer.js';
import { safeUrl } from './safe-url.js';
import { decodeCharacterReferences } from '../advisory/character-references.js';
import { readsAsStructure } from './line-starts.js';
import { displayWidth, indentBlock, singleSpaced, TEXT_WIDTH, wrapParagraph } from './wrap.js';

/**
 * With `addresses: false`, a link is its text alone: the index's one-line
 * summary, shown as text in every index, where "October <https://…>" would
 * read as brackets around an address (the bulletin has the link).
 */
export function inlineMarkdownToText(markdown: string, options: TextOptions & { addresses?: boolean } = {}): string {
  return singleSpaced(inlineText(lexInline(markdown), textWriter(options), options.addresses ?? true)).trim();
}

export function markdownToText(markdown: string, options: TextOptions & { width?: number } = {}): string {
  return blocks(lexBlocks(markdown), options.width ?? TEXT_WIDTH, textWriter(options)).join('\n\n');
}

/** Writes a text token's source as plain text: its character references decoded. */
type WriteText = (source: string) => string;

/** Right-to-left text keeps its phone numbers in their own order, between Unicode isolates (see bidi.ts). */
const rtlText: WriteText = (source) => isolateNumbers(decodeCharacterReferences(source));

function textWriter(options: TextOptions): WriteText {
  return options.rtl ? rtlText : decodeCharacterReferences;
}

function blocks(tokens: Token[], width: number, text: WriteText): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    const written = block(token, width, text);
    if (written !== null) out.push(written);
  }
  return out;
}

function block(token: Token, width: number, text: WriteText): string | null {
  switch (token.type) {
    case 'space':
    case 'def':
      return null;
    case 'paragraph':
    case 'text': {
      const t = token as Tokens.Paragraph | Tokens.Text;
      if (!t.tokens) return wrapParagraph(text(t.text), { width });
      // Each line the author ended with a hard break (an address, a list of numbers) is wrapped on its own.
      return brokenLines(inlineLines(t.tokens, text))
        .map((line) => wrapParagraph(line, { width }))
        .join('\n');
    }
    case 'heading': {
      const t = token as Tokens.Heading;
      const title = singleSpaced(inlineText(t.tokens, text)).trim();
      // Under the bulletin's own "-" section headings, the body's headings are one step down.
      const depth = bodyHeadingDepth(t.depth);
      const rule = (depth <= 2 ? '-' : '~').repeat(Math.max(3, Math.min(displayWidth(title), width)));
      return `${wrapParagraph(title, { width })}\n${rule}`;
    }
    case 'list': {
      const list = token as Tokens.List;
      const start = typeof list.start === 'number' ? list.start : 1;
      const items = list.items.map((item, i) => {
        const marker = list.ordered ? `${start + i}. ` : '- ';
        const { check, tokens } = taskItem(item);
        const inner = blocks(tokens, width - marker.length, text).join(list.loose ? '\n\n' : '\n');
        const indented = indentBlock(check + inner, ' '.repeat(marker.length));
        return marker + indented.slice(marker.length);
      });
      return items.join(list.loose ? '\n\n' : '\n');
    }
    case 'blockquote':
      return indentBlock(blocks((token as Tokens.Blockquote).tokens, width - 2, text).join('\n\n'), '  ');
    case 'code':
      return indentBlock((token as Tokens.Code).text, '    ');
    case 'hr':
      return '-'.repeat(Math.min(20, width));
    case 'table': {
      const table = token as Tokens.Table;
      const row = (cells: Tokens.TableCell[]) => cells.map((c) => tableCell(inlineText(c.tokens, text))).join(COLUMN_SEPARATOR);
      // Indented, so that no row (a one-column table's "---") can underline the one above as a heading;
      // a row wider than the page is wrapped, its further lines indented deeper, so that each row still starts a line.
      return [row(table.header), ...table.rows.map(row)].map((line) => wrapParagraph(line, { width, first: '  ', rest: '      ' })).join('\n');
    }
    case 'html':
      return wrapParagraph(text((token as Tokens.HTML).text.trim()), { width });
    default:
      return 'tokens' in token && Array.isArray(token.tokens) ? wrapParagraph(inlineText(token.tokens, text), { width }) : wrapParagraph(token.raw, { width });
  }
}

/** Between the cells of a table's row. */
const COLUMN_SEPARATOR = ' | ';

/**
 * A table cell as the text of its row. A cell is one line: a line break in it
 * (`&#10;`) is a space, or it would start a row of its own. A cell with a `|`
 * of its own (`Police \| koban` in the source) is set in quotes, as a
 * spreadsheet's text would be: `"Police | koban" | 110` is two cells, where
 * `Police | koban | 110` would read as three, and a number moved a column.
 * The pipe itself stays: it may be part of a code (`*100|1#`).
 */
function tableCell(text: string): string {
  const line = singleSpaced(text);
  return line.includes('|') ? `"${line}"` : line;
}

/**
 * The lines of a paragraph after its hard breaks, where none of them may begin
 * with what a reader of the text bulletin takes for its structure: a rule or
 * a heading's underline (`---`, `===`), a bullet (`-`, `*`), a numbered item,
 * a heading's `#`, a quote or a table row. Such a line stays on the line
 * before, as a rule-like word does when a paragraph is wrapped: the break is
 * lost, but no heading, rule or item appears that the author did not write.
 * (The Markdown bulletin escapes the same line starts; the HTML one needs nothing.)
 */
function brokenLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (out.length && readsAsStructure(singleSpaced(line))) out[out.length - 1] += ` ${line}`;
    else out.push(line);
  }
  return out;
}

/** Inline Markdown as one line of text: a hard line break is a space, as in a heading or a table cell. */
function inlineText(tokens: Token[], text: WriteText, addresses = true): string {
  return inlineLines(tokens, text, addresses).join(' ');
}

/** Inline Markdown as text, a line for each hard line break, nested ones (in `**...**`) included. */
function inlineLines(tokens: Token[], text: WriteText, addresses = true): string[] {
  const lines = [''];
  const add = (more: string) => {
    lines[lines.length - 1] += more;
  };
  const addLines = (more: string[]) => {
    add(more[0]!);
    for (let i = 1; i < more.length; i++) lines.push(more[i]!);
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'text': {
        const t = token as Tokens.Text;
        if (t.tokens) addLines(inlineLines(t.tokens, text, addresses));
        else add(text(t.text));
        break;
      }
      case 'escape':
        add((token as Tokens.Escape).text);
        break;
      case 'codespan':
        add((token as Tokens.Codespan).text);
        break;
      case 'br':
        lines.push('');
        break;
      case 'link':
      case 'image': {
        // An image is a link in the other formats (a bulletin loads nothing from elsewhere): here too.
        const link = token as Tokens.Link | Tokens.Image;
        const label = (token.type === 'link' ? inlineText(link.tokens, text, addresses) : decodeCharacterReferences(link.text) || 'image').trim();
        const url = safeUrl(decodeCharacterReferences(link.href));
        if (url === null || !addresses) add(label);
        else if (url.replace(/^mailto:/, '') === label || url === label) add(`<${label}>`);
        else add(`${label} <${url}>`);
        break;
      }
      case 'html':
        add((token as Tokens.HTML).text);
        break;
      case 'checkbox':
        add((token as Tokens.Checkbox).checked ? '[x] ' : '[ ] ');
        break;
      case 'del': {
        // Struck-out advice keeps its marks: without them it would read as advice that stands.
        const struck = inlineLines((token as Tokens.Del).tokens, text, addresses);
        struck[0] = `~~${struck[0]}`;
        struck[struck.length - 1] += '~~';
        addLines(struck);
        break;
      }
      default:
        if ('tokens' in token && Array.isArray(token.tokens)) addLines(inlineLines(token.tokens, text, addresses));
        else add(token.raw);
    }
  }
  return lines;
}
