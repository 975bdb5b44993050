import { UsageError } from '../errors.js';
import { visible } from '../report/paths.js';

/** Calendar dates as the format writes them: YYYY-MM-DD, always in the proleptic Gregorian calendar, no time zone. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A version of an advisory (`updated`, an update's `date`, a translation's `updated`): a date, or a
 * date and time of day with its offset from UTC (`2026-12-03T14:30Z`, `2026-12-03T14:30:15+03:00`).
 * The offset is required: without it the same text is a different moment in every time zone, and the
 * alert and feed dated by it would differ with the machine that builds them. A time lets an advisory
 * changed twice in one day give each version an alert of its own (CAP identifier and `sent`).
 */
export const DATE_OR_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2}))?$/;

const PARTS = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:Z|([+-])(\d{2}):(\d{2})))?$/;

interface Parts {
  year: number;
  month: number;
  day: number;
  /** Absent for a date alone. */
  time?: { hour: number; minute: number; second: number; offsetMinutes: number; offset: string };
}

function parts(value: string): Parts | null {
  const m = PARTS.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, sign, oh, om] = m;
  const date = { year: Number(y), month: Number(mo), day: Number(d) };
  if (h === undefined) return date;
  const offsetMinutes = sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  return { ...date, time: { hour: Number(h), minute: Number(mi), second: Number(s ?? 0), offsetMinutes, offset: sign === undefined ? 'Z' : `${sign}${oh}:${om}` } };
}

/** Null when `value` is a real calendar date (and, with a time, a real time and offset), otherwise why not. */
export function invalidDateReason(value: string): string | null {
  const p = parts(value);
  if (!p) return null; // the pattern check reports it
  const { year: y, month: m, day: d } = p;
  const date = value.slice(0, 10);
  if (m < 1 || m > 12) return `month ${m} does not exist`;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < 1 || d > days) return `${date} is not a real date: month ${m} of ${y} has ${days} days`;
  const t = p.time;
  if (!t) return null;
  if (t.hour > 23 || t.minute > 59 || t.second > 59) return `${value.slice(11).replace(/(Z|[+-].*)$/, '')} is not a time of day: hours go from 00 to 23, minutes and seconds from 00 to 59`;
  // Time zones run from UTC-12:00 to UTC+14:00; XML Schema (CAP's `sent`) allows offsets up to 14:00.
  if (Math.abs(t.offsetMinutes) > 14 * 60 || Number(t.offset.slice(4)) > 59) return `${t.offset} is not an offset from UTC: offsets go from -14:00 to +14:00`;
  return null;
}

/**
 * A date and time written some other common way, read: `2026-06-12 14:30 UTC`, `2026-06-12t14:30z`,
 * `2026-06-12T1430Z`, `2026-06-12T2:30pm`, `2026-06-12T14:30:15.250Z`, `2026-06-12T14:30+0300`.
 * Only forms with one meaning: an hour of 1 to 12 with am or pm, a time of four or six digits.
 */
const LOOSE_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[Tt ]\s*(?:(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?|(\d{2})(\d{2})(\d{2})?)?(?:(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?)?(\s*(?:[Zz]|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?$/i;

interface LooseTime {
  date: string;
  /** HH:MM or HH:MM:SS, on the 24-hour clock. */
  time: string;
  /** Z or ±HH:MM; absent when the value has none. */
  zone?: string;
  /** Written with am or pm, or with a fraction of a second: said in the hint. */
  twelveHour: boolean;
  fraction: boolean;
}

const two = (n: number) => String(n).padStart(2, '0');

function looseTime(value: string): LooseTime | null {
  const m = LOOSE_DATE_TIME.exec(value.trim());
  if (!m) return null;
  const [, date, h, mi, s, fraction, ch, cmi, cs, ph, pmi, half, zone] = m;
  let time: string;
  if (h !== undefined && half === undefined) time = `${two(Number(h))}:${mi}${s === undefined ? '' : `:${s}`}`;
  else if (ch !== undefined && half === undefined) time = `${ch}:${cmi}${cs === undefined ? '' : `:${cs}`}`;
  else if (ph !== undefined && h === undefined && ch === undefined) {
    const hour = Number(ph);
    if (hour < 1 || hour > 12) return null;
    time = `${two((hour % 12) + (half!.toLowerCase() === 'p' ? 12 : 0))}:${pmi ?? '00'}`;
  } else return null;
  const z = zone?.trim().toUpperCase();
  const written = z === undefined ? undefined : z === 'Z' || z === 'UTC' || z === 'GMT' ? 'Z' : /^[+-]\d{2}$/.test(z) ? `${z}:00` : z.includes(':') ? z : `${z.slice(0, 3)}:${z.slice(3)}`;
  return { date: date!, time, zone: written, twelveHour: half !== undefined, fraction: fraction !== undefined };
}

/**
 * Why a version that fails DATE_OR_TIME_PATTERN does, when it is a date and time
 * written some other common way; undefined when it is no near miss. What it offers
 * passes: a date or time that does not exist is said to, rather than offered.
 */
export function dateTimeHint(value: string): string | undefined {
  const t = looseTime(value);
  if (!t) return undefined;
  const at = `${t.date}T${t.time}`;
  const wrong = invalidDateReason(`${at}${t.zone ?? 'Z'}`);
  if (wrong) return wrong;
  if (t.zone !== undefined) {
    const lead = t.twelveHour ? 'write the time on the 24-hour clock:' : t.fraction ? 'seconds are the finest unit a time takes: write it as' : 'write it as';
    return `${lead} ${at}${t.zone}`;
  }
  const add = `add Z if the time is UTC (${at}Z), or the offset of the time zone it is in, such as ${at}+03:00`;
  if (t.twelveHour) return `write the time on the 24-hour clock, ${at}, and ${add}: without an offset from UTC it would be a different moment in each time zone`;
  const seconds = t.fraction ? 'seconds are the finest unit a time takes, and ' : '';
  return `${seconds}the time has no offset from UTC, so it would be a different moment in each time zone; ${add}`;
}

/** Whether a version carries a time of day. */
export function hasTime(value: string): boolean {
  return value.length > 10;
}

/** The moment a valid date or date and time stands for, in milliseconds since 1970 UTC: a date alone is its midnight UTC. */
export function instant(value: string): number {
  const p = parts(value);
  if (!p) throw new Error(`not a date or date and time: ${value}`);
  const t = p.time ?? { hour: 0, minute: 0, second: 0, offsetMinutes: 0 };
  const at = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC takes years 0 to 99 as 1900 to 1999.
  at.setUTCFullYear(p.year, p.month - 1, p.day);
  at.setUTCHours(t.hour, t.minute - t.offsetMinutes, t.second, 0);
  return at.getTime();
}

/** Orders two versions by the moment they stand for (negative: `a` is earlier); a date alone is its midnight UTC. */
export function compareInstants(a: string, b: string): number {
  return instant(a) - instant(b);
}

/** The later of two versions (the first when they are the same moment). */
export function later(a: string, b: string): string {
  return compareInstants(b, a) > 0 ? b : a;
}

/** `YYYY-MM-DDTHH:MM:SS`, in UTC, of a moment. */
function utcSeconds(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/**
 * A version in the one form the outputs use: a date as written, a date and time in UTC with
 * `Z` and seconds only when there are some (`2026-12-03T14:30+03:00` is `2026-12-03T11:30Z`). Two
 * ways of writing one moment are one version, with one CAP identifier; no space, comma, `<` or `&`.
 */
export function canonicalVersion(value: string): string {
  if (!hasTime(value)) return value;
  const time = utcSeconds(instant(value));
  return `${time.endsWith(':00') ? time.slice(0, 16) : time}Z`;
}

/**
 * The moment as RFC 3339 with seconds, in UTC, written with `zone`: `Z` for Atom and JSON Feed, `-00:00`
 * for CAP, whose text (CAP 1.2 §3.3.2) forbids `Z` and requires UTC to be written `-00:00`, not `+00:00`.
 */
export function utcDateTime(value: string, zone: 'Z' | '-00:00' = 'Z'): string {
  return `${utcSeconds(instant(value))}${zone}`;
}

/** The calendar date, in UTC, of the moment a version stands for. */
export function utcDate(value: string): string {
  return hasTime(value) ? utcSeconds(instant(value)).slice(0, 10) : value;
}

/**
 * A version as written, with the moment in UTC after it when the offset is another
 * (`2026-12-03T01:00+03:00, that is 2026-12-02T22:00Z`), so that a message comparing it
 * with a date shows why it is earlier or later.
 */
export function shownVersion(value: string): string {
  return hasTime(value) && !/(?:Z|[+-]00:00)$/.test(value) ? `${value}, that is ${canonicalVersion(value)}` : value;
}

/** Why a date-only field (`issued`, `review_by`) refuses a date and time: only versions take a time. */
export function dateOnlyHint(value: string): string | undefined {
  const t = DATE_OR_TIME_PATTERN.test(value.trim()) ? { date: value.trim().slice(0, 10) } : looseTime(value);
  if (!t || invalidDateReason(t.date) !== null) return undefined;
  return `only updated, the dates of updates and a translation's updated take a time of day; write the date alone, ${t.date}`;
}

/**
 * A version to suggest for a change made at `now`: that moment to the minute, in UTC
 * (`2026-12-03T15:00Z`), or, when `now` is not after `previous` (a clock behind, a date
 * written east of UTC), the minute after `previous`, so that the suggestion is always a newer version.
 */
export function versionAfter(previous: string, now: Date): { version: string; isNow: boolean } {
  const minute = 60_000;
  const current = Math.floor(now.getTime() / minute) * minute;
  const isNow = current > instant(previous);
  const at = isNow ? current : Math.floor(instant(previous) / minute) * minute + minute;
  return { version: `${utcSeconds(at).slice(0, 16)}Z`, isNow };
}

/** 9999-12-31T23:59:59Z: a later moment has no YYYY-MM-DD date. */
const LAST_EPOCH = 253402300799;

/**
 * The reference moment, from SOURCE_DATE_EPOCH when set (reproducible builds), else from the clock.
 * A malformed value is an error, not a reason to use the clock: the build would then differ from
 * one day to the next while claiming to be reproducible (https://reproducible-builds.org/specs/source-date-epoch/
 * says to fail). Empty counts as unset, as a CI template writes it when it has no date to give.
 */
export function referenceInstant(env: NodeJS.ProcessEnv, now: () => Date): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return now();
  if (!/^\d+$/.test(epoch) || Number(epoch) > LAST_EPOCH) {
    throw new UsageError(
      `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, up to ${LAST_EPOCH} (the end of 9999), as \`date +%s\` prints it; found "${visible(epoch)}". Set it that way, or unset it to judge by today's date`,
    );
  }
  return new Date(Number(epoch) * 1000);
}

/** Today's date as YYYY-MM-DD, in UTC, of the reference moment (see referenceInstant). */
export function referenceDate(env: NodeJS.ProcessEnv, now: () => Date): string {
  return referenceInstant(env, now).toISOString().slice(0, 10);
}

const LAST_DAY = Date.UTC(9999, 11, 31);

/** The calendar date `days` after `iso` (YYYY-MM-DD), across month and year ends. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const time = Date.UTC(y, m - 1, d + days);
  // Past 9999 an ISO string gains a sign and six digits ("+010000-01-01"), which
  // compares below every date; a date as YYYY-MM-DD stops at the last one.
  return time > LAST_DAY ? '9999-12-31' : new Date(time).toISOString().slice(0, 10);
}
