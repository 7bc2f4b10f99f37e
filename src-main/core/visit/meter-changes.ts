import type { Db } from '../../db/open';

/**
 * Which meter a control reading was taken on. Readings carry no meter of their own: a point's
 * control readings run in one order, by date and then by entry, and each meter change (a row of
 * `meter_history`, migration 015) cuts that order where the new meter's initial reading stands.
 * What comes before the cut is the removed meter's — its final reading last —, what comes from the
 * cut on is the next meter's. Consumption is never counted across a cut: the old meter's figures
 * and the new one's count different things.
 *
 * A reading written on a change's day after the change is on the new meter (it follows the initial
 * reading in entry order); one dated before the day is on the meter in force then.
 */
export interface MeterChange {
  /** The day the old meter was removed and the new one installed. */
  removedOn: string;
  /** The new meter's initial reading: its chain starts there. */
  initialReadingId: number;
  /** The removed meter's digits. */
  digits: number;
}

/** A reading not written yet goes after every reading of its day. */
export const notWritten = Number.MAX_SAFE_INTEGER;

/** The reading (its date, its id) comes before the change's cut: it was taken on the meter the change removed. */
export const isBefore = (change: MeterChange, takenOn: string, readingId: number): boolean =>
  takenOn < change.removedOn || (takenOn === change.removedOn && readingId < change.initialReadingId);

/**
 * Walks a point's readings in their order alongside its changes (both sorted): `digitsAt` gives
 * the digits of the meter each reading was on, `startsMeter` whether it is a new meter's first.
 * The meter in place now is asked for its digits only when a reading on it needs them (a rollover):
 * a whole district's walk would otherwise read every point's meter for the few that roll over.
 */
export function meterWalk(changes: readonly MeterChange[], currentDigits: () => number | null) {
  let passed = 0;
  const starts = changes.length === 0 ? null : new Set(changes.map((change) => change.initialReadingId));
  return {
    startsMeter: (readingId: number) => starts !== null && starts.has(readingId),
    /** For readings visited in order: passes the changes cut before this one. */
    digitsAt(takenOn: string, readingId: number): number | null {
      while (passed < changes.length && !isBefore(changes[passed]!, takenOn, readingId)) passed++;
      return passed < changes.length ? changes[passed]!.digits : currentDigits();
    },
  };
}

type ChangeRow = [pointId: number, removedOn: string, initialReadingId: number, digits: number];

/** The meter changes of some points, or of all, each point's in order. */
export function meterChanges(db: Db) {
  const select = 'SELECT point_id, removed_on, initial_reading_id, digits FROM meter_history';
  const order = 'ORDER BY point_id, removed_on, initial_reading_id';
  const some = db.prepare<[string], ChangeRow>(`${select} WHERE point_id IN (SELECT value FROM json_each(?)) ${order}`).raw();
  const all = db.prepare<[], ChangeRow>(`${select} ${order}`).raw();
  const group = (rows: ChangeRow[]) => {
    const byPoint = new Map<number, MeterChange[]>();
    for (const [pointId, removedOn, initialReadingId, digits] of rows) {
      let list = byPoint.get(pointId);
      if (!list) byPoint.set(pointId, (list = []));
      list.push({ removedOn, initialReadingId, digits });
    }
    return byPoint;
  };
  return {
    of: (pointIds: readonly number[]) => group(some.all(JSON.stringify(pointIds))),
    ofAll: () => group(all.all()),
  };
}
