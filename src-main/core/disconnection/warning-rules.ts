import type { Db } from '../../db/open';
import { preparedOnUse } from '../../db/prepared-on-use';
import { debts } from '../ledger/debt';

/**
 * Who gets a disconnection warning as of a date (DOMAIN.md workflow 4, docs/domain.md
 * "Disconnection warnings"). Set-based: a list of points goes in as one JSON array, and each rule is
 * a couple of queries whatever its length, so forming over a whole district stays one pass.
 *
 * Both kinds are blocked by a warning of the same kind in force ('formed' or 'issued') and by an
 * order «Новий» holding the point. The manual names only 'issued' for non-payment; a 'formed' one
 * blocks too, or forming twice on a day (two tasks, a task and an order) would print two notices for
 * one debt. A disconnected point gets none: there is nothing left to cut off.
 *
 * Non-payment: the bills due (delivered; without a delivery date, from the day after their period,
 * as the ledger counts them) on or before `asOf − billAgeDays`, with what stays unpaid on them after
 * every payment known today, total at least `minDebtKop`.
 *
 * Non-admittance: the window is [asOf − windowDays, asOf], both ends counted. No control reading
 * taken in it, and at least `visits` distinct walk tasks whose position for the point was entered as
 * not executed with a reason marked non-admittance, visited in it. A visit's date is the position's
 * check date, else its task's date. Two positions of one task count once, on the earlier date.
 */

export interface WarningSettings {
  minDebtKop: number;
  billAgeDays: number;
  windowDays: number;
  visits: number;
}

export interface NonPaymentWarning {
  pointId: number;
  debtKop: number;
  /** What the notice prints, oldest period first. */
  periods: { period: string; unpaidKop: number }[];
}

export interface NonAdmittanceWarning {
  pointId: number;
  /** The refused visits' dates, oldest first; one per task. */
  visits: string[];
}

/** `iso` moved by `days` calendar days, in UTC so no time zone can shift it. */
export const shiftDays = (iso: string, days: number): string => {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

const blocked = (kind: string) => `
  p.status <> 'connected'
  OR EXISTS (SELECT 1 FROM disconnection_warnings w
    WHERE w.point_id = p.id AND w.kind = '${kind}' AND w.status IN ('formed', 'issued'))
  OR EXISTS (SELECT 1 FROM order_positions op JOIN disconnection_orders o ON o.id = op.order_id
    WHERE op.point_id = p.id AND o.status = 'new')`;

export function warningRules(db: Db) {
  const ledger = debts(db);
  const setting = preparedOnUse(() => db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'));
  const open = preparedOnUse(() =>
    db.prepare<{ pointIds: string }, { id: number }>(`
    SELECT p.id FROM metering_points p
    WHERE p.id IN (SELECT value FROM json_each(@pointIds)) AND NOT (${blocked('non_payment')})`),
  );
  // With @anyWarnings the warnings and orders that hold a warning back are not asked: an order's
  // non-admittance criterion wants the refusals themselves (order-forming.ts).
  type RefusedParams = { pointIds: string; from: string; asOf: string; visits: number; anyWarnings: number };
  const refusedSql = (positions: string, asked: string) => `
    WITH visit AS (
      SELECT tp.point_id AS pointId, tp.task_id AS taskId, min(coalesce(tp.checked_on, t.task_date)) AS visitedOn
      FROM ${positions}
      JOIN walk_tasks t ON t.id = tp.task_id
      JOIN non_execution_reasons r ON r.code = tp.reason_code AND r.non_admittance = 1
      WHERE ${asked} tp.status = 'not_executed' AND coalesce(tp.checked_on, t.task_date) BETWEEN @from AND @asOf
      GROUP BY tp.point_id, tp.task_id
    )
    SELECT v.pointId, json_group_array(v.visitedOn) AS visits
    FROM (SELECT * FROM visit ORDER BY pointId, visitedOn, taskId) v
    JOIN metering_points p ON p.id = v.pointId
    WHERE (@anyWarnings OR NOT (${blocked('non_admittance')}))
      AND NOT EXISTS (SELECT 1 FROM readings c
        WHERE c.point_id = p.id AND c.kind = 'control' AND c.taken_on BETWEEN @from AND @asOf)
    GROUP BY v.pointId HAVING count(*) >= @visits`;
  const refusedOfPoints = preparedOnUse(() =>
    db.prepare<RefusedParams, { pointId: number; visits: string }>(
      refusedSql('task_positions tp', 'tp.point_id IN (SELECT value FROM json_each(@pointIds)) AND'),
    ),
  );
  // A whole district's positions are read straight through the table, as a plain select of them
  // would: reached through the point index (which the planner picks for the grouping) every row
  // costs a second lookup, and asking for each of the district's points one by one costs more.
  const refusedInDistrict = preparedOnUse(() =>
    db.prepare<Omit<RefusedParams, 'pointIds'>, { pointId: number; visits: string }>(refusedSql('task_positions tp NOT INDEXED', '')),
  );
  const pointCount = preparedOnUse(() => db.prepare<[], number>('SELECT count(*) FROM metering_points').pluck());

  const refusals = (pointIds: readonly number[], asOf: string, s: WarningSettings, anyWarnings: number): NonAdmittanceWarning[] => {
    if (pointIds.length === 0) return [];
    const from = shiftDays(asOf, -s.windowDays);
    const params = { from, asOf, visits: s.visits, anyWarnings };
    // Half the district or more: read it whole and keep the points asked, as debts.owing does.
    const whole = pointIds.length * 2 >= (pointCount().get() ?? 0);
    const asked = whole ? new Set(pointIds) : null;
    const rows = whole
      ? refusedInDistrict()
          .all(params)
          .filter((row) => asked!.has(row.pointId))
      : refusedOfPoints().all({ ...params, pointIds: JSON.stringify(pointIds) });
    return rows.map((row) => ({ pointId: row.pointId, visits: (JSON.parse(row.visits) as string[]).sort() }));
  };

  return {
    /** The administrator's thresholds as they stand (settings rows written by migrations 1 and 9). */
    settings(): WarningSettings {
      const number = (key: string) => Number(setting().get(key)?.value);
      return {
        minDebtKop: number('warnings.minDebtKop'),
        billAgeDays: number('warnings.billAgeDays'),
        windowDays: number('warnings.nonAdmittance.windowDays'),
        visits: number('warnings.nonAdmittance.visits'),
      };
    },

    /** The points that get a non-payment warning as of the date, with the debt the notice prints. */
    nonPayment(pointIds: readonly number[], asOf: string, s: WarningSettings): NonPaymentWarning[] {
      if (pointIds.length === 0) return [];
      // The debt first, then what holds a warning back, asked only of the points that owe enough:
      // the same points either way round, and a district's debtors are a few of its points.
      const owing = ledger.owing(pointIds, shiftDays(asOf, -s.billAgeDays), s.minDebtKop);
      if (owing.length === 0) return [];
      const free = new Set(
        open()
          .all({ pointIds: JSON.stringify(owing.map((w) => w.pointId)) })
          .map((row) => row.id),
      );
      return owing.filter((w) => free.has(w.pointId));
    },

    /** The points that get a non-admittance warning as of the date, with the refused visits' dates. */
    nonAdmittance: (pointIds: readonly number[], asOf: string, s: WarningSettings): NonAdmittanceWarning[] =>
      refusals(pointIds, asOf, s, 0),

    /** The points refused often enough for non-admittance as of the date, with the dates, whatever warnings or orders they have. */
    refusedVisits: (pointIds: readonly number[], asOf: string, s: WarningSettings): NonAdmittanceWarning[] =>
      refusals(pointIds, asOf, s, 1),
  };
}

export type WarningRules = ReturnType<typeof warningRules>;
