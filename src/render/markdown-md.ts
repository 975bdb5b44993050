/**
 * Markdown to normalised, safe Markdown for Markdown bulletins. The field is
 * parsed and written out again from its tokens, so a field can only produce
 * the structure it was parsed as: raw HTML is escaped to text, unsafe links
 * lose their target, and an inline field stays inside its list item or line.
 */
import type { Token, Tokens } from 'marked';
import { isolateNumbers } from './bidi.js';
import { bodyHeadingDepth, collapseInlineMarkdown, collapseLines, joinLines, type TextOptions } from './markdown-html.js';
import { lexBlocks, lexInline, taskItem } from './markdown-lexer.js';
import { safeUrl } from './safe-url.js';
import { ORDERED_START, opensBlock } from './line-starts.js';
import { indentBlock } from './wrap.js';

export function inlineMarkdownToMarkdown(markdown: string, options: TextOptions = {}): string {
  return escapeLineStart(collapseLines(inlineMd(lexInline(markdown), textWriter(options))));
}

export function markdownToMarkdown(markdown: string, options: TextOptions = {}): string {
  return blocks(lexBlocks(markdown), textWriter(options)).join('\n\n');
}

/** Writes a text token's source as Markdown text. */
type WriteText = (raw: string) => string;

/** Right-to-left text keeps its phone numbers in their own order, between Unicode isolates (see bidi.ts). */
const rtlText: WriteText = (raw) => isolateNumbers(escapeText(raw));

function textWriter(options: TextOptions): WriteText {
  return options.rtl ? rtlText : escapeText;
}

/**
 * Escapes plain text (a country name, a phone number) so Markdown shows it as
 * written: its punctuation, a character reference it would otherwise spell,
 * and closing `#`s that a heading would drop. A web or e-mail address in
 * running text becomes a link (see autolink): markdownlint reports bare URLs
 * (MD034). (An advisory's tabs were made spaces as it was read: tabs.ts.)
 */
export function escapeMarkdownText(text: string): string {
  const plain = joinLines(text);
  let escaped = '';
  let from = 0;
  // A value of one word is left as text: it may be the address itself, which a template
  // links on its own (`[{{email}}](mailto:...)`), and a link inside a link is not Markdown.
  const words = / /.test(plain.trim());
  for (const found of words ? plain.matchAll(BARE_ADDRESS) : []) {
    const address = trimAddress(found[0]);
    const start = found.index;
    const end = start + address.length;
    // Already set apart as `<address>`, the plain-text way: the brackets become the autolink's.
    const bracketed = plain[start - 1] === '<' && plain[end] === '>';
    const link = autolink(address);
    if (link === null) continue;
    escaped += escapePlain(plain.slice(from, bracketed ? start - 1 : start)) + link;
    from = bracketed ? end + 1 : end;
  }
  escaped = keepClosingHashes(escaped + escapePlain(plain.slice(from)));
  return escapeLineStart(escaped);
}

/**
 * Text that ends with `#`s after a space, which a heading would drop as its
 * closing sequence (`Setext ##` underlined in the source, written `### Setext ##`):
 * the first is escaped.
 */
function keepClosingHashes(text: string): string {
  return text.replace(/(^|\s)(#+)(\s*)$/, '$1\\$2$3');
}

/**
 * Text as Markdown that shows it as written. A `[` after `!` is written `&#91;`, not `\[`: marked
 * drops the escapes of a link's text before reading it, so a country named `![t](https://…)` in
 * the index's `[country](…)` would become an image loaded from elsewhere in a viewer built on it.
 */
function escapePlain(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|~])/g, '\\$1')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replaceAll('!\\[', '!&#91;');
}

/**
 * A web address (`http://`, `https://` or `www.`, up to a space or `<`) or an
 * e-mail address in plain text: where GFM's autolink literals see one, which
 * is what markdownlint's MD034 reports as a bare URL. Not inside a word.
 */
const BARE_ADDRESS = /(?<![\p{L}\p{N}])(?:https?:\/\/|www\.)[^\s<>\p{Cf}]+|(?<![\p{L}\p{N}._+-])[A-Za-z0-9._+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+/gu;

/**
 * An address without what GFM leaves out of it at the end: punctuation that
 * ends the sentence ("see https://example.org."), a `)` without its `(`
 * ("(see https://example.org)"), a character reference.
 */
function trimAddress(address: string): string {
  let end = address.length;
  for (;;) {
    const last = address[end - 1];
    const reference = /&\w+;$/.exec(address.slice(0, end));
    if (reference) end -= reference[0].length;
    else if (last !== undefined && '?!.,:*_~\'"'.includes(last)) end -= 1;
    else if (last === ')' && count(address.slice(0, end), ')') > count(address.slice(0, end), '(')) end -= 1;
    else return address.slice(0, end);
  }
}

const count = (text: string, char: string) => text.split(char).length - 1;

/**
 * An address as a Markdown link that reads as the address: `<https://…>`,
 * `<name@example.org>`, and `[www.…](http://www.…)` (an autolink needs a
 * scheme; GFM links `www.` to http). Null where a link cannot be written
 * without changing the address: with a `|` (it would split a table cell) or a
 * character reference in it (autolinks take no escapes); it then stays text.
 */
function autolink(address: string): string | null {
  if (/\||&#?\w+;/.test(address) || !/[\p{L}\p{N}]/u.test(address.replace(/^(?:https?:\/\/|www\.)/, ''))) return null;
  if (address.startsWith('www.')) return `[${escapePlain(address)}](${linkTarget(`http://${address}`)})`;
  return `<${address}>`;
}

/** A line must not begin with something that opens a block: its first character is backslash-escaped. */
export function escapeLineStart(line: string): string {
  if (!opensBlock(line)) return line;
  const indent = /^\s*/.exec(line)![0];
  const rest = line.slice(indent.length);
  // An ordered-list marker is escaped at its `.` or `)`: a backslash before a digit would show.
  const ordered = ORDERED_START.exec(rest);
  if (ordered) return `${indent}${ordered[1]}\\${rest.slice(ordered[1]!.length)}`;
  return `${indent}\\${rest}`;
}

/**
 * Between two lists of the same kind (bullets, or numbers) written one after
 * the other: an empty HTML comment, which shows nothing. They are two lists in
 * the source (their markers differ, `+` then `-`, `1)` then `3.`, or a link
 * definition stood between them), but the bulletin writes every bullet `-`
 * and every number `N.`: read again, they would be one list, its second part
 * renumbered ("step 3" read as step 2). CommonMark's own way to end a list;
 * markdownlint accepts it, where another bullet would break MD004 (one
 * bullet style).
 */
export const LIST_SEPARATOR = '<!-- -->';

function blocks(tokens: Token[], text: WriteText): string[] {
  const out: string[] = [];
  // The list written last, if nothing was written after it. A numbered list after bullets, or bullets after one, starts a list of its own.
  let lastList: Tokens.List | null = null;
  for (const token of tokens) {
    const written = block(token, text);
    if (written === null) continue;
    const list = token.type === 'list' ? (token as Tokens.List) : null;
    if (list && lastList?.ordered === list.ordered) out.push(LIST_SEPARATOR);
    out.push(written);
    lastList = list;
  }
  return out;
}

function paragraph(text: string): string {
  return text
    .split('\n')
    .map((line) => escapeLineStart(line.trim()))
    .join('\n');
}

function block(token: Token, text: WriteText): string | null {
  switch (token.type) {
    case 'space':
    case 'def':
      return null;
    case 'paragraph':
    case 'text': {
      const t = token as Tokens.Paragraph | Tokens.Text;
      return paragraph(t.tokens ? inlineMd(t.tokens, text, codeInBody) : text(t.text));
    }
    case 'heading': {
      const t = token as Tokens.Heading;
      // A heading is one line: a hard break in a setext heading is a space, without its backslash.
      return `${'#'.repeat(bodyHeadingDepth(t.depth))} ${keepClosingHashes(collapseInlineMarkdown(inlineMd(t.tokens, text, codeInBody)))}`;
    }
    case 'list': {
      const list = token as Tokens.List;
      const start = typeof list.start === 'number' ? list.start : 1;
      const items = list.items.map((item, i) => {
        const marker = list.ordered ? `${start + i}. ` : '- ';
        const { check, tokens } = taskItem(item);
        const inner = blocks(tokens, text).join(list.loose ? '\n\n' : '\n');
        return marker + indentBlock(check + inner, ' '.repeat(marker.length)).slice(marker.length);
      });
      return items.join(list.loose ? '\n\n' : '\n');
    }
    case 'blockquote': {
      const inner = blocks((token as Tokens.Blockquote).tokens, text).join('\n\n');
      return inner
        .split('\n')
        .map((l) => (l ? `> ${l}` : '>'))
        .join('\n');
    }
    case 'code': {
      const code = token as Tokens.Code;
      const longest = Math.max(0, ...(code.text.match(/`+/g) ?? []).map((r) => r.length));
      const fence = '`'.repeat(Math.max(3, longest + 1));
      const lang = (code.lang ?? '').replace(/[^\w-]/g, '') || 'text';
      return `${fence}${lang}\n${code.text}\n${fence}`;
    }
    case 'hr':
      return '---';
    case 'table': {
      const table = token as Tokens.Table;
      // A cell's pipes are escaped already, as in every inline text (see escapeText and codeSpan): escaping
      // them again would write `\\|`, an escaped backslash and a pipe, which splits the cell.
      const row = (cells: Tokens.TableCell[]) => `| ${cells.map((c) => inlineMd(c.tokens, text, codeInCell).trim()).join(' | ')} |`;
      const rule = `| ${table.align.map((a) => (a === 'center' ? ':---:' : a === 'right' ? '---:' : a === 'left' ? ':---' : '---')).join(' | ')} |`;
      return [row(table.header), rule, ...table.rows.map(row)].join('\n');
    }
    case 'html':
      return paragraph(text((token as Tokens.HTML).text.trim()));
    default:
      return paragraph('tokens' in token && Array.isArray(token.tokens) ? inlineMd(token.tokens, text, codeInBody) : escapeText(token.raw));
  }
}

/**
 * Source text that must read as text: HTML-looking parts, table pipes and
 * brackets (which, put somewhere else, could start a link, a link
 * definition or a task checkbox) are backslash-escaped. (Its tabs are
 * spaces already, as in every format: markdown-lexer.ts.)
 */
function escapeText(raw: string): string {
  return raw.replace(/[<|[\]]/g, '\\$&');
}

/**
 * A link target in `(...)`: characters that would end it, or split a table cell, are percent-encoded;
 * a backslash is escaped, or one at the end (`www.example.org/a\` before a hard break) would escape the `)`.
 */
function linkTarget(url: string): string {
  return url.replace(/[\s()<>|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`).replace(/\\/g, '\\\\');
}

/** A link's title after its target, ` "title"`, or nothing: hover text in HTML, kept so that the bulletin reads the same. */
function linkTitle(title: string | null | undefined): string {
  return title ? ` "${title.replace(/["|\\]/g, '\\$&')}"` : '';
}

/**
 * Markdown followed by what a backslash at its end would escape: the `]` after
 * a link's text (a web address written before a hard break keeps the
 * backslash), or the backslash of a hard break (`a\  ` ends a line with a
 * backslash). Such a backslash, text in the source, is escaped.
 */
function beforeEscapable(markdown: string): string {
  return /(?:^|[^\\])(?:\\\\)*\\$/.test(markdown) ? `${markdown}\\` : markdown;
}

/** How a code span is written where it stands. */
type WriteCode = (token: Tokens.Codespan) => string;

/**
 * In an inline field, a code span with a pipe is written as escaped text: the
 * field may stand in a table cell (the index's summary column), which the pipe
 * would split, and `\|` is not an escape in a code span outside a table.
 */
const codeInField: WriteCode = (token) => (token.text.includes('|') ? token.text.replace(/[\\`*_[\]<>|~&]/g, '\\$&') : token.raw);
/** In the body's own paragraphs and headings, a pipe splits nothing: the code is written as it was. */
const codeInBody: WriteCode = (token) => token.raw;
/** In a table cell of the body, `\|` is the pipe, in a code span too (GFM reads the row's pipes first). */
const codeInCell: WriteCode = (token) => token.raw.replace(/\|/g, '\\|');

function inlineMd(tokens: Token[], text: WriteText, code: WriteCode = codeInField): string {
  let out = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'text': {
        const t = token as Tokens.Text;
        out += t.tokens ? inlineMd(t.tokens, text, code) : text(t.raw);
        break;
      }
      case 'escape':
        out += token.raw;
        break;
      case 'br':
        // As a backslash before the line end: the two trailing spaces of the
        // other spelling would be trimmed with the line, losing the break.
        out = `${beforeEscapable(out)}\\\n`;
        break;
      case 'codespan':
        out += code(token as Tokens.Codespan);
        break;
      case 'strong':
        out += `**${inlineMd((token as Tokens.Strong).tokens, text, code)}**`;
        break;
      case 'em':
        out += `*${inlineMd((token as Tokens.Em).tokens, text, code)}*`;
        break;
      case 'del':
        out += `~~${inlineMd((token as Tokens.Del).tokens, text, code)}~~`;
        break;
      case 'link': {
        const link = token as Tokens.Link;
        const label = beforeEscapable(inlineMd(link.tokens, text, code));
        const url = safeUrl(link.href);
        if (url === null) out += label;
        // An autolink shows its text as written: one with a character reference (`&amp;`) is written out in full, where a viewer reads it.
        else if (link.text === link.href.replace(/^mailto:/, '') && !link.raw.startsWith('[') && !/[|&]/.test(link.text)) out += `<${link.text}>`;
        else out += `[${label}](${linkTarget(url)}${linkTitle(link.title)})`;
        break;
      }
      case 'image': {
        const image = token as Tokens.Image;
        const url = safeUrl(image.href);
        const alt = escapeText(image.text || 'image').replace(/[[\]]/g, '\\$&');
        out += url === null ? alt : `[${alt}](${linkTarget(url)}${linkTitle(image.title)})`;
        break;
      }
      case 'html':
        out += escapeText((token as Tokens.HTML).text);
        break;
      case 'checkbox':
        out += (token as Tokens.Checkbox).checked ? '[x] ' : '[ ] ';
        break;
      default:
        out += 'tokens' in token && Array.isArray(token.tokens) ? inlineMd(token.tokens, text, code) : escapeText(token.raw);
    }
  }
  return out;
}
