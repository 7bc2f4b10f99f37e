import { describe, expect, it } from 'vitest';
import type { ReadingCheckCode } from '../../../shared/contract/validation';
import { testDistrict } from '../../../tests/support/test-district';
import { expectedConsumption } from './expected';

const today = '2026-11-25';
const taskDate = '2026-11-20';

/**
 * A route over the town with the controller; every point read on the 20th of each month for a
 * year, 3 kWh a day (electricity is flat), last on 20 October at 5000 — so from then to 20
 * November (31 days) the point is expected to use 93 kWh: too high above 279, too low below 31.
 */
function queueDistrict() {
  const d = testDistrict({}, { today });
  const route = d.call('routes.save', { number: 7, name: 'Центр', sectionId: null, executorId: d.controller });
  d.call('routes.assign', { routeId: route.id, selector: { kind: 'settlement', settlementId: d.settlements.town } });
  const points = d.db.prepare<[number], { id: number }>('SELECT id FROM metering_points WHERE route_id = ? ORDER BY id').all(route.id);
  const insertReading = d.db.prepare("INSERT INTO readings (point_id, taken_on, value, kind) VALUES (?, ?, ?, 'control')");
  for (const { id } of points) {
    let on = '2025-10-20';
    let value = 5000 - 365 * 3;
    while (on <= '2026-10-20') {
      insertReading.run(id, on, value);
      const next = new Date(`${on}T00:00:00Z`);
      next.setUTCMonth(next.getUTCMonth() + 1);
      const following = next.toISOString().slice(0, 10);
      value += ((Date.parse(following) - Date.parse(on)) / 86_400_000) * 3;
      on = following;
    }
  }
  const { taskId } = d.call('tasks.form', { routeId: route.id, taskDate, criteria: {} });
  const position = (seq: number) => d.call('entry.position', { taskId, seq });
  const enter = (seq: number, value: string, accepted: ReadingCheckCode[] = [], checkedOn = taskDate) =>
    d.call('entry.save', {
      positionId: position(seq).positionId,
      checkedOn,
      maxConsumption: { electricity: 500, gas: 50 },
      outcome: { kind: 'reading', value, accepted },
    });
  const waiting = () => d.call('checks.list', { status: 'waiting' });
  const readingOf = (positionId: number) =>
    d.db
      .prepare<[number], { id: number; value: number; consumption: number; estimated: number }>(
        'SELECT id, value, consumption, estimated FROM readings WHERE task_position_id = ?',
      )
      .get(positionId)!;
  return { ...d, route, taskId, points, position, enter, waiting, readingOf };
}

/** A spike on position 1 and a zero over 61 days on position 2, both accepted: two items wait. */
function spikeAndZero() {
  const d = queueDistrict();
  // The second point's last reading removed: its previous is of 20 September, and it is read at that value.
  d.db
    .prepare("DELETE FROM readings WHERE point_id = (SELECT point_id FROM task_positions WHERE id = ?) AND taken_on = '2026-10-20'")
    .run(d.position(2).positionId);
  d.enter(1, '5600', ['tooHigh']);
  d.enter(2, String(d.position(2).previous!.value), ['zero']);
  const [spike, zero] = d.waiting().rows;
  return { ...d, spike: spike!, zero: zero! };
}

describe('entry judged by the point own history', () => {
  it('shows the expected consumption and its band beside the value', () => {
    const d = queueDistrict();
    expect(d.position(1).expected).toEqual({ on: taskDate, consumption: 93, low: 31, high: 279 });
  });

  it('asks about a spike and says why, passes the band edge, and queues what was accepted', () => {
    const d = queueDistrict();
    const positionId = d.position(1).positionId;
    const request = { positionId, checkedOn: taskDate, maxConsumption: { electricity: 500, gas: 50 } };
    expect(d.refusal('entry.save', { ...request, outcome: { kind: 'reading', value: '5600' } })).toMatchObject({
      code: 'entry.check',
      details: { checks: [{ code: 'tooHigh', consumption: 600, expected: 93, ratio: 6.5, factor: 3 }], expected: 93, days: 31 },
    });
    // Exactly 3 × 93 passes unasked and is not queued.
    d.enter(1, '5279');
    expect(d.waiting().total).toBe(0);
    d.enter(1, '5280', ['tooHigh']);
    expect(d.waiting()).toMatchObject({
      total: 1,
      waiting: 1,
      rows: [{ value: 5280, consumption: 280, expected: 93, checks: [{ code: 'tooHigh' }], enteredBy: 'admin', taskId: d.taskId }],
    });
    expect(d.call('entry.open', { taskId: d.taskId }).summary.queued).toBe(1);
  });

  it('asks about a zero over more than the zero days, and over exactly that many judges it too low', () => {
    const d = queueDistrict();
    const positionId = d.position(1).positionId;
    const previous = d.position(1).previous!;
    const moveLast = (to: string) =>
      d.db
        .prepare('UPDATE readings SET taken_on = ? WHERE point_id = (SELECT point_id FROM task_positions WHERE id = ?) AND value = ?')
        .run(to, positionId, previous.value);
    const asked = () =>
      d.refusal('entry.save', {
        positionId,
        checkedOn: taskDate,
        maxConsumption: { electricity: 500, gas: 50 },
        outcome: { kind: 'reading', value: String(previous.value) },
      }).details as { checks: { code: string }[] };
    moveLast('2026-09-20');
    expect(asked()).toMatchObject({ checks: [{ code: 'zero', days: 61, zeroDays: 60 }] });
    moveLast('2026-09-21');
    expect(asked().checks.map((c) => c.code)).toEqual(['tooLow']);
  });
});

describe('the correction queue', () => {
  it('lists each waiting reading with what it failed, and filters by the check', () => {
    const d = spikeAndZero();
    expect(d.spike.checks.map((c) => c.code)).toEqual(['tooHigh']);
    expect(d.zero.checks).toEqual([{ code: 'zero', days: 61, zeroDays: 60 }]);
    expect(d.call('checks.list', { status: 'waiting', check: 'zero' }).rows.map((r) => r.id)).toEqual([d.zero.id]);
    expect(d.call('checks.list', { status: 'decided' }).total).toBe(0);
  });

  it('confirms with who and when; a decided item leaves the waiting list and is not decided twice', () => {
    const d = spikeAndZero();
    const decided = d.call('checks.decide', { id: d.spike.id, decision: 'confirmed', note: 'бойлер' });
    expect(decided).toMatchObject({ decision: 'confirmed', decidedBy: 'admin', note: 'бойлер' });
    expect(decided.decidedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(d.waiting().rows.map((r) => r.id)).toEqual([d.zero.id]);
    expect(d.refusal('checks.decide', { id: d.spike.id, decision: 'estimated' }).code).toBe('checks.alreadyDecided');
    const audit = d.db.prepare("SELECT old_value AS before, new_value AS after FROM audit_log WHERE channel = 'checks.decide'").all();
    expect(audit).toHaveLength(1);
  });

  it('corrects the value: consumption counted again, the next reading restated, the old value kept', () => {
    const d = spikeAndZero();
    const positionId = d.position(1).positionId;
    const pointId = d.db.prepare<[number], { p: number }>('SELECT point_id AS p FROM task_positions WHERE id = ?').get(positionId)!.p;
    d.db
      .prepare("INSERT INTO readings (point_id, taken_on, value, kind, consumption) VALUES (?, '2026-11-24', 5612, 'control', 12)")
      .run(pointId);
    expect(d.refusal('checks.decide', { id: d.spike.id, decision: 'corrected', value: '4999' }).code).toBe(
      'checks.correctionBelowPrevious',
    );
    expect(d.readingOf(positionId).value).toBe(5600);
    const corrected = d.call('checks.decide', { id: d.spike.id, decision: 'corrected', value: '5096' });
    expect(corrected).toMatchObject({ decision: 'corrected', value: 5600, currentValue: 5096, correctedValue: 5096 });
    expect(d.readingOf(positionId)).toMatchObject({ value: 5096, consumption: 96 });
    expect(d.db.prepare("SELECT consumption FROM readings WHERE point_id = ? AND taken_on = '2026-11-24'").get(pointId)).toEqual({
      consumption: 516,
    });
    expect(d.call('entry.history', { positionId })).toMatchObject([{ value: 5600, replacedBy: 'admin' }]);
  });

  it('orders a re-read into the next task of the route, not one dated before today', () => {
    const d = spikeAndZero();
    const pointId = d.spike.pointId;
    // Yesterday's task holds the point unread; today's does not hold it at all.
    d.call('tasks.form', { routeId: d.route.id, taskDate: '2026-11-24', criteria: {}, allowDuplicate: true });
    const next = d.call('tasks.form', { routeId: d.route.id, taskDate: '2026-11-25', criteria: {}, allowDuplicate: true }).taskId;
    d.db.prepare('DELETE FROM task_positions WHERE task_id = ? AND point_id = ?').run(next, pointId);
    const before = d.db.prepare<[number], { n: number }>('SELECT max(seq) AS n FROM task_positions WHERE task_id = ?').get(next)!.n;
    const decided = d.call('checks.decide', { id: d.spike.id, decision: 'reread' });
    expect(decided.reread).toEqual({ taskId: next, taskDate: '2026-11-25', seq: before + 1 });
    expect(d.call('entry.position', { taskId: next, seq: before + 1 })).toMatchObject({
      reread: true,
      status: 'new',
      accountId: d.spike.accountId,
    });
    // The zero's point is in today's task already: that position is the re-read, no second one.
    const zeroPosition = d.db
      .prepare<[number, number], { seq: number }>('SELECT seq FROM task_positions WHERE task_id = ? AND point_id = ?')
      .get(next, d.zero.pointId)!;
    expect(d.call('checks.decide', { id: d.zero.id, decision: 'reread' }).reread).toEqual({
      taskId: next,
      taskDate: '2026-11-25',
      seq: zeroPosition.seq,
    });
  });

  it('keeps a re-read waiting while the route has no task to come, and the next task formed takes it in whatever its criteria', () => {
    const d = spikeAndZero();
    expect(d.call('checks.decide', { id: d.zero.id, decision: 'reread', note: 'повторний контроль' }).reread).toBeNull();
    // A task whose criterion picks nobody still carries the re-read.
    const formed = d.call('tasks.form', {
      routeId: d.route.id,
      taskDate: '2026-11-26',
      criteria: { complaint: true },
      allowDuplicate: true,
    });
    expect(formed.positions).toBe(1);
    const item = d.call('checks.list', { status: 'decided' }).rows.find((r) => r.id === d.zero.id)!;
    expect(item.reread).toEqual({ taskId: formed.taskId, taskDate: '2026-11-26', seq: 1 });
    expect(d.call('entry.position', { taskId: formed.taskId, seq: 1 })).toMatchObject({ reread: true, accountId: d.zero.accountId });
    const sheet = d.call('tasks.sheet', { taskId: formed.taskId, includeBills: false, includeWarnings: false }).html;
    expect(sheet).toContain('<b>повторний контроль</b>');
    // The task deleted unentered: the re-read waits again for the next one.
    d.call('tasks.delete', { id: formed.taskId });
    expect(d.call('checks.list', { status: 'decided' }).rows.find((r) => r.id === d.zero.id)!.reread).toBeNull();
  });

  it('marks a reading estimated for billing, and expected consumption leaves it out', () => {
    const d = spikeAndZero();
    const positionId = d.position(1).positionId;
    const pointId = d.db.prepare<[number], { p: number }>('SELECT point_id AS p FROM task_positions WHERE id = ?').get(positionId)!.p;
    const history = () => expectedConsumption(d.db).history.of([pointId], '2026-12-31').get(pointId)!.readings;
    const counted = history();
    d.call('checks.decide', { id: d.spike.id, decision: 'estimated' });
    expect(d.readingOf(positionId).estimated).toBe(1);
    expect(history()).toBe(counted - 1);
  });

  it('settles a waiting item when the operator enters the position again, in the operator name', () => {
    const d = spikeAndZero();
    d.enter(1, '5090');
    expect(d.waiting().rows.map((r) => r.id)).toEqual([d.zero.id]);
    expect(d.call('checks.list', { status: 'decided' }).rows).toMatchObject([
      { id: d.spike.id, decision: 'superseded', decidedBy: 'admin', readingId: null, value: 5600 },
    ]);
  });

  it('reports the period items by check and decision: waiting, decided, and none outside the period', () => {
    const d = spikeAndZero();
    d.call('checks.decide', { id: d.spike.id, decision: 'confirmed' });
    const report = (status: 'all' | 'waiting' | 'decided', dateFrom = taskDate, dateTo = taskDate) =>
      d.call('registers.table', { kind: 'suspicious', dateFrom, dateTo, status });
    const all = report('all');
    expect(all.rows.map((r) => [r.account, r.checks, r.decision, r.decidedBy])).toEqual([
      [d.spike.accountNumber, 'завелике', 'підтверджено', 'admin'],
      [d.zero.accountNumber, 'нульове', '', ''],
    ]);
    expect(all.totals).toEqual([
      { label: 'Показників', count: 2 },
      { label: 'Чекають рішення', count: 1 },
    ]);
    expect(report('waiting').rows.map((r) => r.account)).toEqual([d.zero.accountNumber]);
    expect(report('decided').rows.map((r) => r.account)).toEqual([d.spike.accountNumber]);
    // The day before and the day after the readings' date hold none of them.
    expect(report('all', '2026-11-19', '2026-11-19').rows).toEqual([]);
    expect(report('all', '2026-11-21', '2026-11-21').rows).toEqual([]);
  });
});
