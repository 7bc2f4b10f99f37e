import type { Db } from '../db/open';
import { warningForming } from '../core/disconnection/warning-forming';
import { medianOfRuns, round, wholeJobRuns, type Figure } from './figures';

/**
 * Both kinds of disconnection warning formed over every point of the district as of one date, in
 * one transaction, as a task or order form with both boxes ticked forms them for its points. The
 * median of three runs: what each run but the last formed is deleted (not timed), so every run
 * forms on the same district and the last run's warnings stay for the order figure.
 */
export function warningFigure(db: Db, asOf: string, name = 'warnings.form_all_ms'): Figure & { formedAfter: number } {
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
  let formedAfter = 0;
  const mark = () => (formedAfter = lastId.get()!);
  const { ms, value: formed } = medianOfRuns(form, { mark, undo: (before) => drop.run(before) });
  return {
    formedAfter,
    name,
    value: round(ms, 0),
    unit: 'ms',
    note: `median of ${wholeJobRuns}: both kinds over all ${pointIds.length} points as of ${asOf}, one transaction: ${formed.nonPayment} non-payment, ${formed.nonAdmittance} non-admittance formed`,
  };
}

/** What the forming selects: the district's open bills with their accounts, and the positions entered as not executed with their tasks' dates. */
function rawSelects(db: Db) {
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
  return () => ({ bills: bills.all().length, positions: positions.all().length });
}

/**
 * The rows the two rules read, selected plainly into the process with no rule applied: a floor
 * under the reading part of warnings.form_all_ms, printed beside it to show what the rules and
 * the writing add.
 */
export function warningRawSelectFigure(db: Db): Figure {
  const { ms, value: counts } = medianOfRuns(rawSelects(db));
  return {
    name: 'warnings.raw_select_ms',
    value: round(ms, 0),
    unit: 'ms',
    note: `median of ${wholeJobRuns}: plain select of what the warnings read: ${counts.bills} open bills with their accounts, ${counts.positions} positions not executed with their dates`,
  };
}

const warningColumns = ['point_id', 'kind', 'as_of', 'task_id', 'debt_kop', 'debt_periods', 'refused_visits', 'formed_by'];

/**
 * The floor under warnings.form_all_ms, as tasks.form_all_raw_ms is under forming tasks: the same
 * selects, and the warnings the last forming wrote inserted plainly by a prepared statement, in one
 * transaction. Those warnings are taken out first (not timed) and what the last run inserts stays
 * in their place, so the district is left as the forming left it.
 */
export function warningRawFigure(db: Db, formedAfter: number): Figure {
  const formed = db
    .prepare<[number], unknown[]>(`SELECT ${warningColumns.join(', ')} FROM disconnection_warnings WHERE id > ? ORDER BY id`)
    .raw()
    .all(formedAfter);
  const lastId = db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM disconnection_warnings').pluck();
  const drop = db.prepare('DELETE FROM disconnection_warnings WHERE id > ?');
  drop.run(formedAfter);
  const select = rawSelects(db);
  const insert = db.prepare(
    `INSERT INTO disconnection_warnings (${warningColumns.join(', ')}) VALUES (${warningColumns.map(() => '?').join(', ')})`,
  );
  const work = db.transaction(() => {
    const counts = select();
    for (const row of formed) insert.run(row);
    return counts;
  });
  const { ms, value: counts } = medianOfRuns(work, { mark: () => lastId.get()!, undo: (before) => drop.run(before) });
  return {
    name: 'warnings.form_all_raw_ms',
    value: round(ms, 0),
    unit: 'ms',
    note: `median of ${wholeJobRuns}: the same selects (${counts.bills} open bills, ${counts.positions} positions not executed) and the ${formed.length} warnings formed inserted plainly, one transaction; compare with warnings.form_all_ms`,
  };
}
