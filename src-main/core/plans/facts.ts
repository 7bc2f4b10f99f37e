import type { Db } from '../../db/open';
import { debts } from '../ledger/debt';
import { accessPermille, districtPermille } from './capacity';
import { shifted } from './days';
import type { PlanSettings } from './plan-settings';
import type { FailedVisit, PointFacts } from './scoring';

/** A point a plan may take, with where it is and what its score is computed from. */
export interface Candidate extends PointFacts {
  pointId: number;
  routeId: number;
  /** The route's executor: whose plan the point belongs to unless the master moved it. */
  employeeId: number | null;
  streetId: number;
  settlementId: number;
  /** Visits entered in the access window, and those that gave a reading. */
  visits: number;
  readings: number;
}

interface CandidateSql extends Omit<Candidate, 'reread' | 'warningToDeliver' | 'failedVisits' | 'debtKop' | 'visits' | 'readings'> {
  reread: number;
  warningToDeliver: number;
}

/**
 * What the plan reads, set-based: a whole district is a few queries, not one per point.
 * Estimated readings are not a look at the meter (the correction queue's F8), so they do not count as
 * the last control reading — the partial index of actual control readings answers the question.
 */
export function planFacts(db: Db) {
  const ledger = debts(db);
  const columns = `p.id AS pointId, p.route_id AS routeId, r.executor_id AS employeeId, h.street_id AS streetId,
      st.settlement_id AS settlementId, p.complaint_since AS complaintSince, p.inspection_since AS inspectionSince,
      m.verification_due AS verificationDue,
      (SELECT max(c.taken_on) FROM readings c INDEXED BY readings_control_by_point
        WHERE c.point_id = p.id AND c.kind = 'control' AND c.estimated = 0 AND c.taken_on <= @date) AS lastControlOn,
      EXISTS (SELECT 1 FROM reading_checks rc INDEXED BY reading_checks_reread_waiting
        WHERE rc.point_id = p.id AND rc.decision = 'reread' AND rc.reread_position_id IS NULL) AS reread,
      EXISTS (SELECT 1 FROM disconnection_warnings w INDEXED BY disconnection_warnings_by_point
        WHERE w.point_id = p.id AND w.status = 'formed') AS warningToDeliver,
      (SELECT w.status FROM disconnection_warnings w INDEXED BY disconnection_warnings_by_point
        WHERE w.point_id = p.id AND w.kind = 'non_admittance' AND w.status IN ('formed', 'issued')) AS nonAdmittanceWarning
    FROM routes r JOIN metering_points p ON p.route_id = r.id JOIN houses h ON h.id = p.house_id
      JOIN streets st ON st.id = h.street_id LEFT JOIN meters m ON m.point_id = p.id`;
  // A point a task of the date or later still has to visit is that task's; a point the master moved or a lock holds is the plan's it is in.
  const routeCandidates = db.prepare<{ date: string; employees: string; sectionId: number | null }, CandidateSql>(`
    SELECT ${columns}
    WHERE r.executor_id IN (SELECT value FROM json_each(@employees)) AND (@sectionId IS NULL OR r.section_id = @sectionId)
      AND p.status = 'connected'
      AND NOT EXISTS (SELECT 1 FROM task_positions tp JOIN walk_tasks t ON t.id = tp.task_id
        WHERE tp.point_id = p.id AND tp.status = 'new' AND t.task_date >= @date)
      AND NOT EXISTS (SELECT 1 FROM plan_points pp WHERE pp.plan_date = @date AND pp.point_id = p.id)`);
  const pinnedCandidates = db.prepare<{ date: string; ids: string }, CandidateSql>(`
    SELECT ${columns} WHERE p.id IN (SELECT value FROM json_each(@ids))`);
  // Every visit entered in the window, read or not: the access rates and the failures come from one pass.
  const visits = db
    .prepare<{ from: string; date: string }, [number, number, number, string, number]>(
      `SELECT tp.point_id, tp.task_id, tp.status = 'executed', coalesce(tp.checked_on, t.task_date), coalesce(r.non_admittance, 0)
       FROM walk_tasks t JOIN task_positions tp ON tp.task_id = t.id LEFT JOIN non_execution_reasons r ON r.code = tp.reason_code
       WHERE t.task_date BETWEEN @from AND @date AND tp.status <> 'new'`,
    )
    .raw();

  return {
    /**
     * The candidates of the controllers' routes (of the section, when one is asked) and the points
     * pinned to a plan, each with its facts; and the district's access rate over the window.
     */
    load(
      date: string,
      s: PlanSettings,
      scope: { employeeIds: readonly number[]; sectionId: number | null; pinnedIds: readonly number[] },
    ): { candidates: Candidate[]; pinned: Candidate[]; districtPermille: number; accessOf: (pointId: number) => number } {
      const rows = routeCandidates.all({ date, employees: JSON.stringify(scope.employeeIds), sectionId: scope.sectionId });
      const pinnedRows = scope.pinnedIds.length > 0 ? pinnedCandidates.all({ date, ids: JSON.stringify(scope.pinnedIds) }) : [];
      const accessFrom = shifted(date, -s.accessWindowDays);
      const from = shifted(date, -Math.max(s.accessWindowDays, s.warningWindowDays, s.coolOffDays));
      const stats = new Map<number, { visits: number; readings: number; failed: FailedVisit[] }>();
      const district = { visits: 0, readings: 0 };
      for (const [pointId, taskId, read, on, nonAdmittance] of visits.all({ from, date })) {
        if (on > date) continue;
        let own = stats.get(pointId);
        if (!own) stats.set(pointId, (own = { visits: 0, readings: 0, failed: [] }));
        if (on >= accessFrom) {
          own.visits++;
          district.visits++;
          if (read) {
            own.readings++;
            district.readings++;
          }
        }
        if (!read) own.failed.push({ taskId, on, nonAdmittance: nonAdmittance === 1 });
      }
      const all = [...rows, ...pinnedRows];
      const owing = new Map(
        ledger
          .owing(
            all.map((row) => row.pointId),
            date,
            Math.max(1, s.minDebtKop),
          )
          .map((d) => [d.pointId, d.debtKop]),
      );
      const toCandidate = (row: CandidateSql): Candidate => {
        const own = stats.get(row.pointId);
        return {
          ...row,
          reread: row.reread === 1,
          warningToDeliver: row.warningToDeliver === 1,
          debtKop: owing.get(row.pointId) ?? 0,
          visits: own?.visits ?? 0,
          readings: own?.readings ?? 0,
          failedVisits: own?.failed ?? [],
        };
      };
      const fallback = districtPermille(district.visits, district.readings);
      return {
        candidates: rows.map(toCandidate),
        pinned: pinnedRows.map(toCandidate),
        districtPermille: fallback,
        accessOf: (pointId) => accessPermille(stats.get(pointId)?.visits ?? 0, stats.get(pointId)?.readings ?? 0, fallback),
      };
    },
  };
}
