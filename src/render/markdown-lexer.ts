/**
 * One configured `marked` lexer for every renderer, so all formats read a
 * field the same way. A field is lexed once for all three formats: the last
 * few results are remembered (tokens are only read after lexing, never changed).
 */
import { Lexer, type Token } from 'marked';
import { collapseInlineMarkdown } from './markdown-html.js';
import { outlineHeadings } from './outline.js';
import { memoize } from '../memo.js';

const OPTIONS = { gfm: true, breaks: false } as const;

/** Enough for one bulletin's fields across its three formats; small, so memory stays flat. */
const REMEMBERED = 64;

export const lexBlocks: (markdown: string) => Token[] = memoize(REMEMBERED, (markdown) => outlineHeadings(Lexer.lex(markdown, OPTIONS)));

/** Inline fields are one paragraph: newlines become spaces first, so a field cannot open a block. */
export const lexInline: (markdown: string) => Token[] = memoize(REMEMBERED, (markdown) => Lexer.lexInline(collapseInlineMarkdown(markdown), OPTIONS));
