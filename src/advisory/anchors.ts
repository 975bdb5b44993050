/**
 * Which original item each translated region or contact translates. By
 * position, as the format has always said; or, once a translated list names
 * its originals with `for: <name>`, by that name, wherever the original now
 * is. Position alone breaks silently: contacts put in another order in the
 * primary language only would print one office's translated name and hours
 * beside another's phone number. Pure; validation (anchor-rules.ts) reports
 * what cannot be paired, rendering only ever sees files that passed it.
 */
import type { Advisory, Translation } from './types.js';

/** The translated lists whose items can name their original: those whose originals have a `name`. */
export type AnchoredKey = 'regions' | 'contacts';
export const ANCHORED_KEYS: readonly AnchoredKey[] = ['regions', 'contacts'];

/** A translated item, as far as pairing is concerned. */
export interface Anchorable {
  for?: string;
}

/** Whether a translated list pairs by name: one item with `for` is enough (anchor-rules.ts wants them all then). */
export function isAnchored(items: readonly Anchorable[] | undefined): boolean {
  return items !== undefined && items.some((item) => item.for !== undefined);
}

/** What one translated item's `for` finds among the original names. */
export type Resolution =
  | { kind: 'paired'; original: number }
  /** No `for` in a list where other items have one. */
  | { kind: 'missing' }
  /** No original has that name. */
  | { kind: 'unknown'; name: string }
  /** Several originals have that name: the anchor cannot tell them apart. */
  | { kind: 'ambiguous'; name: string; originals: number[] }
  /** An earlier translated item is already paired with that original. */
  | { kind: 'duplicate'; name: string; original: number; first: number };

/**
 * Each translated item's resolution against the original names, for an
 * anchored list. Names are compared as written (YAML has trimmed them), in
 * Unicode's composed form: the anchor is a copy of the name, and a near miss
 * gets a "did you mean".
 */
export function resolveAnchors(names: readonly string[], items: readonly Anchorable[]): Resolution[] {
  // In one Unicode form: "Côte" typed with a combining accent looks the same as with "ô", and a
  // message that cannot show the difference could not say what to fix.
  const byName = new Map<string, number[]>();
  names.forEach((name, i) => {
    const key = name.normalize('NFC');
    byName.set(key, [...(byName.get(key) ?? []), i]);
  });
  const claimedBy = new Map<number, number>();
  return items.map((item, j): Resolution => {
    if (item.for === undefined) return { kind: 'missing' };
    const name = item.for;
    const originals = byName.get(name.normalize('NFC')) ?? [];
    if (originals.length === 0) return { kind: 'unknown', name };
    if (originals.length > 1) return { kind: 'ambiguous', name, originals };
    const original = originals[0]!;
    const first = claimedBy.get(original);
    if (first !== undefined) return { kind: 'duplicate', name, original, first };
    claimedBy.set(original, j);
    return { kind: 'paired', original };
  });
}

export interface Pairing {
  /** For each original item, the index of the translated item that translates it; undefined for none. */
  translationOf: Array<number | undefined>;
  /** For each translated item, the index of the original it translates; undefined for none. */
  originalOf: Array<number | undefined>;
}

/** How the translated `items` pair with the `originals`: by `for` when the list has it, else by position. */
export function pairing(originals: ReadonlyArray<{ name: string }>, items: readonly Anchorable[] | undefined): Pairing {
  const list = items ?? [];
  if (!isAnchored(list)) {
    return { translationOf: originals.map((_, i) => (i < list.length ? i : undefined)), originalOf: list.map((_, j) => (j < originals.length ? j : undefined)) };
  }
  const originalOf = resolveAnchors(
    originals.map((o) => o.name),
    list,
  ).map((r) => (r.kind === 'paired' ? r.original : undefined));
  const translationOf: Array<number | undefined> = originals.map(() => undefined);
  originalOf.forEach((i, j) => {
    if (i !== undefined) translationOf[i] = j;
  });
  return { translationOf, originalOf };
}

/** For a list of `t` that names its originals, the original each item translates; null for a list that pairs by position. */
export function anchoredOriginals(a: Advisory, t: Translation, key: string): Array<number | undefined> | null {
  if (key !== 'regions' && key !== 'contacts') return null;
  return isAnchored(t[key]) ? pairing(a[key], t[key]).originalOf : null;
}

/**
 * The translation into `lang` with its regions and contacts in the order of
 * the originals, item for item (an original with no translated item gets an
 * empty one, so it falls back to the primary text): what every output that
 * pairs by position (bulletins, alerts, open data) reads. The translation
 * itself when no list of it is anchored.
 */
export function alignedTranslation(a: Advisory, lang: string): Translation | undefined {
  const t = a.translations[lang];
  if (t === undefined || !ANCHORED_KEYS.some((key) => isAnchored(t[key]))) return t;
  const aligned: Translation = { ...t };
  for (const key of ANCHORED_KEYS) {
    const items = t[key];
    if (items === undefined || !isAnchored(items)) continue;
    aligned[key] = pairing(a[key], items).translationOf.map((j) => (j === undefined ? {} : items[j]!));
  }
  return aligned;
}
