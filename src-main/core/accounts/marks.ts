import type { PointMark, PointMarks } from '../../../shared/contract/accounts';
import type { Db } from '../../db/open';
import { DomainError, found } from '../errors';

/**
 * The "Є звернення" (complaint) and "на обстеження" (inspection) marks of a metering point: since
 * when, and a note. The walk-task criteria select by them; the account card and the accounts file
 * from the billing system set them, and only the card clears them, once the visit has dealt with it.
 */
export function pointMarks(db: Db, today: () => string) {
  const get = db.prepare<[number], PointMarks>(`SELECT id, complaint_since AS complaintSince, complaint_note AS complaintNote,
      inspection_since AS inspectionSince, inspection_note AS inspectionNote FROM metering_points WHERE id = ?`);
  // Two fixed statements rather than a column name chosen at run time.
  const put: Record<PointMark, { run: (since: string | null, note: string, pointId: number) => unknown }> = {
    complaint: db.prepare<[string | null, string, number]>(
      'UPDATE metering_points SET complaint_since = ?, complaint_note = ? WHERE id = ?',
    ),
    inspection: db.prepare<[string | null, string, number]>(
      'UPDATE metering_points SET inspection_since = ?, inspection_note = ? WHERE id = ?',
    ),
  };

  return {
    get: (pointId: number) => found(get.get(pointId), 'notFound.point'),
    /** Sets a mark from the day given (a day to come is refused), or clears it with its note when `since` is null. */
    set(pointId: number, mark: PointMark, since: string | null, note: string): PointMarks {
      found(get.get(pointId), 'notFound.point');
      if (since !== null && since > today()) throw new DomainError('mark.dateInFuture', { date: since }, 'since');
      put[mark].run(since, since === null ? '' : note, pointId);
      return get.get(pointId)!;
    },
    /** What the accounts file says: a mark it carries is set as it says; one it leaves empty stays as it is. */
    imported(pointId: number, mark: PointMark, since: string, note: string): boolean {
      const current = get.get(pointId)!;
      const [currentSince, currentNote] =
        mark === 'complaint' ? [current.complaintSince, current.complaintNote] : [current.inspectionSince, current.inspectionNote];
      if (currentSince === since && currentNote === note) return false;
      put[mark].run(since, note, pointId);
      return true;
    },
  };
}
