/**
 * Label catalogues: every fixed word a template prints, per language, from
 * `labels/<lang>.yaml` in the templates folders. A ministry's folder can add
 * a language or override single labels. The English catalogue is the
 * reference: a catalogue missing one of its labels is an error.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { parseYamlSource } from '../advisory/yaml-source.js';
import { ConfigError } from '../errors.js';
import type { Diagnostic } from '../report/diagnostics.js';

export type Labels = ReadonlyMap<string, string>;

export const REFERENCE_LANGUAGE = 'en';

/** A catalogue file flattened: `key.sub` => text, list items as `key.1`, `key.2`, ... */
export interface Catalogue {
  labels: Map<string, string>;
  /** The keys that hold a list (`scale.us`, `not_level_phrases`, `title_phrases.us.4`). */
  lists: string[];
}

/** Flattens a catalogue file into `key.sub` => text (list items as `key.1`, `key.2`, ...), and names its lists. */
export function parseLabels(file: string, bytes: Uint8Array, size = bytes.byteLength): Catalogue {
  const { source, diagnostics } = parseYamlSource(file, bytes, 'label catalogue', size);
  const problems: Diagnostic[] = [...diagnostics];
  const out = new Map<string, string>();
  const lists: string[] = [];
  const visit = (node: Node | null, key: string) => {
    if (isMap(node)) {
      for (const pair of node.items) visit(pair.value as Node, key ? `${key}.${String((pair.key as { value: unknown }).value)}` : String((pair.key as { value: unknown }).value));
    } else if (isSeq(node)) {
      lists.push(key);
      node.items.forEach((item, i) => visit(item as Node, `${key}.${i + 1}`));
    } else if (isScalar(node) && typeof node.value === 'string') {
      out.set(key, node.value);
    } else {
      const at = source.position(node);
      problems.push({ severity: 'error', file, line: at.line, col: at.col, field: key, message: `label ${key} must be text`, rule: 'label' });
    }
  };
  if (source.root) visit(source.root, '');
  if (problems.length) throw new ConfigError(`invalid label catalogue ${file}`, problems);
  return { labels: out, lists };
}

/**
 * A list of phrases, any of which will do (`not_level_phrases`, one level's `title_phrases`), as
 * against a list whose places mean something (a scale's level names, the levels of `title_phrases`).
 */
function isPhraseList(key: string): boolean {
  return key === 'not_level_phrases' || /^title_phrases\.[^.]+\.\d+$/.test(key);
}

/**
 * `over` laid over `under`, label by label, so a ministry's catalogue need hold only what it
 * changes (a scale's level 1 name alone), except that a list of phrases replaces the whole list:
 * item by item, a shorter list would keep the built-in phrases past its end, which the ministry
 * had meant to leave out.
 */
export function layCatalogue(under: Labels, over: Catalogue): Map<string, string> {
  const replaced = over.lists.filter(isPhraseList).map((key) => `${key}.`);
  const merged = new Map([...under].filter(([key]) => !replaced.some((prefix) => key.startsWith(prefix))));
  for (const [key, value] of over.labels) merged.set(key, value);
  return merged;
}

/**
 * Labels a catalogue may leave out: the phrases titles say a level with besides its
 * name (`title_phrases`), needed only where titles do not use the name's own words,
 * and the phrases that hold a level's words but name none (`not_level_phrases`).
 */
export function isOptionalLabel(key: string): boolean {
  return key.startsWith('title_phrases.') || key.startsWith('not_level_phrases.');
}

/** Every configured language has every reference label; names what is missing. */
export function checkCatalogues(catalogues: ReadonlyMap<string, Labels>, languages: readonly string[], where: string): void {
  const reference = catalogues.get(REFERENCE_LANGUAGE);
  const problems: string[] = [];
  for (const lang of languages) {
    const labels = catalogues.get(lang);
    if (!labels) {
      problems.push(`no label catalogue for language "${lang}": add labels/${lang}.yaml to your templates folder (copy ${where}/labels/en.yaml and translate it)`);
      continue;
    }
    if (!reference) continue;
    const missing = [...reference.keys()].filter((k) => !labels.has(k) && !isOptionalLabel(k));
    if (missing.length) problems.push(`label catalogue "${lang}" is missing ${missing.length === 1 ? 'the label' : 'labels'} ${missing.join(', ')}`);
  }
  if (problems.length) throw new ConfigError(problems.join('\n'));
}

/** Looks a label up and fills `{placeholders}`. Throws for an unknown key: that is a template bug. */
export function label(labels: Labels, lang: string, key: string, values: Readonly<Record<string, string | number>> = {}): string {
  const text = labels.get(key);
  if (text === undefined) throw new ConfigError(`label "${key}" is not in the ${lang} label catalogue`);
  // Most labels have no placeholder, and a page asks for dozens: skip the replace (130 ms a thread in a large build).
  if (!text.includes('{')) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
