import type { Commodity } from '../../../shared/contract/entry';
import {
  consumptionChartMonths,
  type ConsumptionMonth,
  type ConsumptionReading,
  type PointConsumption,
} from '../../../shared/contract/validation';
import type { Db } from '../../db/open';
import { daysBetween } from '../../../shared/validation/bands';
import { found } from '../errors';
import { meterChanges, meterWalk } from '../visit/meter-changes';
import { expectedConsumption } from './expected';
import type { Profile } from './profile';

/**
 * A point's consumption month by month, for the chart an operator checks a doubtful reading
 * against (docs/domain.md, "Expected consumption and the bands"). The figures come from the same
 * control readings expected consumption reads: between two consecutive ones the point used the
 * difference (across 10^digits when the later was entered as a rollover; a step down that is not
 * one gives no figure), and that use is spread over the months the interval spans by the
 * commodity's profile-weighted days — 60 days of gas from December to January fall mostly where
 * the heating is. A month no such interval reaches has no figure: null, never 0. No interval runs
 * across a recorded meter change (visit/meter-changes.ts): the days between the old meter's final
 * reading and the new one's initial are the same day, and the figures count on different meters.
 */

type ReadingRow = { id: number; takenOn: string; value: number; rollover: number; enteredBy: string | null };

const pad = (n: number) => String(n).padStart(2, '0');
/** The first day of the month `offset` months from the date's month (YYYY-MM-DD). */
const monthStart = (date: string, offset = 0) => {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + offset;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;
};
const thousandths = (value: number) => Math.round(value * 1000) / 1000;

/** What was used between two control readings: null for a step down that was not entered as a rollover. */
export function intervalUse(previous: number, value: number, rollover: boolean, digits: number | null): number | null {
  if (value >= previous) return value - previous;
  return rollover && digits !== null ? 10 ** digits - previous + value : null;
}

/**
 * Spreads `used` over [from, to) by the profile's weighted days, adding each month's share to
 * `into` (keyed by the month's first day) and the days covered to `covered`. A stretch the profile
 * weighs at nothing (an administrator's zero shares) is spread by plain days instead, so the use
 * is never lost.
 */
function spread(used: number, from: string, to: string, profile: Profile, into: Map<string, number>, covered: Map<string, number>): void {
  const weighted = profile.weightedDays(from, to);
  const total = weighted > 0 ? weighted : daysBetween(from, to);
  for (let start = monthStart(from); start < to; start = monthStart(start, 1)) {
    const partFrom = start > from ? start : from;
    const next = monthStart(start, 1);
    const partTo = next < to ? next : to;
    const days = daysBetween(partFrom, partTo);
    const part = weighted > 0 ? profile.weightedDays(partFrom, partTo) : days;
    into.set(start, (into.get(start) ?? 0) + (used * part) / total);
    covered.set(start, (covered.get(start) ?? 0) + days);
  }
}

export function consumptionHistory(db: Db) {
  const expected = expectedConsumption(db);
  const changes = meterChanges(db);
  const point = db.prepare<[number], { commodity: Commodity; digits: number | null }>(
    'SELECT p.commodity, m.digits FROM metering_points p LEFT JOIN meters m ON m.point_id = p.id WHERE p.id = ?',
  );
  // The window's control readings and the last one before it, which the window's first interval runs from.
  const readings = db.prepare<{ pointId: number; from: string; asOf: string }, ReadingRow>(`
    SELECT id, taken_on AS takenOn, value, rollover, entered_by AS enteredBy FROM readings
    WHERE point_id = @pointId AND kind = 'control' AND taken_on <= @asOf
      AND taken_on >= coalesce(
        (SELECT max(taken_on) FROM readings WHERE point_id = @pointId AND kind = 'control' AND taken_on < @from), @from)
    ORDER BY taken_on, id`);

  return {
    /** The 24 calendar months ending with the as-of month, and the control readings taken in them up to the as-of date. */
    of(pointId: number, asOf: string): PointConsumption {
      const { commodity, digits } = found(point.get(pointId), 'notFound.point');
      const profile = expected.profiles()[commodity];
      const from = monthStart(asOf, 1 - consumptionChartMonths);
      const end = monthStart(asOf, 1);
      const rows = readings.all({ pointId, from, asOf });
      const used = new Map<string, number>();
      const covered = new Map<string, number>();
      const listed: ConsumptionReading[] = [];
      const meters = meterWalk(changes.of([pointId]).get(pointId) ?? [], () => digits);
      let previous: ReadingRow | null = null;
      // A new meter's initial reading, or the later one of its day that stands for it.
      let meterStart = false;
      rows.forEach((row, index) => {
        if (meters.startsMeter(row.id)) {
          previous = null;
          meterStart = true;
        }
        // A second control reading of a day replaces the first, as expected consumption reads them.
        const next = rows[index + 1];
        if (next && next.takenOn === row.takenOn && !meters.startsMeter(next.id)) return;
        const consumption = previous
          ? intervalUse(previous.value, row.value, row.rollover === 1, meters.digitsAt(row.takenOn, row.id))
          : null;
        if (previous && consumption !== null) spread(consumption, previous.takenOn, row.takenOn, profile, used, covered);
        if (row.takenOn >= from) {
          listed.push({
            takenOn: row.takenOn,
            value: row.value,
            consumption,
            rollover: row.rollover === 1 && previous !== null && row.value < previous.value,
            stepDown: previous !== null && consumption === null,
            meterStart,
            enteredBy: row.enteredBy,
          });
        }
        meterStart = false;
        previous = row;
      });
      const { baseRate } = expected.history.of([pointId], asOf).get(pointId)!;
      const months: ConsumptionMonth[] = [];
      for (let start = from; start < end; start = monthStart(start, 1)) {
        const next = monthStart(start, 1);
        const figure = used.get(start);
        months.push({
          month: start.slice(0, 7),
          consumption: figure === undefined ? null : thousandths(figure),
          expected: baseRate === null ? null : thousandths(baseRate * profile.weightedDays(start, next)),
          coveredDays: covered.get(start) ?? 0,
          days: daysBetween(start, next),
        });
      }
      return { pointId, commodity, asOf, months, readings: listed, baseRate };
    },
  };
}
