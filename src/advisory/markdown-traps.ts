/**
 * Markdown that parses without complaint and publishes something other than
 * what the officer wrote. The field is read by the lexer rendering uses, so
 * what is reported here is exactly what every format would do:
 *
 * - emphasis in a code: `*100*1*3#` publishes "1001*3#" (a USSD code
 *   turned into another number, 100 in italics), `*100*#` "100#";
 * - a link whose target is not a full https:, http:, mailto: or tel:
 *   address: rendering drops the link (the address is lost), or a link that
 *   is not one at all (`[tel](+47 00 00 00 00)`, printed as written);
 * - a reference link (`[map][m]`) whose definition's target is such;
 * - raw HTML tags, shown as text (warning);
 * - `##Getting help` in the body, a paragraph rather than a heading (warning);
 * - a body table row with more cells than its header, the rest dropped;
 * - a link definition no link uses (`[1]: https://...` under "Sources"),
 *   or a second one of a label, which no format publishes (warning).
 *
 * Lexing costs far more than the rest of validation, so a field is lexed
 * only when a cheap look at its text says one of these could be in it.
 */
import type { Token, Tokens } from 'marked';
import type { Severity } from '../report/diagnostics.js';
import { childTokens, lexBlocks, lexInline } from '../render/markdown-lexer.js';
import { SAFE_SCHEMES, urlProblem, type UrlProblem } from '../render/safe-url.js';
import { suggestTarget } from './address-hints.js';
import { emptyReason } from './visible-text.js';
import { inlineMarkdownToText } from '../render/markdown-text.js';
import { firstLine, referenceKey, references, writtenLabel, type References } from './link-references.js';
import { mayHoldTable, overfullRows, rowLocator, type OverfullRow } from './table-rows.js';

export interface MarkdownTrap {
  severity: Severity;
  /** Where the offending text starts in the value, or -1 when it cannot be found there. */
  index: number;
  /** The offending text as written, to find it in the file. */
  snippet: string;
  message: string;
  rule: 'emphasis-digits' | 'link-text' | 'link-target' | 'link-not-parsed' | 'html-tag' | 'html-comment' | 'heading-space' | 'table-cells' | 'link-definition';
}

const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/** Whether a star or underscore touches a digit (what `/\d[*_]|[*_]\d/` finds, without scanning all the text with a pattern). */
function emphasisNearDigit(value: string): boolean {
  for (const mark of ['*', '_']) {
    for (let i = value.indexOf(mark); i !== -1; i = value.indexOf(mark, i + 1)) {
      if (isDigit(value.charCodeAt(i - 1)) || isDigit(value.charCodeAt(i + 1))) return true;
    }
  }
  return false;
}
/** A link definition, whose target reference links (`[text][name]`, `[name]`) use: `[m]: https://...`. */
const mayHoldDefinition = (value: string) => value.includes(']:');
/** An inline link's or image's target with no space, parenthesis, bracket or backslash in it: marked's href is exactly that. */
const PLAIN_TARGET = /\]\(([^()\s<>\\]*)\)/g;
/** An autolink, as marked reads one. */
const AUTOLINK = /<([a-z][a-z0-9+.-]{1,31}:[^\s<>]*)>/gi;
const TAG_START = /<\/?[a-z]/i;
/** Two to six #s with a letter straight after them, at the start of a line (one # with a word is usually a number or a tag: #5, #hashtag). */
const HEADING_WITHOUT_SPACE = /^ {0,3}(#{2,6})(\p{L}.*)$/mu;

/**
 * Whether some run of two #s or more is followed by other than a blank: a body's
 * headings (`## Transport`) are not, so the pattern above, slow on long text, is
 * run only on a value that has a candidate.
 */
function mayHoldHeadingWithoutSpace(value: string): boolean {
  for (let i = value.indexOf('##'); i !== -1; i = value.indexOf('##', i)) {
    while (value[i] === '#') i++;
    const next = value[i];
    if (next !== undefined && next !== ' ' && next !== '\t' && next !== '\n' && next !== '\r') return true;
  }
  return false;
}

/** Longest piece of the text quoted back in a message. */
const PREVIEW = 40;

function preview(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > PREVIEW ? `${trimmed.slice(0, PREVIEW - 3)}...` : trimmed;
}

/**
 * Whether the value could hold a link that the lexer would read with a bad
 * target, or a link it would not read at all. Most fields with links hold
 * only plain full addresses, judged here without lexing: each `](` must open
 * a plain target that the shared rule accepts, and so must each autolink.
 */
function mayHoldBadLink(value: string): boolean {
  // A reference link's target is in its definition, not after a `](`: `See the [map][m]` with `[m]: javascript:...`.
  if (mayHoldDefinition(value)) return true;
  let opened = 0;
  for (let i = value.indexOf(']('); i !== -1; i = value.indexOf('](', i + 2)) opened++;
  if (opened === 0 && !value.includes('<')) return false;
  let plain = 0;
  for (const match of value.matchAll(PLAIN_TARGET)) {
    if (urlProblem(match[1]!) !== null) return true;
    plain++;
  }
  if (plain !== opened) return true;
  if (value.includes('<')) for (const match of value.matchAll(AUTOLINK)) if (urlProblem(match[1]!) !== null) return true;
  return false;
}

/** Every trap in a Markdown field's value; `kind` is how the field is rendered. */
export function markdownTraps(value: string, kind: 'inline' | 'block', field: string): MarkdownTrap[] {
  // Validation looks at every Markdown field of every language: most hold none of these, and
  // looking for the characters each needs first is far cheaper than running its pattern.
  const emphasis = emphasisNearDigit(value);
  const links = mayHoldBadLink(value) || mayHoldBlankLink(value);
  const tags = value.includes('<') && TAG_START.test(value);
  const headings = kind === 'block' && mayHoldHeadingWithoutSpace(value) && HEADING_WITHOUT_SPACE.test(value);
  const comments = value.includes('<!--');
  // Tables and definitions are blocks: a one-paragraph field has neither, only their text.
  const tables = kind === 'block' && mayHoldTable(value);
  const definitions = kind === 'block' && mayHoldDefinition(value);
  if (!emphasis && !links && !tags && !headings && !comments && !tables && !definitions) return [];

  const traps: MarkdownTrap[] = [];
  const tagsFound: TagFound[] = [];
  // Problems are met in the order they are written: each is looked for in the value after the one before.
  let cursor = 0;
  const locate = (snippet: string): number => {
    let index = value.indexOf(snippet, cursor);
    if (index === -1) index = value.indexOf(snippet);
    // Only past its start: what a link or emphasis holds comes after it.
    if (index !== -1) cursor = index + 1;
    return index;
  };
  const add = (trap: Omit<MarkdownTrap, 'index'>) => traps.push({ ...trap, index: locate(trap.snippet) });
  // Tables are met in the order they are written: each is looked for in the value after the one before.
  let tablesFrom = 0;

  const tokens = kind === 'block' ? lexBlocks(value) : lexInline(value);
  const refs: References | null = definitions ? references(tokens) : null;

  const walk = (tokens: Token[], blockLevel: boolean): void => {
    if (links && !blockLevel) {
      for (const match of textOf(tokens).matchAll(LINK_AS_TEXT)) add(unparsedLinkTrap(match[0], field));
    }
    tokens.forEach((token, i) => {
      switch (token.type) {
        case 'code':
        case 'codespan':
          return; // Code is shown as written: nothing in it is Markdown.
        case 'em':
        case 'strong':
          if (emphasis) {
            const trap = emphasisTrap(token as Tokens.Em | Tokens.Strong, tokens[i - 1], tokens[i + 1], field);
            if (trap) add(trap);
          }
          break;
        case 'link':
        case 'image':
          if (links) {
            const link = token as Tokens.Link | Tokens.Image;
            const key = refs && referenceKey(link);
            const definition = key === null ? undefined : refs?.definitions.get(key);
            const blank = blankLinkTrap(link, field);
            const trap = blank ? null : linkTrap(link, field, definition);
            // Pointed at the text, where the words go.
            if (blank) add(blank);
            else if (trap) {
              // Pointed at the target, where the fix goes: in the definition for a reference link, else in the link
              // (at the link itself when the target is not written in it).
              const start = locate(token.raw);
              if (definition) traps.push({ ...trap, ...definitionTarget(definition, value) });
              else {
                const offset = Math.max(0, token.raw.indexOf(link.href));
                traps.push({ ...trap, index: start === -1 ? -1 : start + offset, snippet: token.raw.slice(offset) });
              }
            }
          }
          break;
        case 'def':
          if (refs) {
            const trap = definitionTrap(token as Tokens.Def, refs, field);
            if (trap) add(trap);
          }
          break;
        case 'html':
          // Writers expect a comment to be hidden, as on a web page; here it is text: an internal note would be published.
          for (const match of comments ? token.raw.matchAll(COMMENT) : []) {
            add({
              severity: 'error',
              snippet: match[0],
              message: `${field} holds an HTML comment "${preview(match[0])}": it is not hidden but published as text in every bulletin; delete it, and keep notes for colleagues in a YAML comment (a line starting with #) outside the text`,
              rule: 'html-comment',
            });
          }
          if (tags) {
            for (const match of token.raw.matchAll(TAG)) {
              tagsFound.push({ tag: `<${match[1]}${match[2]!.toLowerCase()}>`, written: match[0], index: locate(match[0]) });
            }
          }
          break;
      }
      if (headings && blockLevel && (token.type === 'paragraph' || token.type === 'text')) {
        for (const line of token.raw.split('\n')) {
          const heading = HEADING_WITHOUT_SPACE.exec(line);
          if (heading) {
            add({
              severity: 'warning',
              snippet: `${heading[1]}${heading[2]}`,
              message: `${field} line "${preview(`${heading[1]}${heading[2]}`)}" would be published as text, not as a heading: a heading needs a space after the #s; write "${preview(`${heading[1]} ${heading[2]}`)}"`,
              rule: 'heading-space',
            });
          }
        }
      }
      const nestedBlocks = token.type === 'list' || token.type === 'blockquote';
      for (const children of childTokens(token)) walk(children, nestedBlocks);
      // After what its cells hold, which comes first in the text.
      if (tables && token.type === 'table') {
        const table = token as Tokens.Table;
        const rows = rowLocator(value, table, tablesFrom);
        for (const row of overfullRows(table)) traps.push({ ...tableRowTrap(row, table.header.length, field), index: rows.find(row) });
        tablesFrom = rows.after;
      }
    });
  };
  walk(tokens, kind === 'block');

  if (tagsFound.length > 0) traps.push(htmlTrap(tagsFound, kind, field));
  return traps;
}

/**
 * Emphasis that turns a code into other digits. Refused when a delimiter
 * touches a digit on its outer side (`*100*1`, `2*3*4`, `**1**2`: the stars
 * belong to a code or a sum), or when the emphasis shows digits alone and a
 * delimiter touches `#`, `*` or `+` (`dial *100*# now`, `**21**#`,
 * `**21*+47...#`): the marks of a USSD or call-forwarding code, never of
 * prose. A number in italics or bold next to a space or punctuation is meant
 * (`In *2026*,`, `(*30* near schools)`, `_1_ in 5`, `Level **4**`).
 */
function emphasisTrap(token: Tokens.Em | Tokens.Strong, before: Token | undefined, after: Token | undefined, field: string): Omit<MarkdownTrap, 'index'> | null {
  const outside = outerCharacters(before, after);
  const shown = shownText(token);
  const codeMark = DIGIT.test(outside) || (CODE_MARK.test(outside) && /^\d+$/.test(shown));
  if (!codeMark) return null;
  const star = token.raw.startsWith('*');
  const marks = star ? 'stars' : 'underscores';
  // The whole code as written, from the space before it to the space after.
  const word = `${/\S*$/.exec(before?.raw ?? '')![0]}${token.raw}${/^\S*/.exec(after?.raw ?? '')![0]}`;
  return {
    severity: 'error',
    snippet: token.raw,
    message: `${field} has "${preview(word)}": the ${marks} around ${preview(shown)} would be dropped and ${preview(shown)} shown in ${token.type === 'em' ? 'italics' : 'bold'}, as Markdown reads ${marks} next to digits as emphasis; write ${star ? '\\*' : '\\_'} for each ${star ? 'star' : 'underscore'} (${star ? '\\\\*' : '\\\\_'} inside double quotes, where YAML reads a backslash first), or put the code in backticks`,
    rule: 'emphasis-digits',
  };
}

const DIGIT = /\d/;
/** What sits next to the digits of a USSD or call-forwarding code: `*100*#`, `**21*+4712345678#`. */
const CODE_MARK = /[#*+]/;

/**
 * The characters written right outside an emphasis's delimiters: the last of
 * the token before and the first of the one after (an escaped character as
 * the one it stands for, `\#` as `#`: that is what is published next to it).
 */
function outerCharacters(before: Token | undefined, after: Token | undefined): string {
  const written = (token: Token | undefined) => (token === undefined ? '' : token.type === 'escape' ? token.text : token.raw);
  return `${written(before).slice(-1)}${written(after).slice(0, 1)}`;
}

/** What emphasis shows, without the delimiters of emphasis nested in it (`***21***` shows 21). */
function shownText(token: Tokens.Em | Tokens.Strong): string {
  return token.tokens.map((t) => (t.type === 'em' || t.type === 'strong' ? shownText(t as Tokens.Em | Tokens.Strong) : t.type === 'text' ? t.text : t.raw)).join('');
}

/**
 * A link whose target rendering would drop, or that leads nowhere away from the site;
 * `definition` is the one a reference link takes its target from.
 */
/**
 * A link or image whose text has no letter or digit (`[](…)`, `[ ][m]`, `[&nbsp;](…)`, a
 * zero-width space, a code span of a space): the only ones whose text may show nothing.
 */
const BLANK_LINK_TEXT = /!?\[(?:&#?[a-z0-9]+;|[^\]\p{L}\p{N}])*\](?:\(|\[)/iu;

function mayHoldBlankLink(value: string): boolean {
  return (value.includes('](') || value.includes('][')) && BLANK_LINK_TEXT.test(value);
}

/** A link (images are published as links) whose text shows nothing once read: readers would have nothing to click. */
function blankLinkTrap(token: Tokens.Link | Tokens.Image, field: string): Omit<MarkdownTrap, 'index'> | null {
  if (emptyReason(inlineMarkdownToText(token.text)) === null) return null;
  const opened = token.raw.search(/\][([]/);
  return {
    severity: 'error',
    snippet: token.raw,
    message: `${field} has a link with no text, "${token.raw.slice(0, opened + 2)}…": readers would see nothing to click; write the words to show between [ and ]`,
    rule: 'link-text',
  };
}

function linkTrap(token: Tokens.Link | Tokens.Image, field: string, definition?: Tokens.Def): Omit<MarkdownTrap, 'index' | 'snippet'> | null {
  const problem = urlProblem(token.href);
  if (!problem) return null;
  const label = preview(token.text || 'image');
  const href = token.href.trim();
  const suggestion = suggestTarget(href);
  const where = definition ? `after "[${writtenLabel(definition)}]:"` : 'between the ( )';
  return { severity: 'error', message: `${field} links "${label}" to ${linkProblemText(problem, href, suggestion, where)}`, rule: 'link-target' };
}

/** Where a definition's target is written: its first line from the target on, or the line itself when the target is elsewhere. */
function definitionTarget(definition: Tokens.Def, value: string): { index: number; snippet: string } {
  const line = firstLine(definition);
  // The first definition of a label is the one links use, so the first line written so.
  const at = value.indexOf(line);
  const offset = definition.href === '' ? -1 : line.indexOf(definition.href);
  return at === -1 || offset === -1 ? { index: at, snippet: line } : { index: at + offset, snippet: line.slice(offset) };
}

function linkProblemText(problem: UrlProblem, href: string, suggestion: string | null, where: string): string {
  const schemes = `${SAFE_SCHEMES.slice(0, -1).join(', ')} and ${SAFE_SCHEMES.at(-1)}`;
  switch (problem.kind) {
    case 'empty':
      return `nothing, so it would be published without a link; write the address ${where}`;
    case 'scheme':
      return `"${preview(href)}", which would be published as the text alone, the address lost: only ${schemes} addresses are links${suggestion ? `; did you mean "${preview(suggestion)}"?` : ''}`;
    case 'relative':
      return `"${preview(href)}", which is not a full address, so it would be published without the link: bulletins are read away from the ministry's site, where a relative address leads nowhere; ${suggestion ? `write "${preview(suggestion)}"` : 'write the full address, starting with https://'}`;
  }
}

/**
 * The text of a list of inline tokens as written, for what the lexer left
 * as text. Links, emphasis and code stand as line breaks (which the pattern
 * below does not cross): their own text is looked at on its own, and code is
 * shown as written. A web address in the text is a link (GFM) but was
 * written as text: it stays, so `[form](https://example.org/a b)` is seen whole.
 */
function textOf(tokens: Token[]): string {
  let text = '';
  for (const token of tokens) {
    const literalAddress = token.type === 'link' && !/^[[<]/.test(token.raw);
    text += token.type === 'text' || literalAddress ? token.raw : '\n';
  }
  return text;
}

/** `[text](target)` left as text by the lexer: a target with a space, or unbalanced brackets. */
const LINK_AS_TEXT = /!?\[[^\]\n]*\]\([^)\n]*\)/g;

function unparsedLinkTrap(written: string, field: string): Omit<MarkdownTrap, 'index'> {
  const [, label, target] = /\[([^\]]*)\]\(([^)]*)\)/.exec(written)!;
  const phone = suggestTarget(target!.trim());
  const fix = /\s/.test(target!.trim())
    ? `a link's address cannot contain spaces; ${phone?.startsWith('tel:') ? `write "[${label}](${phone})"` : 'write %20 for each space in the address'}`
    : 'check its brackets and parentheses';
  return { severity: 'error', snippet: written, message: `${field} "${preview(written)}" would be published as written, not as a link: ${fix}`, rule: 'link-not-parsed' };
}

/** A table row whose cells beyond the header's count hold text, which marked drops. */
function tableRowTrap(row: OverfullRow, columns: number, field: string): Omit<MarkdownTrap, 'index'> {
  const lost = row.dropped.join(' | ');
  return {
    severity: 'error',
    snippet: row.row,
    message: `${field} table row "${preview(row.row)}" has ${row.cells} cells, but the table's header has ${columns}: "${preview(lost)}" would be dropped from every format; add a column to the header (and a --- for it in the line below the header), or, where a | is part of the text (in a \`code span\` too), write it as \\|`,
    rule: 'table-cells',
  };
}

/** Longest address written out in full in the advice on a lost definition. */
const ADDRESS_SHOWN = 60;

/** A definition no format publishes: no link uses it, or links use an earlier one of its label. */
function definitionTrap(definition: Tokens.Def, refs: References, field: string): Omit<MarkdownTrap, 'index'> | null {
  const first = refs.definitions.get(definition.tag) === definition;
  if (first && refs.used.has(definition.tag)) return null;
  const label = writtenLabel(definition);
  const written = firstLine(definition);
  const href = definition.href.trim();
  const inText = `write the link in the text ("[text](${href !== '' && href.length <= ADDRESS_SHOWN ? href : 'https://...'})")`;
  const message = first
    ? `${field} has the link definition "${preview(written)}", which no link refers to, so it will not be published in any format; refer to it where the text mentions it ("[text][${label}]"), or ${inText}`
    : `${field} has a second link definition of [${label}], "${preview(written)}": links to [${label}] use the first, so this one will not be published in any format; give it a label of its own and refer to it ("[text][label]"), or ${inText}`;
  return { severity: 'warning', snippet: written, message, rule: 'link-definition' };
}

/** An HTML comment, or its opening to the end of the text when it is never closed. */
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

/** An HTML tag: `<b>`, `</strong>`, `<br/>`, `<a href="...">`; not `a < b`, a comment or an autolink. */
const TAG = /<(\/?)([a-z][a-z0-9-]*)(?:\s(?:[^<>"']|"[^"]*"|'[^']*')*)?\/?>/gi;

/** What to write instead of a tag, in Markdown, in a body and in a one-paragraph field. */
const TAG_ADVICE: Record<string, { block: string; inline: string }> = {
  b: { block: 'write **bold** for bold', inline: 'write **bold** for bold' },
  i: { block: 'write *italics* for italics', inline: 'write *italics* for italics' },
  a: { block: 'write [text](https://...) for a link', inline: 'write [text](https://...) for a link' },
  br: {
    block: 'end a line with two spaces for a line break, or leave a blank line between paragraphs',
    inline: 'leave out line breaks, as this field is one paragraph',
  },
};
const TAG_ALIASES: Record<string, string> = { strong: 'b', em: 'i', p: 'br' };

interface TagFound {
  /** The tag's name as shown in the message: `<br>` for `<BR/>`. */
  tag: string;
  written: string;
  index: number;
}

function htmlTrap(found: TagFound[], kind: 'inline' | 'block', field: string): MarkdownTrap {
  const tags = [...new Set(found.map((f) => f.tag))];
  const advice = [
    ...new Set(
      tags
        .map((t) => t.replace(/[</>]/g, ''))
        .map((name) => TAG_ADVICE[TAG_ALIASES[name] ?? name]?.[kind])
        .filter((a) => a !== undefined),
    ),
  ];
  const first = found[0]!;
  const shown = tags.length > 6 ? `${tags.slice(0, 6).join(', ')}, ...` : tags.join(', ');
  return {
    severity: 'warning',
    index: first.index,
    snippet: first.written,
    message: `${field} has HTML tag${tags.length === 1 ? '' : 's'} (${shown}), which every format shows as text, not as formatting; ${advice.length > 0 ? advice.join('; ') : 'write Markdown instead, or leave them out'}`,
    rule: 'html-tag',
  };
}
