/**
 * How paths are shown. A file name is the one piece of text the tool prints
 * that nobody checked: a name can hold a line feed, an escape sequence or a
 * right-to-left override, and printed raw it would forge lines in a CI log
 * (`::error ...` workflow commands), repaint a terminal or reorder what a
 * reviewer reads. So every path is shown through `visible`.
 */
import path from 'node:path';

/**
 * Characters that act instead of showing: C0 controls (tab, LF and CR included: a
 * name never needs them), DEL, C1 controls, the line and paragraph separators, and
 * the bidirectional formatting characters (marks, embeddings, overrides, isolates).
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const INVISIBLE_OR_BACKSLASH = new RegExp(`${INVISIBLE.source}|\\\\`, 'g');
const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r', '\\': '\\\\' };

const hex4 = (character: string) => character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

/**
 * `name` with every invisible character written as a JSON-style escape (`\n`,
 * `\u001B`); a name without any is returned as it is. Backslashes are doubled
 * only in a name that is escaped, so that its escapes read unambiguously.
 */
export function visible(name: string): string {
  if (!INVISIBLE.test(name)) return name;
  return name.replace(INVISIBLE_OR_BACKSLASH, (c) => SHORT_ESCAPES[c] ?? `\\u${hex4(c)}`);
}

/** The distinct invisible characters in `name`, as `U+000A`, in order of appearance. */
export function invisibleCharacters(name: string): string[] {
  const found = new Set<string>();
  for (const character of name) if (INVISIBLE.test(character)) found.add(`U+${hex4(character)}`);
  return [...found];
}

/**
 * `target` relative to `base` when it lies inside it (`..hidden` is a name inside,
 * `../x` is not), else null; the folder itself is inside, as ''.
 */
export function relativeInside(base: string, target: string): string | null {
  const relative = path.relative(base, target);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return null;
  return relative;
}
