import type { Commodity, EntryPosition, EntrySession, EntrySummary, PositionHistoryRow } from '../../../shared/contract/entry';
import type { ParsedInput } from '../../../shared/contract/index';
import type { PhoneResultView } from '../../../shared/contract/phone';
import type { ReadingCheck } from '../../../shared/contract/validation';
import type { MeterCard } from '../../../shared/contract/visit';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db } from '../../db/open';
import { DomainError, found } from '../errors';
import { bandOf, judgeBands } from '../../../shared/validation/bands';
import { checkQueue } from '../validation/check-queue';
import { expectedConsumption } from '../validation/expected';
import { validationSettingsReader } from '../validation/validation-settings';
import type { JudgeFinal } from '../visit/meter-replacement';
import { visitRecorder } from '../visit/visit-findings';
import { acceptJudgement, parseReading } from './plausibility';
import { readingChain } from './reading-chain';

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
> & {
  pointId: number;
  pointStatus: 'connected' | 'disconnected';
  taskDate: string;
  problems: string;
  enteredBy: string | null;
  enteredAt: string | null;
  reread: number;
  /** The position's own reading, if one is entered. */
  ownId: number | null;
  ownValue: number | null;
  ownConsumption: number | null;
} & MeterCardColumns;
/** The point's meter card read with the position (one meter a point): nulls where the point has none. */
type MeterCardColumns = { [K in keyof MeterCard as `card${Capitalize<K>}`]: MeterCard[K] | null };

type SaveRequest = ParsedInput<'entry.save'>;
/** The previous reading a save judged its reading against, the expected consumption from it, and the days it covers. */
type Judged = { previous: { value: number; takenOn: string }; from: string; on: string; expected: number | null };

/** What the audit log keeps of an entered position, with what the visit found at the meter. */
export type Entered = Pick<EntryPosition, 'status' | 'value' | 'checkedOn' | 'reasonCode' | 'problems' | 'note' | 'findings'>;
export const enteredOf = (p: Entered): Entered => ({
  status: p.status,
  value: p.value,
  checkedOn: p.checkedOn,
  reasonCode: p.reasonCode,
  problems: p.problems,
  note: p.note,
  findings: p.findings,
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
      p.commodity, p.status AS pointStatus, t.task_date AS taskDate,
      EXISTS (SELECT 1 FROM reading_checks rc WHERE rc.reread_position_id = tp.id) AS reread,
      own.id AS ownId, own.value AS ownValue, own.consumption AS ownConsumption,
      m.serial AS cardSerial, m.model AS cardModel, m.digits AS cardDigits, m.placement AS cardPlacement, m.condition AS cardCondition,
      m.seals AS cardSeals, m.installed_on AS cardInstalledOn, m.verification_due AS cardVerificationDue
    FROM task_positions tp JOIN metering_points p ON p.id = tp.point_id JOIN walk_tasks t ON t.id = tp.task_id
      LEFT JOIN readings own ON own.task_position_id = tp.id LEFT JOIN meters m ON m.point_id = tp.point_id`;
  // What the form shows of the meter card, read with the position by the join above.
  const cardOf = (row: PositionSql): MeterCard | null =>
    row.cardSerial === null
      ? null
      : {
          serial: row.cardSerial,
          model: row.cardModel!,
          digits: row.cardDigits!,
          placement: row.cardPlacement!,
          condition: row.cardCondition!,
          seals: row.cardSeals!,
          installedOn: row.cardInstalledOn,
          verificationDue: row.cardVerificationDue!,
        };
  const ownOf = (row: PositionSql) =>
    row.ownId === null ? null : { id: row.ownId, value: row.ownValue!, consumption: row.ownConsumption };
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
  const chain = readingChain(db);
  const queue = checkQueue(db, options);
  const visit = visitRecorder(db, chain, queue);
  const phoneResult = db.prepare<
    [number],
    Omit<PhoneResultView, 'problems' | 'location'> & { problems: string; lat: number | null; lon: number | null; accuracy: number | null }
  >(
    `SELECT pr.id, pr.value, pr.reason_code AS reasonCode, pr.problems, pr.note, pr.taken_at AS takenAt, pr.sent_by AS sentBy,
       pr.status, pr.lat, pr.lon, pr.accuracy,
       coalesce((SELECT client_id FROM photos WHERE client_id = pr.photo_client_id),
         (SELECT client_id FROM photos WHERE position_id = pr.position_id ORDER BY taken_at DESC, id DESC LIMIT 1)) AS photoId
     FROM phone_results pr WHERE pr.position_id = ? AND pr.status <> 'replaced' ORDER BY pr.id DESC LIMIT 1`,
  );
  const phoneOf = (positionId: number): PhoneResultView | null => {
    const row = phoneResult.get(positionId);
    if (!row) return null;
    const { lat, lon, accuracy, problems, ...rest } = row;
    return {
      ...rest,
      problems: JSON.parse(problems) as number[],
      location: lat !== null && lon !== null ? { lat, lon, accuracy: accuracy ?? 0 } : null,
    };
  };
  // A position entered while a phone's result for it waited has settled that result, in the operator's name.
  const settlePhone = db.prepare(
    `UPDATE phone_results SET status = 'entered', settled_by = @user, settled_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE position_id = @positionId AND status = 'waiting'`,
  );
  const expectation = expectedConsumption(db);
  const validationSettings = validationSettingsReader(db);
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
  // The summary comes back with every save, so it is counted from the task's entries in the
  // status index (migration 018), never from every position's row or the district's queue.
  const statusCounts = db.prepare<[number], { status: EntryPosition['status']; n: number }>(
    'SELECT status, count(*) AS n FROM task_positions INDEXED BY task_positions_by_status WHERE task_id = ? GROUP BY status',
  );
  const reasonCounts = db.prepare<[number], { code: number; uk: string; en: string; count: number }>(
    `SELECT r.code, r.name_uk AS uk, r.name_en AS en, count(*) AS count
     FROM task_positions tp INDEXED BY task_positions_by_status CROSS JOIN non_execution_reasons r ON r.code = tp.reason_code
     WHERE tp.task_id = ? AND tp.status = 'not_executed' GROUP BY r.code ORDER BY r.code`,
  );
  // What else the summary counts, in one statement over the task's positions in the status index,
  // each looked up in a partial index holding only the few it counts (migration 020): the flagged
  // readings — only an executed position has one, a save giving a reason drops it — the checks still
  // waiting (every check names the position whose save queued it, a removed meter's final reading
  // included), and the phone's results still waiting on an open position. CROSS JOIN keeps the task's
  // positions outside: statistics taken while the indexes were small would have SQLite walk them first.
  const noted = db.prepare<{ taskId: number }, { overMax: number; below: number; rollovers: number; queued: number; phoneWaiting: number }>(
    `SELECT coalesce(sum(r.over_max_accepted), 0) AS overMax, coalesce(sum(r.below_previous_confirmed), 0) AS below,
       coalesce(sum(r.rollover), 0) AS rollovers,
       (SELECT count(*) FROM task_positions tp INDEXED BY task_positions_by_status
          CROSS JOIN reading_checks c INDEXED BY reading_checks_waiting_by_position ON c.task_position_id = tp.id
          WHERE tp.task_id = @taskId AND c.decision IS NULL) AS queued,
       (SELECT count(*) FROM task_positions tp INDEXED BY task_positions_by_status
          CROSS JOIN phone_results pr INDEXED BY phone_results_waiting ON pr.position_id = tp.id
          WHERE tp.task_id = @taskId AND tp.status = 'new' AND pr.status = 'waiting') AS phoneWaiting
     FROM task_positions tp INDEXED BY task_positions_by_status
       CROSS JOIN readings r INDEXED BY readings_flagged_by_position ON r.task_position_id = tp.id
         AND (r.over_max_accepted = 1 OR r.below_previous_confirmed = 1 OR r.rollover = 1)
     WHERE tp.task_id = @taskId AND tp.status = 'executed'`,
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
  const everCutOff = db
    .prepare<[number], number>(
      "SELECT EXISTS (SELECT 1 FROM order_positions INDEXED BY order_positions_by_point WHERE point_id = ? AND outcome = 'done')",
    )
    .pluck();
  /**
   * The meter's reading from which use on a cut-off point counts: the act's, or, for a point the
   * billing system sent as disconnected with no act of ours, the previous control reading.
   */
  const cutoffOf = (position: PositionSql, on: string, previous: { value: number } | null): number | null => {
    const act = cutoffReading.get({ pointId: position.pointId, on });
    if (act) return act.reading;
    return position.pointStatus === 'disconnected' && previous && !everCutOff.get(position.pointId) ? previous.value : null;
  };
  const updatePosition = db.prepare(
    `UPDATE task_positions SET status = @status, reason_code = @reasonCode, problems = @problems, note = @note,
       checked_on = @checkedOn, entered_by = @user, entered_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE id = @positionId`,
  );

  /** The open position entry goes to after this one: the next by number, else the first still open. */
  const nextOpen = (taskId: number, seq: number): number | null =>
    openAfter.get(taskId, seq)?.seq ?? openBefore.get(taskId, seq)?.seq ?? null;

  /**
   * What the form shows beside the value: expected use from the previous reading to the position's
   * date (else the task's). A save hands in the figure it judged by when it covers the same days.
   */
  const expectedBand = (row: PositionSql, prev: { takenOn: string } | null, judged?: Judged): EntryPosition['expected'] => {
    if (!prev) return null;
    const today = options.today();
    const on = row.checkedOn ?? (row.taskDate < today ? row.taskDate : today);
    if (on < prev.takenOn) return null;
    const consumption =
      judged && judged.from === prev.takenOn && judged.on === on ? judged.expected : expectation.expectedFor(row.pointId, prev.takenOn, on);
    if (consumption === null || consumption <= 0) return null;
    return { on, consumption, ...bandOf(consumption, validationSettings().bands[row.commodity]) };
  };

  const view = (
    row: PositionSql,
    taskTotal = total.get(row.taskId)!.n,
    nextOpenSeq = nextOpen(row.taskId, row.seq),
    judged?: Judged,
  ): EntryPosition => {
    const own = ownOf(row);
    const on = row.checkedOn ?? options.today();
    // The saved position's previous reading is the one its save was judged against, on the same date.
    const prev = judged && judged.on === on ? judged.previous : chain.previousOf(row.pointId, row.positionId, on);
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
      meter: cardOf(row),
      commodity: row.commodity,
      previous: prev ?? null,
      nextOpenSeq,
      expected: expectedBand(row, prev, judged),
      reread: row.reread === 1,
      status: row.status,
      value: own?.value ?? null,
      consumption: own?.consumption ?? null,
      checkedOn: row.checkedOn,
      reasonCode: row.reasonCode,
      problems: JSON.parse(row.problems) as number[],
      note: row.note,
      findings: visit.recorded(row.positionId),
      phone: phoneOf(row.positionId),
    };
  };

  const summary = (taskId: number, locale: Locale): EntrySummary => {
    const c = { total: 0, executed: 0, notExecuted: 0, open: 0 };
    for (const { status, n } of statusCounts.all(taskId)) {
      c.total += n;
      if (status === 'executed') c.executed = n;
      else if (status === 'not_executed') c.notExecuted = n;
      else c.open = n;
    }
    const counted = noted.get({ taskId })!;
    return {
      ...c,
      byReason: reasonCounts.all(taskId).map((r) => ({ code: r.code, name: r[locale], count: r.count })),
      overMaxAccepted: counted.overMax,
      belowPrevious: counted.below,
      rollovers: counted.rollovers,
      queued: counted.queued,
      phoneWaiting: counted.phoneWaiting,
    };
  };

  const enteredRow = db.prepare<[number], Omit<Entered, 'problems' | 'findings'> & { problems: string }>(
    `SELECT tp.status, r.value, tp.checked_on AS checkedOn, tp.reason_code AS reasonCode, tp.problems, tp.note
     FROM task_positions tp LEFT JOIN readings r ON r.task_position_id = tp.id WHERE tp.id = ? AND tp.status <> 'new'`,
  );

  const checkDate = (position: PositionSql, checkedOn: string) => {
    if (checkedOn > options.today()) throw new DomainError('entry.dateInFuture', { date: checkedOn }, 'checkedOn');
    if (checkedOn < position.taskDate) throw new DomainError('entry.dateBeforeTask', { date: position.taskDate }, 'checkedOn');
  };

  const save = (request: SaveRequest, locale: Locale, user: string) => {
    const position = found(byId.get(request.positionId), 'notFound.position');
    checkDate(position, request.checkedOn);
    const known = new Set(activeProblems.all().map((p) => p.code));
    if (request.problems.some((code) => !known.has(code))) throw new DomainError('entry.unknownProblem', {}, 'problems');

    const own = ownOf(position);
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
      queue.readingRemoved(own.id, user);
      dropReading.run(own.id);
      chain.restateFollowing(position.pointId, { takenOn: position.checkedOn ?? request.checkedOn, id: own.id });
    }
    // The removed meter's final reading is judged as any reading is, with the position's maximum.
    const monthlyMax = request.maxConsumption[position.commodity];
    const bands = validationSettings().bands[position.commodity];
    const judgeFinal: JudgeFinal = ({ value, previous, on, digits }) => {
      const expected = previous ? expectation.expectedFor(position.pointId, previous.takenOn, on) : null;
      const cutoff = cutoffOf(position, on, previous);
      return { ...judgeBands({ value, previous, checkedOn: on, digits, cutoff, expected, monthlyMax, bands }), expected };
    };
    const { doubtful } = visit.enter({
      position,
      findings: request.findings,
      checkedOn: request.checkedOn,
      user,
      judge: judgeFinal,
    });

    const common = {
      positionId: position.positionId,
      problems: JSON.stringify(request.problems),
      note: request.note,
      checkedOn: request.checkedOn,
      user,
    };
    const { outcome } = request;
    let judgedBy: Judged | undefined;
    if (outcome.kind === 'reason') {
      if (!activeReason.get(outcome.reasonCode)) throw new DomainError('entry.unknownReason', {}, 'reasonCode');
      updatePosition.run({ ...common, status: 'not_executed', reasonCode: outcome.reasonCode });
    } else {
      // The sheet printed no meter here: there is nothing to read, only a reason to give.
      if (position.meterSerial === null) throw new DomainError('entry.noMeter', {}, 'value');
      // The meter in force on the check date: another one once a visit found it replaced.
      const digits = chain.digitsOf(position.pointId, request.checkedOn);
      const value = parseReading(outcome.value, digits);
      const prev = chain.previousOf(position.pointId, position.positionId, request.checkedOn);
      const expected = prev ? expectation.expectedFor(position.pointId, prev.takenOn, request.checkedOn) : null;
      if (prev) judgedBy = { previous: prev, from: prev.takenOn, on: request.checkedOn, expected };
      const judged = judgeBands({
        value,
        previous: prev,
        checkedOn: request.checkedOn,
        digits,
        cutoff: cutoffOf(position, request.checkedOn, prev),
        expected,
        monthlyMax,
        bands,
      });
      const accepted = acceptJudgement(value, judged, expected, outcome);
      // Read off a meter found not working, unsealed or with its glass broken: a master looks at it, unasked.
      const checks: ReadingCheck[] = doubtful ? [...accepted.checks, { code: 'meterCondition', condition: doubtful }] : accepted.checks;
      const readingId = Number(
        insertReading.run({
          pointId: position.pointId,
          takenOn: request.checkedOn,
          value,
          positionId: position.positionId,
          user,
          consumption: prev ? accepted.consumption : null,
          overMax: accepted.overMaxAccepted ? 1 : 0,
          below: accepted.belowPreviousConfirmed ? 1 : 0,
          rollover: accepted.rollover ? 1 : 0,
          // More on the meter than at the cut-off: energy used with the supply cut (docs/domain.md).
          afterDisconnection: accepted.checks.some((check) => check.code === 'afterDisconnection') ? 1 : 0,
        }).lastInsertRowid,
      );
      if (checks.length > 0) {
        queue.enqueue({
          readingId,
          pointId: position.pointId,
          positionId: position.positionId,
          takenOn: request.checkedOn,
          value,
          consumption: prev ? accepted.consumption : null,
          expected,
          checks,
          enteredBy: user,
        });
      }
      chain.restateFollowing(position.pointId, { takenOn: request.checkedOn, id: readingId });
      updatePosition.run({ ...common, status: 'executed', reasonCode: null });
    }
    settlePhone.run({ positionId: position.positionId, user });
    // Where entry goes next is the saved position's own next open one: asked once, used twice.
    const after = nextOpen(position.taskId, position.seq);
    // The summary counts every position of the task: its total is the one both views show.
    const counted = summary(position.taskId, locale);
    const saved = view(byId.get(position.positionId)!, counted.total, after, judgedBy);
    const next = after !== null ? view(bySeq.get(position.taskId, after)!, counted.total) : null;
    return { saved, next, summary: counted };
  };

  const monthlyMax = (kind: Commodity) => Number(setting.get(`entry.maxConsumption.${kind}`)?.value ?? 0) || 1000;
  /** The settings' monthly maxima, which a session starts with and a phone's result is judged by. */
  const maxima = () => ({ electricity: monthlyMax('electricity'), gas: monthlyMax('gas') });

  return {
    /**
     * What a reading of the position taken on a day would be judged by, with the settings' monthly
     * maximum: the controller's phone judges offline by these figures and the same code.
     */
    figures(positionId: number, on: string) {
      const position = found(byId.get(positionId), 'notFound.position');
      const previous = chain.previousOf(position.pointId, position.positionId, on) ?? null;
      return {
        previous,
        digits: chain.digitsOf(position.pointId, on),
        cutoff: cutoffOf(position, on, previous),
        expected: previous ? expectation.expectedFor(position.pointId, previous.takenOn, on) : null,
        monthlyMax: monthlyMax(position.commodity),
        bands: validationSettings().bands[position.commodity],
      };
    },
    maxima,
    open(taskId: number, locale: Locale): EntrySession {
      const header = found(task.get(taskId), 'notFound.task');
      const present = commodities.all(taskId).map((c) => c.commodity);
      return {
        ...header,
        commodities: present.length ? present : ['electricity'],
        maxConsumption: maxima(),
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
      return row ? { ...row, problems: JSON.parse(row.problems) as number[], findings: visit.recorded(positionId) } : null;
    },
    history: db.prepare<[number], PositionHistoryRow>(
      `SELECT status, value, checked_on AS checkedOn, reason_code AS reasonCode, entered_by AS enteredBy, entered_at AS enteredAt,
         replaced_by AS replacedBy, replaced_at AS replacedAt FROM position_history WHERE position_id = ? ORDER BY id`,
    ),
  };
}

export type EntryStore = ReturnType<typeof entryStore>;
