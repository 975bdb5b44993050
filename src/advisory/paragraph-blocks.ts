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

/**
 * What a line that starts with each marker would be in a Markdown text of its own.
 * Only what an officer writes as a list: a number of one or two digits (a wrapped
 * line may start with a year, "2025. Avoid..."), and a quotation that is not a
 * comparison ("> 40 °C").
 */
const BLOCKS: ReadonlyArray<[RegExp, string]> = [
  [/^(?:[-*+]|\d{1,2}[.)])[ \t]+\S/, 'a list item'],
  [/^#{1,6}[ \t]+\S/, 'a heading'],
  [/^>[ \t]*[^\s\d=]/, 'a quotation'],
];

/** Where a sentence, or what leads into a list, ends: the block after it starts something new. */
const ENDS_SENTENCE = /[.:;!?)\]"'»”…。！？؟।]$/u;

/** Longest piece of the line quoted back in a message. */
const PREVIEW = 40;

/** Where such text belongs instead, by the field it is in. */
function fix(field: string): string {
  if (/^(?:translations\.[^.]+\.)?guidance\[\d+\]$/.test(field)) return 'make each line an item of guidance of its own, or write it as a sentence';
  if (/^(?:translations\.[^.]+\.)?summary$/.test(field)) return 'write it as a sentence, or move it to guidance (an item each) or body';
  return 'write it as a sentence';
}

/** Each line of a scalar after its first: its offset in the file and its text, without indentation; blank lines as ''. */
function linesAfterFirst(text: string, start: number, end: number): Array<{ offset: number; line: string }> {
  const lines: Array<{ offset: number; line: string }> = [];
  for (let lineEnd = text.indexOf('\n', start); lineEnd !== -1 && lineEnd < end; lineEnd = text.indexOf('\n', lineEnd + 1)) {
    let at = lineEnd + 1;
    while (text[at] === ' ' || text[at] === '\t') at++;
    if (at >= end) break;
    const next = text.indexOf('\n', at);
    lines.push({ offset: at, line: text.slice(at, next === -1 || next > end ? end : next).replace(/\r$/, '').trimEnd() });
  }
  return lines;
}

/**
 * The first line of a one-paragraph field's scalar, after its first, that Markdown would read as a
 * block of its own; null when there is none. A marker on a line that continues a sentence is prose
 * wrapped there ("the north\n- Kidal above all -\nis"): it counts after a sentence's end, a colon
 * or a blank line, or when another line of the field starts with a marker too, as a list's lines do.
 */
export function paragraphBlock(text: string, node: Scalar, field: string): ParagraphBlock | null {
  if (!node.range) return null;
  const lines = linesAfterFirst(text, node.range[0], node.range[1]);
  const blocks = lines.map(({ line }) => BLOCKS.find(([pattern]) => pattern.test(line)));
  const markedLines = blocks.filter(Boolean).length;
  const firstLine = text.slice(node.range[0], lines[0]?.offset ?? node.range[1]).split('\n')[0]!.trimEnd();
  for (const [i, { offset, line }] of lines.entries()) {
    const block = blocks[i];
    if (!block) continue;
    const before = i === 0 ? firstLine : lines[i - 1]!.line;
    // A block scalar's first line is its header (`>`, `|-`): what follows starts the text.
    const startsText = i === 0 && /^[|>][-+0-9]*(?:\s+#.*)?$/.test(before);
    if (markedLines < 2 && !startsText && before !== '' && !ENDS_SENTENCE.test(before)) continue;
    const shown = line.length > PREVIEW ? `${line.slice(0, PREVIEW - 3)}...` : line;
    return {
      offset,
      message: `${field} is one paragraph, so "${shown}" would be published run into the text before it, not as ${block[1]}; ${fix(field)}`,
    };
  }
  return null;
}
