/**
 * A comment line written inside wrapped plain text, as a note to colleagues:
 *
 *     summary: Protests are likely in the
 *       # check with the desk
 *       centre of Bamako.
 *
 * A comment ends plain (unquoted) text in YAML, so the line after it is no
 * longer text: YAML reads it as a new field or item and fails, in words that
 * name neither the comment nor the text ("All mapping items must start at the
 * same column", "Sequence item without - indicator").
 */
import type { Position } from './yaml-source.js';

const isComment = (line: string) => line.trimStart().startsWith('#');
const isBlank = (line: string) => line.trim() === '';
const indentOf = (line: string) => line.length - line.trimStart().length;
/** A line that starts something of its own, not more text: an item, a key, or a `|`/`>` text opened. */
const STARTS_NODE = /^\s*(?:-(?:\s|$)|[^\s#'"][^#]*?:(?:\s|$))|[|>][+-]?\s*$/;

/**
 * The comment YAML's first error (on 1-based `errorLine` of `text`) comes from, when that line
 * is more text written after a comment line that sits inside the text above it; null otherwise.
 */
export function commentInsideText(text: string, errorLine: number): { at: Position; message: string } | null {
  const lines = text.split(/\r?\n/);
  const after = lines[errorLine - 1];
  if (after === undefined || isBlank(after) || isComment(after) || indentOf(after) === 0 || STARTS_NODE.test(after)) return null;
  let above = errorLine - 2;
  while (above >= 0 && isBlank(lines[above]!)) above--;
  let comment = -1;
  while (above >= 0 && (isComment(lines[above]!) || isBlank(lines[above]!))) {
    if (isComment(lines[above]!)) comment = above;
    above--;
  }
  const before = lines[above];
  // The text the comment is inside: a line of text, or a field or item whose text starts on it ("summary: Protests are...").
  if (comment === -1 || before === undefined || /:\s*$|[|>][+-]?\s*$/.test(before)) return null;
  const line = lines[comment]!;
  const more = after.trim();
  const shown = more.length > 40 ? `${more.slice(0, 37)}...` : more;
  return {
    at: { line: comment + 1, col: indentOf(line) + 1 },
    message: `YAML syntax error: this comment is inside wrapped text, and a comment ends unquoted text, so YAML cannot read "${shown}" after it; move the comment to a line above the text, or put the whole text in quotes if the # line is part of it`,
  };
}
