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
  /** Visits entered in the access window, and those that gave a reading. */
  visits: number;
  readings: number;
}

type CandidateRow = [
  pointId: number,
  routeId: number,
  employeeId: number | null,
  complaintSince: string | null,
  inspectionSince: string | null,
  lastControlOn: string | null,
];

/**
 * What the plan reads, set-based: a whole district is a few queries, not one per point. The
 * candidates come in one pass over the points with their last control reading; what only a few
 * points have (a re-read waiting, a warning in force, a task still to walk, a master's pin) is read
 * whole and looked up in memory.
 * Estimated readings are not a look at the meter (the correction queue's F8), so they do not count as
 * the last control reading — the partial index of actual control readings answers the question.
 */
export function planFacts(db: Db) {
  const ledger = debts(db);
  const columns = `p.id, p.route_id, r.executor_id, p.complaint_since, p.inspection_since,
      (SELECT max(c.taken_on) FROM readings c INDEXED BY readings_control_in_order
        WHERE c.point_id = p.id AND c.kind = 'control' AND c.estimated = 0 AND c.taken_on <= @date)
    FROM routes r JOIN metering_points p ON p.route_id = r.id`;
  // The few meters whose verification falls due soon, read apart: a join would look up every point's meter.
  const verificationsDue = db
    .prepare<[string], [number, string]>('SELECT point_id, verification_due FROM meters WHERE verification_due <= ?')
    .raw();
  const routeCandidates = db
    .prepare<{ date: string; employees: string; sectionId: number | null }, CandidateRow>(
      `SELECT ${columns}
       WHERE r.executor_id IN (SELECT value FROM json_each(@employees)) AND (@sectionId IS NULL OR r.section_id = @sectionId)
         AND p.status = 'connected'`,
    )
    .raw();
  const pinnedCandidates = db
    .prepare<{ date: string; ids: string }, CandidateRow>(`SELECT ${columns} WHERE p.id IN (SELECT value FROM json_each(@ids))`)
    .raw();
  // A point a task of the date or later still has to visit is that task's.
  const stillToVisit = db
    .prepare<[string], number>(
      `SELECT DISTINCT tp.point_id FROM walk_tasks t JOIN task_positions tp ON tp.task_id = t.id
       WHERE t.task_date >= ? AND tp.status = 'new'`,
    )
    .pluck();
  // A point the master moved or a lock holds is the plan's it is in, whoever's route it is on — while
  // that plan is an active controller's: one who has left since holds nothing.
  const pinnedOnDate = db
    .prepare<[string], number>(
      `SELECT pp.point_id FROM plan_points pp JOIN employees e ON e.id = pp.employee_id
       WHERE pp.plan_date = ? AND e.is_controller = 1 AND e.active = 1`,
    )
    .pluck();
  const rereads = db
    .prepare<[], number>(
      `SELECT DISTINCT point_id FROM reading_checks INDEXED BY reading_checks_reread_waiting
       WHERE decision = 'reread' AND reread_position_id IS NULL`,
    )
    .pluck();
  const warningsInForce = db
    .prepare<[], [number, string, string]>(
      `SELECT point_id, kind, status FROM disconnection_warnings INDEXED BY disconnection_warnings_by_status
       WHERE status IN ('formed', 'issued')`,
    )
    .raw();
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
      const visiting = new Set(stillToVisit.all(date));
      const taken = new Set([...visiting, ...pinnedOnDate.all(date)]);
      const rows = routeCandidates
        .all({ date, employees: JSON.stringify(scope.employeeIds), sectionId: scope.sectionId })
        .filter((row) => !taken.has(row[0]));
      // A pinned point a task formed since has to visit is that task's too: never walked twice.
      const pinnedRows =
        scope.pinnedIds.length > 0
          ? pinnedCandidates.all({ date, ids: JSON.stringify(scope.pinnedIds) }).filter((row) => !visiting.has(row[0]))
          : [];
      const verifications = new Map(verificationsDue.all(shifted(date, s.verificationDays)));
      const rereading = new Set(rereads.all());
      const toDeliver = new Set<number>();
      const nonAdmittance = new Map<number, 'formed' | 'issued'>();
      for (const [pointId, kind, status] of warningsInForce.all()) {
        if (status === 'formed') toDeliver.add(pointId);
        if (kind === 'non_admittance') nonAdmittance.set(pointId, status as 'formed' | 'issued');
      }
      const accessFrom = shifted(date, -s.accessWindowDays);
      const from = shifted(date, -Math.max(s.accessWindowDays, s.warningWindowDays, s.coolOffDays));
      const stats = new Map<number, { visits: number; readings: number; failed: FailedVisit[] }>();
      const district = { visits: 0, readings: 0 };
      for (const [pointId, taskId, read, on, refused] of visits.all({ from, date })) {
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
        if (!read) own.failed.push({ taskId, on, nonAdmittance: refused === 1 });
      }
      const all = [...rows, ...pinnedRows];
      // The debt as the ledger counts it as of the date; below the minimum it weighs nothing, so it is not asked for.
      const owing = ledger.owingTotals(
        all.map((row) => row[0]),
        date,
        Math.max(1, s.minDebtKop),
      );
      const toCandidate = ([pointId, routeId, employeeId, complaintSince, inspectionSince, lastControlOn]: CandidateRow): Candidate => {
        const own = stats.get(pointId);
        return {
          pointId,
          routeId,
          employeeId,
          complaintSince,
          inspectionSince,
          verificationDue: verifications.get(pointId) ?? null,
          lastControlOn,
          reread: rereading.has(pointId),
          warningToDeliver: toDeliver.has(pointId),
          nonAdmittanceWarning: nonAdmittance.get(pointId) ?? null,
          debtKop: owing.get(pointId) ?? 0,
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
