import type { RouteToForm, TaskRow, tasksChannels } from '../../../shared/contract/tasks';
import type { Db } from '../../db/open';
import type { Handlers } from '../registry';
import { taskForming } from './forming';
import { routeSheets } from './route-sheet';
import { taskStore } from './task-store';

/** What a reassignment changes, as the audit log keeps it. */
const executorOf = (task: TaskRow | undefined) =>
  task
    ? {
        taskId: task.id,
        taskDate: task.taskDate,
        routeNumber: task.routeNumber,
        executorId: task.executorId,
        executorName: task.executorName,
      }
    : null;

/** The task handlers, and the printed sheet the hosts print and turn into PDF from the same HTML. */
export function tasksHandlers(db: Db) {
  const forming = taskForming(db);
  const store = taskStore(db);
  const { sheet, sheets } = routeSheets(db, store);
  const routesToForm = db.prepare<{ sectionId: number | null; taskDate: string | null }, RouteToForm>(
    `SELECT r.id AS routeId, r.number, r.name, count(p.id) AS points,
       (SELECT count(*) FROM walk_tasks t WHERE t.route_id = r.id AND t.task_date = @taskDate) AS tasksOnDate
     FROM routes r JOIN metering_points p ON p.route_id = r.id
     WHERE @sectionId IS NULL OR r.section_id = @sectionId GROUP BY r.id ORDER BY r.number`,
  );
  const reasons = db.prepare<[], { code: number; uk: string; en: string; nonAdmittance: number }>(
    'SELECT code, name_uk AS uk, name_en AS en, non_admittance AS nonAdmittance FROM non_execution_reasons WHERE active = 1 ORDER BY code',
  );
  const handlers: Handlers<keyof typeof tasksChannels> = {
    'tasks.form': {
      audit: {
        entity: 'task',
        id: (_input, formed) => formed.taskId,
        after: (input, formed) => ({ ...input, positions: formed.positions, warnings: formed.warnings }),
      },
      run: (input, { user }) => forming.form(input, user),
    },
    'tasks.routesToForm': ({ sectionId, taskDate }) => routesToForm.all({ sectionId, taskDate }),
    'tasks.list': (filter) => store.list(filter),
    'tasks.get': ({ id }) => store.get(id),
    'tasks.delete': {
      audit: { entity: 'task', before: ({ id }) => store.find(id) ?? null, after: () => null },
      run: ({ id }) => ({ deleted: store.delete(id) }),
    },
    'tasks.reassign': {
      audit: {
        entity: 'task',
        before: ({ id }) => executorOf(store.find(id)),
        after: (_input, task) => executorOf(task),
      },
      run: ({ id, employeeId }) => store.reassign(id, employeeId),
    },
    'tasks.sheet': (options, { locale }) => sheet(options, locale),
    'tasks.sheets': (options, { locale }) => sheets(options, locale),
    'reasons.list': (_input, { locale }) =>
      reasons.all().map((r) => ({ code: r.code, name: r[locale], nonAdmittance: r.nonAdmittance === 1 })),
  };
  return { handlers, sheet, sheets };
}
