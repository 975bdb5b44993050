/**
 * Text as a reader sees it. A value can hold characters and still show
 * nothing (a zero-width space pasted from a web page publishes an empty
 * bullet), and two values can differ only in what nobody sees (case, a double
 * or no-break space, a trailing space): validation judges both by what is
 * seen, not by the characters.
 */

/**
 * Characters that show nothing: whitespace of every kind (no-break spaces
 * included), control characters, format characters (zero-width spaces and
 * joiners, word joiner, byte-order mark, bidirectional controls), the other
 * default-ignorable code points (Hangul fillers, variation selectors, soft
 * hyphen) and the blank braille pattern.
 */
const INVISIBLE = '\\s\\p{Cc}\\p{Cf}\\p{Default_Ignorable_Code_Point}\\u2800';
const VISIBLE = new RegExp(`[^${INVISIBLE}]`, 'u');
/** Invisible characters that take no room: they neither separate words nor show. None is ASCII. */
const ZERO_WIDTH = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
/** The rest take the room of a space (after NFKC, which makes every space U+0020). */
// eslint-disable-next-line no-control-regex
const BLANK_RUN = /[\s\u0000-\u001F\u007F-\u009F\u2800]+/g;
/**
 * The zero-width characters of Unicode 15 (those beyond the first plane by
 * their first half), as a quick test: ZERO_WIDTH looks up properties
 * character by character, and most texts hold none. That a later Unicode's
 * are all here is tested (tests/advisory/visible-text.test.ts).
 */
const MAYBE_ZERO_WIDTH = /[\u00AD\u034F\u0600-\u0605\u061C\u06DD\u070F\u0890\u0891\u08E2\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF0-\uFFFB\uD804\uD80D\uD82F\uD834\uDB40-\uDB43]/;
/** Whether a trimmed text has blanks other than single spaces: most have none, and replacing costs more than looking. */
// eslint-disable-next-line no-control-regex
const UNEVEN_BLANKS = /[^\S ]|[\u0000-\u001F\u007F-\u009F\u2800]| {2}/;
const NON_ASCII = /[^\u0000-\u007F]/;
/** Languages whose lower case differs from the default (Unicode SpecialCasing: dotted and dotless i). */
const OWN_CASING = /^(?:tr|az|lt)(?:-|$)/;

/** What an editor shows as blank anyway; anything else invisible is named, since the officer cannot see it. */
const PLAIN_BLANK = /^[ \t\r\n]*$/;
/** More distinct invisible characters than this are cut short in a message: the first ones say enough. */
const NAMED_AT_MOST = 4;

/** Why `text` is empty to a reader, or null when it shows something. */
export function emptyReason(text: string): string | null {
  if (VISIBLE.test(text)) return null;
  if (PLAIN_BLANK.test(text)) return 'it is empty';
  const found = [...new Set(text)].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  const named = found.length > NAMED_AT_MOST ? `${found.slice(0, NAMED_AT_MOST).join(', ')}, ...` : found.join(', ');
  return `it is empty: it holds only invisible characters (${named}); delete them and write the text`;
}

/**
 * What two texts are compared by: compatibility forms unified (NFKC: a
 * no-break space is a space, a full-width letter its letter), lower case by
 * the rules of `lang` (Turkish dotted and dotless i differ), zero-width
 * characters dropped, and every run of whitespace one space, none at either
 * end. Validation runs this on every item of thousands of advisories in many
 * languages, so each step is skipped where a quick test shows it would change
 * nothing.
 */
export function comparable(text: string, lang: string): string {
  const ascii = !NON_ASCII.test(text);
  const unified = ascii ? text : text.normalize('NFKC');
  const lower = hasOwnCasing(lang) ? unified.toLocaleLowerCase(lang) : unified.toLowerCase();
  const shown = !ascii && MAYBE_ZERO_WIDTH.test(lower) ? lower.replace(ZERO_WIDTH, '').trim() : lower.trim();
  return UNEVEN_BLANKS.test(shown) ? shown.replace(BLANK_RUN, ' ').trim() : shown;
}

/** Whether `lang` writes some letters in lower case otherwise than the default (the dotted and dotless i of Turkish). */
export function hasOwnCasing(lang: string): boolean {
  return OWN_CASING.test(lang);
}

/** How many words a `comparable` text has. */
export function wordCount(comparableText: string): number {
  return comparableText === '' ? 0 : comparableText.split(' ').length;
}
