import { createRequire } from 'node:module';
import { dayUnits } from '../../../shared/contract/settings';
import type { Db } from '../../db/open';

/**
 * Working days for the deadlines of disconnection and reconnection (DOMAIN.md, workflow 4).
 *
 * Public holidays come from the `date-holidays` library (its 'UA' calendar, type 'public' only), a
 * kept list rather than a hand-written one that nobody updates. The library also names substitute
 * days, "(замінити день)": under Labour Code art. 67 a holiday falling on a weekend moves the day
 * off to the next working day, so substitutes count as days off like the holiday itself.
 *
 * Under martial law Ukraine suspended holidays as days off (Labour Code art. 73, as suspended by the
 * martial-law act): the setting `calendar.holidaysOff` = 0 makes only Saturdays and Sundays days
 * off, so a district follows whichever regime is in force without a new version.
 */

export type DayUnit = (typeof dayUnits)[number];
export type DeadlineKind = 'notice' | 'reconnect';
export type Commodity = 'electricity' | 'gas';
/** A town (місто, смт) or a village (село, селище): reconnection deadlines differ between them. */
export type Place = 'town' | 'village';

const isDayUnit = (value: string | undefined): value is DayUnit => (dayUnits as readonly (string | undefined)[]).includes(value);

type Holidays = typeof import('date-holidays').default;
let ukraine: InstanceType<Holidays> | undefined;

/**
 * The library's Ukrainian calendar, loaded on the first deadline rather than at start: with the
 * zone data of moment-timezone that it loads beside it, it cost every start some 30 ms. The hosts'
 * bundles leave it outside (src-main/tools/build-main.mjs), like exceljs, so it is read from
 * node_modules only then.
 */
function ukrainianCalendar(): InstanceType<Holidays> {
  ukraine ??= new (createRequire(import.meta.url)('date-holidays') as Holidays)('UA');
  return ukraine;
}

/** Public holidays and their substitute days of one year, as ISO dates; a year is computed once. */
const holidaysByYear = new Map<number, ReadonlySet<string>>();

function holidaysOf(year: number): ReadonlySet<string> {
  let days = holidaysByYear.get(year);
  if (!days) {
    // `date` is the local date in Kyiv ("2026-08-24 00:00:00"), whatever the workstation's zone.
    days = new Set(
      ukrainianCalendar()
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    holidaysByYear.set(year, days);
  }
  return days;
}

/** Dates are calendar days, so they are handled in UTC, where no clock change moves them. */
const toDate = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);
const toIso = (date: Date) => date.toISOString().slice(0, 10);
const nextDay = (isoDate: string, n = 1) => {
  const date = toDate(isoDate);
  date.setUTCDate(date.getUTCDate() + n);
  return toIso(date);
};

/** Whether the date is a public holiday (or its substitute day) by the library's Ukrainian calendar. */
export function isPublicHoliday(isoDate: string): boolean {
  return holidaysOf(Number(isoDate.slice(0, 4))).has(isoDate);
}

/** Not a Saturday or Sunday and, while holidays are days off, not a public holiday or its substitute. */
export function isWorkingDay(isoDate: string, holidaysOff = true): boolean {
  const weekday = toDate(isoDate).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !(holidaysOff && isPublicHoliday(isoDate));
}

/**
 * The date n days after `isoDate`. The date itself does not count. Working days: the n-th working
 * day after it, so the answer is always a working day (n = 0 gives the date itself when it is one,
 * else the next one). Calendar days: plain n days later, as the gas distribution code counts them.
 */
export function addDays(isoDate: string, n: number, unit: DayUnit, holidaysOff = true): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`days must be a whole number ≥ 0, got ${n}`);
  if (unit === 'calendar') return nextDay(isoDate, n);
  let day = isoDate;
  for (let counted = 0; counted < n;) {
    day = nextDay(day);
    if (isWorkingDay(day, holidaysOff)) counted++;
  }
  while (!isWorkingDay(day, holidaysOff)) day = nextDay(day);
  return day;
}

/** Reads one settings row by key; `settingsReader(db)` gives one over the database. */
export type SettingsReader = (key: string) => string | undefined;

/** The settings keys of a deadline: notices are per commodity, reconnections per commodity and place. */
export function deadlineKeys(kind: DeadlineKind, commodity: Commodity, place: Place): { days: string; unit: string } {
  const prefix = kind === 'notice' ? `disconnection.notice.${commodity}` : `disconnection.reconnect.${commodity}.${place}`;
  return { days: `${prefix}.days`, unit: `${prefix}.unit` };
}

/** The rule a deadline follows as the settings hold it; a missing or broken row is a bug, not a zero. */
export function deadlineRule(settings: SettingsReader, kind: DeadlineKind, commodity: Commodity, place: Place) {
  const keys = deadlineKeys(kind, commodity, place);
  const days = Number(settings(keys.days));
  const unit = settings(keys.unit);
  if (!Number.isInteger(days) || days < 0) throw new Error(`setting ${keys.days} is not a number of days`);
  if (!isDayUnit(unit)) throw new Error(`setting ${keys.unit} is neither working nor calendar`);
  return { days, unit, holidaysOff: settings('calendar.holidaysOff') !== '0' };
}

/**
 * The last day of a deadline counted from `from`: the earliest cut-off after a notice was received
 * ('notice'; `place` is not read), or the day by which a paid-up point must be reconnected
 * ('reconnect').
 */
export function deadline(settings: SettingsReader, kind: DeadlineKind, commodity: Commodity, place: Place, from: string): string {
  const rule = deadlineRule(settings, kind, commodity, place);
  return addDays(from, rule.days, rule.unit, rule.holidaysOff);
}

/** Town or village by the settlement's kind (settlementKinds in the directories contract). */
export const placeOfSettlement = (kind: string): Place => (kind === 'місто' || kind === 'смт' ? 'town' : 'village');

/** Settings read straight from the table, one prepared statement for all keys. */
export function settingsReader(db: Db): SettingsReader {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  return (key) => get.get(key)?.value;
}
