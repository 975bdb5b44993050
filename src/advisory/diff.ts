/**
 * What changed in meaning between two sets of advisories: the questions a
 * reviewer asks of a pull request (is a country more dangerous now? which
 * regions? what do we tell people to do?), not a line diff. Advisories are
 * matched by country code, so renaming a file is not a change. Pure.
 */
import type { Advisory, Contact, Level, Region, Risk, Update } from './types.js';

export interface RegionRef {
  name: string;
  code?: string;
}

export interface AdvisoryChange {
  code: string;
  country: string;
  status: 'added' | 'removed' | 'changed';
  /** For an added or removed advisory, `from` or `to` is absent. */
  level: { from?: Level; to?: Level } | null;
  regions: {
    added: Array<RegionRef & { level: Level }>;
    removed: Array<RegionRef & { level: Level }>;
    relevelled: Array<RegionRef & { from: Level; to: Level }>;
  };
  guidance: { added: string[]; removed: string[] };
  risks: { added: Risk[]; removed: Risk[] };
  contacts: { added: string[]; removed: string[]; changed: Array<{ name: string; fields: string[] }> };
  /** Update entries that were not there before, newest first. */
  updates: Update[];
  /** Fields whose wording changed without a change above: title, summary, body, translations. */
  reworded: string[];
}

const byCode = (advisories: readonly Advisory[]) => new Map(advisories.map((a) => [a.code, a]));
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Line breaks in YAML folded text are not changes of meaning. */
const normal = (text: string) => text.replace(/\s+/g, ' ').trim();

function setChanges<T>(before: readonly T[], after: readonly T[], key: (item: T) => string): { added: T[]; removed: T[] } {
  const old = new Set(before.map(key));
  const now = new Set(after.map(key));
  return { added: after.filter((x) => !old.has(key(x))), removed: before.filter((x) => !now.has(key(x))) };
}

const regionKey = (r: Region) => r.code ?? `name:${r.name}`;
const regionRef = (r: Region): RegionRef => (r.code ? { name: r.name, code: r.code } : { name: r.name });

function regionChanges(before: readonly Region[], after: readonly Region[]): AdvisoryChange['regions'] {
  const { added, removed } = setChanges(before, after, regionKey);
  const old = new Map(before.map((r) => [regionKey(r), r]));
  const relevelled = after.flatMap((r) => {
    const was = old.get(regionKey(r));
    return was && was.level !== r.level ? [{ ...regionRef(r), from: was.level, to: r.level }] : [];
  });
  return {
    added: added.map((r) => ({ ...regionRef(r), level: r.level })),
    removed: removed.map((r) => ({ ...regionRef(r), level: r.level })),
    relevelled,
  };
}

const CONTACT_FIELDS = ['phone', 'email', 'url', 'address', 'hours', 'emergency'] as const;

function contactChanges(before: readonly Contact[], after: readonly Contact[]): AdvisoryChange['contacts'] {
  const { added, removed } = setChanges(before, after, (c) => c.name);
  const old = new Map(before.map((c) => [c.name, c]));
  const changed = after.flatMap((c) => {
    const was = old.get(c.name);
    const fields = was ? CONTACT_FIELDS.filter((f) => was[f] !== c[f]) : [];
    return fields.length ? [{ name: c.name, fields: [...fields] }] : [];
  });
  return { added: added.map((c) => c.name), removed: removed.map((c) => c.name), changed };
}

function emptyChange(a: Advisory, status: AdvisoryChange['status']): AdvisoryChange {
  return {
    code: a.code,
    country: a.country,
    status,
    level: null,
    regions: { added: [], removed: [], relevelled: [] },
    guidance: { added: [], removed: [] },
    risks: { added: [], removed: [] },
    contacts: { added: [], removed: [], changed: [] },
    updates: [],
    reworded: [],
  };
}

function compareAdvisory(before: Advisory, after: Advisory): AdvisoryChange | null {
  const change = emptyChange(after, 'changed');
  if (before.level !== after.level) change.level = { from: before.level, to: after.level };
  change.regions = regionChanges(before.regions, after.regions);
  const guidance = setChanges(before.guidance, after.guidance, normal);
  change.guidance = guidance;
  change.risks = setChanges(before.risks, after.risks, (r) => r);
  change.contacts = contactChanges(before.contacts, after.contacts);
  const { added: updates } = setChanges(before.updates, after.updates, (u) => `${u.date} ${normal(u.summary)}`);
  change.updates = updates;
  const texts: Array<[string, unknown, unknown]> = [
    ['title', before.title, after.title],
    ['summary', normal(before.summary), normal(after.summary)],
    ['body', before.body && normal(before.body), after.body && normal(after.body)],
    ['translations', JSON.stringify(before.translations), JSON.stringify(after.translations)],
  ];
  change.reworded = texts.filter(([, was, now]) => was !== now).map(([field]) => field);
  return hasChanges(change) ? change : null;
}

export function hasChanges(c: AdvisoryChange): boolean {
  return (
    c.status !== 'changed' ||
    c.level !== null ||
    [c.regions.added, c.regions.removed, c.regions.relevelled, c.guidance.added, c.guidance.removed, c.risks.added, c.risks.removed, c.contacts.added, c.contacts.removed, c.contacts.changed, c.updates, c.reworded].some(
      (list) => list.length > 0,
    )
  );
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
