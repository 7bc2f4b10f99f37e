import type { IssueHow, WarningKind, WarningStatus } from '../../../shared/contract/disconnection';
import type { Db } from '../../db/open';
import { addressColumns, addressJoins, addressOrder, formatAddress, type AddressParts } from '../addresses/address';
import { deadlineRule, settingsReader, type Commodity, type DayUnit } from '../calendar/working-days';
import { DomainError } from '../errors';

/**
 * When the consumer may be cut off at the earliest. An issued warning has the date, counted from the
 * day it was received; a formed one has not been handed out, so its notice states the rule it will
 * be counted by — "not before N days from the day you receive this notice" — which is true however
 * and whenever it reaches the consumer (docs/domain.md, "Printed notices").
 */
export type NoticeCutoff = { on: string } | { days: number; unit: DayUnit };

/** Who the office is and how to reach it, as the administrator keeps it in the settings. */
export interface NoticeBranch {
  name: string;
  address: string;
  phone: string;
}

/** What one printed notice says: the warning as it was formed, its consumer, its cut-off and the branch. */
export interface WarningNotice {
  warningId: number;
  kind: WarningKind;
  status: WarningStatus;
  accountNumber: string;
  fullName: string;
  address: string;
  commodity: Commodity;
  asOf: string;
  /** Non-payment: the unpaid total and what of it each period owes, oldest first; null and empty otherwise. */
  debtKop: number | null;
  debtPeriods: { period: string; unpaidKop: number }[];
  /** Non-admittance: the dates of the refused visits, oldest first. */
  refusedVisits: string[];
  issuedHow: IssueHow | null;
  issuedOn: string | null;
  receivedOn: string | null;
  cutoff: NoticeCutoff;
  branch: NoticeBranch;
}

type NoticeSql = AddressParts & {
  warningId: number;
  kind: WarningKind;
  status: WarningStatus;
  accountNumber: string;
  fullName: string;
  commodity: Commodity;
  asOf: string;
  debtKop: number | null;
  debtPeriods: string | null;
  refusedVisits: string | null;
  issuedHow: IssueHow | null;
  issuedOn: string | null;
  receivedOn: string | null;
  earliestCutoffOn: string | null;
};

const select = `SELECT w.id AS warningId, w.kind, w.status, a.number AS accountNumber, a.full_name AS fullName,
    ${addressColumns}, p.apartment, p.commodity, w.as_of AS asOf, w.debt_kop AS debtKop, w.debt_periods AS debtPeriods,
    w.refused_visits AS refusedVisits, w.issued_how AS issuedHow, w.issued_on AS issuedOn, w.received_on AS receivedOn,
    w.earliest_cutoff_on AS earliestCutoffOn
  FROM disconnection_warnings w
  JOIN metering_points p ON p.id = w.point_id
  JOIN accounts a ON a.id = p.account_id
  ${addressJoins('p.house_id')}`;

/** A point's non-payment notice before its non-admittance one, as the register lists them. */
const kindOrder = 'w.kind DESC';

/**
 * The content of printed disconnection-warning notices (Попередження про відключення), for the
 * warnings a register selection names or for a walk task's warnings in force. Only a warning in
 * force — formed or issued — gets a notice: a cancelled or executed one would tell a consumer of a
 * cut-off that is no longer coming, or has come.
 */
export function warningNotices(db: Db) {
  const settings = settingsReader(db);
  const byIds = db.prepare<{ ids: string }, NoticeSql>(
    `${select} WHERE w.id IN (SELECT value FROM json_each(@ids))
     ORDER BY ${addressOrder('p.apartment_key')}, a.number, ${kindOrder}, w.id`,
  );
  // In the task's order, so the bundle follows the sheet the controller walks with.
  const ofTask = db.prepare<{ taskId: number }, NoticeSql>(
    `${select} WHERE w.task_id = @taskId AND w.status IN ('formed', 'issued')
     ORDER BY (SELECT min(tp.seq) FROM task_positions tp WHERE tp.task_id = w.task_id AND tp.point_id = w.point_id),
       ${kindOrder}, w.id`,
  );

  const branch = (): NoticeBranch => ({
    name: settings('branch.name') ?? '',
    address: settings('branch.address') ?? '',
    phone: settings('branch.phone') ?? '',
  });

  /** What every notice of one printing shares: the branch, and the notice period of each commodity. */
  const context = () => {
    const rules = new Map<Commodity, { days: number; unit: DayUnit }>();
    return {
      office: branch(),
      rule: (commodity: Commodity) => {
        let rule = rules.get(commodity);
        if (!rule) {
          // Place does not matter for the notice period (only reconnections differ by town and village).
          const { days, unit } = deadlineRule(settings, 'notice', commodity, 'town');
          rule = { days, unit };
          rules.set(commodity, rule);
        }
        return rule;
      },
    };
  };

  const toNotice = (row: NoticeSql, { office, rule }: ReturnType<typeof context>): WarningNotice => {
    const { settlementKind, settlementName, streetKind, streetName, house, apartment } = row;
    const periods = row.debtPeriods ? (JSON.parse(row.debtPeriods) as { period: string; unpaidKop: number }[]) : [];
    const visits = row.refusedVisits ? (JSON.parse(row.refusedVisits) as string[]) : [];
    return {
      warningId: row.warningId,
      kind: row.kind,
      status: row.status,
      accountNumber: row.accountNumber,
      fullName: row.fullName,
      address: formatAddress({ settlementKind, settlementName, streetKind, streetName, house, apartment }),
      commodity: row.commodity,
      asOf: row.asOf,
      debtKop: row.debtKop,
      debtPeriods: [...periods].sort((a, b) => a.period.localeCompare(b.period)),
      refusedVisits: [...visits].sort(),
      issuedHow: row.issuedHow,
      issuedOn: row.issuedOn,
      receivedOn: row.receivedOn,
      cutoff: row.status === 'issued' && row.earliestCutoffOn ? { on: row.earliestCutoffOn } : rule(row.commodity),
      branch: office,
    };
  };

  return {
    /** The notices of the warnings asked for, in address order; one not in force refuses the lot, naming its account. */
    forWarnings(ids: readonly number[]): WarningNotice[] {
      const unique = [...new Set(ids)];
      const rows = byIds.all({ ids: JSON.stringify(unique) });
      if (rows.length !== unique.length) throw new DomainError('notFound.warning');
      const closed = rows.find((row) => row.status !== 'formed' && row.status !== 'issued');
      if (closed) throw new DomainError('warning.noticeNotInForce', { account: closed.accountNumber, status: closed.status });
      const shared = context();
      return rows.map((row) => toNotice(row, shared));
    },
    /** The notices of a walk task's warnings in force, in the task's order; none when it has none. */
    forTask(taskId: number): WarningNotice[] {
      const shared = context();
      return ofTask.all({ taskId }).map((row) => toNotice(row, shared));
    },
  };
}
