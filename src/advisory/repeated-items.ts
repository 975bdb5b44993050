/**
 * Lists in which an item repeats an earlier one, as a reader sees them (see
 * `comparable`). In the primary text a repeat is a slip that publishes the
 * same advice twice. In a translation it usually means an item was pasted
 * twice and the one meant there is lost, so the reader of that language
 * misses it: there it counts only where the primary items differ.
 */
import { comparedTexts, joined, LIST_KEYS, type ListKey, type Texts } from './compared-texts.js';
import type { Rule } from './rules.js';
import { anchoredOriginals } from './anchors.js';

/** Where in a translated item its message points, relative to the item. */
const POINT_AT: Record<ListKey, string> = { guidance: '', regions: '.name', contacts: '', updates: '.summary' };

/** Each item that repeats an earlier one, with the first it repeats: [index, first index]. Linear. */
function repeats(items: Texts): Array<[number, number]> {
  const first = new Map<string, number>();
  const found: Array<[number, number]> = [];
  items.forEach((item, i) => {
    if (item === undefined) return;
    const seen = first.get(item);
    if (seen === undefined) first.set(item, i);
    else found.push([i, seen]);
  });
  return found;
}

/** Fewer items than this cannot hold a repeat: such a list is not normalised (a translation's lists are often of one item). */
const REPEATABLE = 2;

export const itemsNotRepeated: Rule = (a, ctx, { languages }) => {
  const primary = languages[0] ?? 'en';
  const original = (key: ListKey) => comparedTexts(a, primary, primary, key)!;
  // Whole items in the primary text: two contacts with one name and two numbers are two contacts,
  // one update text on two dates two updates. Region names are compared by the regions rule, as errors.
  const whole: Array<[ListKey, () => Texts]> = [
    ['guidance', () => original('guidance')],
    ['contacts', () => a.contacts.map((c, i) => joined([original('contacts')[i], c.phone, c.email, c.url, String(c.emergency ?? '')]))],
    ['updates', () => a.updates.map((u, i) => joined([u.date, original('updates')[i]]))],
  ];
  for (const [key, items] of whole) {
    if (a[key].length < REPEATABLE) continue;
    for (const [i, first] of repeats(items())) {
      const field = `${key}[${i}]`;
      ctx.report('warning', ctx.at(field), field, `${field} repeats ${key}[${first}] word for word; remove the repeat, or write the item that was meant`, 'repeated-item');
    }
  }
  // A risk from the closed list given twice: the bulletins would say "Terrorism, Crime, and Terrorism".
  for (const [i, first] of a.risks.length < REPEATABLE ? [] : repeats(a.risks)) {
    const field = `risks[${i}]`;
    ctx.report('warning', ctx.at(field), field, `${field} repeats risks[${first}], "${a.risks[i]}": bulletins would list it twice; remove the repeat, or write the risk that was meant`, 'repeated-item');
  }
  for (const lang of languages.slice(1)) {
    const t = a.translations[lang];
    if (t === undefined) continue;
    const base = `translations.${lang}`;
    for (const key of LIST_KEYS) {
      if ((t[key]?.length ?? 0) < REPEATABLE) continue;
      const found = repeats(comparedTexts(a, lang, primary, key)!);
      if (found.length === 0) continue;
      const at = POINT_AT[key];
      // The original each translated item translates: by its for: where the list has them (see anchors.ts).
      const originalOf = anchoredOriginals(a, t, key);
      for (const [i, first] of found) {
        const [was, wasFirst] = originalOf ? [originalOf[i], originalOf[first]] : [i, first];
        // The primary items may themselves read the same (one office with two numbers): then so may their translations.
        // An item paired with no original has an error of its own.
        if (was === undefined || wasFirst === undefined || original(key)[was] === original(key)[wasFirst]) continue;
        const field = `${base}.${key}[${i}]${at}`;
        const message = `${field} repeats ${base}.${key}[${first}]${at} word for word, though ${key}[${was}] and ${key}[${wasFirst}] differ: an item was probably pasted twice and another lost; translate ${key}[${was}]${at} there`;
        ctx.report('warning', ctx.at(field), field, message, 'repeated-item');
      }
    }
  }
};
