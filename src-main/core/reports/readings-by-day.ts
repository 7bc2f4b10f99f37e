import type { ParsedInput } from '../../../shared/contract/index';
import type { ControllerDays, ReadingsByDay } from '../../../shared/contract/reports';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db } from '../../db/open';
import { ukSortKey } from '../collation/uk-sort-key';
import { shiftDays } from '../disconnection/warning-rules';
import { noExecutorName } from './walk-reports';

type Filter = ParsedInput<'reports.readingsByDay'>;

/**
 * Readings per controller per day (Звіти / Виконання звітів, above the execution report): a
 * position counts on the day its reading was taken (checked_on), for the executor of its task, so
 * a task dated on the 30th and read over the next days shows on those days. The execution table
 * beside it goes by the task's date; this chart goes by the controller's day, as "readings a day"
 * in the by-controller report does.
 */
export function readingsByDay(db: Db) {
  const counts = db.prepare<Filter, { executorId: number | null; name: string | null; day: string; n: number }>(`
    SELECT t.executor_id AS executorId, t.executor_name AS name, tp.checked_on AS day, count(*) AS n
    FROM task_positions tp JOIN walk_tasks t ON t.id = tp.task_id
    WHERE tp.status = 'executed' AND tp.checked_on BETWEEN @dateFrom AND @dateTo AND (@routeId IS NULL OR t.route_id = @routeId)
    GROUP BY t.executor_id, t.executor_name, tp.checked_on`);

  return (filter: Filter, locale: Locale): ReadingsByDay => {
    const days: string[] = [];
    for (let day = filter.dateFrom; day <= filter.dateTo; day = shiftDays(day, 1)) days.push(day);
    const index = new Map(days.map((day, at) => [day, at]));
    // One line per executor as the task recorded them, keyed with the order it is listed in:
    // by name in Ukrainian order, the tasks without a controller last (as the by-controller report).
    const controllers = new Map<string, { order: string; line: ControllerDays }>();
    for (const row of counts.all(filter)) {
      const key = `${row.executorId ?? ''}\u0000${row.name ?? ''}`;
      let controller = controllers.get(key);
      if (!controller) {
        const line = { executorId: row.executorId, name: row.name ?? noExecutorName(locale), counts: days.map(() => 0) };
        controller = { order: row.name === null ? '\uffff' : `${ukSortKey(row.name)}\u0000${key}`, line };
        controllers.set(key, controller);
      }
      controller.line.counts[index.get(row.day)!] = row.n;
    }
    const list = [...controllers.values()].sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0)).map((c) => c.line);
    return { days, controllers: list };
  };
}
