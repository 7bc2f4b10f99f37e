import type { Db } from '../db/open';
import { warningForming } from '../core/disconnection/warning-forming';
import { round, type Figure } from './figures';

/**
 * Both kinds of disconnection warning formed over every point of the district as of one date, in
 * one transaction, as a task or order form with both boxes ticked forms them for its points.
 */
export function warningFigure(db: Db, asOf: string): Figure {
  const pointIds = db
    .prepare<[], { id: number }>('SELECT id FROM metering_points')
    .all()
    .map((p) => p.id);
  const forming = warningForming(db);
  const started = performance.now();
  const formed = db.transaction(() =>
    forming.form(pointIds, asOf, { nonPayment: true, nonAdmittance: true }, { taskId: null, user: 'bench' }),
  )();
  const elapsed = performance.now() - started;
  return {
    name: 'warnings.form_all_ms',
    value: round(elapsed, 0),
    unit: 'ms',
    note: `both kinds over all ${pointIds.length} points as of ${asOf}, one transaction: ${formed.nonPayment} non-payment, ${formed.nonAdmittance} non-admittance formed`,
  };
}
