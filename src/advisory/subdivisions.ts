/**
 * ISO 3166-2 subdivisions, from the table generated out of Debian's iso-codes
 * (iso3166-2-table.ts, made by scripts/iso-3166-2-table.mjs). A region's code
 * is published as its CAP area's geocode, by which alerting networks target
 * it: a code that names no subdivision targets nothing, or another province.
 */
import { comparable } from './country-names.js';
import { ISO_3166_2_ROWS, ISO_3166_2_SOURCE } from './iso3166-2-table.js';
import { didYouMean } from './suggest.js';

export interface Subdivision {
  code: string;
  /** As ISO gives it, in the country's language: "Al Janūb", "Kayes". */
  name: string;
  /** "Governorate", "Region". */
  type: string;
}

/** What the table is as of, for messages: "2025-04-11 (iso-codes 4.18.0)". */
export const SUBDIVISIONS_AS_OF = `${ISO_3166_2_SOURCE.date} (${ISO_3166_2_SOURCE.name} ${ISO_3166_2_SOURCE.version})`;

interface Table {
  byCode: Map<string, Subdivision>;
  byCountry: Map<string, Subdivision[]>;
}

let table: Table | undefined;

const numeric = (part: string) => /^\d+$/.test(part);

/** ML-1, ML-2, …, ML-10, then ML-BKO: numbers by value, before letters, as a reader looks a code up. */
function inCodeOrder(a: Subdivision, b: Subdivision): number {
  const [x, y] = [a.code.slice(3), b.code.slice(3)];
  if (numeric(x) !== numeric(y)) return numeric(x) ? -1 : 1;
  if (numeric(x) && Number(x) !== Number(y)) return Number(x) - Number(y);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Built on first use: advisories without region codes never pay for 5,000 rows. */
function loaded(): Table {
  if (!table) {
    const byCode = new Map<string, Subdivision>();
    const byCountry = new Map<string, Subdivision[]>();
    for (const row of ISO_3166_2_ROWS.trim().split('\n')) {
      const [code, name, type] = row.split('|') as [string, string, string];
      const subdivision = { code, name, type };
      byCode.set(code, subdivision);
      const country = code.slice(0, 2);
      const list = byCountry.get(country);
      if (list) list.push(subdivision);
      else byCountry.set(country, [subdivision]);
    }
    for (const list of byCountry.values()) list.sort(inCodeOrder);
    table = { byCode, byCountry };
  }
  return table;
}

export function subdivision(code: string): Subdivision | undefined {
  return loaded().byCode.get(code);
}

/** A country's subdivisions, in code order; none for a country ISO 3166-2 does not divide. */
export function subdivisionsOf(country: string): readonly Subdivision[] {
  return loaded().byCountry.get(country) ?? [];
}

/** subdivisionNames' answers, by code: at most one per subdivision of the table. */
const namesByCode = new Map<string, readonly string[]>();

/**
 * The ways a region may write a subdivision's name, made comparable: the name
 * ("Kayes"), with its type after or before it ("Kayes Region"), and each
 * spelling where ISO gives two ("Illes Balears [Islas Baleares]").
 */
export function subdivisionNames(s: Subdivision): readonly string[] {
  // Kept: each region's name is compared with every subdivision of its country (a hundred or more), and normalising was 3 % of a 249-advisory build.
  let names = namesByCode.get(s.code);
  if (names === undefined) {
    const bare = [s.name, ...s.name.split(/\s*[[\]]\s*/)].map(comparable).filter((n) => n !== '');
    const type = comparable(s.type);
    names = [...new Set(bare.flatMap((n) => [n, `${n} ${type}`, `${type} ${n}`]))];
    namesByCode.set(s.code, names);
  }
  return names;
}

/** The subdivisions of `country` whose name `name` is, exactly (case, accents and punctuation aside). */
export function subdivisionsNamed(name: string, country: string): Subdivision[] {
  const wanted = comparable(name);
  return subdivisionsOf(country).filter((s) => subdivisionNames(s).includes(wanted));
}

/**
 * The subdivision an unknown `code` was probably meant as: the one the
 * region's name names (exactly, else within a few letters), else the code
 * written with or without a leading zero (ML-01, NO-3), else one letter off
 * (TT-TOV). Numbers a digit off are not guessed: KE-09 is no likelier than
 * KE-98 for KE-99.
 */
export function subdivisionMeant(code: string, name: string, country: string): Subdivision | undefined {
  const all = subdivisionsOf(country);
  // A name two subdivisions share (a division and its district) says neither.
  const byName = new Map<string, Subdivision | null>();
  for (const s of all) for (const n of subdivisionNames(s)) byName.set(n, byName.has(n) && byName.get(n) !== s ? null : s);
  const near = didYouMean(comparable(name), [...byName.keys()]);
  if (near !== null && byName.get(near)) return byName.get(near)!;
  const part = code.slice(3);
  if (numeric(part)) return all.find((s) => numeric(s.code.slice(3)) && Number(s.code.slice(3)) === Number(part));
  const letters = didYouMean(part, all.map((s) => s.code.slice(3)));
  return letters === null ? undefined : all.find((s) => s.code.slice(3) === letters);
}
