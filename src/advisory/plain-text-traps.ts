/**
 * Two ways plain (unquoted) YAML text silently loses what the officer wrote.
 * Both parse without error, so without this check the advisory validates and
 * publishes a shorter or merged line of guidance:
 *
 * - ` #` starts a comment: `- Take bus #5 to the embassy` publishes "Take bus",
 *   `phone: +221 33 000 00 00 #ext 12` drops the extension. A `#` written
 *   against the next word, as text uses it, is refused. One followed by a space
 *   is how comments are written (ADVISORY-FORMAT.md's own example has them:
 *   `title: Do not travel to Mali # optional; ...`), but text can read that way
 *   too ("press # to repeat"), so after text it is a warning that quotes what
 *   will not be published. After a single word (a date, a code: StringSpec's
 *   `word`) nothing can have been cut, so a comment there is just a comment;
 *   after a field that is never published (`for:`, which names the item a
 *   translation is of) nothing is hidden from readers, so it is one too.
 * - A list item indented further than the others continues the item above:
 *   `- Do not travel.` then `    - Avoid the border.` publishes one item,
 *   "Do not travel. - Avoid the border."
 *
 * Quoted and block (`|`, `>`) text keep `#` and dashes as text, so only plain
 * scalars are looked at.
 */
import type { Scalar } from 'yaml';
import { spaceInWords, UNICODE_SPACE } from './pasted-characters.js';

export interface PlainTextTrap {
  /** Offset in the file's text of what the officer should look at. */
  offset: number;
  message: string;
  rule: 'comment-cuts-text' | 'comment-after-text' | 'item-joined';
  severity: 'error' | 'warning';
}

/** A dash at the start of a continued line, and the space after it: an ordinary one, or one pasted that looks the same. */
const JOINED_ITEM = new RegExp(`\\n[ \\t]*-( |${UNICODE_SPACE.source})`);

/** Longest piece of the lost text quoted back in a message. */
const PREVIEW = 40;

function preview(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > PREVIEW ? `${trimmed.slice(0, PREVIEW - 3)}...` : trimmed;
}

/**
 * Whether a line of `text` between `start` and `end` starts with a dash after its blanks: what
 * JOINED_ITEM needs, found without running it over every plain value of every file.
 */
function dashStartsLine(text: string, start: number, end: number): boolean {
  for (let i = text.indexOf('\n', start); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    let j = i + 1;
    while (text[j] === ' ' || text[j] === '\t') j++;
    if (text[j] === '-' && j < end) return true;
  }
  return false;
}

/** What the field's spec says of its value: one `word` (see above), or `unpublished` (`for:`; see below). */
export interface PlainTextKind {
  word?: boolean;
  unpublished?: boolean;
}

/** The trap a plain scalar of `field` falls into in `text`, if any. */
export function plainTextTrap(text: string, node: Scalar, field: string, { word = false, unpublished = false }: PlainTextKind = {}): PlainTextTrap | null {
  if (node.type !== 'PLAIN' || !node.range) return null;
  const [start, valueEnd] = node.range;

  const lineEnd = text.indexOf('\n', valueEnd);
  const rest = text.slice(valueEnd, lineEnd === -1 ? text.length : lineEnd).replace(/\r$/, '');
  const comment = word ? null : /^[ \t]+#/.exec(rest);
  if (comment) {
    const hash = valueEnd + comment[0].length - 1;
    const after = rest.slice(comment[0].length - 1);
    const lost = preview(after);
    const commentLike = /^#(?:[ \t]|$)/.test(after);
    // A field never published (`for:`) publishes nothing a comment could hide; had it cut the name, the name would pair with no item, and that is refused.
    if (commentLike && unpublished) return null;
    return commentLike
      ? {
          offset: hash,
          message: `${field} is followed by a comment, "${lost}", which will not be published: in YAML a space followed by # starts a comment; if it is part of the text, put the whole text in quotes, and if it is a note for editors, move it to a line of its own`,
          rule: 'comment-after-text',
          severity: 'warning',
        }
      : {
          offset: hash,
          message: `${field} ends before "${lost}": in YAML a space followed by # starts a comment, so the rest of the line would not be published; put the whole text in quotes, or move the comment to a line of its own`,
          rule: 'comment-cuts-text',
          severity: 'error',
        };
  }

  const joined = dashStartsLine(text, start, valueEnd) ? JOINED_ITEM.exec(text.slice(start, valueEnd)) : null;
  if (joined) {
    const dash = start + joined.index + joined[0].length - 2;
    const nextBreak = text.indexOf('\n', dash);
    const line = text.slice(dash + 2, nextBreak === -1 || nextBreak > valueEnd ? valueEnd : nextBreak);
    // `-\u00a0Avoid the border.`: once lined up, the item would still be text to YAML.
    const space = joined[1] === ' ' ? '' : `, and type the space after it as an ordinary one: it is ${spaceInWords(joined[1]!)}`;
    return {
      offset: dash,
      message: `"- ${preview(line)}" would be published as part of ${field}, not as an item of its own: YAML reads a line indented further than the list as more of the text above it; line its dash up with the other items' dashes${space}, or put the text in quotes if the dash belongs to it`,
      rule: 'item-joined',
      severity: 'error',
    };
  }
  return null;
}
