/**
 * Character references in Markdown text (`&copy;`, `&eacute;`, `&#169;`,
 * `&#xA9;`), read as CommonMark reads them: one of HTML5's 2,125 names, or a
 * decimal or hexadecimal code point, always ended by `;`. Every
 * format shows the character a reference stands for, the plain-text bulletin
 * and CAP alerts as much as the HTML page; officers paste text from web pages,
 * where `&nbsp;` and `&eacute;` are common. Anything else (`&copy` without its
 * semicolon, `&notaname;`) is text, shown as written.
 *
 * A reference can name a character that would not pass as itself: a control
 * character or a bidirectional override. Those are checked here as the YAML
 * reader checks the characters themselves.
 */
import { decodeHTMLStrict, replaceCodePoint } from 'entities/decode';
import { codePoint } from './pasted-characters.js';
import { BIDI_CONTROL, BIDI_NAMES, closingBidiControl, CONTROL_CHARACTER, unclosedBidiControl } from './yaml-source.js';

/** CommonMark's three forms: 1 to 7 decimal digits, 1 to 6 hexadecimal ones, or a name (the longest has 31 letters). */
const REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

/** The character(s) `reference` (one match of REFERENCE) stands for, or null when it names nothing and is text. */
function referenceCharacter(reference: string): string | null {
  if (reference[1] === '#') {
    const hex = reference[2] === 'x' || reference[2] === 'X';
    const code = parseInt(reference.slice(hex ? 3 : 2, -1), hex ? 16 : 10);
    // As CommonMark, and so marked, reads them: U+0000, a surrogate or a number past Unicode is U+FFFD.
    return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
  }
  // Strict: only the whole name with its semicolon, never HTML's legacy prefixes (`&notit;` is not "¬it;").
  const decoded = decodeHTMLStrict(reference);
  return decoded === reference ? null : decoded;
}

/**
 * `text` with each character reference replaced by what it stands for, in one
 * pass: `&amp;copy;` is the text "&copy;", never "©". Text from marked's
 * tokens can go through it: marked has already read the numeric references
 * there, writing `&#38;` (the one that makes an ampersand) as `&amp;`.
 */
export function decodeCharacterReferences(text: string): string {
  return text.includes('&') ? text.replace(REFERENCE, (reference) => referenceCharacter(reference) ?? reference) : text;
}

export interface ReferenceProblem {
  /** Where the reference starts in the value. */
  index: number;
  /** The reference as written, to point at. */
  reference: string;
  message: string;
}

/**
 * A reference in a Markdown field that stands for a character an advisory
 * may not hold (the YAML reader refuses the character itself): a control
 * character, which a terminal showing the text bulletin would obey, or a
 * bidirectional embedding, override or isolate left open.
 */
export function referenceProblem(value: string): ReferenceProblem | null {
  if (!value.includes('&')) return null;
  const referenced: Array<{ index: number; reference: string; character: string }> = [];
  for (const { 0: reference, index } of value.matchAll(REFERENCE)) {
    const character = referenceCharacter(reference);
    if (character === null) continue;
    if (CONTROL_CHARACTER.test(character)) return { index, reference, message: controlMessage(reference, character) };
    referenced.push({ index, reference, character });
  }
  const unclosed = referenced.length ? unclosedBidiControl(decodeCharacterReferences(value)) : null;
  if (unclosed === null) return null;
  // The value passed the check of its own characters, so a reference opened what is left open, or moved what closes it.
  const own = referenced.find(({ character }) => character === unclosed);
  const { index, reference } = own ?? referenced.find(({ character }) => BIDI_CONTROL.test(character))!;
  const close = closingBidiControl(unclosed);
  const what = `${BIDI_NAMES[unclosed]} (${codePoint(unclosed)})`;
  const opened = own ? `the character reference ${reference} stands for ${what}, which` : `with the character reference ${reference} read, ${what}`;
  return {
    index,
    reference,
    message: `${opened} is never closed in this value, so it would reorder the text published after it; close it with ${codePoint(close)} (&#x${close.charCodeAt(0).toString(16).toUpperCase()};) in the same value, or remove it`,
  };
}

function controlMessage(reference: string, character: string): string {
  const message = `the character reference ${reference} stands for control character ${codePoint(character)}, which is not allowed; remove it`;
  // &#150; and its kind come from pages in the Windows-1252 encoding, where they are "–", "’" ...: a browser shows those.
  const code = character.charCodeAt(0);
  const meant = code >= 0x80 && code <= 0x9f ? String.fromCodePoint(replaceCodePoint(code)) : null;
  return meant && meant !== character ? `${message}, or write the "${meant}" that web pages mean by it` : message;
}
