import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { createCore } from '../app';
import { DomainError } from '../errors';
import { testDistrict } from '../../../tests/support/test-district';
import { judgeReading, parseReading } from './plausibility';

const none = { confirmOverMax: false, confirmRollover: false, retypedValue: null };
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
  it('counts consumption from the previous control reading; exactly the maximum passes unasked', () => {
    expect(judgeReading(1500, 1000, 6, 500, none)).toMatchObject({ consumption: 500, overMaxAccepted: false });
    expect(judgeReading(1000, 1000, 6, 500, none).consumption).toBe(0);
    expect(judgeReading(77, null, 6, 500, none).consumption).toBe(0);
  });

  it('asks to confirm consumption above the maximum, and records the acceptance', () => {
    expect(refusalOf(() => judgeReading(1501, 1000, 6, 500, none))).toMatchObject({
      code: 'entry.overMax',
      details: { kind: 'overMax', consumption: 501, max: 500 },
    });
    expect(judgeReading(1501, 1000, 6, 500, { ...none, confirmOverMax: true })).toMatchObject({ consumption: 501, overMaxAccepted: true });
  });

  it('offers a rollover past 99…9 when the wrap is plausible, with the consumption it implies', () => {
    expect(refusalOf(() => judgeReading(30, 99_950, 5, 100, none)).details).toEqual({
      kind: 'belowPrevious',
      value: 30,
      previous: 99_950,
      rolloverConsumption: 80,
    });
    expect(judgeReading(30, 99_950, 5, 100, { ...none, confirmRollover: true })).toMatchObject({ consumption: 80, rollover: true });
    // A wrap bigger than the maximum is not a rollover.
    expect(refusalOf(() => judgeReading(30, 99_950, 5, 79, none)).details).toMatchObject({ rolloverConsumption: null });
  });

  it('accepts a lower reading only when typed again identically, and flags it', () => {
    expect(refusalOf(() => judgeReading(4000, 5000, 6, 500, { ...none, retypedValue: '4001' })).code).toBe('entry.retypeMismatch');
    expect(refusalOf(() => judgeReading(4000, 5000, 6, 500, { ...none, confirmRollover: true })).code).toBe('entry.belowPrevious');
    expect(judgeReading(4000, 5000, 6, 500, { ...none, retypedValue: '4000' })).toMatchObject({
      consumption: -1000,
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
  const save = (positionId: number, outcome: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    d.call('entry.save', { positionId, checkedOn: '2026-11-20', maxConsumption: 500, outcome: outcome as never, ...extra });
  return { ...d, taskId, session, first, save };
}

describe('entering a task', () => {
  it('opens at the first position with the maximum from settings and the commodity unit', () => {
    const d = taskInEntry();
    expect(d.session).toMatchObject({ routeNumber: 5, total: 6, firstOpenSeq: 1, commodity: 'electricity', maxConsumption: 1500 });
    expect(d.first).toMatchObject({ seq: 1, total: 6, previous: { value: 1000, takenOn: '2026-05-10' }, status: 'new', meterDigits: 6 });
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
    expect(d.save(third.positionId, { kind: 'reason', reasonCode: 2 }).next?.seq).toBe(4);
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
        maxConsumption: 500,
        outcome: { kind: 'reason', reasonCode: 99 },
      }).code,
    ).toBe('entry.unknownReason');
  });

  it('refuses dates in the future or before the previous control reading, saving nothing', () => {
    const d = taskInEntry();
    const future = d.refusal('entry.save', {
      positionId: d.first.positionId,
      checkedOn: '2099-01-01',
      maxConsumption: 500,
      outcome: { kind: 'reading', value: '1100' },
    });
    expect(future).toMatchObject({ code: 'entry.dateInFuture', field: 'checkedOn' });
    const early = d.refusal('entry.save', {
      positionId: d.first.positionId,
      checkedOn: '2026-05-09',
      maxConsumption: 500,
      outcome: { kind: 'reading', value: '1100' },
    });
    expect(early.message).toBe('Дата перевірки раніша за попередній контрольний показник (2026-05-10).');
    expect(d.call('entry.position', { taskId: d.taskId, seq: 1 }).status).toBe('new');
    expect(d.db.prepare('SELECT count(*) AS n FROM readings WHERE task_position_id IS NOT NULL').get()).toEqual({ n: 0 });
  });

  it('asks before accepting over the maximum and stores the acceptance with the reading', () => {
    const d = taskInEntry();
    const ask = d.refusal('entry.save', {
      positionId: d.first.positionId,
      checkedOn: '2026-11-20',
      maxConsumption: 500,
      outcome: { kind: 'reading', value: '1501' },
    });
    expect(ask).toMatchObject({ code: 'entry.overMax', details: { kind: 'overMax', consumption: 501, max: 500 } });
    expect(d.call('entry.position', { taskId: d.taskId, seq: 1 }).status).toBe('new');
    d.save(d.first.positionId, { kind: 'reading', value: '1501', confirmOverMax: true });
    expect(d.db.prepare('SELECT over_max_accepted AS flag FROM readings WHERE task_position_id = ?').get(d.first.positionId)).toEqual({
      flag: 1,
    });
    expect(d.call('entry.open', { taskId: d.taskId }).summary.overMaxAccepted).toBe(1);
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
    expect(d.refusal('tasks.delete', { id: d.taskId }).code).toBe('task.hasExecuted');
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
      INSERT INTO metering_points (account_id, house_id, commodity) VALUES (1, 1, 'gas');`);
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
    expect((call('entry.open', { taskId }) as unknown as { maxConsumption: number }).maxConsumption).toBe(500);
    call('entry.save', { positionId: 1, checkedOn: '2026-11-22', maxConsumption: 500, outcome: { kind: 'reading', value: '42' } });
    const other = new Database(file, { readonly: true });
    expect(other.prepare('SELECT value, entered_by AS enteredBy FROM readings').all()).toEqual([{ value: 42, enteredBy: 'майстер' }]);
    other.close();
    db.close();
  });
});
