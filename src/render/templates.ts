/**
 * Loading and compiling templates: the defaults shipped in `templates/`, with
 * any file of a user's `--templates` folder taking the place of the default
 * of the same name. Compiled once per build, into one Handlebars environment
 * per format, so partials of one format never leak into another.
 */
import { punctuation } from './punctuation.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { walk } from '../walk.js';
import Handlebars from 'handlebars';
import { readLimited } from '../advisory/read-limited.js';
import { derivedKey, type DerivedStore } from '../derived-store.js';
import { toolIdentity } from '../version.js';
import { FORMATS, type Format } from '../config/config.js';
import { ConfigError, TemplateError, errorMessage } from '../errors.js';
import { label, layCatalogue, parseLabels, type Catalogue, type Labels } from './labels.js';
import { isolated } from './bidi.js';
import { textDirection } from './view.js';
import { displayWidth, TEXT_WIDTH, wrapParagraph } from './wrap.js';

import { DEFAULT_TEMPLATES_DIR, LABELS_FILE } from './template-folders.js';

export { DEFAULT_TEMPLATES_DIR };

export const PAGES = ['bulletin', 'index'] as const;
export type Page = (typeof PAGES)[number];

export interface TemplateSource {
  /** Path shown in messages. */
  file: string;
  text: string;
}

export interface TemplateSet {
  pages: Record<Format, Record<Page, TemplateSource>>;
  partials: Record<Format, Record<string, TemplateSource>>;
  labels: Map<string, Labels>;
  /** Where the defaults came from, for messages. */
  defaultsDir: string;
}

async function listFiles(dir: string, shown: string): Promise<string[]> {
  try {
    return (await walk(dir))
      .filter((e) => e.kind === 'file')
      .map((e) => e.relative)
      .sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ConfigError(`templates folder ${shown} does not exist`);
    if (code === 'ENOTDIR') throw new ConfigError(`templates folder ${shown} is a file, not a folder`);
    throw error;
  }
}

function classify(relative: string): { kind: 'page'; format: Format; page: Page } | { kind: 'partial'; format: Format; name: string } | { kind: 'labels'; lang: string } | null {
  const page = /^(md|html|txt)\/(bulletin|index)\.hbs$/.exec(relative);
  if (page) return { kind: 'page', format: page[1] as Format, page: page[2] as Page };
  const partial = /^(md|html|txt)\/partials\/([\w-]+)\.hbs$/.exec(relative);
  if (partial) return { kind: 'partial', format: partial[1] as Format, name: partial[2]! };
  const labels = LABELS_FILE.exec(relative);
  if (labels) return { kind: 'labels', lang: labels[1]! };
  return null;
}

/**
 * A catalogue parsed, or read back as parsed by an earlier build from `store`:
 * parsing 16 catalogues with `yaml`, run cold, took about 0.06 s of a rebuild.
 * Only a catalogue without problems is kept, so every message still comes from parsing.
 */
function keptLabels(file: string, bytes: Uint8Array, size: number, store?: DerivedStore): Catalogue {
  const key = store && derivedKey(['labels', toolIdentity(), size], bytes);
  const kept = key === undefined ? undefined : store!.getJson<{ labels: Array<[string, string]>; lists: string[] }>(key);
  if (kept) return { labels: new Map(kept.labels), lists: kept.lists };
  const catalogue = parseLabels(file, bytes, size);
  if (key !== undefined) store!.put(key, JSON.stringify({ labels: [...catalogue.labels], lists: catalogue.lists }));
  return catalogue;
}

/** Reads the default templates, then lays each folder in `overrides` over them, file by file; `store` keeps parsed catalogues between builds. */
export async function loadTemplateSet(overrides: readonly string[] = [], shown: (absolute: string) => string = (p) => p, store?: DerivedStore): Promise<TemplateSet> {
  const set: TemplateSet = {
    pages: Object.fromEntries(FORMATS.map((f) => [f, {}])) as TemplateSet['pages'],
    partials: Object.fromEntries(FORMATS.map((f) => [f, {}])) as TemplateSet['partials'],
    labels: new Map(),
    defaultsDir: DEFAULT_TEMPLATES_DIR,
  };
  for (const [i, dir] of [DEFAULT_TEMPLATES_DIR, ...overrides].entries()) {
    const unknown: string[] = [];
    for (const relative of await listFiles(dir, i === 0 ? '(built-in) templates' : shown(dir))) {
      const kind = classify(relative);
      const absolute = path.join(dir, relative);
      if (!kind) {
        if (relative.endsWith('.hbs') || relative.startsWith('labels/')) unknown.push(relative);
        continue;
      }
      const file = i === 0 ? `(built-in) templates/${relative}` : shown(absolute);
      if (kind.kind === 'labels') {
        // An override catalogue changes single labels (or whole lists); it need not repeat the rest.
        const { bytes, size } = await readLimited(absolute);
        set.labels.set(kind.lang, layCatalogue(set.labels.get(kind.lang) ?? new Map(), keptLabels(file, bytes, size, store)));
      } else {
        const text = new TextDecoder('utf-8').decode(await readFile(absolute));
        if (kind.kind === 'page') set.pages[kind.format][kind.page] = { file, text };
        else set.partials[kind.format][kind.name] = { file, text };
      }
    }
    if (unknown.length) {
      throw new ConfigError(
        `${shown(dir)}: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not used by the tool; templates are <format>/bulletin.hbs, <format>/index.hbs, <format>/partials/<name>.hbs and labels/<lang>.yaml, with <format> one of ${FORMATS.join(', ')}`,
      );
    }
  }
  return set;
}

export type RenderPage = (view: object, context: string) => string;

export interface CompiledFormat {
  bulletin: RenderPage;
  index: RenderPage;
}

/**
 * Parses every template up front (a syntax error stops the build before
 * anything is written) and compiles it when first used. With a `store`, the
 * compiled code is kept for the next build, which then neither parses nor compiles.
 */
export function compileFormat(set: TemplateSet, format: Format, htmlEscape: boolean, helpers: Record<string, Handlebars.HelperDelegate>, store?: DerivedStore): CompiledFormat {
  const env = Handlebars.create();
  const options: CompileOptions = { strict: true, noEscape: !htmlEscape, preventIndent: true };
  const compile = (source: TemplateSource): { source: TemplateSource; fn: Handlebars.TemplateDelegate } => {
    const key = store && derivedKey([Handlebars.VERSION, options, source.text]);
    const kept = key === undefined ? undefined : store!.get(key);
    if (kept === undefined) {
      try {
        Handlebars.parse(source.text);
      } catch (error) {
        throw new TemplateError(`${source.file}: template syntax error: ${errorMessage(error).split('\n').join(' ')}`, error);
      }
      if (key === undefined) return { source, fn: env.compile(source.text, options) };
    }
    let fn: Handlebars.TemplateDelegate | undefined;
    const compiled = () => {
      // A kept spec that does not load (damaged on disk) is compiled again.
      fn ??= (kept === undefined ? undefined : fromSpec(env, kept)) ?? fromSpec(env, precompiled(source.text, options, store!, key!));
      if (!fn) throw new Error(`internal: Handlebars could not load what it compiled from ${source.file}`);
      return fn;
    };
    return { source, fn: (context, runtime) => compiled()(context, runtime) };
  };
  for (const [name, source] of Object.entries(set.partials[format])) env.registerPartial(name, compile(source).fn);
  const runtime: Handlebars.RuntimeOptions = {
    helpers,
    allowProtoPropertiesByDefault: false,
    allowProtoMethodsByDefault: false,
  };
  const page = (which: Page): RenderPage => {
    const template = set.pages[format][which];
    if (!template) throw new TemplateError(`no ${format}/${which}.hbs template`);
    const { source, fn } = compile(template);
    return (view, context) => {
      try {
        return fn(view, runtime);
      } catch (error) {
        throw new TemplateError(renderFailure(source.file, context, error), error);
      }
    };
  };
  return { bulletin: page('bulletin'), index: page('index') };
}

type CompileOptions = Parameters<typeof Handlebars.compile>[1];
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

function precompiled(text: string, options: CompileOptions, store: DerivedStore, key: string): string {
  const spec = Handlebars.precompile(text, options) as string;
  store.put(key, spec);
  return spec;
}

/**
 * The template from precompile's output (an object literal of the code
 * Handlebars.compile would have made); undefined when it does not load.
 */
function fromSpec(env: typeof Handlebars, spec: string): Handlebars.TemplateDelegate | undefined {
  try {
    return env.template(new Function(`return (${spec});`)() as TemplateSpecification);
  } catch {
    return undefined;
  }
}

/** The language of the page being rendered: the `lang` of its view. */
function pageLang(options: Handlebars.HelperOptions): string {
  return String((options.data as { root: { lang: string } }).root.lang);
}

const listFormats = new Map<string, Intl.ListFormat>();
/**
 * Lists in a language's own words and punctuation, from the platform's Unicode
 * data: "A, B, and C", "A, B et C", "A、B和C". (The `unit` style, used before,
 * has no separator at all in Chinese, "ABC", and only spaces in Japanese and
 * Russian.)
 */
function listFormat(lang: string): Intl.ListFormat {
  let format = listFormats.get(lang);
  if (!format) {
    format = new Intl.ListFormat(lang, { type: 'conjunction', style: 'long' });
    listFormats.set(lang, format);
  }
  return format;
}

/** Helpers every format's templates may use. */
/**
 * A template that failed on a bulletin, in the terms of the template file.
 * Handlebars' strict mode says `"contry" not defined in [object Object] - 1:2`
 * (the column counted from 0): that becomes the file, line and column, and the name.
 */
function renderFailure(file: string, context: string, error: unknown): string {
  const message = errorMessage(error).split('\n').join(' ');
  const notDefined = /^"([^"]+)" not defined in .* - (\d+):(\d+)$/.exec(message);
  if (notDefined) {
    const [, name, line, column] = notDefined;
    return `${file}:${line}:${Number(column) + 1}: "${name}" is not a field a template can use (rendering ${context}); check its spelling against the default templates`;
  }
  return `Having trouble rendering ${file} for ${context}: ${message}`;
}

export function baseHelpers(catalogues: ReadonlyMap<string, Labels>): Record<string, Handlebars.HelperDelegate> {
  return {
    /** `{{t "what_to_do"}}`, `{{t "level_of" level=4}}`: a label in the page's language (`lang` of the view). */
    t(key: unknown, options: Handlebars.HelperOptions) {
      const lang = pageLang(options);
      const labels = catalogues.get(lang);
      if (!labels) throw new TemplateError(`no label catalogue for ${lang}`);
      return label(labels, lang, String(key), options.hash as Record<string, string>);
    },
    /**
     * `{{isolate phone}}`: on a right-to-left page, keeps a left-to-right run such as
     * "+961 0 000 000" in its own order (Unicode isolates U+2066 ... U+2069);
     * without them a bidi-aware viewer shows the digit groups reversed.
     * `{{isolate address auto=true}}` isolates text that may be written either
     * way (an address kept as written locally, "1 Example Street, Paris"): its
     * direction comes from its first letter (U+2068 ... U+2069).
     */
    isolate(value: unknown, options: Handlebars.HelperOptions) {
      const text = String(value ?? '');
      if (textDirection(pageLang(options)) !== 'rtl' || text === '') return text;
      return isolated(text, (options.hash as { auto?: boolean }).auto === true);
    },
    /**
     * `{{t "phone"}}{{colon}}`: a colon and its space as the page's language writes them
     * ("Téléphone : " in French); `{{colon bare=true}}` without the space after it, to go
     * inside bold (`**Latest update:**`), which a space before the closing stars would undo.
     */
    colon: (options: Handlebars.HelperOptions) => {
      const colon = punctuation(pageLang(options)).colon;
      return (options.hash as { bare?: boolean }).bare === true ? colon.trimEnd() : colon;
    },
    eq: (a: unknown, b: unknown) => a === b,
    gt: (a: unknown, b: unknown) => Number(a) > Number(b),
    /** `(concat a ": " b)`: joins its arguments as text (null and undefined count as empty). */
    concat: (...args: unknown[]) => args.slice(0, -1).map((a) => (a == null ? '' : String(a))).join(''),
    /** `(suffix ". " note)`: the prefix and value when there is a value, otherwise nothing. */
    suffix: (prefix: unknown, value: unknown) => (value == null || value === '' ? '' : `${String(prefix)}${String(value)}`),
    /** `(joinNames risks)`: the `name` of each item as a list in the page's language ("A, B, C"; Arabic "A، وB، وC"). */
    joinNames(items: unknown, options: Handlebars.HelperOptions) {
      const names = Array.isArray(items) ? items.map((i: { name: unknown }) => String(i.name)) : [];
      return listFormat(pageLang(options)).format(names);
    },
    /** `{{wrap text first="  - "}}`: one paragraph wrapped at 72 columns of display width. */
    wrap(text: unknown, options: Handlebars.HelperOptions) {
      const hash = options.hash as { first?: string; rest?: string; width?: number };
      return wrapParagraph(String(text ?? ''), { width: hash.width ?? TEXT_WIDTH, first: hash.first ?? '', ...(hash.rest !== undefined ? { rest: hash.rest } : {}) });
    },
    /** `{{nobreak phone}}`: spaces and hyphens that never break, so a phone number stays on one line. */
    nobreak: (text: unknown) => String(text ?? '').replace(/ /g, '\u00a0').replace(/-/g, '\u2011'),
    /** `{{underline text "="}}`: a rule as wide as the text, for plain-text headings. */
    underline(text: unknown, char: unknown) {
      return String(char).repeat(Math.max(3, Math.min(TEXT_WIDTH, displayWidth(String(text ?? '')))));
    },
  };
}
