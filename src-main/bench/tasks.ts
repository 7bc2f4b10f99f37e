import type { Envelope } from '../../shared/contract/envelope';
import type { Core } from '../core/app';
import { addressColumns, addressJoins, formatAddress, type AddressParts } from '../core/addresses/address';
import type { Registry } from '../core/registry';
import type { Db } from '../db/open';
import { chromiumPdf } from '../hosts/web/chromium-pdf';
import { medianOfRuns, medianOfRunsAsync, percentile, round, timed, wholeJobRuns, type Figure, type Rerun } from './figures';

const unwrap = <T>(answer: Envelope<unknown>): T => {
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as T;
};
const caller =
  (core: Registry) =>
  <T>(channel: string, input: unknown) =>
    unwrap<T>(core.dispatch(channel, input, 'uk'));

/**
 * A 500-point route made for the figures, through the registry: points from across the district
 * (every 400th of 200,000, from the `half`th half-step on), so the route mixes streets like a real
 * one, and two such routes never share a point.
 */
export function benchRoute(db: Db, core: Core, number: number, half: 0 | 1): number {
  const call = caller(core);
  const route = call<{ id: number }>('routes.save', { number, name: `Бенчмарк ${number}`, sectionId: null, executorId: null });
  const points = db.prepare<[], number>('SELECT count(*) FROM metering_points').pluck().get()!;
  const step = 2 * Math.max(1, Math.floor(points / 1000));
  const pointIds = db
    .prepare<[number, number], { id: number }>('SELECT id FROM metering_points WHERE id % ? = ? LIMIT 500')
    .all(step, (half * step) / 2)
    .map((p) => p.id);
  call('routes.assign', { routeId: route.id, selector: { kind: 'points', pointIds }, confirmMove: true });
  return route.id;
}

/** The tasks after `lastId` and their positions, gone: a repeated run leaves the district as one run would. */
function dropTasksAfter(db: Db, lastId: number): void {
  db.transaction(() => {
    db.prepare(
      'UPDATE reading_checks SET reread_position_id = NULL WHERE reread_position_id IN (SELECT id FROM task_positions WHERE task_id > ?)',
    ).run(lastId);
    db.prepare('DELETE FROM walk_tasks WHERE id > ?').run(lastId);
  })();
}
const lastTaskId = (db: Db) => db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM walk_tasks').pluck().get()!;

/** Each run's tasks are dropped again before the next, so every run forms on the district the first one saw. */
const rerunTasks = (db: Db, undoLast = false): Rerun<number> => ({
  mark: () => lastTaskId(db),
  undo: (before) => dropTasksAfter(db, before),
  undoLast,
});

/** tasks.form on one route, the same route and date again and again, as a user who confirmed the repeat would. */
export function formRouteFigure(core: Core, routeId: number, taskDate: string): { figure: Figure; taskId: number } {
  const call = caller(core);
  const single: number[] = [];
  let taskId = 0;
  for (let run = 0; run < 5; run++) {
    const { ms, value } = timed(() => call<{ taskId: number }>('tasks.form', { routeId, taskDate, criteria: {}, allowDuplicate: true }));
    single.push(ms);
    taskId = value.taskId;
  }
  const figure = {
    name: 'tasks.form_route_500_ms',
    value: round(percentile(single, 50), 1),
    unit: 'ms',
    note: 'median of 5: tasks.form on one 500-point route (select, snapshot, insert, one transaction)',
  };
  return { figure, taskId };
}

/** tasks.form on every route of the district for one date, one after another through the registry, as the forming screen does it. */
export function formAllFigure(db: Db, core: Core, taskDate: string, name = 'tasks.form_all_ms'): { figure: Figure; positions: number } {
  const call = caller(core);
  const routes = call<{ routeId: number }[]>('tasks.routesToForm', {});
  const { ms, value: positions } = medianOfRuns(() => {
    let formed = 0;
    for (const { routeId } of routes) {
      formed += call<{ positions: number }>('tasks.form', { routeId, taskDate, criteria: {}, allowDuplicate: true }).positions;
    }
    return formed;
  }, rerunTasks(db));
  const figure = {
    name,
    value: round(ms, 0),
    unit: 'ms',
    note: `median of ${wholeJobRuns}: tasks.form on every route of the district (${routes.length} routes, ${positions} positions), one after another`,
  };
  return { figure, positions };
}

export interface RawPoint extends AddressParts {
  pointId: number;
  accountId: number;
  accountNumber: string;
  fullName: string;
  meterSerial: string | null;
  meterDigits: number | null;
  prevValue: number | null;
  prevDate: string | null;
}

/**
 * Points with what a position snapshots of them — account, address, meter and the last control
 * reading as of @taskDate — selected plainly, `where` naming which; for the raw baselines.
 */
export const plainSnapshots = (db: Db, where: string) =>
  db.prepare<Record<string, unknown>, RawPoint>(
    `SELECT p.id AS pointId, p.account_id AS accountId, a.number AS accountNumber, a.full_name AS fullName, ${addressColumns},
       p.apartment, m.serial AS meterSerial, m.digits AS meterDigits, prev.value AS prevValue, prev.taken_on AS prevDate
     FROM metering_points p JOIN accounts a ON a.id = p.account_id ${addressJoins('p.house_id')}
     LEFT JOIN meters m ON m.point_id = p.id
     LEFT JOIN readings prev ON prev.id = (
       SELECT r.id FROM readings r WHERE r.point_id = p.id AND r.kind = 'control' AND r.taken_on <= @taskDate
       ORDER BY r.taken_on DESC, r.id DESC LIMIT 1)
     WHERE ${where}`,
  );

/** A position written plainly from a point's snapshot, as the raw baselines write them. */
export function plainPositionInsert(db: Db) {
  const insert = db.prepare(`INSERT INTO task_positions (task_id, seq, point_id, account_id, account_number,
      full_name, address, meter_serial, meter_digits, prev_value, prev_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  return (taskId: number | bigint, seq: number, row: RawPoint) =>
    insert.run(
      taskId,
      seq,
      row.pointId,
      row.accountId,
      row.accountNumber,
      row.fullName,
      formatAddress(row),
      row.meterSerial,
      row.meterDigits,
      row.prevValue,
      row.prevDate,
    );
}

/**
 * The floor under tasks.form_all_ms: the same rows selected and inserted plainly, every route in
 * one transaction — each route's connected points with their account, address, meter and last
 * control reading, a task row with what the last formed task holds, a position a point. No
 * criteria, no order, no re-reads or warnings. Run right after formAllFigure: its positions must
 * come to the number that formed (`positions`), or the floor is not under the same work.
 */
export function formAllRawFigure(db: Db, taskDate: string, positions: number): Figure {
  const formed = db
    .prepare<[], { criteria: string; sortOrder: string }>(
      'SELECT criteria, sort_order AS sortOrder FROM walk_tasks ORDER BY id DESC LIMIT 1',
    )
    .get();
  const routes = db
    .prepare<[], { id: number; number: number; name: string; executorId: number | null; executorName: string | null }>(
      `SELECT r.id, r.number, r.name, r.executor_id AS executorId, e.full_name AS executorName
       FROM routes r LEFT JOIN employees e ON e.id = r.executor_id ORDER BY r.number`,
    )
    .all();
  const routePoints = plainSnapshots(db, "p.route_id = @routeId AND p.status = 'connected'");
  const insertTask = db.prepare(`INSERT INTO walk_tasks (route_id, task_date, criteria, sort_order, warn_non_payment,
      warn_non_admittance, route_number, route_name, executor_id, executor_name) VALUES (?, ?, ?, ?, 0, 0, ?, ?, ?, ?)`);
  const insertPosition = plainPositionInsert(db);
  const criteria = formed?.criteria ?? '{}';
  const sortOrder = formed?.sortOrder ?? 'address';
  const copyAll = db.transaction(() => {
    let inserted = 0;
    for (const route of routes) {
      const rows = routePoints.all({ routeId: route.id, taskDate });
      if (rows.length === 0) continue;
      const taskId = insertTask.run(
        route.id,
        taskDate,
        criteria,
        sortOrder,
        route.number,
        route.name,
        route.executorId,
        route.executorName,
      ).lastInsertRowid;
      rows.forEach((row, index) => insertPosition(taskId, index + 1, row));
      inserted += rows.length;
    }
    return inserted;
  });
  // The raw rows never stay: the district keeps the tasks forming left.
  const { ms, value: inserted } = medianOfRuns(copyAll, rerunTasks(db, true));
  if (inserted !== positions) throw new Error(`tasks raw: ${inserted} positions inserted, tasks.form formed ${positions} for ${taskDate}`);
  return {
    name: 'tasks.form_all_raw_ms',
    value: round(ms, 0),
    unit: 'ms',
    note: `median of ${wholeJobRuns}: the same ${inserted} positions (and a task a route) selected and inserted plainly, one transaction; compare with tasks.form_all_ms`,
  };
}

/** A cell of the plain table: a position's columns are text, numbers or nothing. */
const escapeHtml = (value: string | number | null) =>
  String(value ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * What print.sheetPdf does — the core's sheet HTML printed by Chromium as browser mode prints it —
 * and beside it the floor: the same positions as a plain HTML table, printed the same way.
 */
export async function printFigures(db: Db, core: Core, taskId: number): Promise<Figure[]> {
  const sheet = await medianOfRunsAsync(() =>
    chromiumPdf(core.services.sheet({ taskId, includeBills: false, includeWarnings: false }, 'uk').html),
  );
  const positions = db.prepare(
    `SELECT seq, account_number, full_name, address, meter_serial, prev_value, prev_date
     FROM task_positions WHERE task_id = ? ORDER BY seq`,
  );
  let rows = 0;
  const raw = await medianOfRunsAsync(() => {
    const table = (positions.raw().all(taskId) as (string | number | null)[][]).map(
      (row) => `<tr>${row.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`,
    );
    rows = table.length;
    return chromiumPdf(`<!doctype html><html><head><meta charset="utf-8"></head><body><table>${table.join('')}</table></body></html>`);
  });
  return [
    {
      name: 'print.pdf_500_ms',
      value: round(sheet.ms, 0),
      unit: 'ms',
      note: `median of ${wholeJobRuns}: ${rows}-position route sheet to PDF through the browser-mode host (headless Chromium)`,
    },
    {
      name: 'print.pdf_500_raw_ms',
      value: round(raw.ms, 0),
      unit: 'ms',
      note: `median of ${wholeJobRuns}: the same ${rows} positions as a plain HTML table, printed to PDF by the same headless Chromium`,
    },
  ];
}
