import type { Commodity, EntryPosition, EntrySession, EntrySummary, PositionHistoryRow } from '../../../shared/contract/entry';
import type { ParsedInput } from '../../../shared/contract/index';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db } from '../../db/open';
import { DomainError, found } from '../errors';
import { judgeReading, parseReading } from './plausibility';

/** A position's row as the queries below read it: the contract's fields, plus what only the core needs. */
type PositionSql = Pick<
  EntryPosition,
  | 'positionId'
  | 'taskId'
  | 'seq'
  | 'accountId'
  | 'accountNumber'
  | 'fullName'
  | 'address'
  | 'meterSerial'
  | 'meterDigits'
  | 'status'
  | 'reasonCode'
  | 'note'
  | 'checkedOn'
  | 'commodity'
> & { pointId: number; taskDate: string; problems: string; enteredBy: string | null; enteredAt: string | null };

type SaveRequest = ParsedInput<'entry.save'>;

/** What the audit log keeps of an entered position. */
export type Entered = Pick<EntryPosition, 'status' | 'value' | 'checkedOn' | 'reasonCode' | 'problems' | 'note'>;
export const enteredOf = (p: Entered): Entered => ({
  status: p.status,
  value: p.value,
  checkedOn: p.checkedOn,
  reasonCode: p.reasonCode,
  problems: p.problems,
  note: p.note,
});

/**
 * Розноска контролів: the positions of a task one at a time, saving each in one durable
 * transaction before the next is handed out, with corrections kept in the history.
 */
export function entryStore(db: Db, options: { today: () => string }) {
  const positionSelect = `SELECT tp.id AS positionId, tp.task_id AS taskId, tp.seq, tp.point_id AS pointId,
      tp.account_id AS accountId, tp.account_number AS accountNumber, tp.full_name AS fullName, tp.address,
      tp.meter_serial AS meterSerial, tp.meter_digits AS meterDigits, tp.status, tp.reason_code AS reasonCode,
      tp.problems, tp.note, tp.checked_on AS checkedOn, tp.entered_by AS enteredBy, tp.entered_at AS enteredAt,
      p.commodity, t.task_date AS taskDate
    FROM task_positions tp JOIN metering_points p ON p.id = tp.point_id JOIN walk_tasks t ON t.id = tp.task_id`;
  const byId = db.prepare<[number], PositionSql>(`${positionSelect} WHERE tp.id = ?`);
  const bySeq = db.prepare<[number, number], PositionSql>(`${positionSelect} WHERE tp.task_id = ? AND tp.seq = ?`);
  const total = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM task_positions WHERE task_id = ?');
  const openAfter = db.prepare<[number, number], { seq: number }>(
    "SELECT seq FROM task_positions WHERE task_id = ? AND status = 'new' AND seq > ? ORDER BY seq LIMIT 1",
  );
  const openBefore = db.prepare<[number, number], { seq: number }>(
    "SELECT seq FROM task_positions WHERE task_id = ? AND status = 'new' AND seq < ? ORDER BY seq LIMIT 1",
  );
  const firstOpen = db.prepare<[number], { seq: number }>(
    "SELECT min(seq) AS seq FROM task_positions WHERE task_id = ? AND status = 'new'",
  );
  const ownReading = db.prepare<[number], { id: number; value: number; consumption: number | null }>(
    'SELECT id, value, consumption FROM readings WHERE task_position_id = ?',
  );
  // By date, not by entry order: a sheet typed after a newer one is judged against what came before it.
  const previous = db.prepare<{ pointId: number; positionId: number; onOrBefore: string }, { value: number; takenOn: string }>(
    `SELECT value, taken_on AS takenOn FROM readings
     WHERE point_id = @pointId AND kind = 'control' AND taken_on <= @onOrBefore
       AND (task_position_id IS NULL OR task_position_id <> @positionId)
     ORDER BY taken_on DESC, id DESC LIMIT 1`,
  );
  const following = db.prepare<
    { pointId: number; after: string; afterId: number },
    { id: number; value: number; rollover: number; consumption: number | null }
  >(
    `SELECT id, value, rollover, consumption FROM readings
     WHERE point_id = @pointId AND kind = 'control' AND (taken_on > @after OR (taken_on = @after AND id > @afterId))
     ORDER BY taken_on, id LIMIT 1`,
  );
  const restate = db.prepare<{ id: number; consumption: number | null }>('UPDATE readings SET consumption = @consumption WHERE id = @id');
  const beforeReading = db.prepare<{ id: number }, { value: number }>(
    `SELECT b.value FROM readings r JOIN readings b ON b.point_id = r.point_id AND b.kind = 'control' AND b.id <> r.id
       AND (b.taken_on < r.taken_on OR (b.taken_on = r.taken_on AND b.id < r.id))
     WHERE r.id = @id ORDER BY b.taken_on DESC, b.id DESC LIMIT 1`,
  );
  const task = db.prepare<
    [number],
    { taskId: number; routeNumber: number; routeName: string; taskDate: string; executorName: string | null }
  >(
    `SELECT id AS taskId, route_number AS routeNumber, route_name AS routeName, task_date AS taskDate, executor_name AS executorName
     FROM walk_tasks WHERE id = ?`,
  );
  const commodities = db.prepare<[number], { commodity: Commodity }>(
    `SELECT p.commodity FROM task_positions tp JOIN metering_points p ON p.id = tp.point_id WHERE tp.task_id = ?
     GROUP BY p.commodity ORDER BY count(*) DESC, p.commodity`,
  );
  const setting = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const counts = db.prepare<[number], { total: number; executed: number; notExecuted: number; open: number }>(
    `SELECT count(*) AS total, coalesce(sum(status = 'executed'), 0) AS executed,
       coalesce(sum(status = 'not_executed'), 0) AS notExecuted, coalesce(sum(status = 'new'), 0) AS open
     FROM task_positions WHERE task_id = ?`,
  );
  const reasonCounts = db.prepare<[number], { code: number; uk: string; en: string; count: number }>(
    `SELECT r.code, r.name_uk AS uk, r.name_en AS en, count(*) AS count FROM task_positions tp
     JOIN non_execution_reasons r ON r.code = tp.reason_code WHERE tp.task_id = ? AND tp.status = 'not_executed'
     GROUP BY r.code ORDER BY r.code`,
  );
  const flagCounts = db.prepare<[number], { overMax: number; below: number; rollovers: number }>(
    `SELECT coalesce(sum(over_max_accepted), 0) AS overMax, coalesce(sum(below_previous_confirmed), 0) AS below,
       coalesce(sum(rollover), 0) AS rollovers
     FROM readings WHERE task_position_id IN (SELECT id FROM task_positions WHERE task_id = ?)`,
  );
  const activeReason = db.prepare<[number], { code: number }>('SELECT code FROM non_execution_reasons WHERE code = ? AND active = 1');
  const activeProblems = db.prepare<[], { code: number }>('SELECT code FROM meter_problems WHERE active = 1');
  const keepHistory = db.prepare(
    `INSERT INTO position_history (position_id, status, value, checked_on, reason_code, entered_by, entered_at, replaced_by)
     VALUES (@positionId, @status, @value, @checkedOn, @reasonCode, @enteredBy, @enteredAt, @replacedBy)`,
  );
  const dropReading = db.prepare('DELETE FROM readings WHERE id = ?');
  const insertReading = db.prepare(
    `INSERT INTO readings (point_id, taken_on, value, kind, task_position_id, entered_by, consumption, over_max_accepted,
       below_previous_confirmed, rollover, after_disconnection)
     VALUES (@pointId, @takenOn, @value, 'control', @positionId, @user, @consumption, @overMax, @below, @rollover, @afterDisconnection)`,
  );
  // The meter's reading at the cut-off in force on a day: cut off before that day and not reconnected
  // by it. A reading the same day may have been taken before the crew came, so it is not judged.
  // By the point's index: most points were never cut off, and the outcome index would read every act.
  const cutoffReading = db.prepare<{ pointId: number; on: string }, { reading: number }>(
    `SELECT op.reading FROM order_positions op INDEXED BY order_positions_by_point
     WHERE op.point_id = @pointId AND op.outcome = 'done' AND substr(op.done_at, 1, 10) < @on
       AND NOT EXISTS (SELECT 1 FROM reconnection_orders r WHERE r.point_id = op.point_id AND r.status = 'done'
         AND r.done_at >= op.done_at AND substr(r.done_at, 1, 10) <= @on)
     ORDER BY op.done_at DESC, op.id DESC LIMIT 1`,
  );
  const updatePosition = db.prepare(
    `UPDATE task_positions SET status = @status, reason_code = @reasonCode, problems = @problems, note = @note,
       checked_on = @checkedOn, entered_by = @user, entered_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE id = @positionId`,
  );

  /** The open position entry goes to after this one: the next by number, else the first still open. */
  const nextOpen = (taskId: number, seq: number): number | null =>
    openAfter.get(taskId, seq)?.seq ?? openBefore.get(taskId, seq)?.seq ?? null;

  const view = (row: PositionSql, taskTotal = total.get(row.taskId)!.n, nextOpenSeq = nextOpen(row.taskId, row.seq)): EntryPosition => {
    const own = ownReading.get(row.positionId);
    const prev = previous.get({ pointId: row.pointId, positionId: row.positionId, onOrBefore: row.checkedOn ?? options.today() });
    return {
      positionId: row.positionId,
      taskId: row.taskId,
      seq: row.seq,
      total: taskTotal,
      accountId: row.accountId,
      accountNumber: row.accountNumber,
      fullName: row.fullName,
      address: row.address,
      meterSerial: row.meterSerial,
      meterDigits: row.meterDigits,
      commodity: row.commodity,
      previous: prev ?? null,
      nextOpenSeq,
      status: row.status,
      value: own?.value ?? null,
      consumption: own?.consumption ?? null,
      checkedOn: row.checkedOn,
      reasonCode: row.reasonCode,
      problems: JSON.parse(row.problems) as number[],
      note: row.note,
    };
  };

  const summary = (taskId: number, locale: Locale): EntrySummary => {
    const c = counts.get(taskId)!;
    const flags = flagCounts.get(taskId)!;
    return {
      ...c,
      byReason: reasonCounts.all(taskId).map((r) => ({ code: r.code, name: r[locale], count: r.count })),
      overMaxAccepted: flags.overMax,
      belowPrevious: flags.below,
      rollovers: flags.rollovers,
    };
  };

  const enteredRow = db.prepare<[number], Omit<Entered, 'problems'> & { problems: string }>(
    `SELECT tp.status, r.value, tp.checked_on AS checkedOn, tp.reason_code AS reasonCode, tp.problems, tp.note
     FROM task_positions tp LEFT JOIN readings r ON r.task_position_id = tp.id WHERE tp.id = ? AND tp.status <> 'new'`,
  );

  /**
   * A later control reading of the point counted its consumption from whatever preceded it when it
   * was entered; once a reading is added or removed before it, its consumption is restated. Its
   * flags (over the maximum, below the previous) stay as the operator confirmed them then.
   */
  const restateFollowing = (pointId: number, after: { takenOn: string; id: number }, digits: number | null) => {
    const next = following.get({ pointId, after: after.takenOn, afterId: after.id });
    if (!next) return;
    const before = beforeReading.get({ id: next.id });
    // With nothing before it, a reading starts the point's history and has no consumption.
    const step = before ? next.value - before.value : null;
    const consumption = step !== null && next.rollover && digits !== null && step < 0 ? 10 ** digits + step : step;
    if (consumption !== next.consumption) restate.run({ id: next.id, consumption });
  };

  const checkDate = (position: PositionSql, checkedOn: string) => {
    if (checkedOn > options.today()) throw new DomainError('entry.dateInFuture', { date: checkedOn }, 'checkedOn');
    if (checkedOn < position.taskDate) throw new DomainError('entry.dateBeforeTask', { date: position.taskDate }, 'checkedOn');
  };

  const save = (request: SaveRequest, locale: Locale, user: string) => {
    const position = found(byId.get(request.positionId), 'notFound.position');
    const taskTotal = total.get(position.taskId)!.n;
    checkDate(position, request.checkedOn);
    const known = new Set(activeProblems.all().map((p) => p.code));
    if (request.problems.some((code) => !known.has(code))) throw new DomainError('entry.unknownProblem', {}, 'problems');

    const own = ownReading.get(position.positionId);
    if (position.status !== 'new') {
      keepHistory.run({
        positionId: position.positionId,
        status: position.status,
        value: own?.value ?? null,
        checkedOn: position.checkedOn,
        reasonCode: position.reasonCode,
        enteredBy: position.enteredBy,
        enteredAt: position.enteredAt,
        replacedBy: user,
      });
    }
    if (own) {
      dropReading.run(own.id);
      restateFollowing(position.pointId, { takenOn: position.checkedOn ?? request.checkedOn, id: own.id }, position.meterDigits);
    }

    const common = {
      positionId: position.positionId,
      problems: JSON.stringify(request.problems),
      note: request.note,
      checkedOn: request.checkedOn,
      user,
    };
    const { outcome } = request;
    if (outcome.kind === 'reason') {
      if (!activeReason.get(outcome.reasonCode)) throw new DomainError('entry.unknownReason', {}, 'reasonCode');
      updatePosition.run({ ...common, status: 'not_executed', reasonCode: outcome.reasonCode });
    } else {
      // The sheet printed no meter here: there is nothing to read, only a reason to give.
      if (position.meterSerial === null) throw new DomainError('entry.noMeter', {}, 'value');
      const value = parseReading(outcome.value, position.meterDigits);
      const prev = previous.get({ pointId: position.pointId, positionId: position.positionId, onOrBefore: request.checkedOn }) ?? null;
      const limit = { monthlyMax: request.maxConsumption[position.commodity], checkedOn: request.checkedOn };
      const judged = judgeReading(value, prev, position.meterDigits, limit, outcome);
      const inserted = insertReading.run({
        pointId: position.pointId,
        takenOn: request.checkedOn,
        value,
        positionId: position.positionId,
        user,
        consumption: prev ? judged.consumption : null,
        overMax: judged.overMaxAccepted ? 1 : 0,
        below: judged.belowPreviousConfirmed ? 1 : 0,
        rollover: judged.rollover ? 1 : 0,
        // More on the meter than at the cut-off: energy used with the supply cut (docs/domain.md).
        afterDisconnection: value > (cutoffReading.get({ pointId: position.pointId, on: request.checkedOn })?.reading ?? Infinity) ? 1 : 0,
      });
      restateFollowing(position.pointId, { takenOn: request.checkedOn, id: Number(inserted.lastInsertRowid) }, position.meterDigits);
      updatePosition.run({ ...common, status: 'executed', reasonCode: null });
    }
    // Where entry goes next is the saved position's own next open one: asked once, used twice.
    const after = nextOpen(position.taskId, position.seq);
    const saved = view(byId.get(position.positionId)!, taskTotal, after);
    const next = after !== null ? view(bySeq.get(position.taskId, after)!, taskTotal) : null;
    return { saved, next, summary: summary(position.taskId, locale) };
  };

  return {
    open(taskId: number, locale: Locale): EntrySession {
      const header = found(task.get(taskId), 'notFound.task');
      const monthlyMax = (kind: Commodity) => Number(setting.get(`entry.maxConsumption.${kind}`)?.value ?? 0) || 1000;
      const present = commodities.all(taskId).map((c) => c.commodity);
      return {
        ...header,
        commodities: present.length ? present : ['electricity'],
        maxConsumption: { electricity: monthlyMax('electricity'), gas: monthlyMax('gas') },
        total: total.get(taskId)!.n,
        firstOpenSeq: firstOpen.get(taskId)?.seq ?? null,
        summary: summary(taskId, locale),
      };
    },
    position: (taskId: number, seq: number): EntryPosition => view(found(bySeq.get(taskId, seq), 'notFound.position')),
    save,
    /** The position as entered so far, for the audit log; null while nothing is. */
    entered(positionId: number): Entered | null {
      const row = enteredRow.get(positionId);
      return row ? { ...row, problems: JSON.parse(row.problems) as number[] } : null;
    },
    history: db.prepare<[number], PositionHistoryRow>(
      `SELECT status, value, checked_on AS checkedOn, reason_code AS reasonCode, entered_by AS enteredBy, entered_at AS enteredAt,
         replaced_by AS replacedBy, replaced_at AS replacedAt FROM position_history WHERE position_id = ? ORDER BY id`,
    ),
  };
}
