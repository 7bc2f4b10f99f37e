import type { ParsedInput } from '../../../shared/contract/index';
import type { ExistingTask, FormResult } from '../../../shared/contract/tasks';
import type { Db } from '../../db/open';
import { addressColumns, addressJoins, addressOrder, formatAddress, type AddressParts } from '../addresses/address';
import { DomainError, found } from '../errors';
import { debts } from '../ledger/debt';
import { warningForming } from '../disconnection/warning-forming';

type TaskDraft = ParsedInput<'tasks.form'>;

interface Candidate extends AddressParts {
  pointId: number;
  accountId: number;
  accountNumber: string;
  fullName: string;
  apartment: string;
  meterSerial: string | null;
  meterDigits: number | null;
  prevValue: number | null;
  prevDate: string | null;
}

/**
 * Account numbers as people read them: 9 before 10, whatever their length. Made on the first sort:
 * the first Intl object of a process loads ICU's data, which the host's start need not wait for.
 */
let accountCollator: Intl.Collator | undefined;
const byAccountNumber = (a: string, b: string) => (accountCollator ??= new Intl.Collator('uk', { numeric: true })).compare(a, b);

/**
 * Forming a walk task (Робота з абонентом / Завдання і попередження / Формування завдання на обхід).
 * Each criterion is one fixed SQL condition switched on by its parameter, so the statement is
 * prepared once and no user value is ever spliced into SQL.
 */
export function taskForming(db: Db) {
  const route = db.prepare<[number], { number: number; name: string; executorId: number | null; executorName: string | null }>(
    `SELECT r.number, r.name, r.executor_id AS executorId, e.full_name AS executorName
     FROM routes r LEFT JOIN employees e ON e.id = r.executor_id WHERE r.id = ?`,
  );
  const sameDay = db.prepare<{ routeId: number; taskDate: string }, ExistingTask>(
    `SELECT t.id, t.route_number AS routeNumber, t.route_name AS routeName, count(p.id) AS positions
     FROM walk_tasks t LEFT JOIN task_positions p ON p.task_id = t.id
     WHERE t.route_id = @routeId AND t.task_date = @taskDate GROUP BY t.id ORDER BY t.id`,
  );
  const ledger = debts(db);
  const warnings = warningForming(db);
  const routePoints = db.prepare<[number], { id: number }>('SELECT id FROM metering_points WHERE route_id = ?');
  // Re-reads the correction queue ordered for the route's points while the route had no task to come.
  const waitingRereads = db
    .prepare<[number], number>(
      `SELECT DISTINCT c.point_id FROM reading_checks c INDEXED BY reading_checks_reread_waiting
     JOIN metering_points p ON p.id = c.point_id
     WHERE c.decision = 'reread' AND c.reread_position_id IS NULL AND p.route_id = ?`,
    )
    .pluck();
  const linkRereads = db.prepare(
    `UPDATE reading_checks SET reread_position_id = (SELECT tp.id FROM task_positions tp WHERE tp.task_id = @taskId AND tp.point_id = reading_checks.point_id)
     WHERE decision = 'reread' AND reread_position_id IS NULL
       AND point_id IN (SELECT point_id FROM task_positions WHERE task_id = @taskId)`,
  );
  const lastSeq = db.prepare<[number], number>('SELECT coalesce(max(seq), 0) FROM task_positions WHERE task_id = ?').pluck();
  const conditions = {
    // The debtors are found by the ledger's rule beforehand (see candidates) and come in as a JSON list.
    debt: 'c.pointId IN (SELECT value FROM json_each(@debtors))',
    noControl: '(c.prevDate IS NULL OR julianday(@taskDate) - julianday(c.prevDate) >= @noControlDays)',
    complaint: 'c.complaintSince IS NOT NULL',
    inspection: 'c.inspectionSince IS NOT NULL',
    verification: '(c.verificationDue IS NOT NULL AND julianday(c.verificationDue) - julianday(@taskDate) <= @verificationDueDays)',
  };
  const anyOf = `(@debtMinKop IS NOT NULL AND ${conditions.debt}) OR (@noControlDays IS NOT NULL AND ${conditions.noControl})
    OR (@complaint AND ${conditions.complaint}) OR (@inspection AND ${conditions.inspection})
    OR (@verificationDueDays IS NOT NULL AND ${conditions.verification})`;
  const allOf = `(@debtMinKop IS NULL OR ${conditions.debt}) AND (@noControlDays IS NULL OR ${conditions.noControl})
    AND (NOT @complaint OR ${conditions.complaint}) AND (NOT @inspection OR ${conditions.inspection})
    AND (@verificationDueDays IS NULL OR ${conditions.verification})`;
  const select = db.prepare<Record<string, unknown>, Candidate>(`
    WITH c AS (
      SELECT p.id AS pointId, p.account_id AS accountId, p.house_id AS houseId, p.apartment, p.apartment_key, p.walk_seq, p.status,
        p.complaint_since AS complaintSince, p.inspection_since AS inspectionSince,
        m.serial AS meterSerial, m.digits AS meterDigits, m.verification_due AS verificationDue,
        prev.value AS prevValue, prev.taken_on AS prevDate
      FROM metering_points p
      LEFT JOIN meters m ON m.point_id = p.id
      LEFT JOIN readings prev ON prev.id = (
        SELECT r.id FROM readings r WHERE r.point_id = p.id AND r.kind = 'control' AND r.taken_on <= @taskDate
        ORDER BY r.taken_on DESC, r.id DESC LIMIT 1)
      WHERE p.route_id = @routeId
    )
    SELECT c.pointId, c.accountId, a.number AS accountNumber, a.full_name AS fullName, ${addressColumns}, c.apartment,
      c.meterSerial, c.meterDigits, c.prevValue, c.prevDate
    FROM c JOIN accounts a ON a.id = c.accountId ${addressJoins('c.houseId')}
    WHERE ((@includeDisconnected OR c.status = 'connected')
        AND (@noCriterion OR CASE WHEN @matchAll THEN ${allOf} ELSE ${anyOf} END))
      OR c.pointId IN (SELECT value FROM json_each(@rereads))
    ORDER BY c.walk_seq IS NULL, c.walk_seq, ${addressOrder('c.apartment_key')}`);
  // The points a day's plan chose, by id: what their sheet prints, as of the task date, as `select` reads it.
  const snapshot = db.prepare<{ pointIds: string; taskDate: string }, Candidate>(`
    SELECT p.id AS pointId, p.account_id AS accountId, a.number AS accountNumber, a.full_name AS fullName, ${addressColumns},
      p.apartment, m.serial AS meterSerial, m.digits AS meterDigits, prev.value AS prevValue, prev.taken_on AS prevDate
    FROM metering_points p JOIN accounts a ON a.id = p.account_id LEFT JOIN meters m ON m.point_id = p.id
      LEFT JOIN readings prev ON prev.id = (
        SELECT r.id FROM readings r WHERE r.point_id = p.id AND r.kind = 'control' AND r.taken_on <= @taskDate
        ORDER BY r.taken_on DESC, r.id DESC LIMIT 1)
      ${addressJoins('p.house_id')}
    WHERE p.id IN (SELECT value FROM json_each(@pointIds))`);
  const insertTask = db.prepare(`INSERT INTO walk_tasks (route_id, task_date, criteria, sort_order, warn_non_payment,
      warn_non_admittance, route_number, route_name, executor_id, executor_name, kind)
    VALUES (@routeId, @taskDate, @criteria, @sortOrder, @warnNonPayment, @warnNonAdmittance, @routeNumber, @routeName,
      @executorId, @executorName, @kind)`);
  const insertPosition = db.prepare(`INSERT INTO task_positions (task_id, seq, point_id, account_id, account_number,
      full_name, address, meter_serial, meter_digits, prev_value, prev_date)
    VALUES (@taskId, @seq, @pointId, @accountId, @accountNumber, @fullName, @address, @meterSerial, @meterDigits,
      @prevValue, @prevDate)`);

  const place = (taskId: number, seq: number, row: Candidate) =>
    Number(
      insertPosition.run({
        taskId,
        seq,
        pointId: row.pointId,
        accountId: row.accountId,
        accountNumber: row.accountNumber,
        fullName: row.fullName,
        address: formatAddress(row),
        meterSerial: row.meterSerial,
        meterDigits: row.meterDigits,
        prevValue: row.prevValue,
        prevDate: row.prevDate,
      }).lastInsertRowid,
    );

  const candidates = (draft: TaskDraft): Candidate[] => {
    const { criteria } = draft;
    const noCriterion =
      criteria.debtMinKop === null &&
      criteria.noControlDays === null &&
      !criteria.complaint &&
      !criteria.inspection &&
      criteria.verificationDueDays === null;
    // A point's own debt as of the task date, its account's unapplied payments spread oldest bill first.
    const min = criteria.debtMinKop;
    const owed =
      min === null
        ? []
        : [
            ...ledger.ofPoints(
              routePoints.all(draft.routeId).map((point) => point.id),
              draft.taskDate,
            ),
          ];
    const debtors = owed.filter(([, debtKop]) => min !== null && debtKop >= min).map(([pointId]) => pointId);
    const rows = select.all({
      routeId: draft.routeId,
      taskDate: draft.taskDate,
      debtMinKop: criteria.debtMinKop,
      debtors: JSON.stringify(debtors),
      noControlDays: criteria.noControlDays,
      complaint: criteria.complaint ? 1 : 0,
      inspection: criteria.inspection ? 1 : 0,
      verificationDueDays: criteria.verificationDueDays,
      includeDisconnected: criteria.includeDisconnected ? 1 : 0,
      noCriterion: noCriterion ? 1 : 0,
      matchAll: criteria.match === 'all' ? 1 : 0,
      rereads: JSON.stringify(waitingRereads.all(draft.routeId)),
    });
    // The walk order comes from SQL (the route's walk sequence, address order where a point has no
    // place); account order needs a numeric-aware compare.
    if (draft.sortOrder === 'account') rows.sort((a, b) => byAccountNumber(a.accountNumber, b.accountNumber));
    return rows;
  };

  return {
    candidates,
    /**
     * The task and all its positions, in the one transaction the registry opens for the write. A
     * second task for the same route and date is usually a slip (two sheets, readings split between
     * them), so it is formed only when the request says the user was asked and said yes. The
     * ticked warnings are formed for the task's points as of its date, in the same transaction.
     */
    form: (draft: TaskDraft, user: string): FormResult => {
      const r = found(route.get(draft.routeId), 'notFound.route');
      if (!draft.allowDuplicate) {
        const existing = sameDay.all({ routeId: draft.routeId, taskDate: draft.taskDate });
        if (existing.length > 0) {
          throw new DomainError('task.duplicate', { number: r.number, date: draft.taskDate, count: existing.length }, undefined, existing);
        }
      }
      const rows = candidates(draft);
      if (rows.length === 0) throw new DomainError('task.nothingSelected', { number: r.number });
      const taskId = Number(
        insertTask.run({
          routeId: draft.routeId,
          taskDate: draft.taskDate,
          criteria: JSON.stringify(draft.criteria),
          sortOrder: draft.sortOrder,
          warnNonPayment: draft.warnNonPayment ? 1 : 0,
          warnNonAdmittance: draft.warnNonAdmittance ? 1 : 0,
          routeNumber: r.number,
          routeName: r.name,
          executorId: r.executorId,
          executorName: r.executorName,
          kind: 'criteria',
        }).lastInsertRowid,
      );
      rows.forEach((row, index) => place(taskId, index + 1, row));
      linkRereads.run({ taskId });
      const formed = warnings.form(
        rows.map((row) => row.pointId),
        draft.taskDate,
        { nonPayment: draft.warnNonPayment, nonAdmittance: draft.warnNonAdmittance },
        { taskId, user },
      );
      return { taskId, positions: rows.length, warnings: formed };
    },
    /**
     * A walk task of a day's plan (core/plans/): the points the plan chose on one of its routes, in
     * the plan's walk order, for the controller whose plan it is — who need not be the route's
     * executor, when the master moved points between plans. A re-read the correction queue is
     * waiting to put on any of them is linked to its position, as a task formed by criteria does.
     */
    formPlanned(task: { routeId: number; taskDate: string; executorId: number; executorName: string }, pointIds: readonly number[]) {
      const r = found(route.get(task.routeId), 'notFound.route');
      const byId = new Map(snapshot.all({ pointIds: JSON.stringify(pointIds), taskDate: task.taskDate }).map((row) => [row.pointId, row]));
      const taskId = Number(
        insertTask.run({
          routeId: task.routeId,
          taskDate: task.taskDate,
          criteria: '{}',
          sortOrder: 'address',
          warnNonPayment: 0,
          warnNonAdmittance: 0,
          routeNumber: r.number,
          routeName: r.name,
          executorId: task.executorId,
          executorName: task.executorName,
          kind: 'plan',
        }).lastInsertRowid,
      );
      let seq = 0;
      for (const pointId of pointIds) {
        const row = byId.get(pointId);
        if (row) place(taskId, ++seq, row);
      }
      linkRereads.run({ taskId });
      return { taskId, positions: seq };
    },
    /**
     * One point added at the end of a task already formed (a re-read the correction queue ordered):
     * the sheet may be printed, so the others keep their numbers. Its previous reading is as of the task date.
     */
    append(task: { id: number; routeId: number; taskDate: string }, pointId: number): { positionId: number; seq: number } {
      const [row] = select.all({
        routeId: task.routeId,
        taskDate: task.taskDate,
        debtMinKop: null,
        debtors: '[]',
        noControlDays: null,
        complaint: 0,
        inspection: 0,
        verificationDueDays: null,
        includeDisconnected: 0,
        noCriterion: 0,
        matchAll: 0,
        rereads: JSON.stringify([pointId]),
      });
      if (!row) throw new DomainError('notFound.point');
      const seq = lastSeq.get(task.id)! + 1;
      return { positionId: place(task.id, seq, row), seq };
    },
  };
}
