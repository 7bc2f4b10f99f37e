import type { Db } from '../db/open';
import { warningForming } from '../core/disconnection/warning-forming';
import { medianOfRuns, round, wholeJobRuns, type Figure } from './figures';

/**
 * Both kinds of disconnection warning formed over every point of the district as of one date, in
 * one transaction, as a task or order form with both boxes ticked forms them for its points. The
 * median of three runs: what each run but the last formed is deleted (not timed), so every run
 * forms on the same district and the last run's warnings stay for the order figure.
 */
export function warningFigure(db: Db, asOf: string, name = 'warnings.form_all_ms'): Figure {
  const pointIds = db
    .prepare<[], { id: number }>('SELECT id FROM metering_points')
    .all()
    .map((p) => p.id);
  const forming = warningForming(db);
  const lastId = db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM disconnection_warnings').pluck();
  const drop = db.prepare('DELETE FROM disconnection_warnings WHERE id > ?');
  const form = db.transaction(() =>
    forming.form(pointIds, asOf, { nonPayment: true, nonAdmittance: true }, { taskId: null, user: 'bench' }),
  );
  const { ms, value: formed } = medianOfRuns(form, { mark: () => lastId.get()!, undo: (before) => drop.run(before) });
  return {
    name,
    value: round(ms, 0),
    unit: 'ms',
    note: `median of ${wholeJobRuns}: both kinds over all ${pointIds.length} points as of ${asOf}, one transaction: ${formed.nonPayment} non-payment, ${formed.nonAdmittance} non-admittance formed`,
  };
}

/**
 * The floor under warnings.form_all_ms: the rows the two rules read, selected plainly into the
 * process with no rule applied — the district's open bills with their accounts, and the positions
 * entered as not executed with their tasks' dates.
 */
export function warningRawFigure(db: Db): Figure {
  const bills = db
    .prepare(
      `SELECT b.id, b.point_id, p.account_id, b.period, b.delivered_on, b.amount_kop, b.paid_kop
       FROM bills b JOIN metering_points p ON p.id = b.point_id WHERE b.amount_kop > b.paid_kop`,
    )
    .raw();
  const positions = db
    .prepare(
      `SELECT tp.point_id, tp.task_id, tp.reason_code, coalesce(tp.checked_on, t.task_date)
       FROM task_positions tp JOIN walk_tasks t ON t.id = tp.task_id WHERE tp.status = 'not_executed'`,
    )
    .raw();
  const { ms, value: counts } = medianOfRuns(() => ({ bills: bills.all().length, positions: positions.all().length }));
  return {
    name: 'warnings.raw_select_ms',
    value: round(ms, 0),
    unit: 'ms',
    note: `median of ${wholeJobRuns}: plain select of what the warnings read: ${counts.bills} open bills with their accounts, ${counts.positions} positions not executed with their dates; compare with warnings.form_all_ms`,
  };
}
