import type { Db } from '../../db/open';
import { notWritten } from '../visit/meter-changes';

/**
 * A point's control readings as a chain by date: each one's consumption counts from the one before
 * it. Entry and the correction queue both add, change and remove links, and restate the next.
 *
 * A meter change cuts the chain (visit/meter-changes.ts): the new meter's initial reading has no
 * reading before it, so it has no consumption, and nothing is restated across it. "Before" by date
 * and entry order then never reaches back past the current meter's installation.
 */
export function readingChain(db: Db) {
  // By date, not by entry order: a sheet typed after a newer one is judged against what came before it.
  const previous = db.prepare<{ pointId: number; positionId: number; onOrBefore: string }, { value: number; takenOn: string }>(
    `SELECT value, taken_on AS takenOn FROM readings
     WHERE point_id = @pointId AND kind = 'control' AND taken_on <= @onOrBefore
       AND (task_position_id IS NULL OR task_position_id <> @positionId)
     ORDER BY taken_on DESC, id DESC LIMIT 1`,
  );
  const following = db.prepare<
    { pointId: number; after: string; afterId: number },
    { id: number; takenOn: string; value: number; rollover: number; consumption: number | null }
  >(
    `SELECT id, taken_on AS takenOn, value, rollover, consumption FROM readings
     WHERE point_id = @pointId AND kind = 'control' AND (taken_on > @after OR (taken_on = @after AND id > @afterId))
     ORDER BY taken_on, id LIMIT 1`,
  );
  const restate = db.prepare<{ id: number; consumption: number | null }>('UPDATE readings SET consumption = @consumption WHERE id = @id');
  const before = db.prepare<{ id: number }, { value: number; takenOn: string }>(
    `SELECT b.value, b.taken_on AS takenOn FROM readings r JOIN readings b ON b.point_id = r.point_id AND b.kind = 'control' AND b.id <> r.id
       AND (b.taken_on < r.taken_on OR (b.taken_on = r.taken_on AND b.id < r.id))
     WHERE r.id = @id ORDER BY b.taken_on DESC, b.id DESC LIMIT 1`,
  );
  const startsMeter = db.prepare<[number], number>('SELECT EXISTS (SELECT 1 FROM meter_history WHERE initial_reading_id = ?)').pluck();
  // The first change cut after the reading removed the meter it was taken on; past every cut, the meter there now.
  const removedDigits = db
    .prepare<{ pointId: number; takenOn: string; id: number }, number>(
      `SELECT digits FROM meter_history WHERE point_id = @pointId
         AND (removed_on > @takenOn OR (removed_on = @takenOn AND initial_reading_id > @id))
       ORDER BY removed_on, initial_reading_id LIMIT 1`,
    )
    .pluck();
  const currentDigits = db.prepare<[number], number>('SELECT digits FROM meters WHERE point_id = ?').pluck();

  const beforeOf = (readingId: number) => (startsMeter.get(readingId) ? null : (before.get({ id: readingId }) ?? null));
  /** The digits of the meter a reading is (or, not written yet, will be) on; null for a point without a meter. */
  const digitsOf = (pointId: number, takenOn: string, readingId: number = notWritten): number | null =>
    removedDigits.get({ pointId, takenOn, id: readingId }) ?? currentDigits.get(pointId) ?? null;

  return {
    /** The latest control reading on or before a date, other than the position's own. */
    previousOf: (pointId: number, positionId: number, onOrBefore: string) => previous.get({ pointId, positionId, onOrBefore }) ?? null,
    /** The control reading just before a stored one on the same meter; none before a meter's initial reading. */
    before: beforeOf,
    digitsOf,
    /**
     * A later control reading of the point counted its consumption from whatever preceded it when it
     * was entered; once a reading is added, changed or removed before it, its consumption is restated.
     * Its flags (over the maximum, below the previous) stay as the operator confirmed them then.
     */
    restateFollowing(pointId: number, after: { takenOn: string; id: number }) {
      const next = following.get({ pointId, after: after.takenOn, afterId: after.id });
      // A new meter's initial reading counts nothing from the reading before it.
      if (!next || startsMeter.get(next.id)) return;
      const prior = before.get({ id: next.id });
      // With nothing before it, a reading starts the point's history and has no consumption.
      const step = prior ? next.value - prior.value : null;
      const digits = digitsOf(pointId, next.takenOn, next.id);
      const consumption = step !== null && next.rollover && digits !== null && step < 0 ? 10 ** digits + step : step;
      if (consumption !== next.consumption) restate.run({ id: next.id, consumption });
    },
  };
}
