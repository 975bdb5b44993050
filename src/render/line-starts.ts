/**
 * What a reader takes for a document's structure at the start of a line: a
 * heading, a quote, a list item, a rule. The Markdown bulletin escapes such a
 * line start where the author did not write one (markdown-md.ts); the
 * plain-text bulletin, which has no escapes, never begins a line with one,
 * after a hard break (markdown-text.ts) or where a paragraph is wrapped
 * (wrap.ts), so that no heading, rule, item or quote appears that was not written.
 */

/**
 * What opens a block when it begins a line: a heading, a quote, a list item,
 * a thematic break, a setext underline, a fence, a table row, a link
 * definition. Matched after the line's indentation, however deep.
 */
const BLOCK_START = new RegExp(
  `^(?:${[
    '#{1,6}(?=\\s|$)', // ATX heading
    '>', // quote
    '(?:[-*_][ \\t]*){3,}$', // thematic break: --- *** ___ - - -
    '[-+*](?=\\s|$)', // bullet
    '=+[ \\t]*$', // setext underline
    '-+[ \\t]*$',
    '`{3,}', // fences
    '~{3,}',
    '\\|', // table row
    '\\[(?:\\\\.|[^\\\\\\]])*\\]:', // link definition, footnote
  ]
    .map((p) => `(?:${p})`)
    .join('|')})`,
);

/** An ordered-list marker, `1.` or `1)`. */
export const ORDERED_START = /^(\d{1,9})([.)])(?=\s|$)/;

/** Whether `line`, after its indentation, begins with something that opens a block. */
export function opensBlock(line: string): boolean {
  const rest = line.trimStart();
  return ORDERED_START.test(rest) || BLOCK_START.test(rest);
}

/** A word of only `-`, `=` or `~`: alone at the start of a line it would read as a heading's underline. */
const RULE_WORD = /^[-=~]+$/;

/** Whether a line, spaced once (wrap.ts `singleSpaced`), begins with what reads as structure. */
export function readsAsStructure(spaced: string): boolean {
  return wordReadsAsStructure(spaced.split(' ', 1)[0]!) || opensBlock(spaced);
}

/** What every word that may read as structure begins with: most words are ruled out by their first character alone. */
const MAY_READ_AS_STRUCTURE = /^[-=~*+_#>|`[0-9]/;

/**
 * Whether a word (no whitespace in it) would read as structure at the start of a line:
 * `---`, `*`, `2.` ("raised to Level 3." wrapped before "3."), `#`, `>`, `|`.
 */
export function wordReadsAsStructure(word: string): boolean {
  return MAY_READ_AS_STRUCTURE.test(word) && (RULE_WORD.test(word) || opensBlock(word));
}
