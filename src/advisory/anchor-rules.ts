/**
 * A translated region or contact that says which original it translates
 * (`for: <name>`) must name exactly one, and no other item may name the same
 * one: an anchor that finds nothing usually means the original was renamed or
 * removed, so the translation needs a look before it is published. Errors,
 * since rendering would otherwise have to guess.
 */
import type { Rule } from './rules.js';
import { ANCHORED_KEYS, isAnchored, resolveAnchors, type AnchoredKey, type Resolution } from './anchors.js';
import { didYouMean } from './suggest.js';

const ITEM: Record<AnchoredKey, string> = { regions: 'region', contacts: 'contact' };

/** At most this many names are listed as the ones an anchor could be: a long list of regions would bury the message. */
const LISTED = 10;

/** Names as a message lists them: each once, quoted, the first few. */
function quotedNames(names: readonly string[]): string {
  const distinct = [...new Set(names)];
  const shown = distinct.slice(0, LISTED).map((n) => JSON.stringify(n));
  return distinct.length > LISTED ? `${shown.join(', ')} and ${distinct.length - LISTED} more` : shown.join(', ');
}

/** The message for one translated item that cannot be paired; null when it is. */
function problem(r: Resolution, list: string, field: string, key: AnchoredKey, names: readonly string[], unclaimed: readonly string[]): string | null {
  const item = ITEM[key];
  switch (r.kind) {
    case 'paired':
      return null;
    case 'missing': {
      const choices = unclaimed.length > 0 ? ` (one of: ${quotedNames(unclaimed)})` : '';
      return `${field} has no for:, though other items of this list have one: once one item names the ${item} it translates, every item must, or a reordered ${key} list would pair this one with the wrong ${item}; add for: with the name of the ${item} it translates${choices}`;
    }
    case 'unknown': {
      if (names.length === 0) return `${field} names no ${item}: found ${JSON.stringify(r.name)}, but there are no ${key} to translate`;
      const near = didYouMean(r.name, names);
      return (
        `${field} names no ${item}: found ${JSON.stringify(r.name)}, expected the name of one of ${key}: ${quotedNames(names)}` +
        `${near ? `; did you mean ${JSON.stringify(near)}?` : '.'} If that ${item} was renamed or removed, check that this translation still matches it, then write its name in for:`
      );
    }
    case 'ambiguous': {
      const where = r.originals.map((i) => `${key}[${i}]`);
      return `${field} ${JSON.stringify(r.name)} names ${where.slice(0, -1).join(', ')} and ${where.at(-1)}, which have the same name, so it cannot tell which one this translates; give those ${key} different names, or remove for: from every item of this list to pair them by position`;
    }
    case 'duplicate': {
      const left = unclaimed.length > 0 ? `, and ${quotedNames(unclaimed)} would have none` : '';
      return `${field} ${JSON.stringify(r.name)} names the same ${item} as ${list}[${r.first}].for: two translations of one ${item}${left}; correct the for: of one of them`;
    }
  }
}

export const translationAnchors: Rule = (a, ctx) => {
  for (const [lang, t] of Object.entries(a.translations)) {
    for (const key of ANCHORED_KEYS) {
      const items = t[key];
      if (items === undefined || !isAnchored(items)) continue;
      const names = a[key].map((o) => o.name);
      const resolutions = resolveAnchors(names, items);
      const claimed = new Set(resolutions.flatMap((r) => (r.kind === 'paired' ? [r.original] : [])));
      const unclaimed = names.filter((_, i) => !claimed.has(i));
      const list = `translations.${lang}.${key}`;
      resolutions.forEach((r, j) => {
        const field = r.kind === 'missing' ? `${list}[${j}]` : `${list}[${j}].for`;
        const message = problem(r, list, field, key, names, unclaimed);
        if (message !== null) ctx.report('error', ctx.at(field), field, message, 'translation-anchor');
      });
    }
  }
};
