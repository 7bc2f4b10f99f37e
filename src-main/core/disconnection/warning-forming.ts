import type { Db } from '../../db/open';
import { warningRules } from './warning-rules';

export interface FormedWarnings {
  nonPayment: number;
  nonAdmittance: number;
}

/**
 * Forms warnings for a set of points as of a date, status 'formed', inside the caller's transaction
 * (a walk task's forming, later an order's). The rules leave out any point that already has one of
 * the kind in force, so forming again on the same day adds nothing.
 */
export function warningForming(db: Db) {
  const rules = warningRules(db);
  // One statement a kind, the warnings as one JSON array, rather than a statement a warning: a
  // district's forming writes thousands. json_each keeps the array's order, so the ids do too.
  const insertNonPayment = db.prepare<{ warnings: string; asOf: string; taskId: number | null; formedBy: string }>(`
    INSERT INTO disconnection_warnings (point_id, kind, as_of, task_id, debt_kop, debt_periods, formed_by)
    SELECT w.value ->> 0, 'non_payment', @asOf, @taskId, w.value ->> 1, w.value ->> 2, @formedBy
    FROM json_each(@warnings) w ORDER BY w.key`);
  const insertNonAdmittance = db.prepare<{ warnings: string; asOf: string; taskId: number | null; formedBy: string }>(`
    INSERT INTO disconnection_warnings (point_id, kind, as_of, task_id, refused_visits, formed_by)
    SELECT w.value ->> 0, 'non_admittance', @asOf, @taskId, w.value ->> 1, @formedBy
    FROM json_each(@warnings) w ORDER BY w.key`);

  return {
    form(
      pointIds: readonly number[],
      asOf: string,
      kinds: { nonPayment: boolean; nonAdmittance: boolean },
      by: { taskId: number | null; user: string },
    ): FormedWarnings {
      const settings = rules.settings();
      const common = { asOf, taskId: by.taskId, formedBy: by.user };
      const nonPayment = kinds.nonPayment ? rules.nonPayment(pointIds, asOf, settings) : [];
      if (nonPayment.length > 0) {
        insertNonPayment.run({
          ...common,
          warnings: JSON.stringify(nonPayment.map((w) => [w.pointId, w.debtKop, JSON.stringify(w.periods)])),
        });
      }
      const nonAdmittance = kinds.nonAdmittance ? rules.nonAdmittance(pointIds, asOf, settings) : [];
      if (nonAdmittance.length > 0) {
        insertNonAdmittance.run({ ...common, warnings: JSON.stringify(nonAdmittance.map((w) => [w.pointId, JSON.stringify(w.visits)])) });
      }
      return { nonPayment: nonPayment.length, nonAdmittance: nonAdmittance.length };
    },
  };
}
