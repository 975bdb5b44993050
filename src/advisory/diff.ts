/**
 * What changed in meaning between two sets of advisories: the questions a
 * reviewer asks of a pull request (is a country more dangerous now? which
 * regions? what do we tell people to do?), not a line diff. Advisories are
 * matched by country code, so renaming a file is not a change. Pure.
 *
 * Every field of an advisory is compared, at any depth: a change the report
 * has no words for still shows, as `other`, because a comment saying "no
 * changes" when the advice changed is worse than no comment at all.
 */
import { highestLevel, type Advisory, type Contact, type Level, type Region, type RegionLevel, type Risk, type Translation, type Update, type VersionLevels } from './types.js';
import { ANCHORED_KEYS, isAnchored, type AnchoredKey } from './anchors.js';
import { compareInstants } from './dates.js';

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
  /**
   * A changed contact's phone, e-mail or web address is given with both values (null for none): a
   * reviewer must see the number or address readers will be sent to, not only that it changed.
   */
  contacts: { added: string[]; removed: string[]; changed: Array<{ name: string; fields: string[]; addresses: AddressChange[] }>; reordered: string[] };
  /** Update entries that were not there before, and those that are gone (an edited entry is both), newest first. */
  updates: { added: Update[]; removed: Update[] };
  /** Long texts whose wording changed: summary, body. */
  reworded: string[];
  /**
   * `notUpdated`: per language kept on both sides, the translated fields whose primary text changed while
   * the translation did not. Translated list items without `for:` go with the primary ones by position, so
   * a reordered list of contacts left untranslated pairs one embassy's name with another's number; items
   * with `for:` follow their originals, so for them only a changed text counts.
   */
  translations: { added: string[]; removed: string[]; changed: Array<{ lang: string; fields: string[] }>; notUpdated: Array<{ lang: string; fields: string[] }> };
  /**
   * What changed that the fields above have no words for: a top-level field (`future`, or
   * `updates` when only their order changed), or a field of an item found on both sides of a
   * list (`regions[2].population`, by its index in the new list).
   */
  other: string[];
  /**
   * The `updated` still given when a level (the country's, a region's, or the highest: see levelChanges) changed and it did not (or
   * was written anew as the same moment, `14:30+03:00` for `11:30Z`): feeds and CAP alerts are dated
   * and identified by it, so readers and alerting networks, which keep the first message they see
   * under an identifier, would not see the new level. Else null.
   */
  levelChangedSince: string | null;
  /**
   * With levelChangedSince, the `updated` at the revision: later than it when `updated` was moved
   * back (a time of day deleted), which dates the new version before the one already published.
   */
  updatedAtRevision: string | null;
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

/** An item found on both sides, with its index in the new list. */
interface Pair<T> {
  was: T;
  is: T;
  index: number;
}

/**
 * Items added and removed, counting repeats (a duplicate is an item added), the
 * items found on both sides (the nth copy before with the nth after), and whether
 * those are in a different order, which matters: the first guidance item is what
 * a reader sees first.
 */
function listChanges<T>(before: readonly T[], after: readonly T[], key: (item: T) => string): { added: T[]; removed: T[]; pairs: Array<Pair<T>>; reordered: boolean } {
  const waiting = new Map<string, number[]>();
  before.forEach((item, i) => waiting.set(key(item), [...(waiting.get(key(item)) ?? []), i]));
  const matched = new Set<number>();
  const pairs: Array<Pair<T>> = [];
  const added: T[] = [];
  after.forEach((is, index) => {
    const i = waiting.get(key(is))?.shift();
    if (i === undefined) added.push(is);
    else {
      matched.add(i);
      pairs.push({ was: before[i]!, is, index });
    }
  });
  const keptBefore = before.filter((_, i) => matched.has(i)).map(key);
  return { added, removed: before.filter((_, i) => !matched.has(i)), pairs, reordered: pairs.some(({ is }, n) => key(is) !== keptBefore[n]) };
}

/**
 * The backstop inside a list: the fields of items found on both sides that changed
 * and that the report has no words for, as `regions[2].population` (the index in
 * the new list, as validate names fields).
 */
function unreportedFields<T extends object>(list: string, pairs: ReadonlyArray<Pair<T>>, reported: ReadonlySet<string>): string[] {
  return pairs.flatMap(({ was, is, index }) => changedKeys(was, is, reported).map((field) => `${list}[${index}].${field}`));
}

const regionKey = (r: RegionLevel) => r.code ?? `name:${normal(r.name)}`;
const regionRef = (r: RegionLevel): RegionRef => (r.code ? { name: r.name, code: r.code } : { name: r.name });
const relevelled = <T extends RegionLevel>(pairs: ReadonlyArray<Pair<T>>) =>
  pairs.filter(({ was, is }) => was.level !== is.level).map(({ was, is }) => ({ ...regionRef(is), from: was.level, to: is.level }));

/** Regions found on both sides (by code, else by name) whose level changed. */
function relevelledRegions(before: readonly RegionLevel[], after: readonly RegionLevel[]): AdvisoryChange['regions']['relevelled'] {
  return relevelled(listChanges(before, after, regionKey).pairs);
}

/** One way a version's levels differ from another's (see levelChanges). */
export type LevelChange =
  | { of: 'country'; from: Level; to: Level }
  | { of: 'region'; region: RegionRef; from: Level; to: Level }
  | { of: 'highest'; from: Level; to: Level };

/**
 * How a version says something else of levels: the country's, each region's (found by code,
 * else name), and else the highest, which is the CAP alert's severity (a region added or removed
 * above the others). What alerting networks act on, so what a new `updated` must go with.
 */
export function levelChanges(before: VersionLevels, after: VersionLevels): LevelChange[] {
  const changes: LevelChange[] = before.level !== after.level ? [{ of: 'country', from: before.level, to: after.level }] : [];
  changes.push(...relevelledRegions(before.regions, after.regions).map(({ from, to, ...region }) => ({ of: 'region' as const, region, from, to })));
  const [from, to] = [highestLevel(before), highestLevel(after)];
  return changes.length || from === to ? changes : [{ of: 'highest', from, to }];
}

const REGION_FIELDS = new Set(['code', 'level', 'name', 'note']);

function regionChanges(before: readonly Region[], after: readonly Region[]): { report: AdvisoryChange['regions']; unreported: string[] } {
  const { added, removed, pairs, reordered } = listChanges(before, after, regionKey);
  const report = {
    added: added.map((r) => ({ ...regionRef(r), level: r.level })),
    removed: removed.map((r) => ({ ...regionRef(r), level: r.level })),
    relevelled: relevelled(pairs),
    renamed: pairs.filter(({ was, is }) => normal(was.name) !== normal(is.name)).map(({ was, is }) => ({ code: is.code!, from: was.name, to: is.name })),
    notes: pairs
      .filter(({ was, is }) => optionalNormal(was.note) !== optionalNormal(is.note))
      .map(({ was, is }) => ({ ...regionRef(is), ...(was.note !== undefined ? { from: was.note } : {}), ...(is.note !== undefined ? { to: is.note } : {}) })),
    reordered: reordered ? after.map(regionRef) : [],
  };
  return { report, unreported: unreportedFields('regions', pairs, REGION_FIELDS) };
}

export interface AddressChange {
  field: (typeof ADDRESS_FIELDS)[number];
  from: string | null;
  to: string | null;
}
const ADDRESS_FIELDS = ['phone', 'email', 'url'] as const;

/** A contact is found by its name; every other field of it that changes is named, whatever fields the format has. */
function contactChanges(before: readonly Contact[], after: readonly Contact[]): AdvisoryChange['contacts'] {
  const { added, removed, pairs, reordered } = listChanges(before, after, (c) => normal(c.name));
  const changed = pairs.flatMap(({ was, is }) => {
    const fields = changedKeys(was, is, new Set(['name']));
    const addresses = ADDRESS_FIELDS.filter((field) => fields.includes(field)).map((field) => ({ field, from: was[field] ?? null, to: is[field] ?? null }));
    return fields.length ? [{ name: is.name, fields, addresses }] : [];
  });
  return { added: added.map((c) => c.name), removed: removed.map((c) => c.name), changed, reordered: reordered ? after.map((c) => c.name) : [] };
}

/** Per language, which fields changed, compared by meaning (not by how the YAML is laid out). */
function translationChanges(before: Record<string, Translation>, after: Record<string, Translation>): Omit<AdvisoryChange['translations'], 'notUpdated'> {
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

/**
 * What of an advisory a translation translates, field by field: what a change to must reach every translation.
 * The lists in `unordered` are compared as sets: a translation whose items name their originals (see
 * anchors.ts) follows a reorder by itself, so only a change to an item's text is one it must catch up with.
 */
function translatable(a: Advisory, unordered: readonly AnchoredKey[]): Record<keyof Translation, unknown> {
  const list = (key: AnchoredKey, items: unknown[]) => (unordered.includes(key) ? items.map(canonical).sort(compareText) : items);
  return {
    updated: undefined, // a translation's own date
    title: optionalNormal(a.title),
    summary: normal(a.summary),
    body: optionalNormal(a.body),
    guidance: a.guidance.map(normal),
    regions: list('regions', a.regions.map((r) => [normal(r.name), optionalNormal(r.note)])),
    contacts: list('contacts', a.contacts.map((c) => [normal(c.name), optionalNormal(c.address), optionalNormal(c.hours)])),
    updates: a.updates.map((u) => normal(u.summary)),
  };
}

/** Per language on both sides: the fields it translates whose primary text changed while its own did not. */
function translationsNotUpdated(before: Advisory, after: Advisory): AdvisoryChange['translations']['notUpdated'] {
  return Object.keys(after.translations)
    .sort(compareText)
    .flatMap((lang) => {
      const was = before.translations[lang] as Record<string, unknown> | undefined;
      const is = after.translations[lang] as Record<string, unknown>;
      if (!was) return [];
      const anchored = ANCHORED_KEYS.filter((key) => isAnchored(after.translations[lang]![key]));
      const changedInPrimary = changedKeys(translatable(before, anchored), translatable(after, anchored));
      const fields = changedInPrimary.filter((field) => is[field] !== undefined && canonical(was[field]) === canonical(is[field]));
      return fields.length ? [{ lang, fields }] : [];
    });
}

/** The keys of two objects whose values differ in meaning, in alphabetical order. */
function changedKeys(before: object, after: object, skip: ReadonlySet<string> = new Set()): string[] {
  const was = before as Record<string, unknown>;
  const is = after as Record<string, unknown>;
  return [...new Set([...Object.keys(was), ...Object.keys(is)])]
    .filter((key) => !skip.has(key) && canonical(was[key]) !== canonical(is[key]))
    .sort(compareText);
}

/** Risks are tags: their order means nothing. The rest of an advisory means what it says, in its order. */
const meaning = (a: Advisory) => ({ ...a, risks: [...a.risks].sort(compareText) });

/** The top-level fields a change says something about, in words or as a path in `other`. */
function mentioned(c: AdvisoryChange): Set<string> {
  const sections = { regions: c.regions, guidance: c.guidance, risks: c.risks, contacts: c.contacts, updates: c.updates, translations: c.translations };
  const said = (lists: object) => Object.values(lists).some((list: unknown[]) => list.length > 0);
  return new Set([
    'code', // advisories are found by it
    ...(c.level ? ['level'] : []),
    ...c.fields.map((f) => f.field),
    ...c.reworded,
    ...Object.entries(sections).flatMap(([name, lists]) => (said(lists) ? [name] : [])),
    ...c.other.map((path) => /^[^[.]*/.exec(path)![0]),
  ]);
}

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
    translations: { added: [], removed: [], changed: [], notUpdated: [] },
    other: [],
    levelChangedSince: null,
    updatedAtRevision: null,
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
  const regions = regionChanges(before.regions, after.regions);
  change.regions = regions.report;
  const guidance = listChanges(before.guidance, after.guidance, normal);
  change.guidance = { added: guidance.added, removed: guidance.removed, reordered: guidance.reordered ? [...after.guidance] : [] };
  // Risks are tags: their order means nothing.
  const risks = listChanges(before.risks, after.risks, (r) => r);
  change.risks = { added: risks.added, removed: risks.removed };
  change.contacts = contactChanges(before.contacts, after.contacts);
  const updates = listChanges(before.updates, after.updates, (u) => `${u.date} ${normal(u.summary)}`);
  change.updates = { added: updates.added, removed: updates.removed };
  change.reworded = (['summary', 'body'] as const).filter((f) => optionalNormal(before[f]) !== optionalNormal(after[f]));
  change.translations = { ...translationChanges(before.translations, after.translations), notUpdated: translationsNotUpdated(before, after) };
  // The backstop: what changed that the words above do not cover is still named, inside lists
  // (a field of a region or an update) and at the top (a field, or a list whose change is its order).
  change.other = [...regions.unreported, ...unreportedFields('updates', updates.pairs, new Set(['date', 'summary']))];
  change.other = [...changedKeys(meaning(before), meaning(after), mentioned(change)), ...change.other];
  // Not later than at the revision: the same version, or one dated before it (a time of day deleted, 14:30Z back to the day's midnight).
  if (levelChanges(before, after).length > 0 && compareInstants(after.updated, before.updated) <= 0) {
    change.levelChangedSince = after.updated;
    change.updatedAtRevision = before.updated;
  }
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
