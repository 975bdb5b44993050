/**
 * Checks a YAML node against a Spec, collecting every problem with its
 * position, and returns the plain value (or undefined where it was invalid).
 */
import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar } from 'yaml';
import type { Diagnostic, Severity } from '../report/diagnostics.js';
import { didYouMean, fieldMeant, languageMeant, valueStartedBy } from './suggest.js';
import { plainTextTrap } from './plain-text-traps.js';
import { markdownTraps } from './markdown-traps.js';
import { markdownDepthProblem } from './markdown-depth.js';
import { plainTextMarkup } from './plain-text-markup.js';
import { paragraphBlock } from './paragraph-blocks.js';
import { referenceProblem } from './character-references.js';
import { PLACEHOLDER, placeholderProblem } from './placeholder.js';
import { curlyQuotesHint, describeNonAscii, describePasted, spaceInWords, UNICODE_SPACE, wrappedInCurlyQuotes } from './pasted-characters.js';
import { emptyReason } from './visible-text.js';
import { inlineMarkdownToText, markdownToText } from '../render/markdown-text.js';
import { tabsAsSpaces } from '../render/tabs.js';
import { expectedText, type HintContext, type Spec, type StringSpec } from './spec.js';
import { offsetInSource, type Position, type YamlSource } from './yaml-source.js';

export class CheckContext {
  readonly diagnostics: Diagnostic[] = [];
  /**
   * The node of each field path checked, for rules that run after the shape check. Nodes, not
   * positions: every node of every file is checked, and few positions are ever asked for.
   */
  readonly nodes = new Map<string, Node | null | undefined>();

  /**
   * @param languages the configured languages, primary first, for suggestions; none for the config file itself.
   * @param hints what messages may know of the file: the advisory's country, for its region codes.
   */
  constructor(
    readonly source: YamlSource,
    readonly languages: readonly string[] = [],
    readonly hints: HintContext = {},
  ) {}

  report(severity: Severity, at: Position, field: string, message: string, rule: string): void {
    this.diagnostics.push({ severity, file: this.source.file, line: at.line, col: at.col, field, message, rule });
  }

  /**
   * Where the key of a field path is written (`fr-FR:` for `translations.fr-FR`),
   * rather than where its value starts: for a problem with the key itself, as
   * a value that is a mapping starts at its first field. Keys only, no list indices.
   */
  keyAt(field: string): Position | undefined {
    let node: unknown = this.source.root;
    let key: Node | undefined;
    for (const name of field.split('.')) {
      if (!isMap(node)) return undefined;
      const pair = (node.items as Pair<Node, Node>[]).find((p) => keyOf(p) === name);
      if (!pair) return undefined;
      key = pair.key;
      node = pair.value;
    }
    return key && this.source.position(key);
  }

  /** Position of a field path, falling back to its nearest known parent, then the file start. */
  at(field: string): Position {
    let path = field;
    for (;;) {
      if (this.nodes.has(path)) return this.source.position(this.nodes.get(path));
      const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
      if (cut <= 0) return this.nodes.has('') ? this.source.position(this.nodes.get('')) : { line: 1, col: 1 };
      path = path.slice(0, cut);
    }
  }
}

/**
 * The value found where `spec` wanted another, as the officer should read it.
 * Text is quoted; where `spec` is written in ASCII (a level, a code, a date),
 * the pasted characters in it that look like nothing, or like the ASCII they
 * replace, are named: "ML" with a zero-width space after it would otherwise
 * read as the right value.
 */
export function describeFound(node: unknown, spec?: Spec): string {
  if (node === null || node === undefined) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const value = node.value;
    if (value === null) return 'nothing';
    if (typeof value === 'string') return quoteFound(value, spec !== undefined && writtenInAscii(spec), spec?.kind === 'integer' || spec?.kind === 'boolean');
    // As written: 2.0 and 0x4 are the number 2 and 4, which would not say what is wrong with them.
    if (typeof value === 'number') return `the number ${node.source ?? String(value)}`;
    if (typeof value === 'boolean') return `${String(value)} (a true/false value)`;
    return String(value);
  }
  return 'an unsupported value';
}

/** Text as quoted in a message, with what its pasted characters are when it should be ASCII. */
export function quoteFound(text: string, ascii = true, unquote = false): string {
  const quoted = JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
  const pasted = ascii ? (describePasted(text, unquote) ?? describeNonAscii(text)) : null;
  return pasted ? `${quoted} (${pasted})` : quoted;
}

/** Whether a valid value of `spec` is ASCII, so that any other character in one that failed is worth naming. */
function writtenInAscii(spec: Spec): boolean {
  return spec.kind === 'integer' || spec.kind === 'boolean' || spec.kind === 'enum' || (spec.kind === 'string' && spec.ascii === true);
}

/**
 * How to write a value that YAML read as something other than text: a number
 * or true/false in quotes; text with ": " in it (`- Important: stay indoors`),
 * which YAML reads as a key and its value, in quotes as a whole.
 */
function quoteHint(node: Node | null | undefined, text: string, spec: Spec): string | undefined {
  if (isScalar(node) && typeof node.value === 'number' && spec.kind === 'string' && (spec.format === 'date' || spec.format === 'date-or-time')) {
    // `issued: 20250301` is a number to YAML; quotes would not make it a date either.
    const digits = node.range ? text.slice(node.range[0], node.range[1]) : '';
    return /^\d{8}$/.test(digits) ? `write it as ${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6)}` : 'write it as YYYY-MM-DD';
  }
  if (isScalar(node)) return typeof node.value === 'number' || typeof node.value === 'boolean' ? 'put it in quotes' : undefined;
  if (isMap(node) && node.items.length === 1 && node.range && !text.slice(node.range[0], node.range[1]).trimEnd().includes('\n')) {
    // `- “Important: tell someone”`: the officer did quote it, with quotes YAML does not know.
    const curly = curlyQuotesHint(text.slice(node.range[0], node.range[1]));
    return curly ? `text with ": " in it reads as "key: value", and ${curly}` : 'text with ": " in it reads as "key: value"; put the whole text in quotes';
  }
  return undefined;
}

/**
 * "did you mean" the valid value a refused one was probably meant as: the spec's own guess, which
 * may know the advisory's country, else the value in capitals (`ml`), if that would be valid.
 */
function meantHint(spec: StringSpec, value: string, hints: HintContext): string | undefined {
  const capitals = value.trim().toUpperCase();
  const inCapitals = capitals !== value && spec.pattern?.test(capitals) === true && !spec.refine?.(capitals) ? capitals : undefined;
  const meant = spec.meant ? spec.meant(value, hints) : inCapitals;
  return meant === undefined ? undefined : `did you mean "${meant}"?`;
}

/** What `spec` takes, in words, for this file where the spec can say more: "an ISO 3166-2 code of Lebanon such as LB-AK". */
function expectedHere(spec: Spec, hints: HintContext): string {
  return (spec.kind === 'string' ? spec.expectedIn?.(hints) : undefined) ?? expectedText(spec);
}

/**
 * `level: "4"`, `emergency: "true"`: a number or true/false in quotes is text
 * to YAML, and the message would otherwise show just the value, as if right.
 */
function unquoteHint(node: Node | null | undefined, path: string, spec: Spec): string | undefined {
  if (!isScalar(node) || typeof node.value !== 'string' || (node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE')) return undefined;
  const value = node.value;
  const bare = spec.kind === 'integer' && /^\d+$/.test(value) ? String(Number(value)) : spec.kind === 'boolean' && /^(?:true|false)$/i.test(value) ? value.toLowerCase() : null;
  return bare === null ? undefined : `in quotes, so it is text; write it without quotes: ${path.slice(path.lastIndexOf('.') + 1)}: ${bare}`;
}

/** `level: Level 4`, `level: 4 (Do Not Travel)`: one number in range, in words the format does not read. */
function numberInTextHint(node: Node | null | undefined, path: string, spec: { min: number; max: number }): string | undefined {
  // Words beside it: an invisible character beside a digit is named by the pasted-character check instead.
  if (!isScalar(node) || typeof node.value !== 'string' || !/\p{L}/u.test(node.value)) return undefined;
  const numbers = node.value.match(/\d+/g);
  if (numbers?.length !== 1) return undefined;
  const number = Number(numbers[0]);
  return number >= spec.min && number <= spec.max ? `write the number alone: ${path.slice(path.lastIndexOf('.') + 1)}: ${number}` : undefined;
}

/**
 * Markdown that shows nothing once read: `&nbsp;`, `&#8203;`, `** **`, a code span of a space.
 * Only text with no letter or digit at all is rendered to find out, so the usual text costs one test.
 */
function emptyOnceRead(value: string, kind: 'inline' | 'block'): string | null {
  const unreferenced = value.includes('&') ? value.replace(/&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi, '') : value;
  if (/[\p{L}\p{N}]/u.test(unreferenced)) return null;
  const read = kind === 'block' ? markdownToText(value) : inlineMarkdownToText(value);
  return emptyReason(read) === null ? null : 'it shows nothing once read as Markdown (only markup, spaces or character references of invisible characters); write the text';
}

/**
 * How to make a list of text written as one value: `-Stay vigilant` (no space
 * after the dash) is text to YAML, and so are the "items" below it, joined.
 */
function listHint(node: Node | null | undefined, items: Spec): string | undefined {
  if (isMap(node)) return itemWithoutDash(node, items);
  if (!isScalar(node) || typeof node.value !== 'string' || node.type !== 'PLAIN') return undefined;
  const pasted = new RegExp(`^-(${UNICODE_SPACE.source})`).exec(node.value);
  if (pasted) return `a list item needs an ordinary space after its dash, and this one has ${spaceInWords(pasted[1]!)}: retype it`;
  if (/^-\S/.test(node.value)) {
    // YAML joined the lines: the first item is the text up to the next line's dash.
    const first = node.value.slice(1).split(' - ')[0]!;
    return `a list item needs a space after its dash: write "- ${first.length > 30 ? `${first.slice(0, 27)}...` : first}"`;
  }
  return 'write each item on a line of its own, starting with "- "';
}

/**
 * A list of one item written without its dash (`contacts:` with `name:` and `phone:` below it)
 * is a mapping to YAML. Said only when every key is a field of the list's items: a mapping of other
 * keys is something else, for which "a list, found a mapping" is the whole story.
 */
function itemWithoutDash(node: Node, items: Spec): string | undefined {
  if (!isMap(node) || items.kind !== 'object' || node.items.length === 0) return undefined;
  const keys = (node.items as Pair<Node, Node>[]).map(keyOf);
  if (!keys.every((k) => Object.hasOwn(items.fields, k))) return undefined;
  const others = keys.length > 1 ? ', and indent the fields below it two spaces further, to line up with it' : '';
  return `it reads as one item written without its dash: write "- " before its first field, "${keys[0]}:"${others}`;
}

export function checkNode(spec: Spec, node: Node | null | undefined, path: string, ctx: CheckContext): unknown {
  ctx.nodes.set(path, node);
  // Worked out only for a problem: most nodes have none.
  const at = (): Position => ctx.source.position(node);
  const mismatch = (detail?: string): undefined => {
    const hint = detail ? `: ${detail}` : '';
    ctx.report('error', at(), path, `${path} must be ${expectedHere(spec, ctx.hints)}, found ${describeFound(node, spec)}${hint}`, 'type');
    return undefined;
  };

  switch (spec.kind) {
    case 'string': {
      if (!isScalar(node) || typeof node.value !== 'string') return mismatch(quoteHint(node, ctx.source.text, spec));
      const trap = plainTextTrap(ctx.source.text, node, path, spec);
      if (trap) {
        ctx.report(trap.severity, ctx.source.positionAt(trap.offset), path, trap.message, trap.rule);
        if (trap.severity === 'error') return undefined;
      }
      const value = node.value;
      const reference = spec.markdown ? referenceProblem(value) : null;
      if (reference) {
        const offset = offsetInSource(ctx.source.text, node, value, reference.index, reference.reference);
        ctx.report('error', offset === undefined ? at() : ctx.source.positionAt(offset), path, `${path}: ${reference.message}`, 'character-reference');
        return undefined;
      }
      const unfilled = placeholderProblem(path, value);
      if (unfilled) {
        // At the prompt itself: in a text of many lines, the line to fill in.
        const offset = offsetInSource(ctx.source.text, node, value, value.indexOf(PLACEHOLDER), PLACEHOLDER);
        ctx.report('error', offset === undefined ? at() : ctx.source.positionAt(offset), path, unfilled, 'placeholder');
        return undefined;
      }
      // Before the pattern: /\S/ takes a zero-width space for text, which would publish an empty bullet.
      const empty = emptyReason(value) ?? (spec.markdown ? emptyOnceRead(value, spec.markdown) : null);
      if (empty) return mismatch(empty);
      if (spec.pattern && !spec.pattern.test(value)) {
        return mismatch(value.includes('\n') && spec.expected === 'text on one line' ? 'it spans several lines' : (spec.suggest?.(value) ?? meantHint(spec, value, ctx.hints)));
      }
      if (spec.maxLength !== undefined && value.length > spec.maxLength) {
        ctx.report('error', at(), path, `${path} is ${value.length} characters long; at most ${spec.maxLength} are allowed`, 'length');
        return undefined;
      }
      const reason = spec.refine?.(value);
      if (reason) {
        ctx.report('error', at(), path, `${path} must be ${expectedHere(spec, ctx.hints)}, found ${describeFound(node, spec)}: ${reason}`, 'value');
        return undefined;
      }
      if (node.type === 'PLAIN' && wrappedInCurlyQuotes(value)) {
        const quotes = `${value[0]} ${value[value.length - 1]}`;
        ctx.report(
          'warning',
          at(),
          path,
          `${path} is wrapped in curly quotes ${quotes}: they are not YAML quotes, so they would be published as part of the text; remove them (or use straight quotes "…"), or, to publish them, put the whole value in straight quotes: "${value[0]}…${value[value.length - 1]}"`,
          'curly-quotes',
        );
      }
      const markup = spec.line && !spec.unpublished ? plainTextMarkup(value, path) : null;
      if (markup) {
        const offset = offsetInSource(ctx.source.text, node, value, markup.index, markup.snippet);
        ctx.report('warning', offset === undefined ? at() : ctx.source.positionAt(offset), path, markup.message, 'plain-text-markup');
      }
      const tooDeep = spec.markdown ? markdownDepthProblem(value, spec.markdown) : null;
      if (tooDeep) {
        ctx.report('error', at(), path, `${path} ${tooDeep}`, 'markdown-depth');
        return undefined;
      }
      if (spec.markdown) {
        const traps = markdownTraps(value, spec.markdown, path);
        for (const trap of traps) {
          const offset = trap.index === -1 ? undefined : offsetInSource(ctx.source.text, node, value, trap.index, trap.snippet);
          ctx.report(trap.severity, offset === undefined ? at() : ctx.source.positionAt(offset), path, trap.message, trap.rule);
        }
        if (traps.some((t) => t.severity === 'error')) return undefined;
      }
      const block = spec.markdown === 'inline' ? paragraphBlock(ctx.source.text, node, path) : null;
      if (block) ctx.report('warning', ctx.source.positionAt(block.offset), path, block.message, 'paragraph-block');
      return detached(spec.line ? tabsAsSpaces(value) : value);
    }
    case 'integer': {
      if (!isScalar(node) || typeof node.value !== 'number' || !Number.isInteger(node.value) || node.value < spec.min || node.value > spec.max) {
        return mismatch(unquoteHint(node, path, spec) ?? numberInTextHint(node, path, spec));
      }
      // YAML reads 2.0, 0x4, +3, 4e0 and 03 as integers too; a level is written as its digit,
      // so that what the file says and what is published read the same.
      const written = node.source ?? String(node.value);
      if (written !== String(node.value)) return mismatch(`write it as ${node.value}`);
      return node.value;
    }
    case 'boolean': {
      if (!isScalar(node) || typeof node.value !== 'boolean') return mismatch(unquoteHint(node, path, spec));
      return node.value;
    }
    case 'enum': {
      if (!isScalar(node) || typeof node.value !== 'string' || !spec.values.includes(node.value)) {
        const near = isScalar(node) && typeof node.value === 'string' ? didYouMean(node.value, spec.values) ?? valueStartedBy(node.value, spec.values) : null;
        return mismatch(near ? `did you mean "${near}"?` : undefined);
      }
      return detached(node.value);
    }
    case 'array': {
      if (!isSeq(node)) return mismatch(listHint(node, spec.items));
      const count = node.items.length;
      const counted = count === 0 ? 'the list is empty' : `it has ${count} item${count === 1 ? '' : 's'}`;
      // Too many is refused too: the fifth level of a four-level scale would be dropped without a word.
      if ((spec.minItems !== undefined && count < spec.minItems) || (spec.maxItems !== undefined && count > spec.maxItems)) return mismatch(counted);
      const out: unknown[] = [];
      node.items.forEach((item, index) => {
        out.push(checkNode(spec.items, item as Node, `${path}[${index}]`, ctx));
      });
      return out.some((v) => v === undefined) ? undefined : out;
    }
    case 'object': {
      if (!isMap(node)) return mismatch();
      const out: Record<string, unknown> = {};
      let valid = true;
      const seen = new Set<string>();
      // Required fields an unknown key was taken for, or that a merge key was meant to bring:
      // "guidance is required" beside "did you mean guidance?" would only repeat it.
      const meant = new Set<string>();
      let merged = false;
      for (const pair of node.items as Pair<Node, Node>[]) {
        const key = keyOf(pair);
        const child = path ? `${path}.${key}` : key;
        const field = spec.fields[key];
        if (!Object.hasOwn(spec.fields, key) || !field) {
          const keyAt = ctx.source.position(pair.key);
          const where = path ? ` in ${path}` : '';
          valid = false;
          if (key === '<<') {
            merged = true;
            ctx.report('error', keyAt, child, `"<<" (a YAML merge key) is not read by advisory${where}: copying fields from elsewhere in the file hides what is published; write the fields out here`, 'unknown-field');
            continue;
          }
          const near = fieldMeant(key, Object.keys(spec.fields));
          if (near) meant.add(near);
          ctx.report(
            'error',
            keyAt,
            child,
            `unknown field ${quoteFound(key)}${where}${near ? `; did you mean "${near}"?` : ''} (expected one of: ${Object.keys(spec.fields).join(', ')})`,
            'unknown-field',
          );
          continue;
        }
        seen.add(key);
        const value = checkNode(field.spec, pair.value, child, ctx);
        if (value === undefined) valid = false;
        else out[key] = value;
      }
      for (const [key, field] of Object.entries(spec.fields)) {
        if (field.required && !seen.has(key) && !meant.has(key) && !merged) {
          const child = path ? `${path}.${key}` : key;
          ctx.report('error', at(), child, `${child} is required: ${expectedHere(field.spec, ctx.hints)}`, 'required');
          valid = false;
        }
      }
      return valid ? out : undefined;
    }
    case 'oneOf': {
      const shape = isSeq(node) ? ['array'] : isMap(node) ? ['object', 'map'] : ['string', 'integer', 'boolean', 'enum'];
      const option = spec.options.find((o) => shape.includes(o.kind));
      return option ? checkNode(option, node, path, ctx) : mismatch();
    }
    case 'map': {
      if (!isMap(node)) return mismatch();
      const out: Record<string, unknown> = {};
      let valid = true;
      for (const pair of node.items as Pair<Node, Node>[]) {
        const key = keyOf(pair);
        const child = `${path}.${key}`;
        if (!spec.keyPattern.test(key)) {
          const near = spec.languageKeys ? languageMeant(key, ctx.languages.slice(1)) : null;
          ctx.report('error', ctx.source.position(pair.key), child, `${path} keys must be ${spec.keyExpected}, found ${quoteFound(key)}${near ? `; did you mean "${near}"?` : ''}`, 'key');
          valid = false;
          continue;
        }
        const value = checkNode(spec.values, pair.value, child, ctx);
        if (value === undefined) valid = false;
        else out[key] = value;
      }
      return valid ? out : undefined;
    }
  }
}


/** Below this length V8 copies a substring; from it, a substring is a view that keeps its whole parent string alive. */
const SLICE_MIN_LENGTH = 13;

/**
 * A copy of a value that no longer holds on to the text of the file it came
 * from. A parsed value is often a substring of the whole file, and a kept
 * substring keeps the file: the titles and summaries a build keeps for its
 * indexes, or the words remembered for display widths, held every source
 * text of a 16-language project (60 MB, measured in a heap snapshot) until
 * the end of the build. Joining makes a new string; slicing off the joint
 * gives a view into that string alone.
 */
export function detached(value: string): string {
  return value.length < SLICE_MIN_LENGTH ? value : ` ${value}`.slice(1);
}

function keyOf(pair: Pair<Node, Node>): string {
  return isPair(pair) && isScalar(pair.key) ? String(pair.key.value) : '';
}
