/**
 * A small description language for YAML fields. One spec serves three
 * purposes, so they can never disagree: checking a file node by node with
 * positions (check.ts), printing the JSON Schema (json-schema.ts), and the
 * "expected ..." half of every message.
 */
export type Spec = StringSpec | IntegerSpec | BooleanSpec | EnumSpec | ArraySpec | ObjectSpec | MapSpec | OneOfSpec;

interface BaseSpec {
  description?: string;
}

export interface StringSpec extends BaseSpec {
  kind: 'string';
  /** What a valid value looks like, in words: "a date as YYYY-MM-DD, e.g. 2025-07-02". */
  expected?: string;
  pattern?: RegExp;
  /**
   * A JSON Schema `format` hint for editors; `date-or-time` (a date, or a date and time with its
   * offset) has no JSON Schema format, so the schema gives only its pattern.
   */
  format?: 'date' | 'date-or-time' | 'email' | 'uri';
  /** What was probably meant, when the pattern refuses a value: "did you mean ...?", or how to write it ("add Z or the offset"), for the message. */
  suggest?: (value: string) => string | undefined;
  /**
   * The valid value probably meant by one the pattern refuses (`lb-ja` or `JA` in an advisory
   * for LB: "LB-JA"), offered as "did you mean"; without it, the value in capitals if that is valid.
   */
  meant?: (value: string, context: HintContext) => string | undefined;
  /** What a valid value looks like for the advisory at hand, where that says more than `expected`: "an ISO 3166-2 code of Lebanon such as LB-AK". */
  expectedIn?: (context: HintContext) => string | undefined;
  /** Checked after the pattern; returns a reason when the value is not acceptable. */
  refine?: (value: string) => string | null;
  maxLength?: number;
  /**
   * Written in ASCII (a code, a date, a phone number, an address): when such a
   * value fails, pasted look-alike or invisible characters in it are named.
   */
  ascii?: boolean;
  /**
   * A single word by its pattern (a date, a code, an e-mail or web address): a `#` comment after
   * it cannot have cut text off, so it is not reported (plain-text-traps.ts). Not a phone number:
   * `+221 33 000 00 00 #12` is an extension.
   */
  word?: boolean;
  /** Markdown fields: `inline` must stay on one paragraph. */
  markdown?: 'inline' | 'block';
  /**
   * Text published on one line (a name, an address): its value is read with
   * each tab a space, so every format and every reader of the value (the
   * bulletins, the alert, the feeds, open data) has the same (render/tabs.ts).
   */
  line?: boolean;
  /** Never published, only compared with other text (`for:`): what it would look like published is not its concern. */
  unpublished?: boolean;
  examples?: string[];
}

/** What a message may know of the file beyond the value: the advisory's country, when its code is one. */
export interface HintContext {
  country?: string;
}

export interface IntegerSpec extends BaseSpec {
  kind: 'integer';
  min: number;
  max: number;
}

export interface BooleanSpec extends BaseSpec {
  kind: 'boolean';
}

export interface EnumSpec extends BaseSpec {
  kind: 'enum';
  values: readonly string[];
}

export interface ArraySpec extends BaseSpec {
  kind: 'array';
  items: Spec;
  minItems?: number;
  maxItems?: number;
}

export interface FieldSpec {
  spec: Spec;
  required?: boolean;
}

export interface ObjectSpec extends BaseSpec {
  kind: 'object';
  fields: Record<string, FieldSpec>;
}

/** A mapping from free keys (matching keyPattern) to values of one spec. */
export interface MapSpec extends BaseSpec {
  kind: 'map';
  keyPattern: RegExp;
  keyExpected: string;
  /** Keys name further languages: a key that misses one of the configured ones (`fr_FR` for `fr`) is told which. */
  languageKeys?: boolean;
  values: Spec;
}

/**
 * One of several shapes, told apart by the YAML node's kind: a scalar is
 * checked against the first scalar option, a list against the array option,
 * a mapping against the object or map option.
 */
export interface OneOfSpec extends BaseSpec {
  kind: 'oneOf';
  options: Spec[];
}

export function expectedText(spec: Spec): string {
  switch (spec.kind) {
    case 'string':
      return spec.expected ?? 'text';
    case 'integer':
      return `an integer from ${spec.min} to ${spec.max}`;
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${spec.values.join(', ')}`;
    case 'array':
      if (spec.minItems !== undefined && spec.minItems === spec.maxItems) return `a list of exactly ${spec.minItems} item${spec.minItems === 1 ? '' : 's'}`;
      return spec.minItems ? `a list of at least ${spec.minItems} item${spec.minItems === 1 ? '' : 's'}` : 'a list';
    case 'object':
      return 'a mapping of fields';
    case 'map':
      return `a mapping keyed by ${spec.keyExpected}`;
    case 'oneOf':
      return spec.options.map(expectedText).join(', or ');
  }
}
