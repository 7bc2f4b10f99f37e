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
  const insert = db.prepare(`INSERT INTO disconnection_warnings
      (point_id, kind, as_of, task_id, debt_kop, debt_periods, refused_visits, formed_by)
    VALUES (@pointId, @kind, @asOf, @taskId, @debtKop, @debtPeriods, @refusedVisits, @formedBy)`);

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
      for (const w of nonPayment) {
        insert.run({
          ...common,
          pointId: w.pointId,
          kind: 'non_payment',
          debtKop: w.debtKop,
          debtPeriods: JSON.stringify(w.periods),
          refusedVisits: null,
        });
      }
      const nonAdmittance = kinds.nonAdmittance ? rules.nonAdmittance(pointIds, asOf, settings) : [];
      for (const w of nonAdmittance) {
        insert.run({
          ...common,
          pointId: w.pointId,
          kind: 'non_admittance',
          debtKop: null,
          debtPeriods: null,
          refusedVisits: JSON.stringify(w.visits),
        });
      }
      return { nonPayment: nonPayment.length, nonAdmittance: nonAdmittance.length };
    },
  };
}
