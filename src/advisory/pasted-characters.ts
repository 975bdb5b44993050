/**
 * Characters that come with text pasted from a word processor or a web page:
 * no-break and other Unicode spaces, zero-width characters, typographic
 * dashes and quotes, full-width digits and letters. In a value written in
 * ASCII (a code, a date, a level, a phone number, a field name) they are
 * invisible or look like the ASCII character they replace, so a message that
 * only quotes the value ("found "ML"") hides the cause. These functions name
 * them; they run only once a value has already failed, never on the fast path.
 */

/** Unicode names of the characters met in pasted text (Node has no names table); the others are named by code point. */
const NAMES: Record<number, string> = {
  0x00a0: 'NO-BREAK SPACE',
  0x00ad: 'SOFT HYPHEN',
  0x1680: 'OGHAM SPACE MARK',
  0x2000: 'EN QUAD',
  0x2001: 'EM QUAD',
  0x2002: 'EN SPACE',
  0x2003: 'EM SPACE',
  0x2004: 'THREE-PER-EM SPACE',
  0x2005: 'FOUR-PER-EM SPACE',
  0x2006: 'SIX-PER-EM SPACE',
  0x2007: 'FIGURE SPACE',
  0x2008: 'PUNCTUATION SPACE',
  0x2009: 'THIN SPACE',
  0x200a: 'HAIR SPACE',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x2010: 'HYPHEN',
  0x2011: 'NON-BREAKING HYPHEN',
  0x2012: 'FIGURE DASH',
  0x2013: 'EN DASH',
  0x2014: 'EM DASH',
  0x2015: 'HORIZONTAL BAR',
  0x2018: 'LEFT SINGLE QUOTATION MARK',
  0x2019: 'RIGHT SINGLE QUOTATION MARK',
  0x201a: 'SINGLE LOW-9 QUOTATION MARK',
  0x201b: 'SINGLE HIGH-REVERSED-9 QUOTATION MARK',
  0x201c: 'LEFT DOUBLE QUOTATION MARK',
  0x201d: 'RIGHT DOUBLE QUOTATION MARK',
  0x201e: 'DOUBLE LOW-9 QUOTATION MARK',
  0x201f: 'DOUBLE HIGH-REVERSED-9 QUOTATION MARK',
  0x202f: 'NARROW NO-BREAK SPACE',
  0x205f: 'MEDIUM MATHEMATICAL SPACE',
  0x2060: 'WORD JOINER',
  0x2212: 'MINUS SIGN',
  0x3000: 'IDEOGRAPHIC SPACE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};
const DIGIT_NAMES = ['ZERO', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE'];

/** A space YAML does not take for one: only U+0020 (and tab) separate and indent. */
export const UNICODE_SPACE = /[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]/;
/** Any character `describePasted` has something to say about: a quick test before the slower description. */
const PASTED = /[\u00a0\u00ad\u1680\u2000-\u200d\u2010-\u2015\u2018-\u201f\u202f\u205f\u2060\u2212\u3000\ufeff\uff01-\uff5e]/;
/** Curly quotes that open a quotation; YAML sees them as text. */
const CURLY_OPENERS: Record<string, string> = { '\u201c': '\u201d', '\u2018': '\u2019', '\u201e': '\u201c', '\u201a': '\u2018', '\u201d': '\u201d', '\u2019': '\u2019' };
const CURLY_CLOSERS = '\u201d\u2019\u201c\u2018';

export function codePoint(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `U+200B ZERO WIDTH SPACE`, or the code point alone for a character out of the table. */
export function characterName(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  const name = NAMES[code] ?? fullWidthName(code);
  return name ? `${codePoint(character)} ${name}` : codePoint(character);
}

function fullWidthName(code: number): string | undefined {
  if (code >= 0xff10 && code <= 0xff19) return `FULLWIDTH DIGIT ${DIGIT_NAMES[code - 0xff10]}`;
  if (code >= 0xff21 && code <= 0xff3a) return `FULLWIDTH LATIN CAPITAL LETTER ${String.fromCharCode(code - 0xfee0)}`;
  if (code >= 0xff41 && code <= 0xff5a) return `FULLWIDTH LATIN SMALL LETTER ${String.fromCharCode(code - 0xfee0 - 0x20)}`;
  return undefined;
}

/** "a no-break space (U+00A0)": a space named in a sentence about where YAML needed an ordinary one. */
export function spaceInWords(character: string): string {
  const name = NAMES[character.codePointAt(0) ?? 0]?.toLowerCase() ?? 'space';
  return `${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name} (${codePoint(character)})`;
}

type Kind = 'invisible' | 'space' | 'dash' | 'quote' | 'full-width' | 'letter';

/** What a pasted character is, and the ASCII to type instead ('' to delete it). */
function classify(character: string, digitsOnly: boolean): { kind: Kind; ascii: string } | null {
  const code = character.codePointAt(0) ?? 0;
  if (code === 0x00ad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff) return { kind: 'invisible', ascii: '' };
  if (UNICODE_SPACE.test(character)) return { kind: 'space', ascii: ' ' };
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212) return { kind: 'dash', ascii: '-' };
  if (code >= 0x2018 && code <= 0x201b) return { kind: 'quote', ascii: "'" };
  if (code >= 0x201c && code <= 0x201f) return { kind: 'quote', ascii: '"' };
  if (code >= 0xff01 && code <= 0xff5e) return { kind: 'full-width', ascii: String.fromCharCode(code - 0xfee0) };
  // A letter O or l among digits: a phone number or a date typed, or read from paper, with a letter for 0 or 1.
  if (digitsOnly && 'Oo'.includes(character)) return { kind: 'letter', ascii: '0' };
  if (digitsOnly && 'Il'.includes(character)) return { kind: 'letter', ascii: '1' };
  return null;
}

const PLURAL: Partial<Record<Kind, string>> = { space: 'spaces', dash: 'dashes', quote: 'quotes' };
const KIND_WORDS: Record<Kind, string> = {
  invisible: 'invisible characters',
  space: 'Unicode spaces',
  dash: 'typographic dashes',
  quote: 'curly quotes',
  'full-width': 'full-width characters',
  letter: 'letters',
};

interface Group {
  /** Each character once, in order of first appearance, with the ASCII to type instead. */
  characters: Map<string, string>;
  /** Where each of them is in the text (UTF-16 offsets). */
  indexes: number[];
}

/**
 * What the pasted characters in a value that failed are, and where: "it holds
 * an invisible U+200B ZERO WIDTH SPACE after "ML"; delete it", "its dashes
 * are U+2011 NON-BREAKING HYPHEN; type them as -". Null when it holds none.
 * `unquote`: the value wants no quotes at all (a number, true or false), so
 * curly quotes are to be deleted rather than straightened.
 */
export function describePasted(text: string, unquote = false): string | null {
  // Digits with no letters but O, o, I or l: a number (a phone, a date) with a letter typed for 0 or 1.
  const letters = text.match(/[A-Za-z]/g);
  const digitsOnly = letters !== null && /\d/.test(text) && letters.every((letter) => 'OoIl'.includes(letter));
  if (!digitsOnly && !PASTED.test(text)) return null;
  const groups = new Map<Kind, Group>();
  let index = 0;
  for (const character of text) {
    const found = classify(character, digitsOnly);
    if (found) {
      const group = groups.get(found.kind) ?? { characters: new Map<string, string>(), indexes: [] };
      group.characters.set(character, found.ascii);
      group.indexes.push(index);
      groups.set(found.kind, group);
    }
    index += character.length;
  }
  if (groups.size === 0) return null;
  return [...groups].map(([kind, group]) => clause(text, kind, group, unquote)).join('; ');
}

function clause(text: string, kind: Kind, { characters, indexes }: Group, unquote: boolean): string {
  const n = indexes.length;
  const [first, ascii] = [...characters][0]!;
  // `level: “4”`: YAML's quotes were meant; the value needs none.
  if (kind === 'quote' && n === 2 && wrappedInCurlyQuotes(text)) return `it is wrapped in curly quotes ${text[0]} ${text[text.length - 1]}, which YAML keeps as part of the value; delete them`;
  const fix = fixFor(text, kind, ascii, n, unquote);
  const name = (character: string) => (kind === 'letter' ? character : characterName(character));
  if (n === 1) {
    const what = kind === 'letter' ? `the letter ${first}` : `${kind === 'invisible' ? 'an invisible' : 'a'} ${characterName(first)}`;
    return `it holds ${what} ${where(text, indexes[0]!, true)}; ${fix}`;
  }
  const run = indexes.every((at, i) => at === indexes[0]! + i);
  const plural = PLURAL[kind];
  if (characters.size === 1 && plural && !run && !text.includes(ascii)) return `its ${plural} are ${characterName(first)}; ${fix}`;
  const names = [...characters.keys()].slice(0, 3).map(name).join(', ') + (characters.size > 3 ? ', ...' : '');
  const named = characters.size === 1 ? `${n} ${kind === 'letter' ? `letters ${first}` : `${characterName(first)} characters`}` : `${n} ${KIND_WORDS[kind]} (${names})`;
  return `it holds ${named}${run ? ' ' : ', the first '}${where(text, indexes[0]!, false)}; ${fix}`;
}

function fixFor(text: string, kind: Kind, ascii: string, n: number, unquote: boolean): string {
  const them = n === 1 ? 'it' : 'them';
  switch (kind) {
    case 'invisible':
      return `delete ${them}`;
    case 'space':
      return n === 1 ? 'type it as an ordinary space' : 'type them as ordinary spaces';
    case 'quote':
      return unquote ? `delete ${them}` : `type ${them} as ${ascii}`;
    case 'letter':
      return n === 1 ? `type the digit ${ascii}` : 'type them as digits';
    case 'full-width':
      // Several different ones (a date, a code): the value as it should read says it best.
      return n === 1 ? `type it as ${ascii}` : `write ${JSON.stringify(text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)))}`;
    default:
      return `type ${them} as ${ascii}`;
  }
}

/** Where in a value a character is: at the start (before what follows it, for a lone one), or after the text before it. */
/**
 * The first character of a value written in ASCII that is not, when describePasted knows no
 * ASCII it stands for: a letter of another alphabet that looks Latin (Cyrillic "а" in
 * `exаmple.org`), a bidirectional control. Named by its code point, since it cannot be seen.
 */
export function describeNonAscii(text: string): string | null {
  const index = text.search(/[^\x00-\x7F]/);
  if (index === -1) return null;
  const character = String.fromCodePoint(text.codePointAt(index)!);
  return `it holds ${characterName(character)} ${where(text, index, true)}, which is not ASCII and may only look like the character meant; retype it`;
}

function where(text: string, index: number, lone: boolean): string {
  if (index === 0) return lone && text.length > 1 ? `at the start, before "${text.slice(1, 13)}"` : 'at the start';
  const before = text.slice(Math.max(0, index - 12), index);
  return `after "${index > 12 ? '...' : ''}${before}"`;
}

/**
 * When `written` (a value as it stands in the file) opens with a curly quote:
 * the words that say they are not YAML's quotes. A value wrapped in them is
 * text that starts and ends with them, and one with ": " inside is a mapping.
 */
export function curlyQuotesHint(written: string): string | null {
  const close = CURLY_OPENERS[written[0] ?? ''];
  return close ? `curly quotes ${written[0]} ${close} are not YAML quotes; use straight quotes "…"` : null;
}

/** Whether a plain value starts and ends with curly quotes, which would then be published with it. */
export function wrappedInCurlyQuotes(value: string): boolean {
  // The openers are U+2018 to U+201E: a look at the first code first, as this runs on every plain value.
  const first = value.charCodeAt(0);
  return value.length > 1 && first >= 0x2018 && first <= 0x201e && value[0]! in CURLY_OPENERS && CURLY_CLOSERS.includes(value[value.length - 1]!);
}
