import type { Page } from '../../../shared/contract/define';
import type { ParsedInput } from '../../../shared/contract/index';
import type { ReconnectionRow } from '../../../shared/contract/orders';
import type { Db } from '../../db/open';
import { addressColumns, addressJoins, formatAddress, type AddressParts } from '../addresses/address';
import { deadline, placeOfSettlement, settingsReader, type Commodity } from '../calendar/working-days';
import { DomainError } from '../errors';
import { debts } from '../ledger/debt';
import { warningRules } from './warning-rules';

type FormInput = ParsedInput<'reconnections.form'>;
type RecordInput = ParsedInput<'reconnections.record'>;
type ListInput = ParsedInput<'reconnections.list'>;
type RowSql = Omit<ReconnectionRow, 'overdue'> & { overdue: number };

interface PointState extends AddressParts {
  pointId: number;
  accountNumber: string;
  fullName: string;
  commodity: Commodity;
  status: string;
  disconnectedOn: string | null;
  /** The cut-off in force: the latest position recorded done for the point. */
  positionId: number | null;
}

/**
 * Reconnection after a cut-off (docs/domain.md, "Reconnection"): a reconnection order with the legal
 * deadline counted from the day it is formed — per commodity and town or village, in working or
 * calendar days as the settings say — and the act that puts the supply back.
 *
 * 'paid': the debt as of today is below the minimum, the same line a cut-off is refused at. A
 * payments import forms these itself for every disconnected point it paid up (`paid`), so the
 * deadline runs from the day the money is known, not from the day somebody noticed. 'operator':
 * any other grounds (restructuring, a court), with the words written.
 */
export function reconnections(db: Db, today: () => string) {
  const ledger = debts(db);
  const rules = warningRules(db);
  const settings = settingsReader(db);
  const pointSelect = `SELECT p.id AS pointId, a.number AS accountNumber, a.full_name AS fullName, p.commodity, p.status,
      p.disconnected_on AS disconnectedOn, ${addressColumns}, p.apartment,
      (SELECT op.id FROM order_positions op INDEXED BY order_positions_by_point WHERE op.point_id = p.id AND op.outcome = 'done'
        ORDER BY op.done_at DESC, op.id DESC LIMIT 1) AS positionId
    FROM metering_points p JOIN accounts a ON a.id = p.account_id ${addressJoins('p.house_id')}`;
  const point = db.prepare<[number], PointState>(`${pointSelect} WHERE p.id = ?`);
  const disconnectedOfAccounts = db.prepare<{ accountIds: string }, { pointId: number }>(`
    SELECT p.id AS pointId FROM metering_points p
    WHERE p.account_id IN (SELECT value FROM json_each(@accountIds)) AND p.status = 'disconnected'
      AND NOT EXISTS (SELECT 1 FROM reconnection_orders r WHERE r.point_id = p.id AND r.status = 'new')`);
  const openOne = db.prepare<[number], { formedOn: string; deadlineOn: string }>(
    "SELECT formed_on AS formedOn, deadline_on AS deadlineOn FROM reconnection_orders WHERE point_id = ? AND status = 'new'",
  );
  const insert = db.prepare(`INSERT INTO reconnection_orders (point_id, position_id, basis, basis_note, place, formed_on, deadline_on,
      account_number, full_name, address, formed_by)
    VALUES (@pointId, @positionId, @basis, @note, @place, @formedOn, @deadlineOn, @accountNumber, @fullName, @address, @user)`);
  const select = `SELECT r.id, r.point_id AS pointId, r.account_number AS accountNumber, r.full_name AS fullName, r.address,
      p.commodity, r.place, r.basis, r.basis_note AS basisNote, r.formed_on AS formedOn, r.deadline_on AS deadlineOn, r.status,
      r.done_at AS doneAt, r.executor_name AS executorName, r.seal_number AS sealNumber, r.reading, r.note,
      CASE WHEN r.status = 'new' THEN r.deadline_on < @today ELSE substr(r.done_at, 1, 10) > r.deadline_on END AS overdue
    FROM reconnection_orders r JOIN metering_points p ON p.id = r.point_id`;
  const one = db.prepare<{ id: number; today: string }, RowSql>(`${select} WHERE r.id = @id`);
  const ofPoints = db.prepare<{ pointIds: string; today: string }, RowSql>(
    `${select} WHERE r.point_id IN (SELECT value FROM json_each(@pointIds)) ORDER BY r.formed_on DESC, r.id DESC`,
  );
  const filter = `WHERE (@status = 'all' OR r.status = @status
        OR (@status = 'overdue' AND CASE WHEN r.status = 'new' THEN r.deadline_on < @today ELSE substr(r.done_at, 1, 10) > r.deadline_on END))
      AND (@dateFrom IS NULL OR r.formed_on >= @dateFrom) AND (@dateTo IS NULL OR r.formed_on <= @dateTo)`;
  const list = db.prepare<ListInput & { today: string }, RowSql>(
    `${select} ${filter} ORDER BY r.status = 'done', r.deadline_on, r.id LIMIT @limit OFFSET @offset`,
  );
  const count = db.prepare<ListInput & { today: string }, { n: number }>(`SELECT count(*) AS n FROM reconnection_orders r ${filter}`);
  const employee = db.prepare<[number], { fullName: string }>('SELECT full_name AS fullName FROM employees WHERE id = ?');
  const record = db.prepare(`UPDATE reconnection_orders SET status = 'done', done_at = @doneAt, executor_id = @executorId,
      executor_name = @executorName, seal_number = @sealNumber, reading = @reading, note = @note, recorded_by = @user
    WHERE id = @id AND status = 'new'`);
  const reconnect = db.prepare<[number]>("UPDATE metering_points SET status = 'connected', disconnected_on = NULL WHERE id = ?");

  const toRow = ({ overdue, ...row }: RowSql): ReconnectionRow => ({ ...row, overdue: overdue === 1 });
  const get = (id: number): ReconnectionRow => {
    const row = one.get({ id, today: today() });
    if (!row) throw new DomainError('notFound.reconnection');
    return toRow(row);
  };

  /** Forms one reconnection order for a disconnected point; the checks a person is told about come first. */
  const form = (input: FormInput, user: string | null, debtKop?: number): number => {
    const p = point.get(input.pointId);
    if (!p) throw new DomainError('notFound.point');
    if (p.status !== 'disconnected') throw new DomainError('reconnection.notDisconnected', { account: p.accountNumber });
    const already = openOne.get(p.pointId);
    if (already) throw new DomainError('reconnection.alreadyOpen', { account: p.accountNumber, ...already });
    if (input.formedOn > today()) throw new DomainError('reconnection.formedInFuture', { date: input.formedOn }, 'formedOn');
    if (p.disconnectedOn !== null && input.formedOn < p.disconnectedOn) {
      throw new DomainError(
        'reconnection.formedBeforeCutoff',
        { account: p.accountNumber, date: input.formedOn, disconnectedOn: p.disconnectedOn },
        'formedOn',
      );
    }
    if (input.basis === 'operator' && input.note.trim() === '') throw new DomainError('reconnection.noteRequired', {}, 'note');
    if (input.basis === 'paid') {
      const { minDebtKop } = rules.settings();
      const debt = debtKop ?? ledger.ofPoints([p.pointId], today()).get(p.pointId) ?? 0;
      if (debt >= minDebtKop) throw new DomainError('reconnection.stillOwes', { account: p.accountNumber, debt, min: minDebtKop });
    }
    const place = placeOfSettlement(p.settlementKind);
    return Number(
      insert.run({
        pointId: p.pointId,
        positionId: p.positionId,
        basis: input.basis,
        note: input.note.trim(),
        place,
        formedOn: input.formedOn,
        deadlineOn: deadline(settings, 'reconnect', p.commodity, place, input.formedOn),
        accountNumber: p.accountNumber,
        fullName: p.fullName,
        address: formatAddress(p),
        user,
      }).lastInsertRowid,
    );
  };

  return {
    form: (input: FormInput, user: string): ReconnectionRow => get(form(input, user)),

    record(input: RecordInput, user: string): ReconnectionRow {
      const row = get(input.id);
      if (row.status !== 'new') throw new DomainError('reconnection.done', { account: row.accountNumber });
      const day = input.doneAt.slice(0, 10);
      if (day > today()) throw new DomainError('reconnection.doneInFuture', { date: day }, 'doneAt');
      if (day < row.formedOn) throw new DomainError('reconnection.doneBeforeFormed', { date: day, formedOn: row.formedOn }, 'doneAt');
      const executor = employee.get(input.executorId);
      if (!executor) throw new DomainError('notFound.employee', {}, 'executorId');
      record.run({ ...input, executorName: executor.fullName, user });
      reconnect.run(row.pointId);
      return get(input.id);
    },

    /**
     * In a payments import's transaction: a reconnection order after payment for each disconnected
     * point of the accounts whose debt as of today fell below the minimum; how many were formed.
     */
    paid(accountIds: readonly number[], user: string | null): number {
      if (accountIds.length === 0) return 0;
      const pointIds = disconnectedOfAccounts.all({ accountIds: JSON.stringify(accountIds) }).map((row) => row.pointId);
      if (pointIds.length === 0) return 0;
      const { minDebtKop } = rules.settings();
      const debt = ledger.ofPoints(pointIds, today());
      const paid = pointIds.filter((pointId) => (debt.get(pointId) ?? 0) < minDebtKop);
      for (const pointId of paid) form({ pointId, basis: 'paid', note: '', formedOn: today() }, user, debt.get(pointId) ?? 0);
      return paid.length;
    },

    get,
    list: (input: ListInput): Page<ReconnectionRow> => {
      const params = { ...input, today: today() };
      return { rows: list.all(params).map(toRow), total: count.get(params)!.n };
    },
    /** The points' reconnections, newest first, for the account card. */
    ofPoints: (pointIds: readonly number[]): ReconnectionRow[] =>
      ofPoints.all({ pointIds: JSON.stringify(pointIds), today: today() }).map(toRow),
  };
}
