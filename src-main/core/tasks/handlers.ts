import type { Db } from '../../db/open';
import type { Handlers } from '../registry';
import { taskForming } from './forming';
import { routeSheets } from './route-sheet';
import { taskStore } from './task-store';

export function tasksHandlers(
  db: Db,
): Handlers<'tasks.form' | 'tasks.routesToForm' | 'tasks.list' | 'tasks.get' | 'tasks.delete' | 'tasks.sheet' | 'reasons.list'> {
  const forming = taskForming(db);
  const store = taskStore(db);
  const sheet = routeSheets(db, store);
  const routesToForm = db.prepare<{ sectionId: number | null }, { routeId: number; number: number; name: string; points: number }>(
    `SELECT r.id AS routeId, r.number, r.name, count(p.id) AS points
     FROM routes r JOIN metering_points p ON p.route_id = r.id
     WHERE @sectionId IS NULL OR r.section_id = @sectionId GROUP BY r.id ORDER BY r.number`,
  );
  const reasons = db.prepare<[], { code: number; uk: string; en: string; nonAdmittance: number }>(
    'SELECT code, name_uk AS uk, name_en AS en, non_admittance AS nonAdmittance FROM non_execution_reasons WHERE active = 1 ORDER BY code',
  );
  return {
    'tasks.form': (input, { audit }) => {
      const formed = forming.form(input);
      audit('create', 'task', formed.taskId, null, { ...input, positions: formed.positions });
      return formed;
    },
    'tasks.routesToForm': ({ sectionId }) => routesToForm.all({ sectionId }),
    'tasks.list': (filter) => store.list(filter),
    'tasks.get': ({ id }) => store.get(id),
    'tasks.delete': ({ id }, { audit }) => {
      const before = store.get(id);
      const deleted = store.delete(id);
      audit('delete', 'task', id, before, null);
      return { deleted };
    },
    'tasks.sheet': ({ taskId, includeBills }, { locale }) => sheet(taskId, { includeBills }, locale),
    'reasons.list': (_input, { locale }) =>
      reasons.all().map((r) => ({ code: r.code, name: r[locale], nonAdmittance: r.nonAdmittance === 1 })),
  };
}
