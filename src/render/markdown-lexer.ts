/**
 * One configured `marked` lexer for every renderer, so all formats read a
 * field the same way. A field is lexed once for all three formats: the last
 * few results are remembered (tokens are only read after lexing, never changed).
 */
import { Lexer, type Token } from 'marked';
import { collapseLines } from './markdown-html.js';
import { outlineHeadings } from './outline.js';

const OPTIONS = { gfm: true, breaks: false } as const;

/** Enough for one bulletin's fields across its three formats; small, so memory stays flat. */
const REMEMBERED = 64;
const blocks = new Map<string, Token[]>();
const inlines = new Map<string, Token[]>();

function remembered(memo: Map<string, Token[]>, markdown: string, lex: (markdown: string) => Token[]): Token[] {
  let tokens = memo.get(markdown);
  if (tokens === undefined) {
    tokens = lex(markdown);
    if (memo.size >= REMEMBERED) memo.clear();
    memo.set(markdown, tokens);
  }
  return tokens;
}

export function lexBlocks(markdown: string): Token[] {
  return remembered(blocks, markdown, (m) => outlineHeadings(Lexer.lex(m, OPTIONS)));
}

/** Inline fields are one paragraph: newlines become spaces first, so a field cannot open a block. */
export function lexInline(markdown: string): Token[] {
  return remembered(inlines, markdown, (m) => Lexer.lexInline(collapseLines(m), OPTIONS));
}
