import type { Db } from '../db/open';
import { expectedConsumption } from '../core/validation/expected';
import { readValidationSettings } from '../core/validation/validation-settings';
import { medianOfRuns, round, wholeJobRuns, type Figure } from './figures';

/**
 * The expected consumption of every point of the district for a reading on one date: each point's
 * history of control readings over the window (core/validation/expected.ts, the whole-district
 * path), then its expected figure from its latest control reading to that date. Median of three runs.
 */
export function expectedAllFigure(db: Db, asOf: string): Figure {
  const expected = expectedConsumption(db);
  const all = () => {
    const histories = expected.history.ofAll(asOf);
    const profiles = expected.profiles();
    let known = 0;
    let total = 0;
    for (const history of histories.values()) {
      const figure = history.lastOn === null ? null : expected.expectedOver(history, history.lastOn, asOf, profiles);
      if (figure !== null) {
        known++;
        total += figure;
      }
    }
    return { points: histories.size, known, total };
  };
  const {
    ms,
    value: { points, known, total },
  } = medianOfRuns(all);
  return {
    name: 'validation.expected_all_ms',
    value: round(ms, 0),
    unit: 'ms',
    note: `median of ${wholeJobRuns}: expected consumption as of ${asOf} for all ${points} points from their control readings of the window: ${known} with enough history (mean ${round(total / Math.max(known, 1))}), the rest left to the monthly maximum`,
  };
}

/** The floor under validation.expected_all_ms: the control readings of the window, selected plainly with no rule applied. */
export function expectedRawFigure(db: Db, asOf: string): Figure {
  const { historyMonths } = readValidationSettings(db);
  const since = db.prepare<[string, string], string>('SELECT date(?, ?)').pluck().get(asOf, `-${historyMonths} months`)!;
  const select = db
    .prepare(
      `SELECT point_id, taken_on, value, rollover, id FROM readings
       WHERE kind = 'control' AND estimated = 0 AND taken_on >= ? AND taken_on < ? ORDER BY point_id, taken_on, id`,
    )
    .raw();
  const { ms, value: rows } = medianOfRuns(() => select.all(since, asOf).length);
  return {
    name: 'validation.raw_select_ms',
    value: round(ms, 0),
    unit: 'ms',
    note: `median of ${wholeJobRuns}: plain select of the ${rows} control readings of the last ${historyMonths} months the expected figures read; compare with validation.expected_all_ms`,
  };
}
