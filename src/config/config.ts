/**
 * advisory.config.yaml: optional; every key has a default here, so a folder
 * of advisories alone is enough. A bad config is an exit-2 error with a position.
 */
import path from 'node:path';
import { CheckContext, checkNode } from '../advisory/check.js';
import { LANGUAGE_PATTERN } from '../advisory/format.js';
import type { ObjectSpec } from '../advisory/spec.js';
import { readLimited } from '../advisory/read-limited.js';
import { parseYamlSource } from '../advisory/yaml-source.js';
import { ConfigError } from '../errors.js';
import { bannerContrastProblem } from './contrast.js';
import { BUILTIN_SCALES, DEFAULT_LEVEL_COLORS, type ScaleSetting } from './levels.js';
import type { Level } from '../advisory/types.js';

export const CONFIG_FILE = 'advisory.config.yaml';
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

export const configFormat: ObjectSpec = {
  kind: 'object',
  description: 'advisory.config.yaml: project settings; every key is optional',
  fields: {
    issuer: { spec: { kind: 'string', pattern: /\S/, expected: 'the name of the publishing ministry', description: 'Who publishes the advisories' } },
    site_url: {
      spec: { kind: 'string', pattern: /^https?:\/\/[^\s<>"]+\/$/, format: 'uri', expected: 'a web address ending in /, e.g. https://example.org/travel/', description: 'Base address for links in feeds and alerts' },
    },
    languages: {
      spec: { kind: 'array', minItems: 1, items: { kind: 'string', pattern: LANGUAGE_PATTERN, expected: 'a language code such as en or fr' }, description: 'Languages to publish in; the first is primary' },
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
                name: { spec: { kind: 'string', pattern: /\S/, expected: 'the level name' }, required: true },
                color: { spec: { kind: 'string', pattern: /^#[0-9a-fA-F]{6}$/, expected: 'a colour as #rrggbb' }, required: true },
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
        values: { kind: 'object', fields: { issuer: { spec: { kind: 'string', pattern: /\S/, expected: 'the name of the publishing ministry in this language' } } } },
        description: 'Per further language: the issuer in that language',
      },
    },
  },
};

export async function loadConfig(cwd: string, configPath?: string): Promise<Config> {
  const absolute = path.resolve(cwd, configPath ?? CONFIG_FILE);
  let read;
  try {
    read = await readLimited(absolute);
  } catch (error) {
    if (configPath === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') return DEFAULT_CONFIG;
    throw new ConfigError(`cannot read config ${configPath ?? CONFIG_FILE}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const config = parseConfig(path.relative(cwd, absolute) || absolute, read.bytes, read.size);
  // Template folders are relative to the config file, wherever the tool runs from.
  if (config.templates) config.templates = path.resolve(path.dirname(absolute), config.templates);
  return config;
}

/** Pure: config bytes to a Config, or a ConfigError carrying every problem. */
export function parseConfig(file: string, bytes: Uint8Array, size = bytes.byteLength): Config {
  const { source, diagnostics } = parseYamlSource(file, bytes, 'config', size);
  const ctx = new CheckContext(source);
  const value = source.root ? (checkNode(configFormat, source.root, '', ctx) as Partial<Config> | undefined) : undefined;
  if (value?.languages && new Set(value.languages).size !== value.languages.length) {
    ctx.report('error', ctx.at('languages'), 'languages', `languages lists a language twice: ${value.languages.join(', ')}`, 'languages');
  }
  for (const lang of Object.keys(value?.translations ?? {})) {
    const languages = value?.languages ?? DEFAULT_CONFIG.languages;
    if (!languages.slice(1).includes(lang)) {
      const field = `translations.${lang}`;
      ctx.report('error', ctx.at(field), field, `${field}: ${lang} is not one of the further languages (${languages.slice(1).join(', ') || 'none'}); add it to languages or fix the code`, 'languages');
    }
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
