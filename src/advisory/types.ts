/** The advisory as the rest of the tool sees it, after validation. Field names are the YAML keys. */
export const RISKS = [
  'crime',
  'terrorism',
  'civil-unrest',
  'health',
  'natural-disaster',
  'time-limited-event',
  'kidnapping',
  'wrongful-detention',
  'other',
] as const;
export type Risk = (typeof RISKS)[number];

export type Level = 1 | 2 | 3 | 4;

export interface Region {
  name: string;
  code?: string;
  level: Level;
  note?: string;
}

export interface Contact {
  name: string;
  phone?: string;
  email?: string;
  url?: string;
  address?: string;
  hours?: string;
  emergency?: boolean;
}

export interface Update {
  date: string;
  summary: string;
}

export interface Translation {
  updated?: string;
  title?: string;
  summary?: string;
  guidance?: string[];
  /** `for`: the name of the original item this one translates (see anchors.ts); without it, items pair by position. */
  regions?: Array<{ for?: string; name?: string; note?: string }>;
  contacts?: Array<{ for?: string; name?: string; address?: string; hours?: string }>;
  body?: string;
  updates?: Array<{ summary?: string }>;
}

export interface Advisory {
  country: string;
  code: string;
  level: Level;
  title?: string;
  issued: string;
  updated: string;
  review_by?: string;
  risks: Risk[];
  summary: string;
  guidance: string[];
  regions: Region[];
  contacts: Contact[];
  body?: string;
  updates: Update[];
  translations: Record<string, Translation>;
}

/** One advisory together with where it came from. */
export interface LoadedAdvisory {
  file: string;
  advisory: Advisory;
}

/**
 * What the pages about all advisories (indexes, feeds, the manifest) need of
 * one: a few fields and the latest update. Small, so a build can gather it
 * from worker threads for thousands of advisories instead of whole texts.
 */
/** A region as far as levels go: what a version's CAP alert says of it (an area and its level). */
export type RegionLevel = Pick<Region, 'name' | 'code' | 'level'>;

/** The levels a version publishes: the country's and each region's. */
export interface VersionLevels {
  level: Level;
  regions: readonly RegionLevel[];
}

export function regionLevels(regions: readonly Region[]): RegionLevel[] {
  return regions.map((r) => ({ name: r.name, ...(r.code !== undefined ? { code: r.code } : {}), level: r.level }));
}

/** The alert warns about the worst the advisory describes: a level 4 region makes a level 3 country's alert extreme. */
export function highestLevel(levels: VersionLevels): Level {
  return Math.max(levels.level, ...levels.regions.map((r) => r.level)) as Level;
}

export interface AdvisoryDigest extends Pick<Advisory, 'country' | 'code' | 'level' | 'title' | 'issued' | 'updated' | 'summary'> {
  /** Each region's name, code and level: what the manifest records of a version, for the next build to compare with. */
  regions: RegionLevel[];
  /** The latest update only (none when the advisory lists none). */
  updates: Update[];
  translations: Record<string, Pick<Translation, 'title' | 'summary' | 'updated'> & { updates?: Array<{ summary?: string }> }>;
}

export function digest(a: Advisory): AdvisoryDigest {
  const translations: AdvisoryDigest['translations'] = {};
  for (const [lang, t] of Object.entries(a.translations)) {
    translations[lang] = {
      ...(t.title !== undefined ? { title: t.title } : {}),
      ...(t.summary !== undefined ? { summary: t.summary } : {}),
      ...(t.updated !== undefined ? { updated: t.updated } : {}),
      ...(t.updates !== undefined ? { updates: t.updates.slice(0, 1) } : {}),
    };
  }
  return {
    country: a.country,
    code: a.code,
    level: a.level,
    ...(a.title !== undefined ? { title: a.title } : {}),
    issued: a.issued,
    updated: a.updated,
    summary: a.summary,
    regions: regionLevels(a.regions),
    updates: a.updates.slice(0, 1),
    translations,
  };
}
