import type { Output } from '../../shared/contract/index';
import { createCore } from '../core/app';
import { shifted } from '../core/plans/days';
import { planSettings } from '../core/plans/plan-settings';
import type { Db } from '../db/open';
import { percentile, round, type Figure } from './figures';
import { plainPositionInsert, plainSnapshots } from './tasks';

const runs = 3;

/** Thrown to roll a measured run back, so each run forms the same day on the same district. */
class RolledBack extends Error {}

/**
 * Денний план for every active controller of the district for one day, as the master's screen asks
 * for it: plans.propose (scores, capacities, routes and walk order for all of them), then
 * plans.form (every plan as walk tasks, one transaction), through the handler registry. Each run is
 * rolled back afterwards; the figure is the median.
 */
export function planDayFigure(db: Db, date: string): { figure: Figure; formed: { tasks: number; positions: number } } {
  const core = createCore(db, {
    version: 'bench',
    today: () => date,
    signedIn: { login: 'bench', fullName: 'Benchmark', role: 'admin' },
  });
  const call = <N extends 'plans.propose' | 'plans.form'>(channel: N, input: unknown): Output<N> => {
    const answer = core.dispatch(channel, input, 'uk');
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value as Output<N>;
  };
  const times: number[] = [];
  let last: { controllers: number; points: number; tasks: number; positions: number } | undefined;
  for (let i = 0; i < runs; i++) {
    try {
      db.transaction(() => {
        const started = performance.now();
        const day = call('plans.propose', { date });
        const formed = call('plans.form', { date });
        times.push(performance.now() - started);
        last = {
          controllers: day.plans.length,
          points: day.plans.reduce((sum, plan) => sum + plan.count, 0),
          tasks: formed.taskIds.length,
          positions: formed.positions,
        };
        throw new RolledBack();
      })();
    } catch (error) {
      if (!(error instanceof RolledBack)) throw error;
    }
  }
  if (!last) throw new Error('plans: no run formed');
  const figure: Figure = {
    name: 'plans.form_day_ms',
    value: round(percentile(times, 50), 0),
    unit: 'ms',
    note: `median of ${runs}: plans.propose and plans.form for every controller for ${date}, through the handler registry: ${last.controllers} controllers, ${last.points} points, ${last.tasks} tasks, ${last.positions} positions`,
  };
  return { figure, formed: { tasks: last.tasks, positions: last.positions } };
}

/**
 * The floor under plans.form_day_ms: what the plans read and write, done plainly in one transaction
 * and rolled back as the plans' runs are — the candidate points of every active controller's routes
 * with their last control reading, every visit of the window the access rates and refusals come
 * from, the open bills the debts are summed from, and the tasks and positions that formed (the first
 * candidates' snapshots: account, address, meter and last control reading). Nothing scored, chosen
 * or ordered.
 */
export function planRawFigure(db: Db, date: string, formed: { tasks: number; positions: number }): Figure {
  const candidates = db
    .prepare<[string], [number, number, number, string | null, string | null, string | null]>(
      `SELECT p.id, p.route_id, h.street_id, p.complaint_since, p.inspection_since,
         (SELECT max(c.taken_on) FROM readings c WHERE c.point_id = p.id AND c.kind = 'control' AND c.estimated = 0 AND c.taken_on <= ?)
       FROM employees e JOIN routes r ON r.executor_id = e.id JOIN metering_points p ON p.route_id = r.id JOIN houses h ON h.id = p.house_id
       WHERE e.is_controller = 1 AND e.active = 1 AND p.status = 'connected' ORDER BY p.route_id, p.walk_seq`,
    )
    .raw();
  const settings = planSettings(db)();
  const windowDays = Math.max(settings.accessWindowDays, settings.warningWindowDays, settings.coolOffDays);
  const visits = db
    .prepare<[string, string], unknown[]>(
      `SELECT tp.point_id, tp.task_id, tp.status, coalesce(tp.checked_on, t.task_date), tp.reason_code
       FROM walk_tasks t JOIN task_positions tp ON tp.task_id = t.id
       WHERE t.task_date BETWEEN ? AND ? AND tp.status <> 'new'`,
    )
    .raw();
  const openBills = db
    .prepare<[], unknown[]>(
      `SELECT b.point_id, p.account_id, b.delivered_on, b.amount_kop, b.paid_kop
       FROM bills b JOIN metering_points p ON p.id = b.point_id WHERE b.amount_kop > b.paid_kop`,
    )
    .raw();
  const snapshot = plainSnapshots(db, 'p.id = @pointId');
  const insertTask = db.prepare(
    `INSERT INTO walk_tasks (route_id, task_date, criteria, sort_order, warn_non_payment, warn_non_admittance, route_number, route_name)
     SELECT id, ?, '{}', 'address', 0, 0, number, name FROM routes WHERE id = ?`,
  );
  const insertPosition = plainPositionInsert(db);
  const perTask = Math.ceil(formed.positions / Math.max(1, formed.tasks));

  const times: number[] = [];
  let read = { candidates: 0, visits: 0, bills: 0 };
  for (let i = 0; i < runs; i++) {
    try {
      db.transaction(() => {
        const started = performance.now();
        const points = candidates.all(date);
        read = { candidates: points.length, visits: visits.all(shifted(date, -windowDays), date).length, bills: openBills.all().length };
        if (points.length < formed.positions)
          throw new Error(`plans raw: ${points.length} candidates, the plans formed ${formed.positions}`);
        let taskId = 0;
        points.slice(0, formed.positions).forEach(([pointId, routeId], index) => {
          if (index % perTask === 0) taskId = Number(insertTask.run(date, routeId).lastInsertRowid);
          insertPosition(taskId, (index % perTask) + 1, snapshot.get({ pointId, taskDate: date })!);
        });
        times.push(performance.now() - started);
        throw new RolledBack();
      })();
    } catch (error) {
      if (!(error instanceof RolledBack)) throw error;
    }
  }
  return {
    name: 'plans.form_day_raw_ms',
    value: round(percentile(times, 50), 0),
    unit: 'ms',
    note: `median of ${runs}: the same reads and writes plainly, one transaction rolled back: ${read.candidates} candidate points with their last control reading, ${read.visits} visits of the ${windowDays}-day window, ${read.bills} open bills, ${formed.tasks} tasks and ${formed.positions} positions inserted with their snapshots; compare with plans.form_day_ms`,
  };
}
