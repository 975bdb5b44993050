/**
 * Heading levels that never skip one. An advisory's body sits under the
 * bulletin's own h2 sections; a body that jumps from `##` to `####` would leave
 * a gap in the page's outline that screen-reader users navigate by (and that
 * Markdown linters reject). Each heading is raised to at most one level below
 * the heading before it; the first to at most `##` (h3 in the bulletin). And
 * none is above `##`: a body's `#` would otherwise be an h2, a section of the
 * bulletin's own rank, outside "Full advice".
 */
import type { Token, Tokens } from 'marked';

/** Rewrites the depth of every heading in `tokens`, in document order, nested ones included. */
export function outlineHeadings<T extends Token[]>(tokens: T): T {
  let previous = 1;
  const visit = (list: readonly Token[]) => {
    for (const token of list) {
      if (token.type === 'heading') {
        const heading = token as Tokens.Heading;
        heading.depth = Math.max(2, Math.min(heading.depth, previous + 1));
        previous = heading.depth;
      } else if (token.type === 'list') {
        for (const item of (token as Tokens.List).items) visit(item.tokens);
      } else if (token.type === 'blockquote') {
        visit((token as Tokens.Blockquote).tokens);
      }
    }
  };
  visit(tokens);
  return tokens;
}
