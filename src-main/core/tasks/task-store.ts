import type { Page } from '../../../shared/contract/define';
import type { ParsedInput } from '../../../shared/contract/index';
import { taskCriteria, type SortOrder, type TaskRow } from '../../../shared/contract/tasks';
import type { Db } from '../../db/open';
import { DomainError, found } from '../errors';

interface TaskSql extends Omit<TaskRow, 'criteria' | 'warnNonPayment' | 'warnNonAdmittance' | 'sortOrder'> {
  criteria: string;
  sortOrder: SortOrder;
  warnNonPayment: number;
  warnNonAdmittance: number;
}

type TaskFilter = ParsedInput<'tasks.list'>;

const toRow = (row: TaskSql): TaskRow => ({
  ...row,
  criteria: taskCriteria.parse(JSON.parse(row.criteria)),
  warnNonPayment: row.warnNonPayment === 1,
  warnNonAdmittance: row.warnNonAdmittance === 1,
});

/** The task list (Завдання на обхід): what was formed, for whom, and how far its entry has got. */
export function taskStore(db: Db) {
  const select = `SELECT t.id, t.kind, t.task_date AS taskDate, t.route_id AS routeId, t.route_number AS routeNumber,
      t.route_name AS routeName, t.executor_id AS executorId, t.executor_name AS executorName, t.criteria, t.sort_order AS sortOrder,
      t.warn_non_payment AS warnNonPayment, t.warn_non_admittance AS warnNonAdmittance,
      count(p.id) AS total, coalesce(sum(p.status = 'executed'), 0) AS executed,
      coalesce(sum(p.status = 'not_executed'), 0) AS notExecuted
    FROM walk_tasks t LEFT JOIN task_positions p ON p.task_id = t.id`;
  const filter = `WHERE (@dateFrom IS NULL OR t.task_date >= @dateFrom) AND (@dateTo IS NULL OR t.task_date <= @dateTo)
      AND (@routeId IS NULL OR t.route_id = @routeId) AND (@executorId IS NULL OR t.executor_id = @executorId)`;
  const statusFilter = `HAVING @status = 'all' OR (@status = 'open') = (sum(p.status = 'new') > 0)`;
  const list = db.prepare<TaskFilter, TaskSql>(
    `${select} ${filter} GROUP BY t.id ${statusFilter} ORDER BY t.task_date DESC, t.route_number, t.id DESC LIMIT @limit OFFSET @offset`,
  );
  const count = db.prepare<TaskFilter, { n: number }>(
    `SELECT count(*) AS n FROM (SELECT t.id FROM walk_tasks t LEFT JOIN task_positions p ON p.task_id = t.id ${filter}
      GROUP BY t.id ${statusFilter})`,
  );
  const byId = db.prepare<[number], TaskSql>(`${select} WHERE t.id = ? GROUP BY t.id`);
  // A position has an outcome once entry touched it: a reading, or a non-execution reason. The reading
  // is looked up as well as the status, so a reading kept against a position is never orphaned.
  const outcomeCounts = db.prepare<[number], { readings: number; reasons: number }>(
    `SELECT coalesce(sum(hasReading), 0) AS readings, coalesce(sum(NOT hasReading), 0) AS reasons
     FROM (SELECT p.status, p.reason_code,
             (p.status = 'executed' OR EXISTS (SELECT 1 FROM readings r WHERE r.task_position_id = p.id)) AS hasReading
           FROM task_positions p WHERE p.task_id = ?)
     WHERE hasReading OR status <> 'new' OR reason_code IS NOT NULL`,
  );
  const remove = db.prepare('DELETE FROM walk_tasks WHERE id = ?');
  const employee = db.prepare<[number], { fullName: string; isController: number; active: number }>(
    'SELECT full_name AS fullName, is_controller AS isController, active FROM employees WHERE id = ?',
  );
  const setExecutor = db.prepare('UPDATE walk_tasks SET executor_id = ?, executor_name = ? WHERE id = ?');
  // A re-read the correction queue put into this task waits again for the route's next one.
  const handBackRereads = db.prepare(
    'UPDATE reading_checks SET reread_position_id = NULL WHERE reread_position_id IN (SELECT id FROM task_positions WHERE task_id = ?)',
  );

  const get = (id: number): TaskRow => toRow(found(byId.get(id), 'notFound.task'));

  return {
    get,
    find: (id: number): TaskRow | undefined => {
      const row = byId.get(id);
      return row && toRow(row);
    },
    list: (filter: TaskFilter): Page<TaskRow> => ({ rows: list.all(filter).map(toRow), total: count.get(filter)!.n }),
    /**
     * The task given to another controller (illness, leave): an active controller only, since the
     * sheet prints their name and the reports count the walk as theirs. Positions entered already
     * stay as they were; what is still to walk is now the new executor's.
     */
    reassign: (id: number, employeeId: number): TaskRow => {
      get(id);
      const person = found(employee.get(employeeId), 'notFound.employee');
      if (person.isController !== 1 || person.active !== 1) throw new DomainError('task.notAController', { name: person.fullName });
      setExecutor.run(employeeId, person.fullName, id);
      return get(id);
    },
    /**
     * Allowed while no position has an outcome (the manual's rule); positions go with it. A
     * non-execution reason counts as much as a reading: non-admittance records are the evidence a
     * non-admittance warning is issued on, so a task carrying them must stay.
     */
    delete: (id: number) => {
      const task = get(id);
      const { readings, reasons } = outcomeCounts.get(id)!;
      if (readings + reasons > 0) {
        throw new DomainError('task.hasOutcomes', {
          outcomes: readings + reasons,
          readings,
          reasons,
          number: task.routeNumber,
          date: task.taskDate,
        });
      }
      handBackRereads.run(id);
      return remove.run(id).changes;
    },
  };
}
