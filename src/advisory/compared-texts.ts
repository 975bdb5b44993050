/**
 * The texts of an advisory as the rules that compare them see them (see
 * `comparable`), per language: worked out once per advisory and language,
 * since several rules compare the same items and a project can have
 * thousands of advisories in a dozen languages.
 */
import type { Advisory, Translation } from './types.js';
import { comparable } from './visible-text.js';

export type ListKey = 'guidance' | 'regions' | 'contacts' | 'updates';
export const LIST_KEYS: readonly ListKey[] = ['guidance', 'regions', 'contacts', 'updates'];
export type Texts = ReadonlyArray<string | undefined>;

/**
 * The lists a translation can have, with the fields of each item that a
 * translation can have; an item is undefined when it has none of them
 * (nothing to compare), a list when it is left out.
 */
export type ComparedTexts = Record<ListKey, Texts | undefined>;

/** Joins the fields of one item into one text to compare: no compared text holds U+0000 (comparable makes it a space, and codes cannot hold one). */
const SEPARATOR = '\u0000';

/** One text of several fields; undefined when the item has none of them. */
export function joined(fields: ReadonlyArray<string | undefined>): string | undefined {
  return fields.every((f) => f === undefined) ? undefined : fields.map((f) => f ?? '').join(SEPARATOR);
}

function compare(t: Translation | Advisory, lang: string): ComparedTexts {
  const text = (s: string | undefined) => (s === undefined ? undefined : comparable(s, lang));
  return {
    guidance: t.guidance?.map((g) => comparable(g, lang)),
    regions: t.regions?.map((r) => text(r.name)),
    contacts: t.contacts?.map((c) => joined([text(c.name), text(c.address), text(c.hours)])),
    updates: t.updates?.map((u) => text(u.summary)),
  };
}

const cache = new WeakMap<Advisory, Map<string, ComparedTexts>>();

/**
 * The texts of `a` in `lang`: the primary text when `lang` is the primary
 * language, else its translation (undefined when it has none), compared by
 * the rules of `lang`.
 */
export function comparedTexts(a: Advisory, lang: string, primary: string): ComparedTexts | undefined {
  const source = lang === primary ? a : a.translations[lang];
  if (source === undefined) return undefined;
  let byLanguage = cache.get(a);
  if (byLanguage === undefined) cache.set(a, (byLanguage = new Map()));
  let texts = byLanguage.get(lang);
  if (texts === undefined) byLanguage.set(lang, (texts = compare(source, lang)));
  return texts;
}
