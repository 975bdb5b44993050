/**
 * One configured `marked` lexer for every renderer, so all formats read a
 * field the same way. A field is lexed once for all three formats: the last
 * few results are remembered (tokens are only read after lexing, never changed).
 */
import { Lexer, Tokenizer, type Token, type Tokens } from 'marked';
import { collapseInlineMarkdown } from './markdown-html.js';
import { outlineHeadings } from './outline.js';
import { expandTabs, tabsAsSpaces } from './tabs.js';
import { memoize } from '../memo.js';

const OPTIONS = { gfm: true, breaks: false } as const;

/**
 * A footnote (`[^1]: Carry your passport.`, as GitHub writes them) is read as
 * text, as written. marked has no footnotes: it would read a one-word one
 * (`[^1]: Lambda.`) as a link definition, which no format shows, and turn
 * each `[^1]` into a link to "Lambda.", which no format keeps either: the
 * note would be lost without a word. Longer ones were text already.
 */
class BulletinTokenizer extends Tokenizer {
  override def(src: string): Tokens.Def | undefined {
    const token = super.def(src);
    return token?.tag.startsWith('^') ? undefined : token;
  }
}

const BLOCK_OPTIONS = { ...OPTIONS, tokenizer: new BulletinTokenizer() };

/** Enough for one bulletin's fields across its three formats; small, so memory stays flat. */
const REMEMBERED = 64;

export const lexBlocks: (markdown: string) => Token[] = memoize(REMEMBERED, (markdown) =>
  tabsAsPublished(markdown, outlineHeadings(singleTildesAsText(Lexer.lex(markdown, BLOCK_OPTIONS)))),
);

/** Inline fields are one paragraph: newlines become spaces first, so a field cannot open a block. */
export const lexInline: (markdown: string) => Token[] = memoize(REMEMBERED, (markdown) =>
  tabsAsPublished(markdown, singleTildesAsText(Lexer.lexInline(collapseInlineMarkdown(markdown), OPTIONS))),
);

/**
 * Tabs as every format publishes them (see tabs.ts): a code block's expanded
 * to its tab stops, every other one a space, in the text that renderers
 * write (`text`, and the `raw` that the Markdown bulletin writes of text
 * and code spans). Tabs that Markdown reads as indentation were read by
 * then: they are in no text. Only leaves change; what holds them (a
 * paragraph, a link, emphasis, a tag) keeps its source, which validation
 * quotes and finds in the file.
 */
function tabsAsPublished(markdown: string, tokens: Token[]): Token[] {
  if (!markdown.includes('\t')) return tokens;
  for (const token of tokens) {
    switch (token.type) {
      case 'code':
        (token as Tokens.Code).text = expandTabs((token as Tokens.Code).text);
        break;
      case 'codespan':
      case 'text':
      case 'html':
      case 'image':
        if (!('tokens' in token && Array.isArray(token.tokens))) {
          token.text = tabsAsSpaces(token.text);
          if (token.type === 'text' || token.type === 'codespan') token.raw = tabsAsSpaces(token.raw);
        }
        break;
    }
    for (const children of childTokens(token)) tabsAsPublished(markdown, children);
  }
  return tokens;
}

/**
 * GFM strikes through text between single tildes too, but advice writes `~`
 * for "about" and "to": "keep 5~10 km away; curfew 22~6 h" would strike the
 * text between them, and the plain-text formats would drop the tildes (510 km,
 * 226 h). Only `~~` strikes through; a single tilde is text. Its raw form is
 * escaped so that a Markdown bulletin, read again, shows it as text too.
 */
function singleTildesAsText(tokens: Token[]): Token[] {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'del' && !token.raw.startsWith('~~')) {
      const tilde = (): Token => ({ type: 'text', raw: '\\~', text: '~' });
      const inner = singleTildesAsText((token as Tokens.Del).tokens);
      tokens.splice(i, 1, tilde(), ...inner, tilde());
      i += inner.length + 1;
      continue;
    }
    for (const children of childTokens(token)) singleTildesAsText(children);
  }
  return tokens;
}

/** The token lists nested in a token: its own, a list's items, a table's cells. */
export function childTokens(token: Token): Token[][] {
  if (token.type === 'list') return (token as Tokens.List).items.map((item) => item.tokens);
  if (token.type === 'table') {
    const table = token as Tokens.Table;
    return [...table.header, ...table.rows.flat()].map((cell) => cell.tokens);
  }
  return 'tokens' in token && Array.isArray(token.tokens) ? [token.tokens] : [];
}

/**
 * A task item's box, written before its text, and the item's blocks without it:
 * in a tight list the box is a block of the item's own; in a loose one it opens
 * the item's first paragraph, where that paragraph's writer shows it.
 */
export function taskItem(item: Tokens.ListItem): { check: string; tokens: Token[] } {
  const tokens = item.tokens.filter((t) => t.type !== 'checkbox');
  const own = item.task && tokens.length < item.tokens.length;
  return { check: own ? (item.checked ? '[x] ' : '[ ] ') : '', tokens };
}
