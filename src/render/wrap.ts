/**
 * Word wrapping for plain-text bulletins, by display width (what a terminal
 * or e-mail client shows), not by string length: a combining mark takes no
 * column, a CJK character takes two.
 */
import stringWidth from 'string-width';
import { derivedKey, type DerivedStore } from '../derived-store.js';
import { memoize } from '../memo.js';
import { toolIdentity } from '../version.js';
import { LRI, PDI } from './bidi.js';
import { wordReadsAsStructure } from './line-starts.js';

export const TEXT_WIDTH = 72;

/**
 * Characters each of which is a cluster of its own, one column wide (Latin,
 * Greek, Cyrillic and Arabic letters without combining marks, common
 * punctuation) or two (CJK ideographs, kana, Hangul syllables, fullwidth
 * forms): text made only of them needs neither the segmenter nor
 * string-width. Each range was checked against both, character by character.
 */
const NARROW_SINGLES = '\\x20-\\x7E\\u00A0-\\u00AC\\u00AE-\\u02FF\\u0370-\\u0377\\u037A-\\u037F\\u0384-\\u0482\\u048A-\\u052F\\u060C\\u061B\\u061F\\u0620-\\u064A\\u0660-\\u066F\\u0671-\\u06D3\\u06D5\\u2010-\\u2027\\u20A0-\\u20C0';
/** The two-column singles, as ranges of code units; every one-column single lies below the first. */
const WIDE_SINGLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x3001, 0x3029],
  [0x3030, 0x303e],
  [0x3041, 0x3096],
  [0x309b, 0x30ff],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3],
  [0xff01, 0xff60],
];
/** In a text of singles only, a code unit from here on is a wide character (each single is one code unit). */
const WIDE_SINGLES_FROM = WIDE_SINGLE_RANGES[0]![0];
const u = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
const WIDE_SINGLES = WIDE_SINGLE_RANGES.map(([from, to]) => `${u(from)}-${u(to)}`).join('');
const NARROW_ONLY = new RegExp(`^[${NARROW_SINGLES}]*$`);
const SINGLES_ONLY = new RegExp(`^[${NARROW_SINGLES}${WIDE_SINGLES}]*$`);
const WIDE_SINGLES_ALL = new RegExp(`[${WIDE_SINGLES}]`, 'g');
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * Widths of the grapheme clusters and words already measured. string-width
 * tests every cluster against Unicode property regular expressions, which
 * made it most of a large build's time; a text's clusters come from a small
 * alphabet and its words repeat, so each is measured once (string-width sums
 * its clusters' widths, so a sum of ours is exactly its answer).
 */
const MEASURED_MAX = 100_000;
const measuredClusters = new Map<string, number>();
let measuredMore = false;
function clusterWidth(cluster: string): number {
  let width = measuredClusters.get(cluster);
  if (width === undefined) {
    width = stringWidth(cluster);
    if (measuredClusters.size >= MEASURED_MAX) measuredClusters.clear();
    measuredClusters.set(cluster, width);
    measuredMore = true;
  }
  return width;
}
const wordWidth = memoize(MEASURED_MAX, (word) => {
  let width = 0;
  for (const { segment } of graphemes.segment(word)) width += clusterWidth(segment);
  return width;
});

/**
 * The clusters an earlier build measured, and this build's kept for the next
 * (when the store is saved): string-width's first call compiles its Unicode
 * property expressions, \p{RGI_Emoji} among them, which took 35 ms of a
 * rebuild in languages such as Hindi. Keyed by the tool (its code) and the
 * platform's Unicode data; only widths string-width gave are ever kept.
 */
export function keepClusterWidths(store: DerivedStore): void {
  const key = derivedKey(['cluster widths', toolIdentity(), process.versions.unicode, process.versions.icu]);
  const kept = store.getJson<Array<[string, number]>>(key);
  for (const [cluster, width] of kept ?? []) measuredClusters.set(cluster, width);
  store.beforeSave(() => {
    if (measuredMore || kept === undefined) store.put(key, JSON.stringify([...measuredClusters]));
  });
}

export function displayWidth(text: string): number {
  if (NARROW_ONLY.test(text)) return text.length;
  if (SINGLES_ONLY.test(text)) return text.length + (text.match(WIDE_SINGLES_ALL)?.length ?? 0);
  return wordWidth(text);
}

/** The clusters of `text` with their widths. */
function clusters(text: string): Array<[string, number]> {
  return [...graphemes.segment(text)].map(({ segment }) => [segment, clusterWidth(segment)]);
}

export interface WrapOptions {
  width?: number;
  /** Put before the first line, e.g. "  - "; following lines are indented to its width. */
  first?: string;
  /** Put before every line after the first (defaults to spaces as wide as `first`). */
  rest?: string;
}

/**
 * Where a line may break: at whitespace, except the no-break spaces that keep
 * "24 h" or French "Bamako :" together (U+00A0, U+2007, U+202F).
 */
const BREAKING_SPACE = /[^\S\u00A0\u2007\u202F]+/;

/** Could hold a wide character (CJK, fullwidth forms, emoji); only such words are split further. */
const MAYBE_WIDE = /[\u1100-\uFFFF\u{1F000}-\u{3FFFF}]/u;
/** CJK punctuation that must not start a line, and that must not end one (a small kinsoku set, each one code unit). */
const NOT_LINE_START = '、。，．・：；？！）］｝〕〉》」』】〙〗ー々ゝゞヽヾぁぃぅぇぉっゃゅょァィゥェォッャュョ';
const NOT_LINE_END = '（［｛〔〈《「『【〘〖';
const NO_BREAK_BEFORE = new Set([...NOT_LINE_START]);
const NO_BREAK_AFTER = new Set([...NOT_LINE_END]);
const NO_BREAK_BEFORE_CODE = new Set([...NOT_LINE_START].map((c) => c.charCodeAt(0)));
const NO_BREAK_AFTER_CODE = new Set([...NOT_LINE_END].map((c) => c.charCodeAt(0)));
interface Piece {
  text: string;
  width: number;
  /** What joins the piece to the one before it on a line: a space between words, nothing inside a CJK run. */
  glue: '' | ' ';
}

/**
 * One word as pieces that may go on separate lines. Languages written without
 * spaces (Chinese, Japanese) break between wide characters; every other word
 * stays whole. For words of other than single-code-unit characters (an emoji,
 * a combining mark): wrapParagraph breaks words of singles in the same places
 * without making a piece of each character.
 */
function pieces(word: string): Piece[] {
  const out: Piece[] = [];
  let previous = '';
  let previousWide = false;
  for (const [segment, width] of clusters(word)) {
    const wide = width >= 2;
    const breakable = out.length > 0 && (wide || previousWide) && !NO_BREAK_BEFORE.has(segment) && !NO_BREAK_AFTER.has(previous);
    if (out.length === 0 || breakable) out.push({ text: segment, width, glue: out.length === 0 ? ' ' : '' });
    else {
      const last = out[out.length - 1]!;
      last.text += segment;
      last.width += width;
    }
    previous = segment;
    previousWide = wide;
  }
  return out;
}

/**
 * Text whose every character is one narrow column or breaking whitespace
 * (most Latin, Greek, Cyrillic and Arabic prose): each word's width is its
 * length, and no word needs splitting.
 */
const NARROW_PARAGRAPH = new RegExp(`^[${NARROW_SINGLES}\\t\\n\\v\\f\\r]*$`);

/**
 * Wraps one paragraph. Words longer than a line (a long URL) stand on a line
 * of their own rather than being cut, so they stay usable.
 */
export function wrapParagraph(text: string, options: WrapOptions = {}): string {
  const width = options.width ?? TEXT_WIDTH;
  const first = options.first ?? '';
  const rest = options.rest ?? ' '.repeat(displayWidth(first));
  const restWidth = displayWidth(rest);
  const narrow = NARROW_PARAGRAPH.test(text);
  if (narrow) {
    const spaced = singleSpaced(text);
    if (spaced !== '' && !NOT_PLAIN.test(spaced)) return wrapPlainNarrow(spaced, width, first, displayWidth(first), rest, restWidth);
  }
  let out = '';
  let line = first;
  let lineWidth = displayWidth(first);
  let empty = true;
  // Greedy: a piece goes on the current line if it fits, else it starts the next one.
  const add = (piece: string, pieceWidth: number, glue: '' | ' ') => {
    const joint = empty ? '' : glue;
    if (!empty && lineWidth + joint.length + pieceWidth > width) {
      out += `${line.trimEnd()}\n`;
      line = rest + piece;
      lineWidth = restWidth + pieceWidth;
    } else {
      line += joint + piece;
      lineWidth += joint.length + pieceWidth;
    }
    empty = false;
  };
  // A word of singles with wide ones among them (a Chinese or Japanese sentence), broken where
  // pieces() would break it: the same greedy choice, made by index, so that instead of a string
  // and an object for every character only each line's part of the word is cut out.
  const addSingles = (word: string) => {
    let placed = 0; // word[0, placed) is on the line already
    let start = 0; // the piece being measured is word[start, i)
    let pieceWidth = 0;
    let previous = -1;
    let previousWide = false;
    const place = () => {
      const joint = empty || start > 0 ? '' : ' ';
      if (!empty && lineWidth + joint.length + pieceWidth > width) {
        out += `${(line + word.slice(placed, start)).trimEnd()}\n`;
        line = rest;
        lineWidth = restWidth + pieceWidth;
        placed = start;
      } else {
        line += joint;
        lineWidth += joint.length + pieceWidth;
      }
      empty = false;
    };
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      const wide = code >= WIDE_SINGLES_FROM;
      if (i > 0 && (wide || previousWide) && !NO_BREAK_BEFORE_CODE.has(code) && !NO_BREAK_AFTER_CODE.has(previous)) {
        place();
        start = i;
        pieceWidth = 0;
      }
      pieceWidth += wide ? 2 : 1;
      previous = code;
      previousWide = wide;
    }
    place();
    line += word.slice(placed);
  };
  for (const word of keepStructureAttached(text.includes(LRI) ? wordsKeepingNumbers(text) : text.split(BREAKING_SPACE))) {
    if (narrow) add(word, word.length, ' ');
    // Only a word that is not wide is measured whole: a CJK "word" can be a whole sentence, seen once.
    else if (!MAYBE_WIDE.test(word)) add(word, displayWidth(word), ' ');
    else if (SINGLES_ONLY.test(word)) addSingles(word);
    else for (const piece of pieces(word)) add(piece.text, piece.width, piece.glue);
  }
  return out + line.trimEnd();
}

/**
 * `text` with each run of breaking whitespace made one space, and none at
 * either end: the words, and so the lines, are the same. The no-break spaces
 * stay (they keep "24 h" or French "Bamako :" together).
 */
export function singleSpaced(text: string): string {
  // Most text is spaced once already: finding that out allocates nothing, replacing every space would.
  const spaced = NOT_SINGLE_SPACED.test(text) ? text.replace(BREAKING_SPACES, ' ') : text;
  return spaced.slice(spaced.startsWith(' ') ? 1 : 0, spaced.endsWith(' ') ? -1 : spaced.length);
}
const BREAKING_SPACES = new RegExp(BREAKING_SPACE.source, 'g');
/** Breaking whitespace other than a single U+0020: a run of two, or a tab, newline or other space. */
const NOT_SINGLE_SPACED = /[^\S \u00A0\u2007\u202F]|[^\S\u00A0\u2007\u202F]{2}/;

/**
 * What keeps narrow text, spaced once, off the slicing path: a no-break space
 * before a space (a line ending there is trimmed). Most paragraphs have none,
 * and each of their lines is a slice of the text, ending at the last space
 * that fits and is not followed by a word that would read as structure.
 */
const NOT_PLAIN = /\u00A0 |\u00A0$/;

/** The greedy choice of wrapParagraph's general loop, made by index: the same lines, without cutting out the words. */
function wrapPlainNarrow(text: string, width: number, first: string, firstWidth: number, rest: string, restWidth: number): string {
  let out = first;
  let room = width - firstWidth;
  let from = 0;
  for (;;) {
    if (text.length - from <= room) return out + text.slice(from);
    let end = text.lastIndexOf(' ', from + room);
    // A word that would read as structure stays with the word before it (keepStructureAttached).
    while (end > from && startsStructure(text, end + 1)) end = text.lastIndexOf(' ', end - 1);
    // A first word wider than the room has the line to itself, with any such words after it.
    if (end <= from) {
      end = text.indexOf(' ', from);
      while (end >= 0 && startsStructure(text, end + 1)) end = text.indexOf(' ', end + 1);
    }
    if (end < 0) return out + text.slice(from);
    out += `${text.slice(from, end)}\n${rest}`;
    from = end + 1;
    room = width - restWidth;
  }
}

/** Whether the word of single-spaced `text` at `start` would read as structure at the start of a line. */
function startsStructure(text: string, start: number): boolean {
  const end = text.indexOf(' ', start);
  return wordReadsAsStructure(text.slice(start, end < 0 ? text.length : end));
}

/**
 * A word, or a left-to-right isolate without a letter in it: a phone number
 * isolated in right-to-left text (see bidi.ts), "+961 1 900 000", is never
 * broken across lines. Each line is laid out on its own, so the isolate's
 * marks would end up on two lines and the groups would be reordered again.
 */
const WORD_OR_NUMBER = new RegExp(`(?:${LRI}[^\\p{L}\\u2066-\\u2069\\n]*${PDI}|[\\S\\u00A0\\u2007\\u202F])+`, 'gu');

function wordsKeepingNumbers(text: string): string[] {
  return text.match(WORD_OR_NUMBER) ?? [];
}

/**
 * Joins each word that would read as structure at the start of a line (`---`, `*`, `3.`, `#`, `>`)
 * to the word before it, so the two share a line and no line starts with it (line-starts.ts).
 */
function keepStructureAttached(words: string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    if (word === '') continue;
    if (out.length && wordReadsAsStructure(word)) out[out.length - 1] += ` ${word}`;
    else out.push(word);
  }
  return out;
}

/** Indents every line of a block (blank lines stay empty, so no trailing spaces). */
export function indentBlock(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((l) => (l === '' ? '' : prefix + l))
    .join('\n');
}
