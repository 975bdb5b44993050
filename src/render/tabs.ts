/**
 * How a tab in an advisory is published: the same in every format, so the
 * Markdown, HTML and text bulletins, the CAP alert and the feeds never
 * disagree (a tab left as it is shows as one space in HTML running text,
 * jumps to the next tab stop in a text viewer, and is reported by Markdown
 * linters).
 *
 * - In text on one line (a name, an address, running Markdown text, a code
 *   span) a tab is one space: that is how HTML and Markdown show it anyway.
 * - In a code block, where tabs line columns up, a tab is the spaces up to the
 *   next multiple of 8 columns of the code's line: where browsers (`<pre>`)
 *   and terminals put their tab stops, so the columns line up as before, in
 *   every viewer whatever its tab width.
 *
 * The rule is applied once, where a value enters rendering: one-line fields
 * as they are validated (check.ts), Markdown fields as they are lexed
 * (markdown-lexer.ts). Open data publishes Markdown fields as written.
 */
import { displayWidth } from './wrap.js';

export const TAB_STOP = 8;

/** Text on one line, each tab a space. */
export function tabsAsSpaces(text: string): string {
  return text.includes('\t') ? text.replace(/\t/g, ' ') : text;
}

/**
 * A code block's text with its tabs as spaces up to the next multiple of
 * TAB_STOP columns of each line. Columns are counted as a monospace font and
 * a terminal count them: a wide character (CJK) takes two.
 */
export function expandTabs(code: string): string {
  if (!code.includes('\t')) return code;
  return code
    .split('\n')
    .map((line) => {
      let column = 0;
      return line.replace(/([^\t]*)\t/g, (_, before: string) => {
        column += displayWidth(before);
        const spaces = TAB_STOP - (column % TAB_STOP);
        column += spaces;
        return `${before}${' '.repeat(spaces)}`;
      });
    })
    .join('\n');
}
