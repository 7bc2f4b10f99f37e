import type { CheckDecision } from '../../../shared/contract/checks';
import type { ParsedInput } from '../../../shared/contract/index';
import type { ReadingCheck } from '../../../shared/contract/validation';
import {
  noControlDaysDefault,
  type RegisterCell,
  type RegisterColumn,
  type RegisterColumnKind,
  type WalkReportKind,
} from '../../../shared/contract/registers';
import { formatDate } from '../../../shared/i18n/format';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db } from '../../db/open';
import { addressColumns, addressJoins, addressOrder, withAddress, type AddressParts } from '../addresses/address';
import { shiftDays, warningRules } from '../disconnection/warning-rules';
import { daysBetween } from '../../../shared/validation/bands';

type Filter = ParsedInput<'registers.table'> & { kind: WalkReportKind };
type Row = Record<string, RegisterCell>;

/** What a walk report is made of; the registers module adds the branch and the period around it. */
export interface WalkReport {
  title: string;
  periodLabel: string;
  columns: RegisterColumn[];
  rows: Row[];
  totals: { label: string; count: number }[];
}

const words = {
  uk: {
    titles: {
      execution: 'Виконання завдань',
      controllers: 'Виконання завдань по контролерах',
      noControl: 'Точки без контрольного показника',
      nonAdmittance: 'Недопуск: повторні відмови в доступі',
      suspicious: 'Сумнівні показники',
      verificationDue: 'Повірка лічильників',
    },
    periods: {
      execution: 'Дата завдання',
      controllers: 'Дата завдання',
      noControl: 'Станом на кінець періоду',
      nonAdmittance: 'Станом на кінець періоду',
      suspicious: 'Дата показника',
      verificationDue: 'Дата повірки',
    },
    columns: {
      route: 'Маршрут',
      taskDate: 'Дата',
      controller: 'Контролер',
      tasks: 'Завдань',
      positions: 'Позицій',
      read: 'Знято',
      notRead: 'Не знято',
      noAccess: 'З них недопуск',
      open: 'Не внесено',
      reasons: 'Причини',
      days: 'Робочих днів',
      perDay: 'Показань за день',
      noAccessShare: 'Частка недопуску, %',
      account: 'О/р',
      fullName: 'Споживач',
      address: 'Адреса',
      lastControl: 'Останній контрольний',
      daysSince: 'Днів без показника',
      visits: 'Дати відмов',
      visitCount: 'Відмов',
      meter: 'Лічильник',
      verificationDue: 'Повірка до',
      takenOn: 'Дата показника',
      value: 'Показник',
      consumption: 'Споживання',
      expected: 'Очікувалося',
      checks: 'Перевірка',
      decision: 'Рішення',
      decidedBy: 'Вирішив',
    },
    totals: {
      tasks: 'Завдань',
      positions: 'Позицій',
      read: 'Знято',
      notRead: 'Не знято',
      points: 'Точок',
      meters: 'Лічильників',
      readings: 'Показників',
      waiting: 'Чекають рішення',
    },
    checks: {
      tooHigh: 'завелике',
      tooLow: 'замале',
      zero: 'нульове',
      afterDisconnection: 'після відключення',
      belowPrevious: 'менший за попередній',
      rollover: 'перехід через нуль',
      overMaximum: 'понад максимум',
      meterCondition: 'стан лічильника',
      phoneResult: 'інше з телефону',
    },
    decisions: {
      confirmed: 'підтверджено',
      corrected: 'виправлено',
      reread: 'повторний контроль',
      estimated: 'оцінний',
      superseded: 'внесено заново',
    },
    never: 'ніколи',
    noExecutor: 'без контролера',
  },
  en: {
    titles: {
      execution: 'Task execution',
      controllers: 'Task execution by controller',
      noControl: 'Points without a control reading',
      nonAdmittance: 'Non-admittance: repeated refusals',
      suspicious: 'Suspicious readings',
      verificationDue: 'Meter verification',
    },
    periods: {
      execution: 'Task date',
      controllers: 'Task date',
      noControl: 'As of the end of the period',
      nonAdmittance: 'As of the end of the period',
      suspicious: 'Reading date',
      verificationDue: 'Verification date',
    },
    columns: {
      route: 'Route',
      taskDate: 'Date',
      controller: 'Controller',
      tasks: 'Tasks',
      positions: 'Positions',
      read: 'Read',
      notRead: 'Not read',
      noAccess: 'Of which no access',
      open: 'Not entered',
      reasons: 'Reasons',
      days: 'Working days',
      perDay: 'Readings a day',
      noAccessShare: 'No-access share, %',
      account: 'Account',
      fullName: 'Consumer',
      address: 'Address',
      lastControl: 'Last control reading',
      daysSince: 'Days without a reading',
      visits: 'Refused on',
      visitCount: 'Refusals',
      meter: 'Meter',
      verificationDue: 'Verification due',
      takenOn: 'Reading date',
      value: 'Reading',
      consumption: 'Consumption',
      expected: 'Expected',
      checks: 'Check',
      decision: 'Decision',
      decidedBy: 'Decided by',
    },
    totals: {
      tasks: 'Tasks',
      positions: 'Positions',
      read: 'Read',
      notRead: 'Not read',
      points: 'Points',
      meters: 'Meters',
      readings: 'Readings',
      waiting: 'Waiting',
    },
    checks: {
      tooHigh: 'too high',
      tooLow: 'too low',
      zero: 'zero',
      afterDisconnection: 'after disconnection',
      belowPrevious: 'below previous',
      rollover: 'rollover',
      overMaximum: 'over the maximum',
      meterCondition: 'meter condition',
      phoneResult: 'differs on the phone',
    },
    decisions: {
      confirmed: 'confirmed',
      corrected: 'corrected',
      reread: 'control re-read',
      estimated: 'estimated',
      superseded: 'entered again',
    },
    never: 'never',
    noExecutor: 'no controller',
  },
} satisfies Record<Locale, unknown>;

type Words = (typeof words)[Locale];

/** What a report calls the executor of a task formed without one. */
export const noExecutorName = (locale: Locale): string => words[locale].noExecutor;
type ColumnKey = keyof Words['columns'];

const layouts: Record<WalkReportKind, [ColumnKey, RegisterColumnKind][]> = {
  execution: [
    ['route', 'text'],
    ['taskDate', 'date'],
    ['controller', 'text'],
    ['positions', 'number'],
    ['read', 'number'],
    ['notRead', 'number'],
    ['noAccess', 'number'],
    ['open', 'number'],
    ['noAccessShare', 'number'],
    ['reasons', 'text'],
  ],
  controllers: [
    ['controller', 'text'],
    ['tasks', 'number'],
    ['positions', 'number'],
    ['read', 'number'],
    ['notRead', 'number'],
    ['noAccess', 'number'],
    ['days', 'number'],
    ['perDay', 'number'],
    ['noAccessShare', 'number'],
  ],
  noControl: [
    ['route', 'text'],
    ['address', 'text'],
    ['account', 'text'],
    ['fullName', 'text'],
    ['lastControl', 'date'],
    ['daysSince', 'number'],
  ],
  nonAdmittance: [
    ['route', 'text'],
    ['address', 'text'],
    ['account', 'text'],
    ['fullName', 'text'],
    ['visitCount', 'number'],
    ['visits', 'text'],
  ],
  suspicious: [
    ['takenOn', 'date'],
    ['route', 'text'],
    ['address', 'text'],
    ['account', 'text'],
    ['fullName', 'text'],
    ['value', 'number'],
    ['consumption', 'number'],
    ['expected', 'number'],
    ['checks', 'text'],
    ['decision', 'text'],
    ['decidedBy', 'text'],
  ],
  verificationDue: [
    ['route', 'text'],
    ['address', 'text'],
    ['account', 'text'],
    ['fullName', 'text'],
    ['meter', 'text'],
    ['verificationDue', 'date'],
  ],
};

/** A share as people read it in a report: 12.5 for one in eight, one decimal. */
const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((1000 * part) / whole) / 10);

interface ExecutionSql {
  taskId: number;
  route: string;
  taskDate: string;
  controller: string | null;
  positions: number;
  read: number;
  notRead: number;
  noAccess: number;
  open: number;
  reasons: string | null;
}

/**
 * Звіти / Виконання звітів: how the walk is going (issue: "the reports a master runs"). Each report
 * is one set-based query over the period and, where it has one, the route; a task's positions
 * count as read with a reading entered, not read with a reason, and a reason marked non-admittance
 * in the reasons directory counts as no access. A controller's working days are the distinct days
 * they read a meter on.
 */
export function walkReports(db: Db) {
  const rules = warningRules(db);
  const position = `count(tp.id) AS positions, coalesce(sum(tp.status = 'executed'), 0) AS read,
      coalesce(sum(tp.status = 'not_executed'), 0) AS notRead, coalesce(sum(r.non_admittance = 1), 0) AS noAccess,
      coalesce(sum(tp.status = 'new'), 0) AS open`;
  const tasks = `FROM walk_tasks t JOIN task_positions tp ON tp.task_id = t.id
    LEFT JOIN non_execution_reasons r ON r.code = tp.reason_code
    WHERE t.task_date BETWEEN @dateFrom AND @dateTo AND (@routeId IS NULL OR t.route_id = @routeId)`;
  const execution = db.prepare<Filter, ExecutionSql>(`
    SELECT t.id AS taskId, t.route_number || ', ' || t.route_name AS route, t.task_date AS taskDate, t.executor_name AS controller,
      ${position},
      (SELECT group_concat(code || ' — ' || n, '; ') FROM (
        SELECT x.reason_code AS code, count(*) AS n FROM task_positions x
        WHERE x.task_id = t.id AND x.status = 'not_executed' GROUP BY x.reason_code ORDER BY x.reason_code)) AS reasons
    ${tasks}
    GROUP BY t.id ORDER BY t.task_date, t.route_number, t.id`);
  const controllers = db.prepare<
    Filter,
    Omit<ExecutionSql, 'taskId' | 'route' | 'taskDate' | 'reasons'> & { tasks: number; days: number }
  >(`
    SELECT t.executor_name AS controller, count(DISTINCT t.id) AS tasks, ${position},
      count(DISTINCT CASE WHEN tp.status = 'executed' THEN tp.checked_on END) AS days
    ${tasks}
    GROUP BY t.executor_id, t.executor_name ORDER BY t.executor_name IS NULL, t.executor_name`);
  const pointColumns = `ro.number || ', ' || ro.name AS route, a.number AS account, a.full_name AS fullName, ${addressColumns}, p.apartment`;
  const pointJoins = `JOIN accounts a ON a.id = p.account_id LEFT JOIN routes ro ON ro.id = p.route_id ${addressJoins('p.house_id')}`;
  const pointOrder = `ro.number IS NULL, ro.number, ${addressOrder('p.apartment_key')}`;
  const noControl = db.prepare<
    Filter & { since: string },
    AddressParts & { route: string | null; account: string; fullName: string; lastControl: string | null }
  >(`
    SELECT ${pointColumns}, last.takenOn AS lastControl
    FROM metering_points p ${pointJoins}
    LEFT JOIN (SELECT point_id, max(taken_on) AS takenOn FROM readings WHERE kind = 'control' AND taken_on <= @dateTo GROUP BY point_id) last
      ON last.point_id = p.id
    WHERE p.status = 'connected' AND (@routeId IS NULL OR p.route_id = @routeId) AND (last.takenOn IS NULL OR last.takenOn <= @since)
    ORDER BY ${pointOrder}`);
  const routePoints = db.prepare<{ routeId: number | null }, { id: number }>(
    'SELECT id FROM metering_points WHERE @routeId IS NULL OR route_id = @routeId',
  );
  const pointsByIds = db.prepare<{ ids: string }, AddressParts & Row & { id: number }>(`
    SELECT p.id, ${pointColumns} FROM metering_points p ${pointJoins}
    WHERE p.id IN (SELECT value FROM json_each(@ids)) ORDER BY ${pointOrder}`);
  const verification = db.prepare<Filter, AddressParts & Row>(`
    SELECT ${pointColumns}, m.serial || ' ' || m.model AS meter, m.verification_due AS verificationDue
    FROM meters m JOIN metering_points p ON p.id = m.point_id ${pointJoins}
    WHERE m.verification_due BETWEEN @dateFrom AND @dateTo AND (@routeId IS NULL OR p.route_id = @routeId)
    ORDER BY m.verification_due, ${pointOrder}`);

  // The correction queue's items of the period: what each failed and what was decided on it.
  const suspicious = db.prepare<
    Filter,
    AddressParts & { route: string | null; account: string; fullName: string; takenOn: string; value: number } & {
      consumption: number | null;
      expected: number | null;
      checks: string;
      decision: CheckDecision | null;
      decidedBy: string | null;
    }
  >(`
    SELECT ${pointColumns}, c.taken_on AS takenOn, c.value, c.consumption, c.expected, c.checks, c.decision,
      c.decided_by AS decidedBy
    FROM reading_checks c INDEXED BY reading_checks_by_date JOIN metering_points p ON p.id = c.point_id ${pointJoins}
    WHERE c.taken_on BETWEEN @dateFrom AND @dateTo AND (@routeId IS NULL OR p.route_id = @routeId)
      AND (@status = 'all' OR (@status = 'waiting') = (c.decision IS NULL))
    ORDER BY c.taken_on, ${pointOrder}, c.id`);

  const rowsOf = (filter: Filter, locale: Locale): { rows: Row[]; totals: [keyof Words['totals'], number][] } => {
    const w = words[locale];
    switch (filter.kind) {
      case 'execution': {
        const rows = execution.all(filter);
        const sum = (key: 'positions' | 'read' | 'notRead') => rows.reduce((total, row) => total + row[key], 0);
        return {
          rows: rows.map(({ taskId, ...row }) => ({
            ...row,
            controller: row.controller ?? w.noExecutor,
            noAccessShare: percent(row.noAccess, row.read + row.notRead),
          })),
          totals: [
            ['tasks', rows.length],
            ['positions', sum('positions')],
            ['read', sum('read')],
            ['notRead', sum('notRead')],
          ],
        };
      }
      case 'controllers': {
        const rows = controllers.all(filter);
        return {
          rows: rows.map((row) => ({
            ...row,
            controller: row.controller ?? w.noExecutor,
            perDay: row.days === 0 ? 0 : Math.round((10 * row.read) / row.days) / 10,
            noAccessShare: percent(row.noAccess, row.read + row.notRead),
          })),
          totals: [
            ['tasks', rows.reduce((total, row) => total + row.tasks, 0)],
            ['read', rows.reduce((total, row) => total + row.read, 0)],
          ],
        };
      }
      case 'noControl': {
        const limit = filter.days ?? noControlDaysDefault;
        const rows = noControl.all({ ...filter, since: shiftDays(filter.dateTo, -limit) }).map(withAddress);
        return {
          rows: rows.map((row) => ({
            ...row,
            daysSince: row.lastControl === null ? w.never : daysBetween(row.lastControl, filter.dateTo),
          })),
          totals: [['points', rows.length]],
        };
      }
      case 'nonAdmittance': {
        const settings = rules.settings();
        const ids = routePoints.all({ routeId: filter.routeId }).map((point) => point.id);
        const refused = new Map(rules.refusedVisits(ids, filter.dateTo, settings).map((r) => [r.pointId, r.visits]));
        const rows = pointsByIds.all({ ids: JSON.stringify([...refused.keys()]) }).map(({ id, ...row }) => {
          const visits = refused.get(id) ?? [];
          return { ...withAddress(row), visitCount: visits.length, visits: visits.map((on) => formatDate(on, locale)).join(', ') };
        });
        return { rows, totals: [['points', rows.length]] };
      }
      case 'suspicious': {
        const items = suspicious.all(filter).map(withAddress);
        const rows = items.map((item) => ({
          ...item,
          checks: (JSON.parse(item.checks) as ReadingCheck[]).map((check) => w.checks[check.code]).join(', '),
          decision: item.decision === null ? '' : w.decisions[item.decision],
          decidedBy: item.decidedBy ?? '',
        }));
        return {
          rows,
          totals: [
            ['readings', rows.length],
            ['waiting', items.filter((item) => item.decision === null).length],
          ],
        };
      }
      case 'verificationDue': {
        const rows = verification.all(filter).map(withAddress);
        return { rows, totals: [['meters', rows.length]] };
      }
    }
  };

  return {
    report(filter: Filter, locale: Locale): WalkReport {
      const w = words[locale];
      const { rows, totals } = rowsOf(filter, locale);
      return {
        title: w.titles[filter.kind],
        periodLabel: w.periods[filter.kind],
        columns: layouts[filter.kind].map(([key, kind]) => ({ key, kind, label: w.columns[key] })),
        rows,
        totals: totals.map(([key, count]) => ({ label: w.totals[key], count })),
      };
    },
  };
}
