import { UsageError } from '../errors.js';
import { visible } from '../report/paths.js';

/** Calendar dates as the format writes them: YYYY-MM-DD, always in the proleptic Gregorian calendar, no time zone. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Null when `value` is a real calendar date, otherwise why not. */
export function invalidDateReason(value: string): string | null {
  if (!DATE_PATTERN.test(value)) return null; // the pattern check reports it
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  if (m < 1 || m > 12) return `month ${m} does not exist`;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < 1 || d > days) return `${value} is not a real date: month ${m} of ${y} has ${days} days`;
  return null;
}

/** 9999-12-31T23:59:59Z: a later moment has no YYYY-MM-DD date. */
const LAST_EPOCH = 253402300799;

/**
 * Today's date as YYYY-MM-DD, from SOURCE_DATE_EPOCH when set (reproducible builds), else from the clock.
 * A malformed value is an error, not a reason to use the clock: the build would then differ from
 * one day to the next while claiming to be reproducible (https://reproducible-builds.org/specs/source-date-epoch/
 * says to fail). Empty counts as unset, as a CI template writes it when it has no date to give.
 */
export function referenceDate(env: NodeJS.ProcessEnv, now: () => Date): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return now().toISOString().slice(0, 10);
  if (!/^\d+$/.test(epoch) || Number(epoch) > LAST_EPOCH) {
    throw new UsageError(
      `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, up to ${LAST_EPOCH} (the end of 9999), as \`date +%s\` prints it; found "${visible(epoch)}". Set it that way, or unset it to judge by today's date`,
    );
  }
  return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
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
