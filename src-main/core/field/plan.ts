import type { Commodity } from '../../../shared/contract/entry';
import type { FieldPlan, FieldPosition, FieldTask } from '../../../shared/contract/field';
import { formatAmount } from '../../../shared/i18n/format';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db } from '../../db/open';
import type { EntryStore } from '../entry/entry-store';
import { shifted } from '../plans/days';
import type { FieldCaller } from './service';

/** A controller may still be finishing a task of the last days; older ones are the office's. */
const daysBack = 7;
const daysAhead = 7;

interface PositionSql {
  taskId: number;
  positionId: number;
  seq: number;
  accountNumber: string;
  consumer: string;
  address: string;
  commodity: Commodity;
  meterSerial: string | null;
  meterDigits: number | null;
  model: string | null;
  status: string;
  reread: number;
}

/**
 * The controller's plan as the phone keeps it for the day: their own tasks from a week back (only
 * while something is left to read) to a week ahead, positions in the task's order (walk order for
 * a day's plan and for tasks formed «за маршрутом»), each with the figures the phone judges by.
 */
export function fieldPlan(db: Db, store: EntryStore, today: () => string) {
  const tasks = db.prepare<
    { employeeId: number; from: string; today: string; to: string },
    { taskId: number; taskDate: string; routeNumber: number; routeName: string }
  >(
    `SELECT t.id AS taskId, t.task_date AS taskDate, t.route_number AS routeNumber, t.route_name AS routeName
     FROM walk_tasks t
     WHERE t.executor_id = @employeeId AND t.task_date BETWEEN @from AND @to
       AND (t.task_date >= @today OR EXISTS (SELECT 1 FROM task_positions tp WHERE tp.task_id = t.id AND tp.status = 'new'))
     ORDER BY t.task_date, t.route_number, t.id`,
  );
  const positions = db.prepare<[number], PositionSql>(
    `SELECT tp.task_id AS taskId, tp.id AS positionId, tp.seq, tp.account_number AS accountNumber, tp.full_name AS consumer,
       tp.address, p.commodity, tp.meter_serial AS meterSerial, tp.meter_digits AS meterDigits, m.model, tp.status,
       EXISTS (SELECT 1 FROM reading_checks rc WHERE rc.reread_position_id = tp.id) AS reread
     FROM task_positions tp JOIN metering_points p ON p.id = tp.point_id LEFT JOIN meters m ON m.point_id = tp.point_id
     WHERE tp.task_id = ? ORDER BY tp.seq`,
  );
  const warnings = db.prepare<[number, number], { kind: 'non_payment' | 'non_admittance'; debtKop: number | null }>(
    `SELECT w.kind, w.debt_kop AS debtKop FROM disconnection_warnings w JOIN task_positions tp ON tp.point_id = w.point_id
     WHERE w.task_id = ? AND tp.id = ? AND w.status IN ('formed', 'issued') ORDER BY w.kind DESC`,
  );
  const reasons = db.prepare<[], { code: number; uk: string; en: string }>(
    'SELECT code, name_uk AS uk, name_en AS en FROM non_execution_reasons WHERE active = 1 ORDER BY code',
  );
  const problems = db.prepare<[], { code: number; uk: string; en: string }>(
    'SELECT code, name_uk AS uk, name_en AS en FROM meter_problems WHERE active = 1 ORDER BY code',
  );

  const deliver = (taskId: number, positionId: number, locale: Locale): string[] =>
    warnings
      .all(taskId, positionId)
      .map((w) =>
        w.kind === 'non_payment'
          ? locale === 'uk'
            ? `Попередження про відключення за борг ${formatAmount(w.debtKop ?? 0, 'uk')} грн`
            : `Disconnection warning for a debt of UAH ${formatAmount(w.debtKop ?? 0, 'en')}`
          : locale === 'uk'
            ? 'Попередження про відключення за недопуск'
            : 'Disconnection warning for refused access',
      );

  const position = (row: PositionSql, on: string, locale: Locale): FieldPosition => {
    const figures = store.figures(row.positionId, on);
    return {
      positionId: row.positionId,
      seq: row.seq,
      accountNumber: row.accountNumber,
      consumer: row.consumer,
      address: row.address,
      commodity: row.commodity,
      meter: row.meterSerial === null ? null : { serial: row.meterSerial, model: row.model, digits: row.meterDigits },
      judge: {
        previous: figures.previous,
        digits: figures.digits,
        cutoff: figures.cutoff,
        expected: figures.expected,
        monthlyMax: figures.monthlyMax,
        bands: figures.bands,
      },
      deliver: deliver(row.taskId, row.positionId, locale),
      notes: row.reread ? [locale === 'uk' ? 'Повторний контроль' : 'Re-read'] : [],
      entered: row.status !== 'new',
    };
  };

  return (caller: FieldCaller, locale: Locale): FieldPlan => {
    const day = today();
    const own = tasks.all({ employeeId: caller.employeeId, from: shifted(day, -daysBack), today: day, to: shifted(day, daysAhead) });
    const fieldTasks: FieldTask[] = own.map((task) => {
      // Judged as of the day the reading will be taken: the task's date, or today for one left over.
      const on = task.taskDate < day ? day : task.taskDate;
      return { ...task, positions: positions.all(task.taskId).map((row) => position(row, on, locale)) };
    });
    return {
      controller: { login: caller.login, fullName: caller.fullName },
      today: day,
      generatedAt: new Date().toISOString(),
      tasks: fieldTasks,
      reasons: reasons.all().map((r) => ({ code: r.code, name: r[locale] })),
      problems: problems.all().map((p) => ({ code: p.code, name: p[locale] })),
    };
  };
}
