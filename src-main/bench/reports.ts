import type { Output } from '../../shared/contract/index';
import type { Core } from '../core/app';
import type { Db } from '../db/open';
import { percentile, round, type Figure } from './figures';

/** The first and last day of a month given as YYYY-MM. */
const monthBounds = (month: string) => {
  const [year, index] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, index, 0)).getUTCDate();
  return { dateFrom: `${month}-01`, dateTo: `${month}-${String(last).padStart(2, '0')}` };
};

const runs = 5;

/** Median milliseconds of `runs` calls of `work`, and what the last one answered. */
function medianOf<T>(work: () => T): { ms: number; last: T } {
  const times: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    last = work();
    times.push(performance.now() - started);
  }
  return { ms: percentile(times, 50), last: last as T };
}

/**
 * Звіти / Виконання завдань over one whole month for every route of the district, through the
 * handler registry as the screen asks for it (core/reports/walk-reports.ts): each task of the
 * month with its positions counted by outcome and its reasons listed.
 */
export function executionMonthFigure(core: Core, month: string): Figure {
  const filter = { kind: 'execution', ...monthBounds(month) } as const;
  const { ms, last } = medianOf(() => {
    const answer = core.dispatch('registers.table', filter, 'uk');
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value as Output<'registers.table'>;
  });
  const positions = last.rows.reduce((sum, row) => sum + Number(row['positions']), 0);
  return {
    name: 'reports.execution_month_ms',
    value: round(ms, 0),
    unit: 'ms',
    note: `median of ${runs}: the task-execution report for ${month}, every route, through the handler registry: ${last.rows.length} tasks, ${positions} positions`,
  };
}

/**
 * Beside reports.execution_month_ms: the outcome of every position of the month's tasks, selected
 * plainly into the process with nothing counted or grouped. The report counts in SQL and hands
 * over a row a task, so it may well come in under this: what it must not do is read more.
 */
export function executionRawFigure(db: Db, month: string): Figure {
  const select = db
    .prepare(
      `SELECT tp.task_id, tp.status, tp.reason_code
       FROM walk_tasks t JOIN task_positions tp ON tp.task_id = t.id WHERE t.task_date BETWEEN @dateFrom AND @dateTo`,
    )
    .raw();
  const { ms, last } = medianOf(() => select.all(monthBounds(month)).length);
  return {
    name: 'reports.raw_select_ms',
    value: round(ms, 0),
    unit: 'ms',
    note: `median of ${runs}: plain select of the outcomes of the ${last} task positions of ${month}, one row each; compare with reports.execution_month_ms`,
  };
}
