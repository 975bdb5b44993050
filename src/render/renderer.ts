/**
 * One build's renderer: templates loaded and compiled once, then asked for
 * each bulletin and index page in turn.
 */
import { createHash } from 'node:crypto';
import type { LevelWording } from '../advisory/title-rules.js';
import type { Advisory, AdvisoryDigest } from '../advisory/types.js';
import type { Config, Format } from '../config/config.js';
import type { DerivedStore } from '../derived-store.js';
import { FORMAT_DEFINITIONS } from './formats.js';
import { checkCatalogues, label } from './labels.js';
import { baseHelpers, compileFormat, loadTemplateSet, type CompiledFormat, type TemplateSet } from './templates.js';
import { keepClusterWidths } from './wrap.js';
import { bulletinPath, bulletinView, indexPath, indexView, levelName, levelTitlePhrases, notLevelPhrases, textDirection, type Locale } from './view.js';
import { LEVELS } from '../config/levels.js';

export interface RenderedFile {
  /** Relative to the output folder, with forward slashes. */
  path: string;
  content: string;
}

export interface Renderer {
  bulletin(advisory: Advisory, lang: string, format: Format, context: string): RenderedFile;
  index(advisories: readonly AdvisoryDigest[], lang: string, format: Format): RenderedFile;
  /** Labels and settings of one language, for output built without templates (feeds, alerts, open data). */
  locale(lang: string): Locale;
  /** A hash of everything besides an advisory that its output depends on: templates, labels, config. */
  fingerprint: string;
}

/** Every template, partial and label, and the config, in a fixed order, hashed. */
function fingerprintOf(set: TemplateSet, config: Config): string {
  const texts = (group: Record<string, Record<string, { text: string }>>) =>
    Object.keys(group).sort().map((format) => Object.keys(group[format]!).sort().map((name) => [format, name, group[format]![name]!.text]));
  const labels = [...set.labels.keys()].sort().map((lang) => [lang, [...set.labels.get(lang)!.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
  const { file: _where, ...settings } = config;
  return createHash('sha256').update(JSON.stringify([texts(set.pages), texts(set.partials), labels, settings])).digest('hex');
}

/** With `store`, parsed label catalogues, compiled templates and measured text widths are kept there for the next build (see derived-store.ts). */
export async function createRenderer(config: Config, templateDirs: readonly string[], shown?: (absolute: string) => string, store?: DerivedStore): Promise<Renderer> {
  const set = await loadTemplateSet(templateDirs, shown, store);
  if (store) keepClusterWidths(store);
  checkCatalogues(set.labels, config.languages, templateDirs.length ? templateDirs.join(', ') : 'the built-in templates');
  const helpers = baseHelpers(set.labels);
  const compiled = new Map<Format, CompiledFormat>();
  for (const format of config.formats) compiled.set(format, compileFormat(set, format, FORMAT_DEFINITIONS[format].htmlEscape, helpers, store));

  const primary = config.languages[0]!;
  const locale = (lang: string): Locale => ({ lang, primary, labels: set.labels.get(lang)!, config });

  return {
    locale,
    fingerprint: fingerprintOf(set, config),
    bulletin(advisory, lang, format, context) {
      const { ext, adapters } = FORMAT_DEFINITIONS[format];
      const view = bulletinView(advisory, locale(lang), adapters[textDirection(lang)], ext);
      return { path: bulletinPath(advisory.code, lang, primary, ext), content: compiled.get(format)!.bulletin(view, context) };
    },
    index(advisories, lang, format) {
      const { ext, adapters } = FORMAT_DEFINITIONS[format];
      const view = indexView(advisories, locale(lang), adapters[textDirection(lang)], ext);
      return { path: indexPath(lang, primary, ext), content: compiled.get(format)!.index(view, `the ${lang} index`) };
    },
  };
}

/** Per language, how titles name the levels (see LevelWording): validation compares titles with the advisory's level. */
export function levelWordingByLanguage(renderer: Renderer, languages: readonly string[]): Record<string, LevelWording> {
  return Object.fromEntries(
    languages.map((lang) => {
      const locale = renderer.locale(lang);
      const levels = LEVELS.map((level): [string, ...string[]] => [levelName(level, locale), ...levelTitlePhrases(level, locale)]);
      return [lang, { label: label(locale.labels, lang, 'level_label'), levels, notLevels: notLevelPhrases(locale) }];
    }),
  );
}
