/**
 * Left-to-right runs inside right-to-left text. The Unicode bidirectional
 * algorithm lays out the digit groups of "+223 20 70 13 00" in an Arabic
 * sentence from right to left, "00 13 70 20 223+": the spaces between the
 * groups take the sentence's direction. A reader would dial a wrong number.
 * An isolate keeps such a run in its own, left-to-right order. Pure.
 */

/** Unicode's left-to-right isolate, first-strong isolate and pop directional isolate. */
export const LRI = '\u2066';
export const FSI = '\u2068';
export const PDI = '\u2069';

/**
 * `text` in an isolate: left to right (LRI ... PDI), or, with `auto`, in the
 * direction of its first letter (FSI ... PDI), for text that may be written
 * either way (an address kept as written locally).
 */
export function isolated(text: string, auto = false): string {
  return `${auto ? FSI : LRI}${text}${PDI}`;
}

/** ASCII digits, and the Arabic-Indic and Eastern Arabic-Indic digits, whose groups are reordered the same way. */
const DIGITS = '[0-9\\u0660-\\u0669\\u06F0-\\u06F9]+';
/** A group in parentheses, with the digits that may follow it at once: "(0)20". */
const BRACKETED = `\\(${DIGITS}\\)(?:${DIGITS})?`;
/**
 * One space (a no-break one too), hyphen or dot between two groups. The Markdown bulletin keeps
 * character references as written, so a no-break space may still be `&nbsp;` there.
 */
const NO_BREAK_REFERENCE = '&nbsp;|&#160;|&#x[aA]0;|&#8239;|&#x202[fF];';
const SEPARATOR = `(?:[ \\u00A0\\u202F.\\-]|${NO_BREAK_REFERENCE})`;
/**
 * A number written as digit groups: an optional `+`, then groups of digits
 * joined by one space, hyphen or dot, or a group in parentheses. It starts at
 * neither a letter, a digit or a mark (a road "N1 20" is no phone number), nor
 * inside a URL, a character reference or another number (`/`, `#`, `&`, `_`,
 * `.`, `-`, `+`, and a `:` after a digit, as in the time "22:00").
 * Written so that no two ways of matching the same text exist: the
 * expression takes linear time on any field.
 */
const NUMBER_RUN = new RegExp(
  `(?<![\\p{L}\\p{N}\\p{M}_/#&.+\\-]|\\p{N}:)\\+?(?:${DIGITS}|${BRACKETED})(?:${SEPARATOR}(?:${DIGITS}|${BRACKETED})|${BRACKETED})*`,
  'gu',
);
/**
 * What the bidi algorithm would reorder in a run: a leading `+` (shown after
 * the digits), a space between groups, a parenthesis followed by more digits.
 * A run of groups joined by hyphens or dots only (a date 2026-11-28, a time
 * 22:00, a decimal 1.5) is already laid out left to right, and is left alone;
 * so are times apart, "22:00 - 06:00", read in the sentence's direction.
 */
const REORDERED = new RegExp(`^\\+|[ \\u00A0\\u202F]|\\).|${NO_BREAK_REFERENCE}`, 'u');

/**
 * `text` with every phone-like run (see NUMBER_RUN and REORDERED) passed
 * through `run` and the text around it through `other`: for right-to-left
 * text, so that each format can isolate the run its own way (Unicode isolates
 * in plain text and Markdown, `<bdi dir="ltr">` in HTML).
 */
export function isolateNumbers(text: string, run: (number: string) => string = isolated, other: (text: string) => string = (t) => t): string {
  let out = '';
  let from = 0;
  for (const match of text.matchAll(NUMBER_RUN)) {
    if (!REORDERED.test(match[0])) continue;
    out += other(text.slice(from, match.index)) + run(match[0]);
    from = match.index + match[0].length;
  }
  return from === 0 ? other(text) : out + other(text.slice(from));
}
