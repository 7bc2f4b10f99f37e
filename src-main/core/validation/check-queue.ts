import type { CheckDecision, CheckItem, checkFilter } from '../../../shared/contract/checks';
import type { ParsedInput } from '../../../shared/contract/index';
import type { ReadingCheck } from '../../../shared/contract/validation';
import type { z } from 'zod';
import type { Db } from '../../db/open';
import { addressColumns, addressJoins, withAddress, type AddressParts } from '../addresses/address';
import { parseReading } from '../entry/plausibility';
import { readingChain } from '../entry/reading-chain';
import { DomainError, found } from '../errors';
import { taskForming } from '../tasks/forming';
import { stepFrom } from '../../../shared/validation/bands';

type Filter = z.output<typeof checkFilter> & { offset: number; limit: number };
type DecideRequest = ParsedInput<'checks.decide'>;

/** A reading as entry judged it, for the queue. */
export interface Doubtful {
  /** Null for a phone's result beside a position the office entered with a reason. */
  readingId: number | null;
  pointId: number;
  positionId: number | null;
  takenOn: string;
  value: number;
  consumption: number | null;
  expected: number | null;
  checks: ReadingCheck[];
  enteredBy: string;
}

type ItemSql = Omit<CheckItem, 'checks' | 'address' | 'reread'> &
  AddressParts & {
    apartment: string;
    checks: string;
    rereadTaskId: number | null;
    rereadTaskDate: string | null;
    rereadSeq: number | null;
  };

const itemSelect = `SELECT c.id, c.reading_id AS readingId, c.point_id AS pointId, p.commodity, a.id AS accountId,
    a.number AS accountNumber, a.full_name AS fullName, ${addressColumns}, p.apartment, ro.number AS routeNumber,
    t.id AS taskId, t.task_date AS taskDate, t.executor_name AS controller, c.taken_on AS takenOn, c.value,
    r.value AS currentValue, c.consumption, c.expected, c.checks, c.entered_by AS enteredBy, c.queued_at AS queuedAt,
    c.decision, c.decided_by AS decidedBy, c.decided_at AS decidedAt, c.note, c.corrected_value AS correctedValue,
    rt.id AS rereadTaskId, rt.task_date AS rereadTaskDate, rp.seq AS rereadSeq
  FROM reading_checks c
  JOIN metering_points p ON p.id = c.point_id
  JOIN accounts a ON a.id = p.account_id
  ${addressJoins('p.house_id')}
  LEFT JOIN routes ro ON ro.id = p.route_id
  LEFT JOIN readings r ON r.id = c.reading_id
  LEFT JOIN task_positions tp ON tp.id = c.task_position_id
  LEFT JOIN walk_tasks t ON t.id = tp.task_id
  LEFT JOIN task_positions rp ON rp.id = c.reread_position_id
  LEFT JOIN walk_tasks rt ON rt.id = rp.task_id`;

const filterWhere = `WHERE (@status = 'all' OR (@status = 'waiting') = (c.decision IS NULL))
    AND (@dateFrom IS NULL OR c.taken_on >= @dateFrom) AND (@dateTo IS NULL OR c.taken_on <= @dateTo)
    AND (@routeId IS NULL OR p.route_id = @routeId)
    AND (@check IS NULL OR EXISTS (SELECT 1 FROM json_each(c.checks) j WHERE j.value ->> 'code' = @check))`;

/**
 * Контроль показників (docs/domain.md, "The correction queue"): every reading that failed a check
 * waits here until a master decides on it; the decision, who made it and when stay with the item.
 */
export function checkQueue(db: Db, options: { today: () => string }) {
  const chain = readingChain(db);
  // Forming prepares the whole task machinery; only a re-read decision needs it.
  let forming: ReturnType<typeof taskForming> | null = null;
  const insert = db.prepare<Omit<Doubtful, 'checks'> & { checks: string }>(
    `INSERT INTO reading_checks (reading_id, point_id, task_position_id, taken_on, value, consumption, expected, checks, entered_by)
     VALUES (@readingId, @pointId, @positionId, @takenOn, @value, @consumption, @expected, @checks, @enteredBy)`,
  );
  const supersede = db.prepare<{ readingId: number; user: string }>(
    `UPDATE reading_checks SET decision = 'superseded', decided_by = @user, decided_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE reading_id = @readingId AND decision IS NULL`,
  );
  const detach = db.prepare('UPDATE reading_checks SET reading_id = NULL WHERE reading_id = ?');
  const byId = db.prepare<[number], ItemSql>(`${itemSelect} WHERE c.id = ?`);
  const list = db.prepare<Filter, ItemSql>(`${itemSelect} ${filterWhere} ORDER BY c.taken_on, c.id LIMIT @limit OFFSET @offset`);
  const count = db
    .prepare<Omit<Filter, 'offset' | 'limit'>, number>(
      `SELECT count(*) FROM reading_checks c JOIN metering_points p ON p.id = c.point_id ${filterWhere}`,
    )
    .pluck();
  const waitingCount = db.prepare<[], number>('SELECT count(*) FROM reading_checks WHERE decision IS NULL').pluck();
  const decide = db.prepare<{ id: number; decision: CheckDecision; user: string; note: string; correctedValue: number | null }>(
    `UPDATE reading_checks SET decision = @decision, decided_by = @user, decided_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
       note = @note, corrected_value = @correctedValue WHERE id = @id AND decision IS NULL`,
  );
  const reading = db.prepare<[number], { id: number; pointId: number; takenOn: string; value: number; positionId: number | null }>(
    'SELECT id, point_id AS pointId, taken_on AS takenOn, value, task_position_id AS positionId FROM readings WHERE id = ?',
  );
  const correct = db.prepare<{ id: number; value: number; consumption: number | null; rollover: number }>(
    'UPDATE readings SET value = @value, consumption = @consumption, rollover = @rollover, below_previous_confirmed = 0 WHERE id = @id',
  );
  const markEstimated = db.prepare('UPDATE readings SET estimated = 1 WHERE id = ?');
  const positionBefore = db.prepare<
    [number],
    { status: string; checkedOn: string | null; reasonCode: number | null; enteredBy: string | null; enteredAt: string | null }
  >(
    `SELECT status, checked_on AS checkedOn, reason_code AS reasonCode, entered_by AS enteredBy, entered_at AS enteredAt
     FROM task_positions WHERE id = ?`,
  );
  const keepHistory = db.prepare(
    `INSERT INTO position_history (position_id, status, value, checked_on, reason_code, entered_by, entered_at, replaced_by)
     VALUES (@positionId, @status, @value, @checkedOn, @reasonCode, @enteredBy, @enteredAt, @replacedBy)`,
  );
  // The route's next task: dated today or later, the earliest; the point is not read twice in it.
  const nextTask = db.prepare<{ pointId: number; today: string }, { id: number; routeId: number; taskDate: string }>(
    `SELECT t.id, t.route_id AS routeId, t.task_date AS taskDate FROM walk_tasks t
     JOIN metering_points p ON p.route_id = t.route_id AND p.id = @pointId
     WHERE t.task_date >= @today ORDER BY t.task_date, t.id LIMIT 1`,
  );
  const openPosition = db.prepare<{ taskId: number; pointId: number }, { id: number }>(
    "SELECT id FROM task_positions WHERE task_id = @taskId AND point_id = @pointId AND status = 'new' ORDER BY seq LIMIT 1",
  );
  const linkReread = db.prepare('UPDATE reading_checks SET reread_position_id = ? WHERE id = ?');

  const toItem = (row: ItemSql): CheckItem => {
    const { rereadTaskId, rereadTaskDate, rereadSeq, checks, ...rest } = withAddress(row);
    return {
      ...rest,
      checks: JSON.parse(checks) as ReadingCheck[],
      reread:
        rereadTaskId !== null && rereadTaskDate !== null && rereadSeq !== null
          ? { taskId: rereadTaskId, taskDate: rereadTaskDate, seq: rereadSeq }
          : null,
    };
  };
  const item = (id: number) => toItem(found(byId.get(id), 'notFound.check'));

  /** The right value in place of the doubtful one: consumption counted again, the next reading restated, the old value kept. */
  const correctValue = (readingId: number, typed: string | null, user: string) => {
    const stored = reading.get(readingId);
    if (!stored) throw new DomainError('checks.readingGone');
    if (typed === null || typed.trim() === '') throw new DomainError('checks.valueRequired', {}, 'value');
    // The meter the reading was taken on: a removed meter's final reading keeps its own digits.
    const digits = chain.digitsOf(stored.pointId, stored.takenOn, stored.id);
    const value = parseReading(typed, digits);
    const before = chain.before(stored.id);
    const step = before ? stepFrom(before.value, value, digits) : null;
    if (before && !step) throw new DomainError('checks.correctionBelowPrevious', { value, previous: before.value }, 'value');
    if (stored.positionId !== null) {
      const position = positionBefore.get(stored.positionId)!;
      keepHistory.run({ positionId: stored.positionId, ...position, value: stored.value, replacedBy: user });
    }
    correct.run({
      id: stored.id,
      value,
      consumption: step ? step.consumption : null,
      rollover: step?.rollover ? 1 : 0,
    });
    chain.restateFollowing(stored.pointId, { takenOn: stored.takenOn, id: stored.id });
    return value;
  };

  /** Into the route's next task, or waiting for it: forming takes it in (tasks/forming.ts). */
  const orderReread = (checkId: number, pointId: number) => {
    const task = nextTask.get({ pointId, today: options.today() });
    if (!task) return;
    const already = openPosition.get({ taskId: task.id, pointId });
    linkReread.run(already ? already.id : (forming ??= taskForming(db)).append(task, pointId).positionId, checkId);
  };

  return {
    /** Entry's doubtful reading joins the queue in entry's transaction. */
    enqueue(doubtful: Doubtful) {
      insert.run({ ...doubtful, checks: JSON.stringify(doubtful.checks) });
    },
    /**
     * The reading is going away (its position entered again): a waiting item is settled by that
     * re-entry, in the operator's name; decided ones keep their record, without the reading.
     */
    readingRemoved(readingId: number, user: string) {
      supersede.run({ readingId, user });
      detach.run(readingId);
    },
    list(filter: Filter): { rows: CheckItem[]; total: number; waiting: number } {
      const { offset: _offset, limit: _limit, ...where } = filter;
      return { rows: list.all(filter).map(toItem), total: count.get(where)!, waiting: waitingCount.get()! };
    },
    get: item,
    decide(request: DecideRequest, user: string): CheckItem {
      const current = item(request.id);
      if (current.decision !== null) throw new DomainError('checks.alreadyDecided', { by: current.decidedBy ?? '' });
      // Keeping what the office entered needs no reading: a phone's reading beside an office's reason.
      if (current.readingId === null && request.decision !== 'confirmed') throw new DomainError('checks.readingGone');
      let correctedValue: number | null = null;
      if (request.decision === 'corrected') correctedValue = correctValue(current.readingId!, request.value, user);
      if (request.decision === 'estimated') markEstimated.run(current.readingId!);
      decide.run({ id: request.id, decision: request.decision, user, note: request.note, correctedValue });
      if (request.decision === 'reread') orderReread(request.id, current.pointId);
      return item(request.id);
    },
  };
}
