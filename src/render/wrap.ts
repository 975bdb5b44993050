/**
 * Word wrapping for plain-text bulletins, by display width (what a terminal
 * or e-mail client shows), not by string length: a combining mark takes no
 * column, a CJK character takes two.
 */
import stringWidth from 'string-width';

export const TEXT_WIDTH = 72;

/** Text every terminal shows one column per character: no need to ask string-width. */
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * Widths of the grapheme clusters already measured. string-width tests every
 * cluster against Unicode property regular expressions, which made it most of
 * a large build's time; a text's clusters come from a small alphabet, so each
 * is measured once (string-width sums its clusters' widths, so a sum of ours
 * is exactly its answer). Cleared when full, so memory stays bounded.
 */
const measured = new Map<string, number>();
/** Per memo; far more than a text's alphabet or a ministry's vocabulary, far less than memory allows. */
const MEASURED_MAX = 100_000;

function clusterWidth(cluster: string): number {
  let width = measured.get(cluster);
  if (width === undefined) {
    width = stringWidth(cluster);
    remember(measured, cluster, width);
  }
  return width;
}

/** Words already measured: words repeat too, and segmenting them into clusters costs as much again. */
const measuredWords = new Map<string, number>();

export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = measuredWords.get(text);
  if (width === undefined) {
    width = 0;
    for (const { segment } of graphemes.segment(text)) width += clusterWidth(segment);
    remember(measuredWords, text, width);
  }
  return width;
}

function remember(memo: Map<string, number>, text: string, width: number): void {
  if (memo.size >= MEASURED_MAX) memo.clear();
  memo.set(text, width);
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
/** CJK punctuation that must not start a line, and that must not end one (a small kinsoku set). */
const NO_BREAK_BEFORE = new Set([...'、。，．・：；？！）］｝〕〉》」』】〙〗ー々ゝゞヽヾぁぃぅぇぉっゃゅょァィゥェォッャュョ']);
const NO_BREAK_AFTER = new Set([...'（［｛〔〈《「『【〘〖']);
interface Piece {
  text: string;
  width: number;
  /** What joins the piece to the one before it on a line: a space between words, nothing inside a CJK run. */
  glue: '' | ' ';
}

/**
 * One word as pieces that may go on separate lines. Languages written without
 * spaces (Chinese, Japanese) break between wide characters; every other word
 * stays whole.
 */
function pieces(word: string): Piece[] {
  // Only a word that is not wide is measured whole: a CJK "word" can be a whole sentence, seen once.
  if (!MAYBE_WIDE.test(word)) return [{ text: word, width: displayWidth(word), glue: ' ' }];
  const out: Piece[] = [];
  let previous = '';
  let previousWide = false;
  for (const { segment } of graphemes.segment(word)) {
    const width = clusterWidth(segment);
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
 * Wraps one paragraph. Words longer than a line (a long URL) stand on a line
 * of their own rather than being cut, so they stay usable.
 */
export function wrapParagraph(text: string, options: WrapOptions = {}): string {
  const width = options.width ?? TEXT_WIDTH;
  const first = options.first ?? '';
  const rest = options.rest ?? ' '.repeat(displayWidth(first));
  const lines: string[] = [];
  let line = first;
  let lineWidth = displayWidth(first);
  let empty = true;
  for (const word of keepRulesAttached(text.split(BREAKING_SPACE).filter(Boolean))) {
    for (const piece of pieces(word)) {
      const glue = empty ? '' : piece.glue;
      if (!empty && lineWidth + glue.length + piece.width > width) {
        lines.push(line);
        line = rest + piece.text;
        lineWidth = displayWidth(rest) + piece.width;
      } else {
        line += glue + piece.text;
        lineWidth += glue.length + piece.width;
      }
      empty = false;
    }
  }
  lines.push(line);
  return lines.map((l) => l.trimEnd()).join('\n');
}

/** A word of only `-`, `=` or `~`: alone at the start of a line it would read as a heading's underline. */
const RULE_WORD = /^[-=~]+$/;

/** Joins each rule-like word to the word before it, so the two share a line and the rule never starts one. */
function keepRulesAttached(words: string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    if (out.length && RULE_WORD.test(word)) out[out.length - 1] += ` ${word}`;
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
