/**
 * The line an officer indented wrongly, found when YAML refuses a file.
 *
 * The parser reports its own state ("Implicit keys need to be on a single
 * line", "Sequence item without - indicator"), often on the line before the
 * mistake, and never says "indentation". The commonest slip in a hand-edited
 * advisory is a field or a list item one space off, so before the parser's
 * words are shown, the lines are read again for that: every field and list
 * item must start where its siblings start, or deeper than the line that
 * opens it. This is a reading of the lines, not a second YAML parser: where
 * the file uses anything it does not follow (a quote or bracket left open
 * across lines), it gives up and the parser's messages stand.
 *
 * The same reading finds the other cause that hides behind those words in a
 * file pasted from a word processor or a web page: a no-break space (or
 * another Unicode space) where YAML needs an ordinary one, in a line's
 * indentation, after a list item's dash or after a field's colon. The editor
 * shows a space; YAML sees text.
 */
import { spaceInWords, UNICODE_SPACE } from './pasted-characters.js';
import type { Position } from './yaml-source.js';

export interface IndentationProblem extends Position {
  message: string;
  /** Set for a pasted space; a misindented line is 'yaml-indentation'. */
  rule?: 'yaml-pasted-space';
}

/** A mapping or a list, open at a column: fields and items of it start there. */
interface Level {
  col: number;
  kind: 'map' | 'seq';
  /** Line number and text of its latest field or item: the nearest example to show the officer. */
  line: number;
  first: string;
  /** A field's value written on its line, for a field that has one. */
  text?: string;
  /** For the fields of a list item: the column of its dash, and the field on the dash's line, which starts each item. */
  item?: { dash: number; line: number; field: string; text: string };
}

/** A field name as advisories, configs and label catalogues write them. */
const KEY = /^([\p{L}\p{N}_-]+):(?: |$)/u;
/** The same name with text right after the colon: `summary:Do not travel`. */
const KEY_WITHOUT_SPACE = /^([\p{L}_][\p{L}\p{N}_-]*):(?=[^\s/])/u;
const BLOCK_SCALAR = /^[|>][-+0-9]*\s*(?:#.*)?$/;
/** A dash, or a field name and its colon, followed by a Unicode space: YAML reads on as text. */
const PASTED_AFTER_DASH = new RegExp(`^-(${UNICODE_SPACE.source})`);
const PASTED_AFTER_COLON = new RegExp(`^([\\p{L}\\p{N}_-]+:)(${UNICODE_SPACE.source})`, 'u');

export function findIndentationProblem(text: string): IndentationProblem | null {
  const lines = text.split(/\r?\n/);
  const levels: Level[] = [];
  /** Column of the line that opened a block still waiting for its first field or item. */
  let opener: number | null = null;
  /** The field or item whose plain text value may go on over deeper lines. */
  let valued: Level | null = null;
  /** A `|` or `>` text: lines deeper than its field are its text, and then those as deep as its first line. */
  let block: { above: number; indent: number | null; first?: number } | null = null;

  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    // trimStart() takes Unicode spaces for indentation too; YAML counts only ordinary ones.
    const content = raw.trimStart();
    const col = raw.length - content.length;
    const spaces = raw.length - raw.replace(/^ +/, '').length;
    const pasted = col > spaces ? UNICODE_SPACE.exec(raw.slice(spaces, col)) : null;
    if (content === '' && !pasted) continue;
    const line = index + 1;
    // In a `|` or `>` text, a line starting with # is text (a Markdown heading), not a comment.
    if (block !== null) {
      if (block.indent === null && spaces > block.above) {
        block.indent = spaces;
        block.first = line;
      }
      if (block.indent !== null && spaces >= block.indent) continue;
      // Deeper than the field but not as deep as the text: YAML ends the text there, and the line is neither field nor item.
      if (block.indent !== null && spaces > block.above && !KEY.test(content) && !/^-(?: |$)/.test(content)) {
        return {
          line,
          col: col + 1,
          message: `YAML syntax error: "${quoteStart(content)}" starts at column ${col + 1}, left of the text above it (column ${block.indent + 1}, from line ${block.first}), so YAML ends that text before it; indent it as deep as the rest of the text`,
        };
      }
      block = null;
    }
    if (content.startsWith('#')) continue;
    // A Unicode space in the indentation: unless YAML takes the line for more of the text above, it reads
    // the line as starting at that space, where a field or an item should be.
    const textAbove = valued?.col ?? opener;
    if (pasted && (textAbove === null || spaces <= textAbove)) {
      const where = content === '' ? 'on a line that is otherwise empty; YAML reads it as text there: delete it' : `in the indentation of "${firstWords(content)}"; YAML indents with ordinary spaces only: retype the indentation`;
      return { line, col: spaces + pasted.index + 1, message: `YAML syntax error: ${spaceInWords(pasted[0])} ${where}`, rule: 'yaml-pasted-space' };
    }
    if (content === '') continue;
    const dash = /^-(?: +|$)/.exec(content);
    const key = dash ? null : KEY.exec(content);

    if (valued !== null && col > valued.col) {
      // `guidance: Avoid the border` with the other items below it: the first item was written on the field's line.
      if (dash && valued.kind === 'map') {
        return {
          line,
          col: col + 1,
          message: `YAML syntax error: "${quoteStart(content)}" is a list item, but "${valued.first}" on line ${valued.line} already has text after it ("${quoteStart(valued.text ?? '', 30)}"), so YAML cannot read the items below it; write that text as the first item, on a line of its own starting with "- "`,
        };
      }
      // Deeper than a line with a value: more of that value's text to YAML, unless it reads as a field.
      if (!key) continue;
      const lineUp = valued.kind === 'map' ? `line it up with "${valued.first}" (column ${valued.col + 1})` : 'line it up with the fields it belongs with';
      return {
        line,
        col: col + 1,
        message: `YAML syntax error: "${quoteStart(content)}" is indented further than "${valued.first}" on line ${valued.line}, which already has its value, so YAML cannot read it as a field; ${lineUp}, or, if it is more of the text above, put the whole text in quotes`,
      };
    }
    valued = null;
    if (!dash && !key) {
      if (opener !== null && col > opener) {
        // `summary:` with its text on the lines below; but `-\u00a0Stay` under `guidance:`, text to YAML, was meant as an item.
        const pastedDash = pastedSpaceAfter(content, col, line, true);
        if (pastedDash) return pastedDash;
        if (unclosed(content)) return null;
        valued = { col: opener, kind: 'map', line, first: quoteStart(content) };
        opener = null;
        continue;
      }
      const pastedSpace = pastedSpaceAfter(content, col, line);
      if (pastedSpace) return pastedSpace;
      const noSpace = KEY_WITHOUT_SPACE.exec(content);
      if (noSpace) {
        return { line, col: col + noSpace[0].length + 1, message: `YAML syntax error: "${quoteStart(content)}" has no space after the colon, so YAML does not read it as the field ${noSpace[1]}; write "${noSpace[1]}: ${quoteStart(content.slice(noSpace[0].length), 20)}"` };
      }
      // Text where the list's dashes are: an item written without its dash.
      const list = levels.find((level) => level.kind === 'seq' && level.col === col);
      if (list) {
        // `-Avoid`, `* Avoid`, `• Avoid`: a dash without its space, or another list's bullet, which YAML reads as text.
        const bullet = /^(-(?=[^\s-])|[*•+–—](?=\s))/.exec(content)?.[1];
        const missing = bullet === '-' ? 'has no space after its dash' : bullet ? `starts with "${bullet}", which YAML does not read as a list item's dash` : 'has no dash';
        const fix = bullet === '-' ? `write "- ${quoteStart(content.slice(1), 30)}"` : bullet ? `write "- " in place of "${bullet}"` : 'write "- " before it';
        return {
          line,
          col: col + 1,
          message: `YAML syntax error: "${quoteStart(content)}" is among the items of a list (the dashes at column ${col + 1}, "${list.first}" on line ${list.line}) but ${missing}; ${fix} to make it an item, or indent it further to go on with the item above`,
        };
      }
      return null; // Text where a field or an item was expected: not a question of indentation.
    }

    const kind = dash ? 'seq' : 'map';
    // `key:` followed by its items at the same column is YAML's compact list.
    const opens = opener !== null && (col > opener || (col === opener && kind === 'seq' && levels.at(-1)?.kind === 'map' && levels.at(-1)?.col === col));
    if (opens) {
      levels.push({ col, kind, line, first: firstWords(content) });
    } else {
      let popped: Level | undefined;
      // Deeper levels are closed, and so is a compact list when a field of the mapping that holds it follows.
      while (levels.length > 0 && (levels.at(-1)!.col > col || (kind === 'map' && levels.at(-1)!.kind === 'seq' && levels.at(-2)?.col === col))) popped = levels.pop();
      const sibling = levels.at(-1);
      if (!sibling && !popped) {
        // The file's first field or item, wherever it starts.
        levels.push({ col, kind, line, first: firstWords(content) });
      } else if (!sibling || sibling.col !== col) {
        const what = dash ? `this list item's dash is at column ${col + 1}` : `"${firstWords(content)}" starts at column ${col + 1}`;
        // A field can only belong with fields, an item with items: name both depths only when either could be meant.
        if (popped && sibling && popped.kind === kind && sibling.kind === kind) {
          return { line, col: col + 1, message: `YAML syntax error: ${what}, between ${startAt(sibling)} and ${startAt(popped)}; line it up with the ones it belongs with` };
        }
        const model = (popped?.kind === kind ? popped : sibling?.kind === kind ? sibling : (popped ?? sibling))!;
        const others = model.kind === 'seq' ? `the other items' dashes are at column ${model.col + 1}` : `the fields beside it start at column ${model.col + 1}`;
        return { line, col: col + 1, message: `YAML syntax error: ${what}, but ${others} ("${model.first}" on line ${model.line}); line it up with them` };
      } else if (sibling.kind !== kind) {
        return null; // A field among list items or the reverse: the parser's words are as good as any.
      } else {
        if (key && sibling.item && sibling.item.field === key[1]) return itemWithoutDash(sibling.item, content, col, line);
        sibling.line = line;
        sibling.first = firstWords(content);
      }
    }
    opener = null;

    // What the line opens: a block below it, a `|` text, or a value that may go on.
    const rest = dash ? content.slice(dash[0].length) : content;
    const restCol = dash ? col + dash[0].length : col;
    const field = KEY.exec(rest);
    if (dash && !field) {
      // `- name:\u00a0Kayes Region`, `- -\u00a0item`
      const pastedSpace = pastedSpaceAfter(rest, restCol, line);
      if (pastedSpace) return pastedSpace;
    }
    if (dash && field) levels.push({ col: restCol, kind: 'map', line, first: firstWords(rest), item: { dash: col, line, field: field[1]!, text: quoteStart(content) } });
    const value = field ? rest.slice(field[0].length).trim() : rest;
    // A value's text (plain or `|`) goes on over lines deeper than its field's name, or than its item's dash.
    const owner: Level = field ? { col: restCol, kind: 'map', line, first: `${field[1]}:` } : { col, kind: 'seq', line, first: quoteStart(content) };
    if (value === '' || value.startsWith('#')) {
      opener = owner.col;
    } else if (BLOCK_SCALAR.test(value)) {
      block = { above: owner.col, indent: null };
    } else if (unclosed(value)) {
      return null; // A quote or bracket open across lines: beyond a reading of indentation.
    } else {
      valued = { ...owner, text: value };
    }
  }
  return null;
}

/**
 * A list item's first field written again among its fields (`date:` under `- date:`): YAML
 * refuses the key twice in one mapping, and the likeliest cause is the next item written without
 * its dash, whose fields then join the item above. Only the first field: another one repeated
 * is more likely a field written twice, which the parser's own words cover.
 */
function itemWithoutDash(item: NonNullable<Level['item']>, content: string, col: number, line: number): IndentationProblem {
  return {
    line,
    col: col + 1,
    message: `YAML syntax error: "${item.field}:" appears twice in the list item that starts on line ${item.line} ("${item.text}"); if "${quoteStart(content)}" starts the next item, it has no dash: write "- ${quoteStart(content, 30)}" with its dash at column ${item.dash + 1}, as the other items have it; otherwise merge the two entries`,
  };
}

/** A Unicode space right after a list item's dash or a field's colon, at the start of `content` (at column `col`). */
function pastedSpaceAfter(content: string, col: number, line: number, dashOnly = false): IndentationProblem | null {
  const dash = PASTED_AFTER_DASH.exec(content);
  const colon = dash || dashOnly ? null : PASTED_AFTER_COLON.exec(content);
  const found = dash ?? colon;
  if (!found) return null;
  const space = found[found.length - 1]!;
  const after = content.slice(found[0].length).trim();
  const where = dash ? `between the dash and "${quoteStart(after)}"` : `after "${colon![1]}"`;
  return {
    line,
    col: col + found[0].length,
    message: `YAML syntax error: ${spaceInWords(space)} ${where}; YAML needs an ordinary space there: retype it`,
    rule: 'yaml-pasted-space',
  };
}

/** Whether a value leaves a quote or a flow bracket open at the end of its line. */
function unclosed(value: string): boolean {
  if (value.startsWith('"')) return !/^"(?:[^"\\]|\\.)*"/.test(value);
  if (value.startsWith("'")) return !/^'(?:[^']|'')*'/.test(value);
  if (value.startsWith('[') || value.startsWith('{')) {
    let depth = 0;
    for (const ch of value) {
      if (ch === '[' || ch === '{') depth++;
      else if (ch === ']' || ch === '}') depth--;
    }
    return depth > 0;
  }
  return false;
}

/** Where a level's fields or items start, to name it beside another. */
function startAt(level: Level): string {
  return `the ${level.kind === 'seq' ? 'dashes' : 'fields'} at column ${level.col + 1} ("${level.first}" on line ${level.line})`;
}

/** The start of a line as the officer wrote it, short enough to quote. */
function quoteStart(content: string, at = 40): string {
  return content.length > at ? `${content.slice(0, at - 3)}...` : content;
}

/** A field's name with its colon, or a list item's first words: what to look for on a line. */
function firstWords(content: string): string {
  const key = KEY.exec(content);
  return key ? `${key[1]}:` : quoteStart(content);
}
