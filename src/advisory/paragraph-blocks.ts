/**
 * A list, heading or quotation written on the lines of a one-paragraph field
 * (a summary, a guidance item, a region's note, an update's summary):
 *
 *     summary: |
 *       Protests in Dakar:
 *       - avoid the city centre
 *       - stay at home after dark
 *
 * Such a field is one paragraph in every format (its line breaks are spaces,
 * so it can never open a block), and this publishes "Protests in Dakar: -
 * avoid the city centre - stay at home after dark". Nothing is lost, but the
 * list the officer wrote reads as a run-on sentence with stray dashes, in the
 * bulletins, the alert and the feeds. A warning, at the line.
 *
 * Read from the file's source, not the value: in a `>` text YAML has already
 * folded the lines into one.
 */
import type { Scalar } from 'yaml';

export interface ParagraphBlock {
  /** Offset in the file's text of the line's marker. */
  offset: number;
  message: string;
}

/** What a line that starts with each marker would be in a Markdown text of its own. */
const BLOCKS: ReadonlyArray<[RegExp, string]> = [
  [/^(?:[-*+]|\d{1,9}[.)])[ \t]+\S/, 'a list item'],
  [/^#{1,6}[ \t]+\S/, 'a heading'],
  [/^>[ \t]*\S/, 'a quotation'],
];

/** Longest piece of the line quoted back in a message. */
const PREVIEW = 40;

/** Where such text belongs instead, by the field it is in. */
function fix(field: string): string {
  if (/^(?:translations\.[^.]+\.)?guidance\[\d+\]$/.test(field)) return 'make each line an item of guidance of its own, or write it as a sentence';
  if (/^(?:translations\.[^.]+\.)?summary$/.test(field)) return 'write it as a sentence, or move it to guidance (an item each) or body';
  return 'write it as a sentence';
}

/** The first line of a one-paragraph field's scalar, after its first, that Markdown would read as a block of its own; null when there is none. */
export function paragraphBlock(text: string, node: Scalar, field: string): ParagraphBlock | null {
  if (!node.range) return null;
  const [start, end] = node.range;
  for (let lineEnd = text.indexOf('\n', start); lineEnd !== -1 && lineEnd < end; lineEnd = text.indexOf('\n', lineEnd + 1)) {
    let at = lineEnd + 1;
    while (text[at] === ' ' || text[at] === '\t') at++;
    if (at >= end) break;
    const next = text.indexOf('\n', at);
    const line = text.slice(at, next === -1 || next > end ? end : next).replace(/\r$/, '').trimEnd();
    const block = BLOCKS.find(([pattern]) => pattern.test(line));
    if (!block) continue;
    const shown = line.length > PREVIEW ? `${line.slice(0, PREVIEW - 3)}...` : line;
    return {
      offset: at,
      message: `${field} is one paragraph, so "${shown}" would be published run into the text before it, not as ${block[1]}; ${fix(field)}`,
    };
  }
  return null;
}
