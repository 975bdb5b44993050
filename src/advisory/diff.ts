/**
 * What changed in meaning between two sets of advisories: the questions a
 * reviewer asks of a pull request (is a country more dangerous now? which
 * regions? what do we tell people to do?), not a line diff. Advisories are
 * matched by country code, so renaming a file is not a change. Pure.
 *
 * Every field of an advisory is compared: a change the report has no words
 * for still shows, as `other`, because a comment saying "no changes" when
 * the advice changed is worse than no comment at all.
 */
import type { Advisory, Contact, Level, Region, Risk, Translation, Update } from './types.js';

export interface RegionRef {
  name: string;
  code?: string;
}

/** The short fields, shown with their old and new values. */
export const FIELDS = ['country', 'title', 'issued', 'updated', 'review_by'] as const;
export type Field = (typeof FIELDS)[number];

export interface AdvisoryChange {
  code: string;
  country: string;
  status: 'added' | 'removed' | 'changed';
  /** For an added or removed advisory, `from` or `to` is absent. */
  level: { from?: Level; to?: Level } | null;
  /** The headline name, the title and the dates; an absent value is a field left out. */
  fields: Array<{ field: Field; from?: string; to?: string }>;
  regions: {
    added: Array<RegionRef & { level: Level }>;
    removed: Array<RegionRef & { level: Level }>;
    relevelled: Array<RegionRef & { from: Level; to: Level }>;
    /** Regions with a code whose name changed. */
    renamed: Array<{ code: string; from: string; to: string }>;
    /** Regions (by their new name) whose note changed. */
    notes: Array<RegionRef & { from?: string; to?: string }>;
    /** The whole new order, when the regions kept changed order; else empty. */
    reordered: RegionRef[];
  };
  /** Items compared with their repeats: a second copy of an item is an item added. */
  guidance: { added: string[]; removed: string[]; reordered: string[] };
  risks: { added: Risk[]; removed: Risk[] };
  contacts: { added: string[]; removed: string[]; changed: Array<{ name: string; fields: string[] }>; reordered: string[] };
  /** Update entries that were not there before, and those that are gone (an edited entry is both), newest first. */
  updates: { added: Update[]; removed: Update[] };
  /** Long texts whose wording changed: summary, body. */
  reworded: string[];
  translations: { added: string[]; removed: string[]; changed: Array<{ lang: string; fields: string[] }> };
  /** Fields this report has no words for that changed. */
  other: string[];
}

const byCode = (advisories: readonly Advisory[]) => new Map(advisories.map((a) => [a.code, a]));
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Line breaks in YAML folded text are not changes of meaning. */
const normal = (text: string) => text.replace(/\s+/g, ' ').trim();
const optionalNormal = (text: string | undefined) => (text === undefined ? undefined : normal(text));

/** A value as text that only a change of meaning changes: whitespace runs collapsed, keys in order (YAML's key order means nothing). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'string') return normal(v);
    if (v && typeof v === 'object' && !Array.isArray(v)) return Object.fromEntries(Object.entries(v).sort(([a], [b]) => compareText(a, b)));
    return v;
  });
}

/**
 * Items added and removed, counting repeats (a duplicate is an item added), and
 * whether the items on both sides are in a different order, which matters: the
 * first guidance item is what a reader sees first.
 */
function listChanges<T>(before: readonly T[], after: readonly T[], key: (item: T) => string): { added: T[]; removed: T[]; reordered: boolean } {
  const unmatched = (items: readonly T[], others: readonly T[]) => {
    const left = new Map<string, number>();
    for (const item of others) left.set(key(item), (left.get(key(item)) ?? 0) + 1);
    const kept: string[] = [];
    const extra: T[] = [];
    for (const item of items) {
      const n = left.get(key(item)) ?? 0;
      if (n > 0) {
        left.set(key(item), n - 1);
        kept.push(key(item));
      } else extra.push(item);
    }
    return { kept, extra };
  };
  const now = unmatched(after, before);
  const old = unmatched(before, after);
  return { added: now.extra, removed: old.extra, reordered: now.kept.some((k, i) => k !== old.kept[i]) };
}

const regionKey = (r: Region) => r.code ?? `name:${r.name}`;
const regionRef = (r: Region): RegionRef => (r.code ? { name: r.name, code: r.code } : { name: r.name });

function regionChanges(before: readonly Region[], after: readonly Region[]): AdvisoryChange['regions'] {
  const { added, removed, reordered } = listChanges(before, after, regionKey);
  const old = new Map(before.map((r) => [regionKey(r), r]));
  const pairs = after.flatMap((r) => {
    const was = old.get(regionKey(r));
    return was ? [{ was, r }] : [];
  });
  return {
    added: added.map((r) => ({ ...regionRef(r), level: r.level })),
    removed: removed.map((r) => ({ ...regionRef(r), level: r.level })),
    relevelled: pairs.filter(({ was, r }) => was.level !== r.level).map(({ was, r }) => ({ ...regionRef(r), from: was.level, to: r.level })),
    renamed: pairs.filter(({ was, r }) => normal(was.name) !== normal(r.name)).map(({ was, r }) => ({ code: r.code!, from: was.name, to: r.name })),
    notes: pairs
      .filter(({ was, r }) => optionalNormal(was.note) !== optionalNormal(r.note))
      .map(({ was, r }) => ({ ...regionRef(r), ...(was.note !== undefined ? { from: was.note } : {}), ...(r.note !== undefined ? { to: r.note } : {}) })),
    reordered: reordered ? after.map(regionRef) : [],
  };
}

const CONTACT_FIELDS = ['phone', 'email', 'url', 'address', 'hours', 'emergency'] as const;

function contactChanges(before: readonly Contact[], after: readonly Contact[]): AdvisoryChange['contacts'] {
  const { added, removed, reordered } = listChanges(before, after, (c) => c.name);
  const old = new Map(before.map((c) => [c.name, c]));
  const changed = after.flatMap((c) => {
    const was = old.get(c.name);
    const fields = was ? CONTACT_FIELDS.filter((f) => was[f] !== c[f]) : [];
    return fields.length ? [{ name: c.name, fields: [...fields] }] : [];
  });
  return { added: added.map((c) => c.name), removed: removed.map((c) => c.name), changed, reordered: reordered ? after.map((c) => c.name) : [] };
}

/** Per language, which fields changed, compared by meaning (not by how the YAML is laid out). */
function translationChanges(before: Record<string, Translation>, after: Record<string, Translation>): AdvisoryChange['translations'] {
  const langs = (t: Record<string, Translation>) => Object.keys(t).sort(compareText);
  const changed = langs(after).flatMap((lang) => {
    const was = before[lang];
    if (!was) return [];
    const is = after[lang]!;
    const fields = changedKeys(was, is);
    return fields.length ? [{ lang, fields }] : [];
  });
  return { added: langs(after).filter((l) => !before[l]), removed: langs(before).filter((l) => !after[l]), changed };
}

/** The keys of two objects whose values differ in meaning, in alphabetical order. */
function changedKeys(before: object, after: object, skip: ReadonlySet<string> = new Set()): string[] {
  const was = before as Record<string, unknown>;
  const is = after as Record<string, unknown>;
  return [...new Set([...Object.keys(was), ...Object.keys(is)])]
    .filter((key) => !skip.has(key) && canonical(was[key]) !== canonical(is[key]))
    .sort(compareText);
}

/** The fields compared one by one above; any other field is compared whole, so that no new field can change silently. */
const COMPARED = new Set(['code', 'level', ...FIELDS, 'regions', 'guidance', 'risks', 'contacts', 'updates', 'summary', 'body', 'translations']);

function emptyChange(a: Advisory, status: AdvisoryChange['status']): AdvisoryChange {
  return {
    code: a.code,
    country: a.country,
    status,
    level: null,
    fields: [],
    regions: { added: [], removed: [], relevelled: [], renamed: [], notes: [], reordered: [] },
    guidance: { added: [], removed: [], reordered: [] },
    risks: { added: [], removed: [] },
    contacts: { added: [], removed: [], changed: [], reordered: [] },
    updates: { added: [], removed: [] },
    reworded: [],
    translations: { added: [], removed: [], changed: [] },
    other: [],
  };
}

function compareAdvisory(before: Advisory, after: Advisory): AdvisoryChange | null {
  const change = emptyChange(after, 'changed');
  if (before.level !== after.level) change.level = { from: before.level, to: after.level };
  change.fields = FIELDS.filter((f) => optionalNormal(before[f]) !== optionalNormal(after[f])).map((field) => ({
    field,
    ...(before[field] !== undefined ? { from: before[field] } : {}),
    ...(after[field] !== undefined ? { to: after[field] } : {}),
  }));
  change.regions = regionChanges(before.regions, after.regions);
  const guidance = listChanges(before.guidance, after.guidance, normal);
  change.guidance = { added: guidance.added, removed: guidance.removed, reordered: guidance.reordered ? [...after.guidance] : [] };
  // Risks are tags: their order means nothing.
  const risks = listChanges(before.risks, after.risks, (r) => r);
  change.risks = { added: risks.added, removed: risks.removed };
  change.contacts = contactChanges(before.contacts, after.contacts);
  const updates = listChanges(before.updates, after.updates, (u) => `${u.date} ${normal(u.summary)}`);
  change.updates = { added: updates.added, removed: updates.removed };
  change.reworded = (['summary', 'body'] as const).filter((f) => optionalNormal(before[f]) !== optionalNormal(after[f]));
  change.translations = translationChanges(before.translations, after.translations);
  change.other = changedKeys(before, after, COMPARED);
  return hasChanges(change) ? change : null;
}

export function hasChanges(c: AdvisoryChange): boolean {
  const lists = [
    c.fields,
    ...Object.values(c.regions),
    ...Object.values(c.guidance),
    ...Object.values(c.risks),
    ...Object.values(c.contacts),
    ...Object.values(c.updates),
    c.reworded,
    ...Object.values(c.translations),
    c.other,
  ] as unknown[][];
  return c.status !== 'changed' || c.level !== null || lists.some((list) => list.length > 0);
}

/** Every advisory that was added, removed or changed in meaning, in country-code order. */
export function diffAdvisories(before: readonly Advisory[], after: readonly Advisory[]): AdvisoryChange[] {
  const old = byCode(before);
  const now = byCode(after);
  const codes = [...new Set([...old.keys(), ...now.keys()])].sort(compareText);
  return codes.flatMap((code): AdvisoryChange[] => {
    const was = old.get(code);
    const is = now.get(code);
    if (was && is) {
      const change = compareAdvisory(was, is);
      return change ? [change] : [];
    }
    if (is) return [{ ...emptyChange(is, 'added'), level: { to: is.level } }];
    return [{ ...emptyChange(was!, 'removed'), level: { from: was!.level } }];
  });
}
