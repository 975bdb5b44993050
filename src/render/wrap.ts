/**
 * Word wrapping for plain-text bulletins, by display width (what a terminal
 * or e-mail client shows), not by string length: a combining mark takes no
 * column, a CJK character takes two.
 */
import stringWidth from 'string-width';

export const TEXT_WIDTH = 72;

export function displayWidth(text: string): number {
  return stringWidth(text);
}

export interface WrapOptions {
  width?: number;
  /** Put before the first line, e.g. "  - "; following lines are indented to its width. */
  first?: string;
  /** Put before every line after the first (defaults to spaces as wide as `first`). */
  rest?: string;
}

/**
 * Wraps one paragraph. Words longer than a line (a long URL) stand on a line
 * of their own rather than being cut, so they stay usable.
 */
export function wrapParagraph(text: string, options: WrapOptions = {}): string {
  const width = options.width ?? TEXT_WIDTH;
  const first = options.first ?? '';
  const rest = options.rest ?? ' '.repeat(displayWidth(first));
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = first;
  let lineWidth = displayWidth(first);
  let empty = true;
  for (const word of words) {
    const w = displayWidth(word);
    if (!empty && lineWidth + 1 + w > width) {
      lines.push(line);
      line = rest + word;
      lineWidth = displayWidth(rest) + w;
    } else {
      line += (empty ? '' : ' ') + word;
      lineWidth += (empty ? 0 : 1) + w;
    }
    empty = false;
  }
  lines.push(line);
  return lines.map((l) => l.trimEnd()).join('\n');
}

/** Indents every line of a block (blank lines stay empty, so no trailing spaces). */
export function indentBlock(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((l) => (l === '' ? '' : prefix + l))
    .join('\n');
}
