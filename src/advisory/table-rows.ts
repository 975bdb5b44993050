/**
 * The cells of a Markdown table's rows as marked splits them, before it cuts
 * each row to the header's count: a row with more cells than its header loses
 * the rest in every format, without a word from the lexer (GFM says so, and
 * marked keeps no trace of them in its tokens). A `|` inside a code span
 * splits a cell too, as GFM reads a row's pipes first.
 */
import type { Tokens } from 'marked';

/**
 * Whether some line could be a table's delimiter row (`|---|:--:|`, `--- | ---`,
 * `:--`): only blanks, `|`, `:` and `-`, with a `-` and a `|` or `:`. A table
 * with a row that loses a cell has a `|` in that row, so this is tried only on
 * text with one. The lookaheads come first and each character class is one run,
 * so no line makes the pattern backtrack over itself (text is untrusted).
 */
const DELIMITER_ROW = /^(?=[^\n]*-)(?=[^\n]*[|:])[ \t>|:-]+$/m;

export function mayHoldTable(value: string): boolean {
  return value.includes('|') && DELIMITER_ROW.test(value);
}

/** A row's cells, split and trimmed as marked's `splitCells` does, none dropped. */
export function rowCells(row: string): string[] {
  // A pipe with an odd number of backslashes before it is text; every other one ends a cell.
  const marked = row.replace(/\|/g, (pipe: string, at: number) => {
    let escaped = false;
    for (let i = at - 1; i >= 0 && row[i] === '\\'; i--) escaped = !escaped;
    return escaped ? '|' : ' |';
  });
  const cells = marked.split(/ \|/);
  if (!cells[0]!.trim()) cells.shift();
  if (cells.length > 0 && !cells.at(-1)!.trim()) cells.pop();
  return cells.map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

export interface OverfullRow {
  /** Its line in the table: 2 for the first row, below the header and the delimiter line. */
  line: number;
  /** The row as written, trimmed (in a quote, without its `>`). */
  row: string;
  cells: number;
  /** The text of the cells beyond the header's count, which no format publishes. */
  dropped: string[];
}

/** Every row of the table with text in a cell beyond the header's count. */
export function overfullRows(table: Tokens.Table): OverfullRow[] {
  const lines = table.raw.replace(/\n+$/, '').split('\n');
  // The header line, the delimiter line, then one line a row: anything else is not what this reads.
  if (lines.length !== table.rows.length + 2) return [];
  const columns = table.header.length;
  const found: OverfullRow[] = [];
  lines.forEach((text, line) => {
    if (line < 2) return;
    const cells = rowCells(text);
    const dropped = cells.slice(columns).filter((cell) => cell !== '');
    if (dropped.length > 0) found.push({ line, row: text.trim(), cells: cells.length, dropped });
  });
  return found;
}

/**
 * Where a table's rows are in the value: the table's delimiter line
 * (`|---|---|`) is the first line from `from` on that is that alone, below a
 * line that ends with its header, and its rows are the lines after it, one
 * each. Lines, not text, are matched: a row of one table (`x | y`) can be part
 * of another's (`| x | y | z |`), and a code block can show a table.
 */
export function rowLocator(value: string, table: Tokens.Table, from: number): { find: (row: OverfullRow) => number; after: number } {
  const [header, rule] = table.raw.split('\n', 2).map((line) => line.trim());
  let delimiter = findLine(value, rule!, from);
  const belowHeader = (at: number): boolean => {
    const end = value.lastIndexOf('\n', at);
    return end > 0 && value.slice(value.lastIndexOf('\n', end - 1) + 1, end).trimEnd().endsWith(header!);
  };
  while (delimiter !== -1 && !belowHeader(delimiter)) delimiter = findLine(value, rule!, delimiter + 1);
  if (delimiter === -1) return { find: () => -1, after: from };
  let lineStart = value.lastIndexOf('\n', delimiter) + 1;
  let line = 1;
  const find = (row: OverfullRow): number => {
    for (; line < row.line && lineStart > 0; line++) lineStart = value.indexOf('\n', lineStart) + 1;
    return lineStart > 0 && line === row.line ? value.indexOf(row.row, lineStart) : -1;
  };
  return { find, after: delimiter + 1 };
}

/**
 * Where `text` is the whole of a line from `from` on, after the blanks and
 * `>`s that indent it in a list item or a quote; -1 if nowhere. Each place it
 * is found is judged by the characters next to it, not by its whole line, so
 * a long line holding it many times costs no more than reading it.
 */
function findLine(value: string, text: string, from: number): number {
  const indent = (c: string | undefined) => c === ' ' || c === '\t' || c === '>';
  const blank = (c: string | undefined) => c === ' ' || c === '\t';
  for (let i = value.indexOf(text, from); i !== -1; i = value.indexOf(text, i + 1)) {
    let before = i - 1;
    while (indent(value[before])) before--;
    let after = i + text.length;
    while (blank(value[after])) after++;
    if ((before < 0 || value[before] === '\n') && (after === value.length || value[after] === '\n')) return i;
  }
  return -1;
}
