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

/** Today's date as YYYY-MM-DD, from SOURCE_DATE_EPOCH when set (reproducible builds), else from the clock. */
export function referenceDate(env: NodeJS.ProcessEnv, now: () => Date): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch.trim())) {
    return new Date(Number(epoch.trim()) * 1000).toISOString().slice(0, 10);
  }
  return now().toISOString().slice(0, 10);
}

/** The calendar date `days` after `iso` (YYYY-MM-DD), across month and year ends. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
