/**
 * The texts of an advisory as the rules that compare them see them (see
 * `comparable`), per language and list: worked out once per advisory,
 * language and list, since several rules compare the same items and a project
 * can have thousands of advisories in a dozen languages; and only for the
 * lists a rule asks for, since a list of one item has nothing to compare.
 */
import type { Advisory, Translation } from './types.js';
import { comparable } from './visible-text.js';

export type ListKey = 'guidance' | 'regions' | 'contacts' | 'updates';
export const LIST_KEYS: readonly ListKey[] = ['guidance', 'regions', 'contacts', 'updates'];
export type Texts = ReadonlyArray<string | undefined>;

/**
 * Whether a translated list has another number of items than the original: an error of its own
 * (translationsComplete), which refuses the build, so no item of it is told to "fall back".
 */
export function itemCountDiffers(a: Advisory, t: Translation, key: ListKey): boolean {
  const found = t[key]?.length;
  return found !== undefined && found !== a[key].length;
}

/** Joins the fields of one item into one text to compare: no compared text holds U+0000 (comparable makes it a space, and codes cannot hold one). */
const SEPARATOR = '\u0000';

/** One text of several fields; undefined when the item has none of them. */
export function joined(fields: ReadonlyArray<string | undefined>): string | undefined {
  return fields.every((f) => f === undefined) ? undefined : fields.map((f) => f ?? '').join(SEPARATOR);
}

/** One list of `t` as compared in `lang`; undefined when `t` has no such list. An item is undefined when it has none of the fields a translation can have. */
function compareList(t: Translation | Advisory, key: ListKey, lang: string): Texts | undefined {
  const text = (s: string | undefined) => (s === undefined ? undefined : comparable(s, lang));
  switch (key) {
    case 'guidance':
      return t.guidance?.map((g) => comparable(g, lang));
    case 'regions':
      return t.regions?.map((r) => text(r.name));
    case 'contacts':
      return t.contacts?.map((c) => joined([text(c.name), text(c.address), text(c.hours)]));
    case 'updates':
      return t.updates?.map((u) => text(u.summary));
  }
}

const cache = new WeakMap<Advisory, Map<string, Texts | undefined>>();

/**
 * The texts of the list `key` of `a` in `lang`: the primary text's when
 * `lang` is the primary language, else its translation's, compared by the
 * rules of `lang`; undefined when `lang` has no translation, or the
 * translation has no such list.
 */
export function comparedTexts(a: Advisory, lang: string, primary: string, key: ListKey): Texts | undefined {
  const source = lang === primary ? a : a.translations[lang];
  if (source === undefined) return undefined;
  let lists = cache.get(a);
  if (lists === undefined) cache.set(a, (lists = new Map()));
  const id = `${lang} ${key}`;
  if (lists.has(id)) return lists.get(id);
  const texts = compareList(source, key, lang);
  lists.set(id, texts);
  return texts;
}
