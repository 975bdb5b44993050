/**
 * Markdown nested deeper than anyone writes: `*` 1999 times around a word, `> ` 2000 times
 * before one. marked reads nesting by recursion, so such a field passed validation (which lexes
 * only fields that may hold a trap) and then stopped the build with an internal error. It is
 * refused where it is written instead. Only a field with enough markers for that depth is lexed
 * to find out: the usual text costs one pass over its characters.
 */
import type { Token } from 'marked';
import { childTokens, lexBlocks, lexInline } from '../render/markdown-lexer.js';

/** Far more than any advisory needs (a quote in a list in a list, with bold and a link: five). */
export const MAX_MARKDOWN_DEPTH = 32;

/**
 * Each level of nesting needs a character of its own: an emphasis, strike-through or link opens
 * with `*`, `_`, `~` or `[`; a quote or list level stands at the start of a line, after the
 * markers and indentation of those around it. Searched for natively, since every Markdown field
 * of every language passes here: most hold a handful, and none has such a line start.
 */
const INLINE_OPENER = /[*_~[]/g;
const DEEP_LINE_START = new RegExp(`^[ \\t>*+\\-0-9.)]{${MAX_MARKDOWN_DEPTH + 1}}`, 'm');

function mayNestTooDeep(value: string, kind: 'inline' | 'block'): boolean {
  // Too short to hold that many markers: most guidance items and names.
  if (value.length <= MAX_MARKDOWN_DEPTH) return false;
  INLINE_OPENER.lastIndex = 0;
  let openers = 0;
  while (INLINE_OPENER.test(value)) if (++openers > MAX_MARKDOWN_DEPTH) return true;
  return kind === 'block' && DEEP_LINE_START.test(value);
}

function depthOf(tokens: Token[]): number {
  let deepest = 0;
  for (const token of tokens) for (const children of childTokens(token)) deepest = Math.max(deepest, 1 + depthOf(children));
  return deepest;
}

/** Why a Markdown field cannot be published for its nesting, or null. */
export function markdownDepthProblem(value: string, kind: 'inline' | 'block'): string | null {
  if (!mayNestTooDeep(value, kind)) return null;
  let depth: number;
  try {
    // A block field's text is held by a paragraph (or a list item's text): not a level of nesting.
    depth = kind === 'block' ? depthOf(lexBlocks(value)) - 1 : depthOf(lexInline(value));
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    depth = Infinity;
  }
  if (depth <= MAX_MARKDOWN_DEPTH) return null;
  // Not the depth itself: where the lexer runs out of stack differs between threads and machines.
  return `is Markdown nested more than ${MAX_MARKDOWN_DEPTH} levels deep (emphasis, links, quotes or lists inside one another), which no bulletin can be rendered from; write it with less nesting`;
}
