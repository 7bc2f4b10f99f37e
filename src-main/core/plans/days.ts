/**
 * Calendar dates as ISO strings (YYYY-MM-DD). A plan compares dates for every point of a district,
 * so a date is turned into a day count by arithmetic rather than through Date (Date.parse on
 * 200,000 points costs more than the SQL that read them); no time zone or clock change can move it.
 */

// A district's dates are a few thousand distinct days read over and over: each is computed once.
const known = new Map<string, number>();

/** Days since 1970-01-01 of an ISO date (the proleptic Gregorian calendar, as Date counts). */
export function dayNumber(iso: string): number {
  let n = known.get(iso);
  if (n === undefined) {
    if (known.size > 100_000) known.clear();
    known.set(iso, (n = computeDayNumber(iso)));
  }
  return n;
}

function computeDayNumber(iso: string): number {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  // Howard Hinnant's days_from_civil: March-based years make February the year's last month.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** 0 Sunday … 6 Saturday. */
export const weekday = (iso: string): number => (((dayNumber(iso) + 4) % 7) + 7) % 7;

/** `iso` moved by `days` calendar days. */
export const shifted = (iso: string, days: number): string =>
  new Date(Date.UTC(1970, 0, 1 + dayNumber(iso) + days)).toISOString().slice(0, 10);
