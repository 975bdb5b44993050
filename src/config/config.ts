/**
 * advisory.config.yaml: optional; every key has a default here, so a folder
 * of advisories alone is enough. A bad config is an exit-2 error with a position.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { CheckContext, checkNode } from '../advisory/check.js';
import { LANGUAGE_PATTERN } from '../advisory/format.js';
import { webAddressProblem } from '../advisory/address-hints.js';
import type { ObjectSpec } from '../advisory/spec.js';
import { readLimited, SymbolicLinkError } from '../advisory/read-limited.js';
import { parseYamlSource } from '../advisory/yaml-source.js';
import { CONFIG_FILE, displayPath } from '../advisory/load.js';
import { ConfigError, systemRefusal } from '../errors.js';
import { bannerContrastProblem } from './contrast.js';
import { refuseInsideProject } from './project-folder.js';
import { catalogueLanguages } from '../render/template-folders.js';
import { BUILTIN_SCALES, DEFAULT_LEVEL_COLORS, type ScaleSetting } from './levels.js';
import type { Level } from '../advisory/types.js';

export { CONFIG_FILE };
export const FORMATS = ['md', 'html', 'txt'] as const;
export type Format = (typeof FORMATS)[number];

export interface Config {
  issuer: string;
  site_url: string;
  languages: string[];
  formats: Format[];
  scale: ScaleSetting;
  /** Folder of templates overriding the defaults, relative to the config file. */
  templates?: string;
  /** Per further language, what the config says in words: the issuer's name. */
  translations?: Record<string, { issuer?: string }>;
  /** Where the config came from, for messages; null when the defaults were used. */
  file: string | null;
}

export const DEFAULT_CONFIG: Config = {
  issuer: 'Ministry of Foreign Affairs',
  site_url: 'https://example.org/travel/',
  languages: ['en'],
  formats: ['md', 'html', 'txt'],
  scale: 'us',
  file: null,
};

/**
 * What would make `site_url` publish something wrong. Every link in feeds,
 * alerts and open data is made from it with `new URL`; a CAP alert needs each
 * to be a valid xs:anyURI, and its sender (the host) to have no comma.
 */
export function siteUrlProblem(value: string): string | null {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (url && (url.username || url.password)) return 'it holds a user name or password, which every feed and alert would publish';
  const problem = webAddressProblem(value);
  if (problem) return problem;
  if (url!.search || url!.hash) return 'it has a ?query or #fragment, which the links made from it would lose';
  if (/%(?![0-9A-Fa-f]{2})/.test(value)) return 'it has a % that does not start an escape such as %20';
  return null;
}

export const configFormat: ObjectSpec = {
  kind: 'object',
  description: 'advisory.config.yaml: project settings; every key is optional',
  fields: {
    issuer: { spec: { kind: 'string', pattern: /\S/, line: true, expected: 'the name of the publishing ministry', description: 'Who publishes the advisories' } },
    site_url: {
      spec: {
        kind: 'string',
        ascii: true,
        pattern: /^https?:\/\/[^\s<>"]+\/$/,
        format: 'uri',
        refine: siteUrlProblem,
        expected: 'a web address ending in /, e.g. https://example.org/travel/',
        description: 'Base address for links in feeds and alerts',
      },
    },
    languages: {
      spec: { kind: 'array', minItems: 1, items: { kind: 'string', ascii: true, pattern: LANGUAGE_PATTERN, expected: 'a language code such as en or fr' }, description: 'Languages to publish in; the first is primary' },
    },
    formats: { spec: { kind: 'array', minItems: 1, items: { kind: 'enum', values: FORMATS }, description: 'Bulletin formats to write' } },
    scale: {
      spec: {
        kind: 'oneOf',
        description: 'us | au | ca, or a list of 4 { name, color } levels',
        options: [
          { kind: 'enum', values: BUILTIN_SCALES },
          {
            kind: 'array',
            minItems: 4,
            maxItems: 4,
            items: {
              kind: 'object',
              fields: {
                name: { spec: { kind: 'string', pattern: /\S/, line: true, expected: 'the level name' }, required: true },
                color: { spec: { kind: 'string', ascii: true, pattern: /^#[0-9a-fA-F]{6}$/, expected: 'a colour as #rrggbb' }, required: true },
              },
            },
          },
        ],
      },
    },
    templates: { spec: { kind: 'string', pattern: /\S/, expected: 'a folder path', description: 'Folder of templates that override the defaults' } },
    translations: {
      spec: {
        kind: 'map',
        keyPattern: LANGUAGE_PATTERN,
        keyExpected: 'a language code such as fr or hi',
        values: { kind: 'object', fields: { issuer: { spec: { kind: 'string', pattern: /\S/, line: true, expected: 'the name of the publishing ministry in this language' } } } },
        description: 'Per further language: the issuer in that language',
      },
    },
  },
};

/** Why a config file could not be read, in words, with the system's code. */
function unreadable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = { ENOENT: 'there is no such file', EISDIR: 'it is a folder', ENOTDIR: 'a part of its path is a file' };
  if (code && reasons[code]) return `${reasons[code]} (${code})`;
  return systemRefusal(error) ?? code ?? String(error);
}

/**
 * The project's config. `templatesFlag` is a --templates folder given on the
 * command line: with the config's own folder and the built-in templates, it is
 * where each configured language must find its label catalogue.
 */
export async function loadConfig(cwd: string, configPath?: string, templatesFlag?: string): Promise<Config> {
  const absolute = path.resolve(cwd, configPath ?? CONFIG_FILE);
  const flagged = templatesFlag === undefined ? [] : [path.resolve(cwd, templatesFlag)];
  let read;
  try {
    read = await readLimited(absolute, { noFollow: true });
  } catch (error) {
    if (configPath === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') {
      // No config here is the defaults, unless this is a folder inside a project (see project-folder.ts).
      await refuseInsideProject(cwd, (project) => `pass --config ${project}/${CONFIG_FILE}`);
      return DEFAULT_CONFIG;
    }
    if (error instanceof SymbolicLinkError) {
      throw new ConfigError(`config ${displayPath(cwd, absolute)} is a symbolic link, which is not followed (a link could show any file on this machine in messages); copy the file here instead`);
    }
    throw new ConfigError(`cannot read config ${displayPath(cwd, absolute)}: ${unreadable(error)}`);
  }
  const inConfigFolder = (templates: string) => path.resolve(path.dirname(absolute), templates);
  const folders: TemplateFolders = {
    catalogues: (templates) => catalogueLanguages([...(templates === undefined ? [] : [inConfigFolder(templates)]), ...flagged]),
    problem: (templates) => folderProblem(inConfigFolder(templates)),
  };
  const config = parseConfig(displayPath(cwd, absolute), read.bytes, read.size, folders);
  // Template folders are relative to the config file, wherever the tool runs from.
  if (config.templates) config.templates = path.resolve(path.dirname(absolute), config.templates);
  return config;
}

/** What the config's `templates` setting names on disk. */
export interface TemplateFolders {
  /** The languages with a label catalogue, given the `templates` setting. */
  catalogues: (templates: string | undefined) => ReadonlySet<string>;
  /** Why the `templates` folder cannot be used (missing, a file), or null. */
  problem: (templates: string) => string | null;
}

/** Why `folder` cannot be a templates folder, or null when it is a folder. */
function folderProblem(folder: string): string | null {
  try {
    return statSync(folder).isDirectory() ? null : 'it is a file, not a folder';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such folder' : unreadable(error);
  }
}

/**
 * Config bytes to a Config, or a ConfigError carrying every problem. Pure but
 * for `folders`, which looks at the `templates` setting's folder (not checked
 * when absent): so that `validate` refuses what `build` would.
 */
export function parseConfig(file: string, bytes: Uint8Array, size = bytes.byteLength, folders?: TemplateFolders): Config {
  const { source, diagnostics } = parseYamlSource(file, bytes, 'config', size);
  // Every setting is optional: a config that is empty, or only comments, asks for the defaults.
  if (diagnostics.length === 1 && diagnostics[0]!.rule === 'empty') return { ...DEFAULT_CONFIG, file };
  const ctx = new CheckContext(source);
  const value = source.root ? (checkNode(configFormat, source.root, '', ctx) as Partial<Config> | undefined) : undefined;
  if (value?.languages && new Set(value.languages).size !== value.languages.length) {
    ctx.report('error', ctx.at('languages'), 'languages', `languages lists a language twice: ${value.languages.join(', ')}`, 'languages');
  }
  if (value?.formats && new Set(value.formats).size !== value.formats.length) {
    ctx.report('error', ctx.at('formats'), 'formats', `formats lists a format twice: ${value.formats.join(', ')}`, 'formats');
  }
  for (const lang of Object.keys(value?.translations ?? {})) {
    const languages = value?.languages ?? DEFAULT_CONFIG.languages;
    if (!languages.slice(1).includes(lang)) {
      const field = `translations.${lang}`;
      ctx.report('error', ctx.at(field), field, `${field}: ${lang} is not one of the further languages (${languages.slice(1).join(', ') || 'none'}); add it to languages or fix the code`, 'languages');
    }
  }
  const templatesProblem = value?.templates === undefined ? null : folders?.problem(value.templates);
  if (templatesProblem) {
    ctx.report('error', ctx.at('templates'), 'templates', `templates must be a folder (relative to ${file}), found "${value!.templates}": ${templatesProblem}`, 'templates');
  } else if (folders && value) {
    const have = folders.catalogues(value.templates);
    (value.languages ?? DEFAULT_CONFIG.languages).forEach((lang, i) => {
      if (have.has(lang)) return;
      const field = value.languages ? `languages[${i}]` : 'languages';
      const where = value.templates === undefined ? 'a templates folder (the `templates` setting, or --templates)' : `your templates folder ${value.templates}`;
      const message = `no label catalogue for language "${lang}" (there are catalogues for ${[...have].sort().join(', ')}): add labels/${lang}.yaml to ${where}, copied from the built-in templates/labels/en.yaml and translated`;
      ctx.report('error', ctx.at(field), field, message, 'languages');
    });
  }
  if (Array.isArray(value?.scale)) {
    value.scale.forEach((level, i) => {
      const problem = level?.color ? bannerContrastProblem(level.color, DEFAULT_LEVEL_COLORS[(i + 1) as Level]) : null;
      if (problem) ctx.report('error', ctx.at(`scale[${i}].color`), `scale[${i}].color`, `scale[${i}].color ${level.color} ${problem}`, 'contrast');
    });
  }
  const errors = [...diagnostics, ...ctx.diagnostics].filter((d) => d.severity === 'error');
  if (errors.length || !value) throw new ConfigError(`invalid config ${file}`, errors);
  return { ...DEFAULT_CONFIG, ...value, file };
}
