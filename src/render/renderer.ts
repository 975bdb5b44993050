/**
 * One build's renderer: templates loaded and compiled once, then asked for
 * each bulletin and index page in turn.
 */
import type { Advisory } from '../advisory/types.js';
import type { Config, Format } from '../config/config.js';
import { FORMAT_DEFINITIONS } from './formats.js';
import { checkCatalogues } from './labels.js';
import { baseHelpers, compileFormat, loadTemplateSet, type CompiledFormat } from './templates.js';
import { bulletinPath, bulletinView, indexPath, indexView, type Locale } from './view.js';

export interface RenderedFile {
  /** Relative to the output folder, with forward slashes. */
  path: string;
  content: string;
}

export interface Renderer {
  bulletin(advisory: Advisory, lang: string, format: Format, context: string): RenderedFile;
  index(advisories: readonly Advisory[], lang: string, format: Format): RenderedFile;
  /** Labels and settings of one language, for output built without templates (feeds, alerts, open data). */
  locale(lang: string): Locale;
}

export async function createRenderer(config: Config, templateDirs: readonly string[], shown?: (absolute: string) => string): Promise<Renderer> {
  const set = await loadTemplateSet(templateDirs, shown);
  checkCatalogues(set.labels, config.languages, templateDirs.length ? templateDirs.join(', ') : 'the built-in templates');
  const helpers = baseHelpers(set.labels);
  const compiled = new Map<Format, CompiledFormat>();
  for (const format of config.formats) compiled.set(format, compileFormat(set, format, FORMAT_DEFINITIONS[format].htmlEscape, helpers));

  const primary = config.languages[0]!;
  const locale = (lang: string): Locale => ({ lang, primary, labels: set.labels.get(lang)!, config });

  return {
    locale,
    bulletin(advisory, lang, format, context) {
      const { ext, adapter } = FORMAT_DEFINITIONS[format];
      const view = bulletinView(advisory, locale(lang), adapter, ext);
      return { path: bulletinPath(advisory.code, lang, primary, ext), content: compiled.get(format)!.bulletin(view, context) };
    },
    index(advisories, lang, format) {
      const { ext, adapter } = FORMAT_DEFINITIONS[format];
      const view = indexView(advisories, locale(lang), adapter, ext);
      return { path: indexPath(lang, primary, ext), content: compiled.get(format)!.index(view, `the ${lang} index`) };
    },
  };
}
