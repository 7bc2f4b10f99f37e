import type { ParsedInput } from '../../../shared/contract/index';
import {
  isWalkReport,
  type DisconnectionRegisterKind,
  type RegisterCell,
  type RegisterColumn,
  type RegisterColumnKind,
  type RegisterTable,
} from '../../../shared/contract/registers';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db } from '../../db/open';
import { addressColumns, addressJoins, addressOrder, formatAddress, type AddressParts } from '../addresses/address';
import { walkReports } from '../reports/walk-reports';
import { settingsReader } from '../calendar/working-days';

type Filter = ParsedInput<'registers.table'>;
type Row = Record<string, RegisterCell>;
/** A row with the statuses it counts under: a reconnection done late is both done and overdue. */
interface CodedRow {
  row: Row;
  codes: string[];
}

const words = {
  uk: {
    titles: {
      warnings: 'Реєстр попереджень про відключення',
      orders: 'Реєстр нарядів на відключення',
      cutoffs: 'Реєстр відключень',
      reconnections: 'Реєстр підключень після відключення',
    },
    periods: { warnings: 'Дата формування', orders: 'Дата наряду', cutoffs: 'Дата відключення', reconnections: 'Дата наряду' },
    columns: {
      account: 'О/р',
      fullName: 'Споживач',
      address: 'Адреса',
      kind: 'Вид',
      status: 'Стан',
      asOf: 'Сформовано на',
      debtKop: 'Борг',
      issuedHow: 'Як вручено',
      issuedOn: 'Вручено',
      receivedOn: 'Отримано',
      earliestCutoffOn: 'Відключення не раніше',
      closedOn: 'Закрито',
      cancelReason: 'Причина скасування',
      name: 'Наряд',
      orderDate: 'Дата',
      criterion: 'Умова',
      positions: 'Позицій',
      done: 'Відключено',
      notDone: 'Не виконано',
      open: 'Без результату',
      basis: 'Підстава',
      doneAt: 'Виконано',
      executor: 'Виконавець',
      seal: 'Пломба',
      reading: 'Показник',
      deadline: 'Строк',
      place: 'Місцевість',
      formedOn: 'Сформовано',
      deadlineOn: 'Підключити до',
    },
    kinds: { non_payment: 'Несплата', non_admittance: 'Недопуск', debt: 'Борг' } as Record<string, string>,
    statuses: {
      formed: 'Сформований',
      issued: 'Виданий',
      executed: 'Виконаний',
      cancelled: 'Скасований',
      new: 'Новий',
      done: 'Виконаний',
      kept: 'Дотримано',
      missed: 'Порушено',
      overdue: 'Прострочений',
    } as Record<string, string>,
    issuedHow: { in_hand: 'Особисто', mail: 'Рекомендованим листом' } as Record<string, string>,
    cancelReasons: {
      paid: 'Оплачено',
      restructured: 'Реструктуризація',
      court: 'Рішення суду',
      moratorium: 'Мораторій',
      operator: 'Рішення оператора',
    } as Record<string, string>,
    criteria: { warnings: 'Видані попередження', debt: 'Борг', non_admittance: 'Недопуск' } as Record<string, string>,
    places: { town: 'Місто', village: 'Село' } as Record<string, string>,
    noDeadline: 'Без попередження',
  },
  en: {
    titles: {
      warnings: 'Register of disconnection warnings',
      orders: 'Register of disconnection orders',
      cutoffs: 'Register of cut-offs',
      reconnections: 'Register of reconnections',
    },
    periods: { warnings: 'Formed as of', orders: 'Order date', cutoffs: 'Cut-off date', reconnections: 'Order date' },
    columns: {
      account: 'Account',
      fullName: 'Consumer',
      address: 'Address',
      kind: 'Kind',
      status: 'Status',
      asOf: 'As of',
      debtKop: 'Debt',
      issuedHow: 'Issued how',
      issuedOn: 'Issued',
      receivedOn: 'Received',
      earliestCutoffOn: 'Cut-off not before',
      closedOn: 'Closed',
      cancelReason: 'Cancel reason',
      name: 'Order',
      orderDate: 'Date',
      criterion: 'Criterion',
      positions: 'Positions',
      done: 'Cut off',
      notDone: 'Not done',
      open: 'No outcome',
      basis: 'Basis',
      doneAt: 'Done',
      executor: 'Executor',
      seal: 'Seal',
      reading: 'Reading',
      deadline: 'Notice period',
      place: 'Place',
      formedOn: 'Formed',
      deadlineOn: 'Reconnect by',
    },
    kinds: { non_payment: 'Non-payment', non_admittance: 'Non-admittance', debt: 'Debt' } as Record<string, string>,
    statuses: {
      formed: 'Formed',
      issued: 'Issued',
      executed: 'Executed',
      cancelled: 'Cancelled',
      new: 'New',
      done: 'Done',
      kept: 'Kept',
      missed: 'Missed',
      overdue: 'Overdue',
    } as Record<string, string>,
    issuedHow: { in_hand: 'In hand', mail: 'Registered mail' } as Record<string, string>,
    cancelReasons: {
      paid: 'Paid',
      restructured: 'Restructured',
      court: 'Court decision',
      moratorium: 'Moratorium',
      operator: "Operator's decision",
    } as Record<string, string>,
    criteria: { warnings: 'Issued warnings', debt: 'Debt', non_admittance: 'Non-admittance' } as Record<string, string>,
    places: { town: 'Town', village: 'Village' } as Record<string, string>,
    noDeadline: 'No warning',
  },
} satisfies Record<Locale, unknown>;

type Words = (typeof words)[Locale];
type ColumnKey = keyof Words['columns'];

/** Columns of each register: the key into the row, its kind; the label comes from the locale's words. */
const layouts: Record<DisconnectionRegisterKind, [ColumnKey, RegisterColumnKind][]> = {
  warnings: [
    ['account', 'text'],
    ['fullName', 'text'],
    ['address', 'text'],
    ['kind', 'text'],
    ['status', 'text'],
    ['asOf', 'date'],
    ['debtKop', 'money'],
    ['issuedHow', 'text'],
    ['issuedOn', 'date'],
    ['receivedOn', 'date'],
    ['earliestCutoffOn', 'date'],
    ['closedOn', 'date'],
    ['cancelReason', 'text'],
  ],
  orders: [
    ['name', 'text'],
    ['orderDate', 'date'],
    ['criterion', 'text'],
    ['status', 'text'],
    ['positions', 'number'],
    ['done', 'number'],
    ['notDone', 'number'],
    ['open', 'number'],
  ],
  cutoffs: [
    ['account', 'text'],
    ['fullName', 'text'],
    ['address', 'text'],
    ['name', 'text'],
    ['basis', 'text'],
    ['doneAt', 'dateTime'],
    ['executor', 'text'],
    ['seal', 'text'],
    ['reading', 'number'],
    ['earliestCutoffOn', 'date'],
    ['deadline', 'text'],
  ],
  reconnections: [
    ['account', 'text'],
    ['fullName', 'text'],
    ['address', 'text'],
    ['place', 'text'],
    ['formedOn', 'date'],
    ['deadlineOn', 'date'],
    ['status', 'text'],
    ['deadline', 'text'],
    ['doneAt', 'dateTime'],
    ['executor', 'text'],
    ['seal', 'text'],
    ['reading', 'number'],
  ],
};

/**
 * The registers of the disconnection pipeline (Звіти / Реєстри відключень), each for a period of
 * its own date, in the order a master reads it: warnings by address, orders, cut-offs and
 * reconnections by date. A cut-off "kept" its notice period when done on or after the warning's
 * earliest cut-off date ("missed" before it); one without a warning has no period to keep. A
 * reconnection is overdue as in reconnection.ts: open past its deadline, or done on a later day;
 * done by its deadline, it was kept.
 */
export function disconnectionRegisters(db: Db, today: () => string) {
  const settings = settingsReader(db);
  const walk = walkReports(db);
  const period = `BETWEEN @dateFrom AND @dateTo`;
  const warnings = db.prepare<Filter, AddressParts & Row>(`
    SELECT a.number AS account, a.full_name AS fullName, ${addressColumns}, p.apartment, w.kind, w.status, w.as_of AS asOf,
      w.debt_kop AS debtKop, w.issued_how AS issuedHow, w.issued_on AS issuedOn, w.received_on AS receivedOn,
      w.earliest_cutoff_on AS earliestCutoffOn, w.closed_on AS closedOn, w.cancel_reason AS cancelReason
    FROM disconnection_warnings w JOIN metering_points p ON p.id = w.point_id JOIN accounts a ON a.id = p.account_id
    ${addressJoins('p.house_id')}
    WHERE w.as_of ${period}
    ORDER BY ${addressOrder('p.apartment_key')}, w.kind DESC, w.id`);
  const orders = db.prepare<Filter, Row>(`
    SELECT o.name, o.order_date AS orderDate, o.criterion, o.status, count(op.id) AS positions,
      coalesce(sum(op.outcome = 'done'), 0) AS done, coalesce(sum(op.outcome = 'not_done'), 0) AS notDone,
      coalesce(sum(op.outcome IS NULL), 0) AS open
    FROM disconnection_orders o LEFT JOIN order_positions op ON op.order_id = o.id
    WHERE o.order_date ${period}
    GROUP BY o.id ORDER BY o.order_date, o.route_number, o.id`);
  const cutoffs = db.prepare<Filter, Row>(`
    SELECT op.account_number AS account, op.full_name AS fullName, op.address, o.name, op.basis, op.done_at AS doneAt,
      op.executor_name AS executor, op.seal_number AS seal, op.reading, w.earliest_cutoff_on AS earliestCutoffOn,
      CASE WHEN w.earliest_cutoff_on IS NULL THEN NULL WHEN substr(op.done_at, 1, 10) >= w.earliest_cutoff_on THEN 'kept' ELSE 'missed' END
        AS deadline
    FROM order_positions op JOIN disconnection_orders o ON o.id = op.order_id
    LEFT JOIN disconnection_warnings w ON w.id = op.warning_id
    -- A local date-time against the period's days as they are, so the outcome index narrows it.
    WHERE op.outcome = 'done' AND op.done_at >= @dateFrom AND op.done_at < date(@dateTo, '+1 day')
    ORDER BY op.done_at, op.id`);
  const reconnections = db.prepare<Filter & { today: string }, Row>(`
    SELECT r.account_number AS account, r.full_name AS fullName, r.address, r.place, r.formed_on AS formedOn,
      r.deadline_on AS deadlineOn,
      r.status, CASE WHEN r.status = 'new' THEN (CASE WHEN r.deadline_on < @today THEN 'overdue' END)
        WHEN substr(r.done_at, 1, 10) > r.deadline_on THEN 'overdue' ELSE 'kept' END AS deadline,
      r.done_at AS doneAt, r.executor_name AS executor, r.seal_number AS seal, r.reading
    FROM reconnection_orders r
    WHERE r.formed_on ${period}
    ORDER BY r.formed_on, r.id`);

  /** The register's rows with their words and the statuses each counts under, before the status filter. */
  const rowsOf = (filter: Filter & { kind: DisconnectionRegisterKind }, w: Words): CodedRow[] => {
    const word = (table: Record<string, string>, value: RegisterCell | undefined) =>
      value === null || value === undefined ? null : (table[String(value)] ?? String(value));
    const code = (value: RegisterCell | undefined) => (value === null || value === undefined ? [] : [String(value)]);
    switch (filter.kind) {
      case 'warnings':
        return warnings.all(filter).map(({ settlementKind, settlementName, streetKind, streetName, house, apartment, ...row }) => ({
          row: {
            ...row,
            address: formatAddress({ settlementKind, settlementName, streetKind, streetName, house, apartment }),
            kind: word(w.kinds, row.kind),
            status: word(w.statuses, row.status),
            issuedHow: word(w.issuedHow, row.issuedHow),
            cancelReason: word(w.cancelReasons, row.cancelReason),
          },
          codes: code(row.status),
        }));
      case 'orders':
        return orders.all(filter).map((row) => ({
          row: { ...row, criterion: word(w.criteria, row.criterion), status: word(w.statuses, row.status) },
          codes: code(row.status),
        }));
      case 'cutoffs':
        return cutoffs.all(filter).map((row) => ({
          row: {
            ...row,
            basis: word(w.kinds, row.basis),
            deadline: row.deadline === null ? w.noDeadline : word(w.statuses, row.deadline),
          },
          codes: code(row.deadline),
        }));
      case 'reconnections':
        return reconnections.all({ ...filter, today: today() }).map((row) => ({
          row: {
            ...row,
            place: word(w.places, row.place),
            status: word(w.statuses, row.status),
            deadline: word(w.statuses, row.deadline),
          },
          codes: [...code(row.status), ...code(row.deadline)],
        }));
    }
  };

  return {
    table(filter: Filter, locale: Locale): RegisterTable {
      const frame = { kind: filter.kind, dateFrom: filter.dateFrom, dateTo: filter.dateTo, branchName: settings('branch.name') ?? '' };
      const { kind } = filter;
      if (isWalkReport(kind)) return { ...frame, ...walk.report({ ...filter, kind }, locale) };
      const w = words[locale];
      const all = rowsOf({ ...filter, kind }, w);
      const columns: RegisterColumn[] = layouts[kind].map(([key, type]) => ({ key, kind: type, label: w.columns[key] }));
      const counts = new Map<string, number>();
      for (const { codes } of all) for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
      const totals = [...counts].map(([status, count]) => ({ label: w.statuses[status] ?? status, count }));
      const rows = all.filter(({ codes }) => filter.status === 'all' || codes.includes(filter.status)).map(({ row }) => row);
      return {
        ...frame,
        title: w.titles[kind],
        periodLabel: w.periods[kind],
        columns,
        rows,
        totals,
      };
    },
  };
}

export type DisconnectionRegisters = ReturnType<typeof disconnectionRegisters>;
