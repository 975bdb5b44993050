/**
 * Reading one YAML file into a document whose every node knows its line and
 * column. This is the only place that touches the `yaml` library's parser,
 * and the place where hostile input is turned away before anything reads it.
 */
import { isUtf8 } from 'node:buffer';
import { LineCounter, parseAllDocuments, isAlias, isCollection, isMap, isPair, isScalar, type Document, type Node, type Scalar } from 'yaml';
import { uniqueDiagnostics, type Diagnostic } from '../report/diagnostics.js';
import { commentInsideText } from './comment-in-text.js';
import { findIndentationProblem, type IndentationProblem } from './indentation.js';
import { codePoint, curlyQuotesHint } from './pasted-characters.js';

/** Largest advisory file accepted. A real advisory is under 50 KB; 1 MiB leaves room and stops abuse. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Deepest nesting accepted: the format itself needs 5 levels (translations.fr.regions[0].note). */
export const MAX_DEPTH = 12;

export interface Position {
  line: number;
  col: number;
}

export interface YamlSource {
  file: string;
  text: string;
  /** The document's root node, or null when the file could not be read as one mapping. */
  root: Node | null;
  position(node: Node | null | undefined): Position;
  /** Line and column of a character offset in `text`. */
  positionAt(offset: number): Position;
}

export interface YamlLoadResult {
  source: YamlSource;
  diagnostics: Diagnostic[];
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** "an advisory", "a config": the kind of file, for messages. */
function aOrAn(what: string): string {
  return `${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what}`;
}

/**
 * Parse `bytes` as one YAML 1.2 (core schema) document. Never throws for bad
 * input: every problem becomes a diagnostic. `size` is the file's size when
 * only its start was read (see read-limited.ts): a file over the cap is
 * refused on its size, never read whole.
 */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * A file saved as UTF-16, as Windows editors offer it ("Unicode"): its byte-order mark, or a first
 * character that is ASCII (a field's name, a `#` or `-`) with a zero byte beside it. Read as UTF-8,
 * one with the mark fails at its first byte, but one without reads as ASCII with U+0000 between
 * its letters, which would be refused as an invisible control character the editor does not show.
 */
function isUtf16(bytes: Uint8Array): boolean {
  const [first, second] = bytes;
  if (first === undefined || second === undefined) return false;
  if ((first === 0xff && second === 0xfe) || (first === 0xfe && second === 0xff)) return true;
  return (first === 0) !== (second === 0) && Math.max(first, second) < 0x80;
}

export function parseYamlSource(file: string, bytes: Uint8Array, what = 'advisory', size = bytes.byteLength): YamlLoadResult {
  const diagnostics: Diagnostic[] = [];
  const lineCounter = new LineCounter();
  const positionAt = (offset: number): Position => lineCounter.linePos(offset);
  const position = (node: Node | null | undefined): Position => {
    const offset = node?.range?.[0];
    return offset === undefined ? { line: 1, col: 1 } : positionAt(offset);
  };
  const fail = (message: string, at: Position = { line: 1, col: 1 }, rule = 'yaml'): YamlLoadResult => {
    diagnostics.push({ severity: 'error', file, line: at.line, col: at.col, field: '', message, rule });
    return { source: { file, text: '', root: null, position, positionAt }, diagnostics };
  };

  if (size > MAX_FILE_BYTES || bytes.byteLength > MAX_FILE_BYTES) {
    return fail(`file is ${Math.max(size, bytes.byteLength)} bytes; ${aOrAn(what)} file may be at most ${MAX_FILE_BYTES} bytes (1 MiB)`, undefined, 'file-size');
  }
  if (isUtf16(bytes)) return fail('file is UTF-16 text (what Notepad and Word call "Unicode"), not UTF-8; save it as UTF-8', undefined, 'encoding');
  // isUtf8 and a plain decode: several times faster than a fatal TextDecoder on large projects.
  if (!isUtf8(bytes)) {
    const at = firstInvalidUtf8(bytes, text => lineColOf(text));
    return fail('file is not valid UTF-8 text; save it as UTF-8', at, 'encoding');
  }
  // A leading byte-order mark is not part of the text: without it, positions stay right.
  const text = withoutBom(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  if (text.trim() === '') return fail(`file is empty; ${aOrAn(what)} is a YAML mapping of fields`, undefined, 'empty');

  const { control, bidi: bidiInText } = findControlCharacter(text);
  if (control) {
    return fail(
      `control character ${codePoint(String.fromCharCode(control.code))} is not allowed; delete it (most editors do not show it)`,
      control.at,
      'control-character',
    );
  }
  // Old Mac line endings: YAML reads a lone CR as a line break, and the file then fails in ways that never mention it.
  const loneCr = /\r(?!\n)/.exec(text);
  if (loneCr) {
    return fail('line ends with a carriage return alone (old Mac line endings); save the file with LF or CRLF line endings', lineColOf(text.slice(0, loneCr.index)), 'line-endings');
  }
  const docs = parseAllDocuments(text, {
    version: '1.2',
    schema: 'core',
    lineCounter,
    // Duplicate keys are found in walk() below: the parser's own check compares each key with every
    // one before it, and a 1 MiB file of 137,000 keys kept validate busy for nine minutes.
    uniqueKeys: false,
    prettyErrors: false,
    strict: true,
    // Aliases are refused in walk() below: advisories never need them, and they are how alias bombs work.
    customTags: [],
  });
  if (!Array.isArray(docs)) {
    return fail('file holds no YAML document', undefined, 'empty');
  }
  if (docs.length > 1) {
    return fail(`file holds ${docs.length} YAML documents (separated by ---); put one ${what} in each file`, position(docs[1]?.contents), 'multiple-documents');
  }
  const doc = docs[0] as Document.Parsed | undefined;
  if (!doc) return fail(`file is empty; ${aOrAn(what)} is a YAML mapping of fields`, undefined, 'empty');

  const firstError = doc.errors[0];
  const tab = firstError ? tabIndentation(text, lineCounter, firstError) : null;
  if (tab) return fail(tab.message, tab.at, 'tab-indent');
  const misindented = firstError ? misindentedLineNear(text, lineCounter.linePos(firstError.pos[0]).line) : null;
  const indentationFailure = ({ line, col, message, rule }: IndentationProblem) => ({
    source: { file, text, root: null, position, positionAt },
    diagnostics: [{ severity: 'error' as const, file, line, col, field: '', message, rule: rule ?? 'yaml-indentation' }],
  });
  if (misindented) return indentationFailure(misindented);
  const comment = firstError ? commentInsideText(text, lineCounter.linePos(firstError.pos[0]).line) : null;
  if (comment) return fail(comment.message, comment.at);
  for (const error of [...doc.errors, ...doc.warnings]) {
    // MISSING_CHAR is also "Sequence item without - indicator": only a missing quote has an opener to point at.
    const opener = error.code === 'MISSING_CHAR' && error.message.startsWith('Missing closing') ? unclosedQuote(text, error.pos[0]) : null;
    if (opener) {
      const at = lineCounter.linePos(opener.offset);
      diagnostics.push({ severity: 'error', file, line: at.line, col: at.col, field: '', message: `YAML syntax error: the ${opener.quote} quote opened here is never closed; close it at the end of the value`, rule: 'yaml' });
      continue;
    }
    if (error.code === 'RESOURCE_EXHAUSTION') {
      // The parser ran out of stack inside a deeply nested value; where that happened depends on the
      // machine, so point at the top-level value that holds it, and say what the officer can change.
      const at = position(topLevelValueAt(doc.contents, error.pos[0]));
      diagnostics.push({ severity: 'error', file, line: at.line, col: at.col, field: '', message: tooDeepMessage(), rule: 'yaml' });
      continue;
    }
    const at = lineCounter.linePos(error.pos[0]);
    const message = yamlMessage(error.code, error.message, text.slice(error.pos[0], error.pos[0] + 1), text.slice(text.lastIndexOf('\n', error.pos[0] - 1) + 1, error.pos[0]));
    diagnostics.push({ severity: 'error', file, line: at.line, col: at.col, field: '', message, rule: 'yaml' });
  }
  if (diagnostics.length > 0) return { source: { file, text, root: null, position, positionAt }, diagnostics: uniqueDiagnostics(diagnostics) };

  if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== '1.2') {
    return fail(`%YAML ${doc.directives.yaml.version} directive is not allowed: advisories are YAML 1.2, where NO stays the text "NO"; remove the directive`, undefined, 'yaml-version');
  }

  const root = doc.contents;
  if (!root || (isScalar(root) && (root.value === null || root.value === ''))) {
    return fail(`file is empty; ${aOrAn(what)} is a YAML mapping of fields`, undefined, 'empty');
  }
  if (!isMap(root)) {
    return fail(`the file must be a mapping of fields (key: value), found ${isCollection(root) ? 'a list' : 'a single value'}`, position(root), 'root');
  }

  let firstDuplicate: number | undefined;
  walk(root, 0, bidiInText, (problem, node, found = {}) => {
    const offset = found.within && isScalar(node) ? offsetInSource(text, node, String(node.value), found.within.index, found.within.snippet) : undefined;
    const at = offset === undefined ? position(node) : positionAt(offset);
    if (found.duplicate) firstDuplicate ??= at.line;
    diagnostics.push({ severity: 'error', file, line: at.line, col: at.col, field: '', message: problem, rule: 'yaml' });
  });
  // A key twice in one mapping is often an item's first field written without its dash: said so when the lines show it.
  const misindentedItem = firstDuplicate === undefined ? null : misindentedLineNear(text, firstDuplicate);
  if (misindentedItem) return indentationFailure(misindentedItem);
  return { source: { file, text, root: diagnostics.length ? null : root, position, positionAt }, diagnostics };
}

/** Kinds of scalar whose value holds only characters of the file (and line breaks and spaces): no escapes. */
const AS_WRITTEN = new Set<string | undefined>(['PLAIN', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED']);

/**
 * Refuse what advisories never need and attackers like: aliases, tags, odd keys, deep nesting.
 * `bidiInText`: whether the file's text holds a bidirectional control itself.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What a problem found in walk() may say besides its node: that it is a repeated key, or where in the node's value it is. */
interface Found {
  duplicate?: true;
  within?: { index: number; snippet: string };
}

function walk(node: unknown, depth: number, bidiInText: boolean, report: (problem: string, node: Node, found?: Found) => void): void {
  if (isAlias(node)) {
    report(`alias *${node.source} is not allowed; write the value out in full`, node);
    return;
  }
  // Only a double-quoted value can hold a character its file does not (by an escape), so the
  // others are searched only for what the file holds: this runs on every value of the project.
  const escaped = isScalar(node) && !AS_WRITTEN.has(node.type);
  if (isScalar(node) && typeof node.value === 'string' && (escaped || bidiInText)) {
    // The file holds none (checked before parsing), but a double-quoted escape makes one: "\e", "\x1b", "\u2028".
    const control = escaped ? CONTROL_CHARACTER.exec(node.value)?.[0] : undefined;
    if (control !== undefined) {
      report(`control character ${codePoint(control)}, written as an escape, is not allowed; remove it`, node);
      return;
    }
    // "\uD800" alone: half of a character's UTF-16 pair. Pages would show U+FFFD and JSON
    // outputs would carry an escape some readers refuse.
    const half = escaped ? LONE_SURROGATE.exec(node.value)?.[0] : undefined;
    if (half !== undefined) {
      report(`\\u${half.charCodeAt(0).toString(16).toUpperCase()}, written as an escape, is half of a character (a lone UTF-16 surrogate) and not text; write the character itself, or its pair as one escape such as \\U0001F600`, node);
      return;
    }
    const left = unclosedBidiControlAt(node.value);
    if (left) {
      const unclosed = left.character;
      report(
        `${BIDI_NAMES[unclosed]} (${codePoint(unclosed)}) is never closed in this value, so it would reorder the text published after it; close it with ${codePoint(closingBidiControl(unclosed))} in the same value, or remove it`,
        node,
        // At the control itself, on its line: the field may span many. Written as an escape, it is not found there.
        { within: { index: left.index, snippet: unclosed } },
      );
      return;
    }
  }
  if (isScalar(node) || isCollection(node)) {
    // `!!str` is harmless (it only says "this is text"); every other tag is refused.
    if (node.tag && node.tag !== 'tag:yaml.org,2002:str') {
      report(`tag ${node.tag} is not allowed; write plain values`, node);
      return;
    }
    if (node.anchor) {
      report(`anchor &${node.anchor} is not allowed; write each value out in full`, node);
      return;
    }
  }
  if (!isCollection(node)) return;
  if (depth >= MAX_DEPTH) {
    report(tooDeepMessage(), node);
    return;
  }
  // Keys as YAML compares them: `name` and "name" are one key, 1 and "1" two, as in a Set.
  const keys = isMap(node) && node.items.length > 1 ? new Set<unknown>() : null;
  for (const item of node.items) {
    if (isPair(item)) {
      const key = item.key;
      if (!isScalar(key) || (typeof key.value !== 'string' && typeof key.value !== 'number' && typeof key.value !== 'boolean')) {
        report('keys must be plain words', (key as Node) ?? node);
        continue;
      }
      if (FORBIDDEN_KEYS.has(String(key.value))) {
        report(`key "${String(key.value)}" is not allowed`, key);
        continue;
      }
      if (keys?.has(key.value)) {
        report(duplicateKeyMessage(String(key.value)), key, { duplicate: true });
        continue;
      }
      keys?.add(key.value);
      walk(key, depth + 1, bidiInText, report);
      walk(item.value, depth + 1, bidiInText, report);
    } else {
      walk(item, depth + 1, bidiInText, report);
    }
  }
}

/**
 * The misindented line (or the pasted space), when there is one beside the parser's first error:
 * the parser often stops on the line before the mistake or just after it.
 * Further off, the two would be about different things, and the parser's own
 * words are shown.
 */
const LEADING_BLANKS = /[ \t]*/y;

/**
 * The tab that made YAML refuse the file: the one YAML names (in a line's
 * indentation, or after a dash where a field follows: `-⇥name: x`), or one in
 * the indentation of the line of its first error, whose words ("Flow sequence
 * in block collection must be sufficiently indented") do not name the tab,
 * which most editors show as spaces. A tab YAML accepts is left alone: between
 * a dash and its text, after a colon, in a comment, and in a `|` or `>` text
 * after the text's indentation (a code block in `body`).
 */
function tabIndentation(text: string, lines: LineCounter, error: { code: string; pos: [number, number]; message: string }): { at: Position; message: string } | null {
  const { line } = lines.linePos(error.pos[0]);
  const start = lines.lineStarts[line - 1] ?? 0;
  LEADING_BLANKS.lastIndex = start;
  const blanks = LEADING_BLANKS.exec(text)![0];
  const named = error.code === 'TAB_AS_INDENT' && text[error.pos[0]] === '\t';
  if (!named && !blanks.includes('\t')) return null;
  const at = lines.linePos(named ? error.pos[0] : start + blanks.indexOf('\t'));
  const why = 'YAML indents with spaces only, so it cannot read this line';
  // In a `|` or `>` text, the line starts before the text's indentation: a tab is text only after it.
  if (error.message.startsWith('Block scalar')) {
    const blank = /^\r?(?:\n|$)/.test(text.slice(start + blanks.length, start + blanks.length + 2));
    const fix = blank ? 'the line is blank: delete the tab' : "start the line with the same spaces as the text's first line (a tab after them is text, and is kept)";
    return { at, message: `tab used for indentation in a | or > text: ${why}; ${fix}` };
  }
  return { at, message: `tab used for indentation: ${why}; replace the tab with spaces` };
}

function misindentedLineNear(text: string, firstErrorLine: number): IndentationProblem | null {
  const problem = findIndentationProblem(text);
  return problem && Math.abs(problem.line - firstErrorLine) <= 1 ? problem : null;
}

function tooDeepMessage(): string {
  return `nesting is deeper than ${MAX_DEPTH} levels; the advisory format never needs that`;
}

function duplicateKeyMessage(key: string): string {
  return `key "${key}" appears twice in the same mapping; each key may appear once, so merge the two entries`;
}

/** The top-level value of `root` whose text holds `offset` (or root itself). */
function topLevelValueAt(root: Node | null | undefined, offset: number): Node | null | undefined {
  if (!isMap(root)) return root;
  for (const pair of root.items) {
    const value = pair.value as Node | null;
    if (value?.range && value.range[0] <= offset && offset <= value.range[2]) return value;
  }
  return root;
}

/** The parser's message for the officer; `at` is the character of the file it points at. */
function yamlMessage(code: string, message: string, at: string, lineBefore: string): string {
  const first = message.split('\n')[0] ?? message;
  const clean = first.replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'UNEXPECTED_TOKEN': {
      // `title: "Do not travel" to Mali`: the quotes closed the value, and the rest has no place.
      const quote = /(["'])\s*$/.exec(lineBefore)?.[1];
      if (quote === undefined) break;
      const other = quote === '"' ? "'" : '"';
      return `YAML syntax error: text after the closing ${quote} of a quoted value; quotes around the start of a value are YAML's, not part of the text: to publish them, put the whole value in ${other}…${other}${quote === "'" ? ", or write each ' inside as ''" : ''}`;
    }
    case 'MULTILINE_IMPLICIT_KEY':
      // `summary: Be careful` with `in the north.` below it at the left margin.
      return `YAML syntax error: ${clean}: a line at the margin starts a new field, so if it continues the text above, indent it (two spaces are enough)`;
    case 'TAG_RESOLVE_FAILED':
      return `${clean}: tags are not allowed; write plain values`;
    case 'BLOCK_AS_IMPLICIT_KEY': {
      // `summary: Warning: high risk`: the second ": " reads as a key inside the value. In
      // `summary: “Warning: high risk”` the officer did quote it, with quotes YAML does not know.
      const curly = curlyQuotesHint(at);
      return `YAML syntax error: ${clean}; ${curly ? `the text has ": " in it, and ${curly}` : 'if this value is text containing ": ", put the whole text in quotes'}`;
    }
    case 'BAD_SCALAR_START':
      // `` `112` is the police``, `@embassy on X`: the parser's "reserved character" names no fix.
      return `YAML syntax error: text cannot start with ${at} unless it is in quotes (YAML keeps ${at} at the start of a value for itself); put the whole text in quotes`;
  }
  return `YAML syntax error: ${clean}`;
}

/**
 * The parser reports an unclosed quote where the file ends, which is no help to
 * the officer; point at the value that opened it: the last quote before the
 * error that starts a value (after `: ` or `- `).
 */
function unclosedQuote(text: string, errorOffset: number): { offset: number; quote: string } | null {
  const before = text.slice(0, errorOffset);
  const opener = /(?:^|:[ ]+|^[ ]*-[ ]+)(["'])/gm;
  let last: { offset: number; quote: string } | null = null;
  for (let match = opener.exec(before); match; match = opener.exec(before)) {
    last = { offset: match.index + match[0].length - 1, quote: match[1] === '"' ? 'double' : 'single' };
  }
  return last;
}

function lineColOf(textBefore: string): Position {
  const lines = textBefore.split('\n');
  return { line: lines.length, col: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

function firstInvalidUtf8(bytes: Uint8Array, at: (text: string) => Position): Position {
  // Decode leniently up to the first replacement character to find where it is.
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const index = lenient.indexOf('\uFFFD');
  return at(index < 0 ? lenient : lenient.slice(0, index));
}

/**
 * C0 controls other than tab, LF and CR; DEL; C1 controls; the Unicode line and
 * paragraph separators U+2028 and U+2029. They are invisible in an editor, break
 * bulletins (a separator ends a line in some readers and not in others) and
 * can end a string inside a script.
 */
/**
 * Invisible characters that have no place in an advisory: C0 controls but tab,
 * line feed and carriage return; DEL; C1 controls; the line and paragraph
 * separators. In a terminal, ESC and CSI start escape sequences (colours,
 * hyperlinks); in a page, they are invalid or reorder the text.
 */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/;

const PDF = '\u202C';
const PDI = '\u2069';
export const BIDI_NAMES: Record<string, string> = {
  '\u202A': 'a left-to-right embedding',
  '\u202B': 'a right-to-left embedding',
  '\u202D': 'a left-to-right override',
  '\u202E': 'a right-to-left override',
  '\u2066': 'a left-to-right isolate',
  '\u2067': 'a right-to-left isolate',
  '\u2068': 'a first-strong isolate',
};
const isIsolate = (character: string) => character >= '\u2066' && character <= '\u2068';
/** The character that closes `opener`: PDI an isolate, PDF an embedding or override. */
export const closingBidiControl = (opener: string) => (isIsolate(opener) ? PDI : PDF);
/** Every bidirectional embedding, override and isolate, and the two that close them. */
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * The first bidirectional embedding, override or isolate in `text` left open
 * at its end, if any. Each value is published inside other text (a title in a
 * heading, a region name in a sentence, a field in a feed): one left open, such
 * as U+202E alone, would reverse what follows it on the page. Closing follows
 * Unicode's rules: PDF closes the last embedding or override, PDI the last
 * isolate and whatever was opened inside it.
 */
export function unclosedBidiControl(text: string): string | null {
  return unclosedBidiControlAt(text)?.character ?? null;
}

/** The same, with where in `text` the control left open stands. */
export function unclosedBidiControlAt(text: string): { character: string; index: number } | null {
  if (!BIDI_CONTROL.test(text)) return null;
  const open: Array<{ character: string; index: number }> = [];
  const isOpenIsolate = (o: { character: string }) => isIsolate(o.character);
  let index = 0;
  for (const character of text) {
    if (character in BIDI_NAMES) open.push({ character, index });
    else if (character === PDF && open.length && !isOpenIsolate(open[open.length - 1]!)) open.pop();
    else if (character === PDI && open.some(isOpenIsolate)) while (!isOpenIsolate(open.pop()!));
    index += character.length;
  }
  return open[0] ?? null;
}

/** The characters of CONTROL_CHARACTER and of BIDI_CONTROL, in one class (each is one class: `[...]`). */
const CONTROL_OR_BIDI = new RegExp(`${CONTROL_CHARACTER.source.slice(0, -1)}${BIDI_CONTROL.source.slice(1)}`);

/**
 * The first control character in `text`, and whether it holds a bidirectional control: both
 * found in one pass in the usual file, which has neither (the text is most of what is read).
 */
function findControlCharacter(text: string): { control: { code: number; at: Position } | null; bidi: boolean } {
  const first = CONTROL_OR_BIDI.exec(text);
  if (!first) return { control: null, bidi: false };
  const bidi = BIDI_CONTROL.test(text);
  const match = bidi ? CONTROL_CHARACTER.exec(text) : first;
  return { control: match ? { code: match[0].charCodeAt(0), at: lineColOf(text.slice(0, match.index)) } : null, bidi };
}

/**
 * Where `snippet`, found at `index` in a scalar's value, is in the file: the
 * same occurrence of it in the scalar's source. Undefined when the source
 * does not spell it as the value does (an escape in quotes, a line folded
 * into a space): the caller falls back to the scalar's start.
 */
export function offsetInSource(text: string, node: Scalar, value: string, index: number, snippet: string): number | undefined {
  if (!node.range || snippet === '') return undefined;
  let occurrence = 0;
  for (let i = value.indexOf(snippet); i !== -1 && i < index; i = value.indexOf(snippet, i + 1)) occurrence++;
  const [start, end] = node.range;
  let found = text.indexOf(snippet, start);
  for (; found !== -1 && occurrence > 0; occurrence--) found = text.indexOf(snippet, found + 1);
  return found !== -1 && found + snippet.length <= end ? found : undefined;
}
