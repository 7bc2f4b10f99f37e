import type { Commodity } from '../../../shared/contract/entry';
import type { Db } from '../../db/open';
import { meterChanges, meterWalk, type MeterChange } from '../visit/meter-changes';
import { profilesReader, type Profiles } from './profile';
import { validationSettingsReader } from './validation-settings';

/**
 * What a point normally uses, from its own control readings (docs/domain.md, "Expected consumption
 * and the bands"). Between two consecutive control readings of the window the point used so much
 * per profile-weighted day (profile.ts: a January day of gas weighs eight July days); the point's
 * rate is the median of those, once the rates far from the rest are left out. A reading's expected
 * consumption is that rate times the weighted days since the previous control reading.
 *
 * Self-readings and billing figures are not the company's own look at the meter, so only control
 * readings count. A step down is a rate only when it was entered as a rollover; otherwise (a meter
 * changed unrecorded, a figure confirmed lower) the interval says nothing about use and is skipped.
 * A recorded meter change (visit/meter-changes.ts) cuts the history: no interval runs from the old
 * meter's reading to the new one's, while each meter's own intervals still say what the household
 * uses, so the rate keeps them.
 */
export interface PointHistory {
  pointId: number;
  commodity: Commodity;
  /** Control readings in the window, one per day (the last entered of a day). */
  readings: number;
  /** The latest of them (YYYY-MM-DD), from which the next reading's expected consumption runs; null without any. */
  lastOn: string | null;
  /** Intervals that gave a rate, and how many of those were left out as outliers. */
  rates: number;
  outliers: number;
  /** Consumption per weighted day; null when the history is too short to say (the monthly maximum judges). */
  baseRate: number | null;
}

/** Rates further from the median than this many scaled MADs are outliers (3 is the usual robust cut). */
const outlierFence = 3;
/** Scales the median absolute deviation to a standard deviation for normally spread rates. */
const madScale = 1.4826;
/**
 * A rate within half the median of it is never an outlier. A point read as regularly as a clock has
 * a MAD near 0 (its 31-day months all give one rate), and a bare MAD fence would then throw out
 * every 30-day month; the usual month-to-month spread of a household stays within this.
 */
const fenceFloor = 0.5;

/** The median of an ascending list. */
export function median(sorted: ArrayLike<number>): number {
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

// Scratch space for the deviations: a whole district's 160,000 robust rates allocate nothing.
let deviations = new Float64Array(64);

/**
 * The median of the rates once those beyond a MAD fence are left out. With fewer than three rates
 * nothing can be called an outlier. The fence is never closer to the median than half of it.
 * The rates are sorted as numbers (a typed array in place, and without a comparator); what is
 * kept is then one run of them around the median.
 */
export function robustRate(rates: Float64Array | number[]): { rate: number; outliers: number } {
  const sorted = rates instanceof Float64Array ? rates.sort() : Float64Array.from(rates).sort();
  if (sorted.length < 3) return { rate: median(sorted), outliers: 0 };
  const centre = median(sorted);
  if (deviations.length < sorted.length) deviations = new Float64Array(sorted.length * 2);
  const spread = deviations.subarray(0, sorted.length);
  for (let index = 0; index < sorted.length; index++) spread[index] = Math.abs(sorted[index]! - centre);
  const mad = median(spread.sort());
  const limit = Math.max(outlierFence * madScale * mad, fenceFloor * centre) + 1e-12;
  let from = 0;
  let to = sorted.length;
  while (centre - sorted[from]! > limit) from++;
  while (sorted[to - 1]! - centre > limit) to--;
  return { rate: median(sorted.subarray(from, to)), outliers: sorted.length - (to - from) };
}

type ReadingRow = [pointId: number, takenOn: string, value: number, rollover: number, id: number];
type PointRow = [pointId: number, commodity: Commodity];

const pointsSql = `SELECT p.id, p.commodity FROM metering_points p`;
// The partial index of migration 021 holds every column read here, in this order, and only actual
// control readings: one a master marked as estimated says nothing of the point's use.
const readingsSql = `SELECT point_id, taken_on, value, rollover, id FROM readings
  WHERE kind = 'control' AND estimated = 0 AND taken_on >= ? AND taken_on < ?`;

export function expectedConsumption(db: Db) {
  const windowStart = db.prepare<[string, string], string>('SELECT date(?, ?)').pluck();
  const readSettings = validationSettingsReader(db);
  const readProfiles = profilesReader(db);
  const someIds = (ids: readonly number[]) => JSON.stringify(ids);
  const pointsSome = db.prepare<[string], PointRow>(`${pointsSql} WHERE p.id IN (SELECT value FROM json_each(?))`).raw();
  const pointsAll = db.prepare<[], PointRow>(pointsSql).raw();
  const readingsSome = db
    .prepare<[string, string, string], ReadingRow>(
      `${readingsSql} AND point_id IN (SELECT value FROM json_each(?)) ORDER BY point_id, taken_on, id`,
    )
    .raw();
  const readingsAll = db.prepare<[string, string], ReadingRow>(`${readingsSql} ORDER BY point_id, taken_on, id`).raw();
  const meterDigits = db.prepare<[number], number>('SELECT digits FROM meters WHERE point_id = ?').pluck();

  /** The rates of every point from its readings, sorted by point and date. */
  const changes = meterChanges(db);
  const noChanges: MeterChange[] = [];

  const build = (
    points: PointRow[],
    readings: ReadingRow[],
    changesOf: Map<number, MeterChange[]>,
    profiles: Profiles,
    minReadings: number,
  ) => {
    const histories = new Map<number, PointHistory>();
    for (const [pointId, commodity] of points) {
      histories.set(pointId, { pointId, commodity, readings: 0, lastOn: null, rates: 0, outliers: 0, baseRate: null });
    }
    // One point's rates at a time, in one buffer for the whole walk.
    let rateBuffer = new Float64Array(64);
    let at = 0;
    while (at < readings.length) {
      const pointId = readings[at]![0];
      const history = histories.get(pointId);
      let end = at;
      while (end < readings.length && readings[end]![0] === pointId) end++;
      if (history) {
        const profile = profiles[history.commodity];
        const meters = meterWalk(changesOf.get(pointId) ?? noChanges, () => meterDigits.get(pointId) ?? null);
        let rates = 0;
        let days = 0;
        let lastDay: string | null = null;
        let previous: ReadingRow | null = null;
        for (let index = at; index < end; index++) {
          const row = readings[index]!;
          // No interval runs across a meter change.
          if (meters.startsMeter(row[4])) previous = null;
          // A second control reading of a day replaces the first: the later entry is the correction.
          // Not the old meter's final reading, though, which a new meter's initial one follows that day.
          const next = readings[index + 1];
          if (next && next[0] === pointId && next[1] === row[1] && !meters.startsMeter(next[4])) continue;
          if (row[1] !== lastDay) days++;
          lastDay = row[1];
          if (previous) {
            // Below the previous counts only as a rollover, over the digits of the meter it was read on.
            const digits = row[2] < previous[2] && row[3] === 1 ? meters.digitsAt(row[1], row[4]) : null;
            const used = row[2] >= previous[2] ? row[2] - previous[2] : digits !== null ? 10 ** digits - previous[2] + row[2] : null;
            const weighted = profile.weightedDays(previous[1], row[1]);
            if (used !== null && weighted > 0) {
              if (rates === rateBuffer.length) {
                const grown = new Float64Array(rates * 2);
                grown.set(rateBuffer);
                rateBuffer = grown;
              }
              rateBuffer[rates++] = used / weighted;
            }
          }
          previous = row;
        }
        history.readings = days;
        history.lastOn = previous?.[1] ?? null;
        history.rates = rates;
        if (days >= minReadings && rates > 0) {
          const robust = robustRate(rateBuffer.subarray(0, rates));
          history.baseRate = robust.rate;
          history.outliers = robust.outliers;
        }
      }
      at = end;
    }
    return histories;
  };

  const context = (asOf: string) => {
    const settings = readSettings();
    const since = windowStart.get(asOf, `-${settings.historyMonths} months`)!;
    return { since, profiles: readProfiles(), minReadings: settings.minHistoryReadings, bands: settings.bands };
  };

  const historyOf = (pointIds: readonly number[], { since, profiles, minReadings }: ReturnType<typeof context>, asOf: string) => {
    const ids = someIds(pointIds);
    return build(pointsSome.all(ids), readingsSome.all(since, asOf, ids), changes.of(pointIds), profiles, minReadings);
  };

  const history = {
    /** The histories of these points as of a date: control readings of the window before it (the day itself not counted). */
    of: (pointIds: readonly number[], asOf: string): Map<number, PointHistory> => historyOf(pointIds, context(asOf), asOf),
    /** Every point of the district, as of a date. */
    ofAll(asOf: string): Map<number, PointHistory> {
      const { since, profiles, minReadings } = context(asOf);
      return build(pointsAll.all(), readingsAll.all(since, asOf), changes.ofAll(), profiles, minReadings);
    },
  };

  /**
   * The consumption expected between the previous control reading (from) and the new one (to):
   * the point's rate times the weighted days between them, a same-day pair counting as one day of
   * its month. Null without enough history. Rounded to thousandths, so that a band's edge is a
   * number the tests and the dialog can state.
   */
  const expectedOver = (found: PointHistory, from: string, to: string, profiles: Profiles): number | null => {
    if (found.baseRate === null) return null;
    const profile = profiles[found.commodity];
    const weighted = to > from ? profile.weightedDays(from, to) : profile.dayWeight[Number(from.slice(5, 7)) - 1]!;
    return Math.round(found.baseRate * weighted * 1000) / 1000;
  };

  return {
    history,
    expectedOver,
    /** One point's expected consumption from the previous control reading's date to the new reading's. */
    expectedFor(pointId: number, from: string, to: string): number | null {
      // The settings and profiles read once, for the history and the weighting alike.
      const shared = context(to);
      const found = historyOf([pointId], shared, to).get(pointId);
      return found ? expectedOver(found, from, to, shared.profiles) : null;
    },
    /** The profiles in force, for a caller judging many readings with expectedOver. */
    profiles: readProfiles,
  };
}
