import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { createCore } from '../app';
import { DomainError } from '../errors';
import { testDistrict } from '../../../tests/support/test-district';
import { acceptJudgement, parseReading } from './plausibility';
import { allowedConsumption } from '../../../shared/validation/bands';
import { judgeBands } from '../../../shared/validation/bands';
import type { ReadingCheckCode } from '../../../shared/contract/validation';
import { localToday } from '../../../shared/dates';

const none = { accepted: [], retypedValue: null };
const bands = { highFactor: 3, lowFactor: 3, zeroDays: 60 };
/** Entry's judgement of a point without history: the bands fall back to the monthly maximum. */
const judgeReading = (
  value: number,
  previous: { value: number; takenOn: string } | null,
  digits: number | null,
  limit: { monthlyMax: number; checkedOn: string },
  confirm: { accepted: readonly ReadingCheckCode[]; retypedValue: string | null },
) =>
  acceptJudgement(
    value,
    judgeBands({ value, previous, checkedOn: limit.checkedOn, digits, cutoff: null, expected: null, monthlyMax: limit.monthlyMax, bands }),
    null,
    confirm,
  );
const refusalOf = (action: () => unknown) => {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, details: error.details, params: error.params };
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('what counts as a reading', () => {
  it('takes whole numbers that fit the meter and refuses the rest with a reason', () => {
    expect(parseReading(' 004521 ', 6)).toBe(4521);
    expect(parseReading('999999', 6)).toBe(999_999);
    expect(refusalOf(() => parseReading('1000000', 6)).code).toBe('entry.tooManyDigits');
    expect(refusalOf(() => parseReading('-5', 6)).code).toBe('entry.negative');
    for (const bad of ['', '12a', '1 234', '12,5', '1e3']) expect(refusalOf(() => parseReading(bad, 6)).code).toBe('entry.notANumber');
  });
});

describe('plausibility of a reading', () => {
  const since = (takenOn: string, value: number) => ({ value, takenOn });
  const on = (checkedOn: string, monthlyMax = 500) => ({ monthlyMax, checkedOn });

  it('scales the monthly maximum to the days since the previous control reading', () => {
    expect(allowedConsumption(500, 30)).toBe(493);
    expect(allowedConsumption(500, 31)).toBe(510);
    expect(allowedConsumption(500, 184)).toBe(3026);
    // Two checks on one date: judged as one day, not waved through.
    expect(allowedConsumption(500, 0)).toBe(16);
  });

  it('passes exactly the scaled maximum unasked and asks one unit above it', () => {
    // 30 days before the check: 493 allowed.
    expect(judgeReading(1493, since('2026-10-21', 1000), 6, on('2026-11-20'), none)).toMatchObject({
      consumption: 493,
      overMaxAccepted: false,
    });
    expect(refusalOf(() => judgeReading(1494, since('2026-10-21', 1000), 6, on('2026-11-20'), none))).toMatchObject({
      code: 'entry.check',
      details: {
        checks: [{ code: 'overMaximum', consumption: 494, allowed: 493, max: 500, days: 30 }],
        consumption: 494,
        expected: null,
        days: 30,
      },
    });
    // A day later the same consumption is within 31 days' allowance.
    expect(judgeReading(1494, since('2026-10-20', 1000), 6, on('2026-11-20'), none).overMaxAccepted).toBe(false);
    expect(judgeReading(77, null, 6, on('2026-11-20'), none).consumption).toBe(0);
  });

  it('does not flag six months of normal use, and still flags a true spike over the same gap', () => {
    const halfYear = since('2026-05-20', 1000);
    expect(judgeReading(3900, halfYear, 6, on('2026-11-20'), none)).toMatchObject({ consumption: 2900, overMaxAccepted: false });
    expect(refusalOf(() => judgeReading(9000, halfYear, 6, on('2026-11-20'), none)).code).toBe('entry.check');
    expect(judgeReading(9000, halfYear, 6, on('2026-11-20'), { ...none, accepted: ['overMaximum'] })).toMatchObject({
      consumption: 8000,
      overMaxAccepted: true,
    });
  });

  it('offers a rollover past 99…9 when wrapping is nearer than stepping back, with its consumption', () => {
    const nearTop = since('2026-10-21', 99_950);
    expect(refusalOf(() => judgeReading(30, nearTop, 5, on('2026-11-20', 100), none))).toMatchObject({
      code: 'entry.check',
      details: { checks: [{ code: 'rollover', value: 30, previous: 99_950, consumption: 80 }], consumption: 80, days: 30 },
    });
    expect(judgeReading(30, nearTop, 5, on('2026-11-20', 100), { ...none, accepted: ['rollover'] })).toMatchObject({
      consumption: 80,
      rollover: true,
      overMaxAccepted: false,
    });
    // Stepping back 1,000 on a six-digit meter is nearer than wrapping 999,000: not a rollover.
    expect(refusalOf(() => judgeReading(4000, since('2026-10-21', 5000), 6, on('2026-11-20'), none))).toMatchObject({
      code: 'entry.belowPrevious',
      details: { checks: [{ code: 'belowPrevious', value: 4000, previous: 5000 }] },
    });
  });

  it('offers a rollover over the maximum as a rollover that needs the over-maximum confirmation too, stored positive', () => {
    const tenDays = since('2026-11-10', 99_950);
    const asked = refusalOf(() => judgeReading(30, tenDays, 5, on('2026-11-20', 100), none)).details;
    expect(asked).toMatchObject({
      checks: [
        { code: 'rollover', consumption: 80 },
        { code: 'overMaximum', consumption: 80, allowed: 33 },
      ],
    });
    // Accepting the rollover alone does not carry the maximum the dialog also stated.
    expect(refusalOf(() => judgeReading(30, tenDays, 5, on('2026-11-20', 100), { ...none, accepted: ['rollover'] })).code).toBe(
      'entry.check',
    );
    expect(judgeReading(30, tenDays, 5, on('2026-11-20', 100), { ...none, accepted: ['rollover', 'overMaximum'] })).toMatchObject({
      consumption: 80,
      rollover: true,
      belowPreviousConfirmed: false,
      overMaxAccepted: true,
    });
  });

  it('accepts a lower reading only when the same number is typed again, and flags it', () => {
    const previous = since('2026-10-21', 5000);
    const judge = (retypedValue: string | null, accepted: ReadingCheckCode[] = []) =>
      judgeReading(4000, previous, 6, on('2026-11-20'), { accepted, retypedValue });
    expect(refusalOf(() => judge('4001')).code).toBe('entry.retypeMismatch');
    expect(refusalOf(() => judge('40 00')).code).toBe('entry.retypeMismatch');
    expect(refusalOf(() => judge(null, ['belowPrevious'])).code).toBe('entry.belowPrevious');
    expect(judge('4000')).toMatchObject({ consumption: -1000, belowPreviousConfirmed: true });
    expect(judge(' 004000 ')).toMatchObject({ consumption: -1000, belowPreviousConfirmed: true });
    expect(judgeReading(42, since('2026-10-21', 50), 6, on('2026-11-20'), { ...none, retypedValue: '0042' })).toMatchObject({
      belowPreviousConfirmed: true,
    });
  });
});

/** A task over the test district's seven points, with a previous control reading on each. */
function taskInEntry() {
  const d = testDistrict();
  const route = d.call('routes.save', { number: 5, name: 'Розноска', sectionId: null, executorId: d.controller });
  d.call('routes.assign', { routeId: route.id, selector: { kind: 'settlement', settlementId: d.settlements.town } });
  const { taskId } = d.call('tasks.form', { routeId: route.id, taskDate: '2026-11-20', criteria: {} });
  for (const point of d.db.prepare<[], { id: number }>('SELECT id FROM metering_points').all()) {
    d.db.prepare("INSERT INTO readings (point_id, taken_on, value, kind) VALUES (?, '2026-05-10', 1000, 'control')").run(point.id);
  }
  const session = d.call('entry.open', { taskId });
  const first = d.call('entry.position', { taskId, seq: 1 });
  const maxima = { electricity: 500, gas: 50 };
  const save = (positionId: number, outcome: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    d.call('entry.save', { positionId, checkedOn: '2026-11-20', maxConsumption: maxima, outcome: outcome as never, ...extra });
  return { ...d, taskId, session, first, maxima, save };
}

describe('entering a task', () => {
  it('opens at the first position with the maximum from settings and the commodity unit', () => {
    const d = taskInEntry();
    expect(d.session).toMatchObject({
      routeNumber: 5,
      total: 6,
      firstOpenSeq: 1,
      commodities: ['electricity'],
      maxConsumption: { electricity: 1500, gas: 500 },
    });
    expect(d.first).toMatchObject({
      seq: 1,
      total: 6,
      previous: { value: 1000, takenOn: '2026-05-10' },
      status: 'new',
      meterDigits: 6,
      commodity: 'electricity',
    });
  });

  it('saves a reading with its consumption and hands out the next open position', () => {
    const d = taskInEntry();
    const answer = d.save(d.first.positionId, { kind: 'reading', value: '1234' }, { problems: [1], note: 'пломба зірвана' });
    expect(answer.saved).toMatchObject({ status: 'executed', value: 1234, consumption: 234, problems: [1], note: 'пломба зірвана' });
    expect(answer.next?.seq).toBe(2);
    expect(answer.summary).toMatchObject({ executed: 1, open: 5 });
    expect(
      d.db
        .prepare('SELECT value, kind, entered_by AS enteredBy, consumption FROM readings WHERE task_position_id = ?')
        .get(d.first.positionId),
    ).toEqual({
      value: 1234,
      kind: 'control',
      enteredBy: expect.any(String) as unknown,
      consumption: 234,
    });
  });

  it('skips positions already entered and comes back to earlier open ones, then says it is done', () => {
    const d = taskInEntry();
    const third = d.call('entry.position', { taskId: d.taskId, seq: 3 });
    expect(third.nextOpenSeq).toBe(4);
    expect(d.save(third.positionId, { kind: 'reason', reasonCode: 2 }).next?.seq).toBe(4);
    // From the last position entry goes back to the first still open.
    expect(d.call('entry.position', { taskId: d.taskId, seq: 6 }).nextOpenSeq).toBe(1);
    let next = d.save(d.call('entry.position', { taskId: d.taskId, seq: 6 }).positionId, { kind: 'reading', value: '1001' }).next;
    expect(next?.seq).toBe(1);
    for (const seq of [1, 2, 4, 5])
      next = d.save(d.call('entry.position', { taskId: d.taskId, seq }).positionId, { kind: 'reading', value: '1100' }).next;
    expect(next).toBeNull();
    expect(d.call('entry.open', { taskId: d.taskId }).firstOpenSeq).toBeNull();
  });

  it('records a non-execution reason without a reading and counts it by reason', () => {
    const d = taskInEntry();
    const answer = d.save(d.first.positionId, { kind: 'reason', reasonCode: 5 });
    expect(answer.saved).toMatchObject({ status: 'not_executed', reasonCode: 5, value: null });
    expect(answer.summary.byReason).toEqual([{ code: 5, name: 'Відмова в допуску', count: 1 }]);
    expect(d.db.prepare('SELECT count(*) AS n FROM readings WHERE task_position_id IS NOT NULL').get()).toEqual({ n: 0 });
    expect(
      d.refusal('entry.save', {
        positionId: d.first.positionId,
        checkedOn: '2026-11-20',
        maxConsumption: { electricity: 500, gas: 50 },
        outcome: { kind: 'reason', reasonCode: 99 },
      }).code,
    ).toBe('entry.unknownReason');
  });

  it('takes a check date from the task date to today, and refuses the day before and tomorrow, saving nothing', () => {
    const d = taskInEntry();
    const attempt = (checkedOn: string) =>
      d.core.dispatch(
        'entry.save',
        { positionId: d.first.positionId, checkedOn, maxConsumption: d.maxima, outcome: { kind: 'reading', value: '1100' } },
        'uk',
      );
    const tomorrow = new Date(Date.parse(`${localToday()}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(attempt(tomorrow)).toMatchObject({ ok: false, error: { code: 'entry.dateInFuture', field: 'checkedOn' } });
    expect(attempt('2026-11-19')).toMatchObject({
      ok: false,
      error: { code: 'entry.dateBeforeTask', message: 'Дата перевірки не може бути раніше дати завдання (20.11.2026).' },
    });
    expect(d.call('entry.position', { taskId: d.taskId, seq: 1 }).status).toBe('new');
    expect(d.db.prepare('SELECT count(*) AS n FROM readings WHERE task_position_id IS NOT NULL').get()).toEqual({ n: 0 });
    expect(attempt('2026-11-20')).toMatchObject({ ok: true });
    expect(attempt(localToday())).toMatchObject({ ok: true });
  });

  it('judges a sheet typed after a newer one against the reading before its own date, and restates the newer one', () => {
    const d = taskInEntry();
    const pointId = d.db
      .prepare<[number], { id: number }>('SELECT point_id AS id FROM task_positions WHERE id = ?')
      .get(d.first.positionId)!.id;
    // A later control reading (entered first) counted 500 from the May reading.
    d.db
      .prepare("INSERT INTO readings (point_id, taken_on, value, kind, consumption) VALUES (?, '2026-11-22', 1500, 'control', 500)")
      .run(pointId);
    const saved = d.save(d.first.positionId, { kind: 'reading', value: '1200' }).saved;
    expect(saved).toMatchObject({ value: 1200, consumption: 200, previous: { value: 1000, takenOn: '2026-05-10' } });
    const newer = () => d.db.prepare("SELECT consumption FROM readings WHERE taken_on = '2026-11-22'").get();
    expect(newer()).toEqual({ consumption: 300 });
    // Turning the position into a reason takes its reading away: the newer one counts from May again.
    d.save(d.first.positionId, { kind: 'reason', reasonCode: 2 });
    expect(newer()).toEqual({ consumption: 500 });
    // A second reading the same day, entered after this one, counts from it…
    d.save(d.first.positionId, { kind: 'reading', value: '1200' });
    d.db
      .prepare("INSERT INTO readings (point_id, taken_on, value, kind, consumption) VALUES (?, '2026-11-20', 1250, 'control', 50)")
      .run(pointId);
    const sameDay = () => d.db.prepare("SELECT consumption FROM readings WHERE task_position_id IS NULL AND taken_on = '2026-11-20'").get();
    // …and from May again once this one gives way to a reason.
    d.save(d.first.positionId, { kind: 'reason', reasonCode: 2 });
    expect(sameDay()).toEqual({ consumption: 250 });
  });

  it("judges each position of a mixed session with its own commodity's maximum", () => {
    const d = taskInEntry();
    const second = d.call('entry.position', { taskId: d.taskId, seq: 2 });
    d.db
      .prepare("UPDATE metering_points SET commodity = 'gas' WHERE id = (SELECT point_id FROM task_positions WHERE id = ?)")
      .run(second.positionId);
    expect(d.call('entry.open', { taskId: d.taskId }).commodities).toEqual(['electricity', 'gas']);
    expect(d.call('entry.position', { taskId: d.taskId, seq: 2 }).commodity).toBe('gas');
    // 194 days since May: electricity 500 a month allows 3,191; gas 50 a month allows 319.
    expect(d.save(d.first.positionId, { kind: 'reading', value: '1400' }).saved.consumption).toBe(400);
    expect(
      d.refusal('entry.save', {
        positionId: second.positionId,
        checkedOn: '2026-11-20',
        maxConsumption: d.maxima,
        outcome: { kind: 'reading', value: '1400' },
      }),
    ).toMatchObject({
      code: 'entry.check',
      details: { checks: [{ code: 'overMaximum', consumption: 400, allowed: 319, max: 50, days: 194 }] },
    });
    expect(d.save(second.positionId, { kind: 'reading', value: '1319' }).saved.consumption).toBe(319);
  });

  it('takes only a reason, never a value, at a point without a meter', () => {
    const d = taskInEntry();
    d.db.prepare('UPDATE task_positions SET meter_serial = NULL, meter_digits = NULL WHERE id = ?').run(d.first.positionId);
    expect(
      d.refusal('entry.save', {
        positionId: d.first.positionId,
        checkedOn: '2026-11-20',
        maxConsumption: d.maxima,
        outcome: { kind: 'reading', value: '1100' },
      }),
    ).toMatchObject({ code: 'entry.noMeter', field: 'value' });
    expect(d.save(d.first.positionId, { kind: 'reason', reasonCode: 3 }, { note: 'лічильник знято' }).saved).toMatchObject({
      status: 'not_executed',
      note: 'лічильник знято',
    });
  });

  it('asks before accepting over the maximum and stores the acceptance with the reading', () => {
    const d = taskInEntry();
    const ask = d.refusal('entry.save', {
      positionId: d.first.positionId,
      checkedOn: '2026-11-20',
      maxConsumption: d.maxima,
      outcome: { kind: 'reading', value: '5000' },
    });
    expect(ask).toMatchObject({
      code: 'entry.check',
      details: { checks: [{ code: 'overMaximum', consumption: 4000, allowed: 3191, max: 500 }] },
    });
    expect(d.call('entry.position', { taskId: d.taskId, seq: 1 }).status).toBe('new');
    d.save(d.first.positionId, { kind: 'reading', value: '5000', accepted: ['overMaximum'] });
    expect(d.db.prepare('SELECT over_max_accepted AS flag FROM readings WHERE task_position_id = ?').get(d.first.positionId)).toEqual({
      flag: 1,
    });
    expect(d.call('entry.open', { taskId: d.taskId }).summary.overMaxAccepted).toBe(1);
  });

  it("counts the task's flagged readings and waiting checks in its summary, and counts them no more once entered again", () => {
    const d = taskInEntry();
    const second = d.call('entry.position', { taskId: d.taskId, seq: 2 });
    const plain = { overMaxAccepted: 0, belowPrevious: 0, rollovers: 0, queued: 0 };
    expect(d.session.summary).toMatchObject(plain);
    d.save(d.first.positionId, { kind: 'reading', value: '5000', accepted: ['overMaximum'] });
    const { summary } = d.save(second.positionId, { kind: 'reading', value: '900', retypedValue: '900' });
    expect(summary).toMatchObject({ executed: 2, overMaxAccepted: 1, belowPrevious: 1, rollovers: 0, queued: 2 });
    // Entered again as plausible readings: the flags go with the readings, the checks are superseded.
    d.save(d.first.positionId, { kind: 'reading', value: '1200' });
    expect(d.call('entry.open', { taskId: d.taskId }).summary).toMatchObject({ ...plain, belowPrevious: 1, queued: 1 });
    expect(d.save(second.positionId, { kind: 'reason', reasonCode: 1 }).summary).toMatchObject({ ...plain, executed: 1, notExecuted: 1 });
  });

  it('keeps the old value, who entered it and who corrected it when a position is corrected', () => {
    const d = taskInEntry();
    d.save(d.first.positionId, { kind: 'reading', value: '1200' });
    const corrected = d.save(d.first.positionId, { kind: 'reading', value: '1210' });
    expect(corrected.saved).toMatchObject({ value: 1210, consumption: 210 });
    const history = d.call('entry.history', { positionId: d.first.positionId });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      status: 'executed',
      value: 1200,
      checkedOn: '2026-11-20',
      replacedBy: expect.any(String) as unknown,
    });
    expect(history[0]!.enteredBy).toBe(history[0]!.replacedBy);
    expect(d.db.prepare('SELECT value FROM readings WHERE task_position_id = ?').all(d.first.positionId)).toEqual([{ value: 1210 }]);
  });

  it('makes the task undeletable once a reading is entered', () => {
    const d = taskInEntry();
    d.save(d.first.positionId, { kind: 'reading', value: '1100' });
    expect(d.refusal('tasks.delete', { id: d.taskId }).code).toBe('task.hasOutcomes');
  });
});

describe('durability', () => {
  const dir = mkdtempSync(join(tmpdir(), 'obhid-entry-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has a saved reading on disk, visible to another connection, when the answer comes back', () => {
    const file = join(dir, 'district.sqlite');
    const db = openDatabase(file);
    db.exec(`INSERT INTO settlements (name, kind) VALUES ('Коростишів', 'місто');
      INSERT INTO streets (settlement_id, name, kind) VALUES (1, 'Шевченка', 'вул.');
      INSERT INTO houses (street_id, number, sort_key) VALUES (1, '1', '000001');
      INSERT INTO accounts (number, full_name, house_id) VALUES ('1', 'Бойко Ганна', 1);
      INSERT INTO metering_points (account_id, house_id, commodity) VALUES (1, 1, 'gas');
      INSERT INTO meters (point_id, serial, model, digits, verification_due) VALUES (1, 'G1', 'Elster', 5, '2030-01-01');`);
    const core = createCore(db, {
      version: 'test',
      signedIn: { login: 'майстер', fullName: 'Майстер', role: 'master' },
      today: () => '2026-11-22',
    });
    const call = (channel: string, input: unknown) => {
      const answer = core.dispatch(channel, input, 'uk');
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.value as { id: number; taskId: number };
    };
    const route = call('routes.save', { number: 1, name: 'Газ', sectionId: null, executorId: null });
    call('routes.assign', { routeId: route.id, selector: { kind: 'points', pointIds: [1] } });
    const { taskId } = call('tasks.form', { routeId: route.id, taskDate: '2026-11-22', criteria: {} });
    expect((call('entry.open', { taskId }) as unknown as { maxConsumption: { gas: number } }).maxConsumption.gas).toBe(500);
    call('entry.save', {
      positionId: 1,
      checkedOn: '2026-11-22',
      maxConsumption: { electricity: 500, gas: 50 },
      outcome: { kind: 'reading', value: '42' },
    });
    const other = new Database(file, { readonly: true });
    expect(other.prepare('SELECT value, entered_by AS enteredBy FROM readings').all()).toEqual([{ value: 42, enteredBy: 'майстер' }]);
    other.close();
    db.close();
  });
});
