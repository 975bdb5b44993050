/** One configured `marked` lexer for every renderer, so all formats read a field the same way. */
import { Lexer, type Token } from 'marked';
import { collapseLines } from './markdown-html.js';
import { outlineHeadings } from './outline.js';

const OPTIONS = { gfm: true, breaks: false } as const;

export function lexBlocks(markdown: string): Token[] {
  return outlineHeadings(Lexer.lex(markdown, OPTIONS));
}

/** Inline fields are one paragraph: newlines become spaces first, so a field cannot open a block. */
export function lexInline(markdown: string): Token[] {
  return Lexer.lexInline(collapseLines(markdown), OPTIONS);
}
