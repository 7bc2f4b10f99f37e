import type { PlansFormed } from '../../../shared/contract/plans';
import type { Db } from '../../db/open';
import { warningForming } from '../disconnection/warning-forming';
import { DomainError } from '../errors';
import { taskForming } from '../tasks/forming';
import type { DayPlansOf } from './proposal';

interface Employee {
  id: number;
  fullName: string;
  isController: number;
  active: number;
}

/**
 * What a master does to a day's plans: moves points between controllers, locks a plan, forms them
 * all. Each runs inside the one transaction the registry opens for the write.
 */
export function planChanges(db: Db, plans: DayPlansOf, { today }: { today: () => string }) {
  const tasks = taskForming(db);
  const warnings = warningForming(db);
  const employee = db.prepare<[number], Employee>(
    'SELECT id, full_name AS fullName, is_controller AS isController, active FROM employees WHERE id = ?',
  );
  const formedFor = db
    .prepare<[string, number], number>(
      "SELECT count(*) FROM walk_tasks INDEXED BY walk_tasks_plans WHERE task_date = ? AND executor_id = ? AND kind = 'plan'",
    )
    .pluck();
  const points = db.prepare<{ ids: string }, { id: number; accountNumber: string }>(
    `SELECT p.id, a.number AS accountNumber FROM metering_points p JOIN accounts a ON a.id = p.account_id
     WHERE p.id IN (SELECT value FROM json_each(@ids))`,
  );
  // A point a task of the date or later still has to visit cannot go into a plan: it would be walked twice.
  const taken = db.prepare<{ ids: string; date: string }, { accountNumber: string; taskId: number }>(
    `SELECT tp.account_number AS accountNumber, t.id AS taskId FROM task_positions tp JOIN walk_tasks t ON t.id = tp.task_id
     WHERE tp.point_id IN (SELECT value FROM json_each(@ids)) AND tp.status = 'new' AND t.task_date >= @date LIMIT 1`,
  );
  const pin = db.prepare(
    `INSERT INTO plan_points (plan_date, point_id, employee_id, moved) VALUES (@date, @pointId, @employeeId, @moved)
     ON CONFLICT (plan_date, point_id) DO UPDATE SET employee_id = excluded.employee_id, moved = excluded.moved`,
  );
  const keep = db.prepare(
    `INSERT INTO plan_points (plan_date, point_id, employee_id, moved) VALUES (@date, @pointId, @employeeId, 0)
     ON CONFLICT (plan_date, point_id) DO NOTHING`,
  );
  const lockRow = db.prepare(
    'INSERT INTO plan_locks (plan_date, employee_id, locked_by) VALUES (?, ?, ?) ON CONFLICT (plan_date, employee_id) DO NOTHING',
  );
  const unkeep = db.prepare('DELETE FROM plan_points WHERE plan_date = ? AND employee_id = ? AND moved = 0');
  const unlockRow = db.prepare('DELETE FROM plan_locks WHERE plan_date = ? AND employee_id = ?');
  const pinnedCount = db
    .prepare<[string, number], number>('SELECT count(*) FROM plan_points WHERE plan_date = ? AND employee_id = ?')
    .pluck();

  const notPast = (date: string) => {
    if (date < today()) throw new DomainError('plan.pastDate', { date }, 'date');
  };
  /** A plan is an active controller's, not yet formed for the date. */
  const openPlanOf = (employeeId: number, date: string): Employee => {
    const person = employee.get(employeeId);
    if (!person) throw new DomainError('notFound.employee');
    if (person.isController !== 1 || person.active !== 1) throw new DomainError('plan.notAController', { name: person.fullName });
    if (formedFor.get(date, employeeId)! > 0) throw new DomainError('plan.alreadyFormed', { name: person.fullName, date });
    return person;
  };

  return {
    /**
     * Points into another controller's plan of the date, out of whichever plan had them (a locked
     * one loses them; an open one is refilled by its proposal). The master has seen them, so they
     * stay in it whatever their score.
     */
    move(date: string, pointIds: readonly number[], toEmployeeId: number): { moved: number } {
      notPast(date);
      openPlanOf(toEmployeeId, date);
      const ids = JSON.stringify(pointIds);
      if (points.all({ ids }).length !== new Set(pointIds).size) throw new DomainError('notFound.point');
      const busy = taken.get({ ids, date });
      if (busy) throw new DomainError('plan.pointTaken', { account: busy.accountNumber, taskId: busy.taskId });
      for (const pointId of new Set(pointIds)) pin.run({ date, pointId, employeeId: toEmployeeId, moved: 1 });
      return { moved: new Set(pointIds).size };
    },

    /** Locked, the plan is its points as now proposed; unlocked, the proposal refills it around what was moved in. */
    lock(date: string, employeeId: number, sectionId: number | null, locked: boolean, user: string): { locked: boolean; points: number } {
      notPast(date);
      openPlanOf(employeeId, date);
      if (!locked) {
        unkeep.run(date, employeeId);
        unlockRow.run(date, employeeId);
        return { locked: false, points: pinnedCount.get(date, employeeId)! };
      }
      const [plan] = plans(date, { sectionId, only: employeeId }).plans;
      for (const point of plan?.points ?? []) keep.run({ date, pointId: point.pointId, employeeId });
      lockRow.run(date, employeeId, user);
      return { locked: true, points: pinnedCount.get(date, employeeId)! };
    },

    /**
     * Every plan of the date not formed yet, as walk tasks of kind 'plan': one per route the plan
     * walks, for its controller, positions in the walk order. With `formWarnings` the points proposed
     * for a non-admittance warning get one by the warnings' own rule, in the same transaction.
     */
    form(date: string, sectionId: number | null, formWarnings: boolean, user: string): PlansFormed {
      notPast(date);
      const day = plans(date, { sectionId });
      const taskIds: number[] = [];
      let controllers = 0;
      let positions = 0;
      for (const plan of day.plans) {
        if (plan.formedTaskIds.length > 0 || plan.points.length === 0) continue;
        const byRoute = new Map<number, number[]>();
        for (const point of plan.points) {
          const routeId = plan.routeOf.get(point.pointId);
          if (routeId === undefined) continue;
          const list = byRoute.get(routeId);
          if (list) list.push(point.pointId);
          else byRoute.set(routeId, [point.pointId]);
        }
        for (const [routeId, ids] of byRoute) {
          const formed = tasks.formPlanned({ routeId, taskDate: date, executorId: plan.employeeId, executorName: plan.fullName }, ids);
          taskIds.push(formed.taskId);
          positions += formed.positions;
        }
        if (byRoute.size > 0) controllers++;
      }
      const proposed = day.plans
        .filter((plan) => plan.formedTaskIds.length === 0)
        .flatMap((plan) => plan.warningProposals.map((p) => p.pointId));
      const formedWarnings =
        formWarnings && proposed.length > 0
          ? warnings.form(proposed, date, { nonPayment: false, nonAdmittance: true }, { taskId: null, user }).nonAdmittance
          : 0;
      if (taskIds.length === 0 && formedWarnings === 0) throw new DomainError('plan.nothingToForm', { date });
      return { taskIds, controllers, positions, warnings: formedWarnings };
    },
  };
}
