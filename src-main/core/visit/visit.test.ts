import { describe, expect, it } from 'vitest';
import type { ReadingCheckCode } from '../../../shared/contract/validation';
import type { VisitFindingsInput } from '../../../shared/contract/visit';
import { accountImportFields } from '../../../shared/contract/exchange';
import { accountsFileHeader } from '../../../tests/support/billing-files';
import { testDistrict } from '../../../tests/support/test-district';
import { expectedConsumption } from '../validation/expected';

const today = '2026-11-25';
const taskDate = '2026-11-20';

/**
 * The town's points on a route, each read on the 20th of every month for a year at 3 kWh a day,
 * last on 20 October at 5000 on its six-digit meter S<id>; a walk task of 20 November over them.
 */
function visitDistrict() {
  const d = testDistrict({}, { today });
  const route = d.call('routes.save', { number: 7, name: 'Центр', sectionId: null, executorId: d.controller });
  d.call('routes.assign', { routeId: route.id, selector: { kind: 'settlement', settlementId: d.settlements.town } });
  const insertReading = d.db.prepare("INSERT INTO readings (point_id, taken_on, value, kind) VALUES (?, ?, ?, 'control')");
  const points = d.db.prepare<[number], { id: number }>('SELECT id FROM metering_points WHERE route_id = ? ORDER BY id').all(route.id);
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
  const position = (seq: number, task = taskId) => d.call('entry.position', { taskId: task, seq });
  const request = (
    seq: number,
    value: string | null,
    findings: VisitFindingsInput | null,
    more: { checkedOn?: string; task?: number } = {},
  ) => ({
    positionId: position(seq, more.task).positionId,
    checkedOn: more.checkedOn ?? taskDate,
    maxConsumption: { electricity: 500, gas: 50 },
    outcome:
      value === null ? { kind: 'reason' as const, reasonCode: 2 } : { kind: 'reading' as const, value, accepted: [] as ReadingCheckCode[] },
    findings,
  });
  const enter = (...args: Parameters<typeof request>) => d.call('entry.save', request(...args));
  const refused = (...args: Parameters<typeof request>) => d.refusal('entry.save', request(...args));
  const pointOf = (seq: number) =>
    position(seq).positionId &&
    d.db.prepare<[number], { id: number }>('SELECT point_id AS id FROM task_positions WHERE id = ?').get(position(seq).positionId)!.id;
  const meter = (pointId: number) =>
    d.db
      .prepare<[number], Record<string, unknown>>(
        'SELECT serial, model, digits, placement, condition, seals, installed_on AS installedOn, verification_due AS verificationDue FROM meters WHERE point_id = ?',
      )
      .get(pointId)!;
  const readings = (pointId: number, since = '2026-10-20') =>
    d.db
      .prepare<[number, string], { takenOn: string; value: number; consumption: number | null; positionId: number | null }>(
        `SELECT taken_on AS takenOn, value, consumption, task_position_id AS positionId FROM readings
         WHERE point_id = ? AND kind = 'control' AND taken_on >= ? ORDER BY taken_on, id`,
      )
      .all(pointId, since);
  const history = (pointId: number) =>
    d.db.prepare<[number], Record<string, unknown>>('SELECT * FROM meter_history WHERE point_id = ? ORDER BY id').all(pointId);
  return { ...d, route, taskId, points, position, request, enter, refused, pointOf, meter, readings, history };
}

/** Found on 20 November: meter N-1 (5 digits) put in on 10 November at 12, the old one taken off at 5090. */
const replaced = (more: Partial<NonNullable<VisitFindingsInput['replacement']>> = {}): VisitFindingsInput => ({
  replacement: {
    serial: 'N-1',
    model: 'NIK 2102',
    digits: '5',
    initialValue: '12',
    finalValue: '5090',
    installedOn: '2026-11-10',
    ...more,
  },
});

describe('a meter found replaced, through entry', () => {
  it('closes the old meter with its final reading, installs the new one and judges the reading from its initial one', () => {
    const d = visitDistrict();
    const pointId = d.pointOf(1);
    const oldSerial = d.meter(pointId).serial;
    const { saved } = d.enter(1, '40', replaced());

    // The final reading counts 90 over the 21 days from 20 October (expected 63: within the band, not queued);
    // the initial one starts the new meter's chain with nothing counted; the position's 40 counts 28 from it.
    expect(d.readings(pointId)).toEqual([
      { takenOn: '2026-10-20', value: 5000, consumption: null, positionId: null },
      { takenOn: '2026-11-10', value: 5090, consumption: 90, positionId: null },
      { takenOn: '2026-11-10', value: 12, consumption: null, positionId: null },
      { takenOn: '2026-11-20', value: 40, consumption: 28, positionId: saved.positionId },
    ]);
    expect(d.meter(pointId)).toMatchObject({ serial: 'N-1', model: 'NIK 2102', digits: 5, installedOn: '2026-11-10', verificationDue: '' });
    expect(d.history(pointId)).toEqual([
      expect.objectContaining({
        serial: oldSerial,
        model: 'GAMA 100',
        digits: 6,
        installed_on: null,
        removed_on: '2026-11-10',
        position_id: saved.positionId,
        removed_by: 'admin',
        verification_due: '2030-01-01',
      }),
    ]);
    // Judged against the initial reading: 3 a day over 10 days is 30 expected, shown and kept with the reading.
    expect(saved).toMatchObject({ previous: { value: 12, takenOn: '2026-11-10' }, consumption: 28, value: 40 });
    expect(saved.expected).toEqual({ on: taskDate, consumption: 30, low: 10, high: 90 });
    expect(saved.meter).toMatchObject({ serial: 'N-1', digits: 5 });
    expect(saved.findings?.replacement).toEqual({
      serial: 'N-1',
      model: 'NIK 2102',
      digits: 5,
      initialValue: 12,
      finalValue: 5090,
      installedOn: '2026-11-10',
      verificationDue: null,
      removedSerial: oldSerial,
    });
    expect(d.call('checks.list', { status: 'waiting' }).total).toBe(0);
    // The audit entry of the save keeps the replacement with the reading.
    const audit = d.db
      .prepare<[number], { newValue: string }>(
        "SELECT new_value AS newValue FROM audit_log WHERE entity = 'reading' AND entity_id = ? ORDER BY id DESC LIMIT 1",
      )
      .get(saved.positionId)!;
    expect(JSON.parse(audit.newValue)).toMatchObject({ value: 40, findings: { replacement: { serial: 'N-1', finalValue: 5090 } } });
  });

  it('takes the reading as the new meter’s: its digits bound it, and a reading below its initial one is below the previous', () => {
    const d = visitDistrict();
    // 5 digits: 100000 does not fit the new meter though it would the old one.
    expect(d.refused(1, '100000', replaced())).toMatchObject({ code: 'entry.tooManyDigits' });
    expect(d.refused(1, '11', replaced())).toMatchObject({ code: 'entry.belowPrevious', details: { checks: [{ previous: 12 }] } });
    // Nothing of the replacement stays behind a refused save.
    expect(d.history(d.pointOf(1))).toEqual([]);
    expect(d.meter(d.pointOf(1))).toMatchObject({ digits: 6, installedOn: null });
  });

  it('judges the next visit’s reading from the new meter’s chain, and expected use never spans the change', () => {
    const d = visitDistrict();
    const pointId = d.pointOf(1);
    // Another meter showing more than the old one: a chain run across the change would count 8000 − 5000.
    d.enter(1, '8030', replaced({ initialValue: '8000' }));
    const history = expectedConsumption(d.db).history.of([pointId], '2026-11-24').get(pointId)!;
    // 12 monthly intervals, the old meter's last (90 in 21 days) and the new meter's first (30 in 10): all near 3 a day.
    expect(history).toMatchObject({ readings: 15, rates: 14, outliers: 0, lastOn: '2026-11-20' });
    expect(history.baseRate).toBeCloseTo(3, 5);

    const { taskId } = d.call('tasks.form', { routeId: d.route.id, taskDate: '2026-11-24', criteria: {} });
    const next = d.call('entry.position', { taskId, seq: 1 });
    expect(next).toMatchObject({ previous: { value: 8030, takenOn: '2026-11-20' }, meter: { serial: 'N-1', digits: 5 } });
    expect(next.expected).toEqual({ on: '2026-11-24', consumption: 12, low: 4, high: 36 });
    const { saved } = d.enter(1, '8042', null, { checkedOn: '2026-11-24', task: taskId });
    expect(saved.consumption).toBe(12);

    // The chart counts each meter's own: November holds the old meter's last 10 days and the new one's 14, no jump.
    const chart = d.call('validation.pointConsumption', { pointId, asOf: '2026-11-24' });
    const november = chart.months.find((m) => m.month === '2026-11')!;
    expect(november.consumption).toBeCloseTo(90 * (9 / 21) + 30 + 12, 3);
    expect(chart.readings.filter((r) => r.takenOn === '2026-11-10')).toEqual([
      expect.objectContaining({ value: 5090, consumption: 90, meterStart: false }),
      expect.objectContaining({ value: 8000, consumption: null, meterStart: true, stepDown: false }),
    ]);
  });

  it('gives billing the new meter’s reading and consumption with the removed meter’s final reading', () => {
    const d = visitDistrict();
    const pointId = d.pointOf(1);
    const oldSerial = d.meter(pointId).serial;
    d.enter(1, '40', replaced());
    const [row] = d.core.services.exchange
      .readings({ routeId: null, taskId: d.taskId, dateFrom: '2026-11-01', dateTo: '2026-11-30' })
      .filter((r) => r.pointId === pointId);
    expect(row).toMatchObject({
      meterSerial: 'N-1',
      value: 40,
      consumption: 28,
      removedSerial: oldSerial,
      replacedOn: '2026-11-10',
      finalValue: 5090,
      finalConsumption: 90,
      initialValue: 12,
      queued: false,
    });
    // A position without a replacement carries none.
    d.enter(2, '5093', null);
    const other = d.core.services.exchange
      .readings({ routeId: null, taskId: d.taskId, dateFrom: '2026-11-01', dateTo: '2026-11-30' })
      .find((r) => r.seq === 2)!;
    expect(other).toMatchObject({ removedSerial: null, finalValue: null, initialValue: null, consumption: 93 });
  });

  it('queues a final reading that fails a check without asking, and holds the position back from billing with it', () => {
    const d = visitDistrict();
    // 5000 again after 21 days: nothing used where 63 was expected — too low, for a master to look at.
    const { summary } = d.enter(1, '40', replaced({ finalValue: '5000' }));
    const waiting = d.call('checks.list', { status: 'waiting' });
    expect(waiting.rows).toEqual([
      expect.objectContaining({ value: 5000, takenOn: '2026-11-10', checks: [expect.objectContaining({ code: 'tooLow' })] }),
    ]);
    expect(summary.queued).toBe(1);
    const month = { routeId: null, taskId: d.taskId, dateFrom: '2026-11-01', dateTo: '2026-11-30' };
    expect(d.core.services.exchange.readings(month)).toEqual([]);
    expect(d.core.services.exchange.skippedQueued(month)).toBe(1);
    // A master corrects it on the old meter's six digits, though the new one has five.
    d.call('checks.decide', { id: waiting.rows[0]!.id, decision: 'corrected', value: '105063', note: '' });
    expect(d.readings(d.pointOf(1)).map((r) => [r.value, r.consumption])).toEqual([
      [5000, null],
      [105_063, 100_063],
      [12, null],
      [40, 28],
    ]);
  });
});

describe('the billing system’s accounts file after a replacement', () => {
  it('does not bring back the removed meter while the file still names it, and takes another meter it names', () => {
    const d = visitDistrict();
    const pointId = d.pointOf(1);
    const oldSerial = d.meter(pointId).serial as string;
    d.enter(1, '40', replaced());
    const account = d.db
      .prepare<[number], { number: string }>('SELECT a.number FROM accounts a JOIN metering_points p ON p.account_id = a.id WHERE p.id = ?')
      .get(pointId)!.number;
    const row = (serial: string, digits: string) => [
      account,
      'Бойко Ганна Петрівна',
      '',
      'Коростишів',
      'місто',
      'Шевченка',
      'вул.',
      '2',
      '',
      'електроенергія',
      serial,
      'GAMA 100',
      digits,
      '01.01.2030',
    ];
    const mapping = Object.fromEntries(accountImportFields.map((field, index) => [field, index]));
    d.importFile('accounts', { header: accountsFileHeader, rows: [row(oldSerial, '6')], mapping });
    expect(d.meter(pointId)).toMatchObject({ serial: 'N-1', digits: 5 });
    d.importFile('accounts', { header: accountsFileHeader, rows: [row('B-9', '6')], mapping });
    expect(d.meter(pointId)).toMatchObject({ serial: 'B-9', digits: 6 });
  });
});

describe('a replacement refused at its edge, with nothing written', () => {
  const refusedWith = (more: Partial<NonNullable<VisitFindingsInput['replacement']>>, checkedOn = taskDate) => {
    const d = visitDistrict();
    const answer = d.refused(1, '40', replaced(more), { checkedOn });
    expect(d.history(d.pointOf(1))).toEqual([]);
    expect(d.readings(d.pointOf(1))).toHaveLength(1);
    return answer;
  };
  const accepted = (more: Partial<NonNullable<VisitFindingsInput['replacement']>>, value = '40') => {
    const d = visitDistrict();
    d.enter(1, value, replaced(more));
    return d.meter(d.pointOf(1));
  };

  it('needs the new serial, another than the card’s', () => {
    expect(refusedWith({ serial: '  ' })).toMatchObject({ code: 'visit.serialRequired', field: 'replacement.serial' });
    const d = visitDistrict();
    const serial = d.meter(d.pointOf(1)).serial as string;
    expect(d.refused(1, '40', replaced({ serial }))).toMatchObject({
      code: 'visit.sameSerial',
      message: expect.stringContaining(serial) as unknown,
    });
  });

  it('takes 3 to 9 digits', () => {
    for (const digits of ['2', '10', '', 'п’ять']) expect(refusedWith({ digits })).toMatchObject({ code: 'visit.digits' });
    expect(accepted({ digits: '3', initialValue: '12' }, '40')).toMatchObject({ digits: 3 });
    expect(accepted({ digits: '9' })).toMatchObject({ digits: 9 });
  });

  it('needs an initial reading that fits the new meter and a final one that fits the old', () => {
    expect(refusedWith({ initialValue: '100000' })).toMatchObject({
      code: 'visit.initialValue',
      message: 'Початковий показник нового лічильника — ціле число, що вміщується в 5 розр.',
    });
    expect(refusedWith({ initialValue: '-1' })).toMatchObject({ code: 'visit.initialValue' });
    expect(accepted({ initialValue: '99960' }, '99990')).toMatchObject({ serial: 'N-1' });
    expect(refusedWith({ finalValue: '1000000' })).toMatchObject({ code: 'visit.finalValue', field: 'replacement.finalValue' });
  });

  it('refuses a final reading below the old meter’s previous one, and takes one equal to it', () => {
    expect(refusedWith({ finalValue: '4999' })).toMatchObject({
      code: 'visit.finalBelowPrevious',
      message: 'Кінцевий показник знятого лічильника 4999 менший за його попередній контрольний (5000) — перевірте обидва.',
    });
    expect(accepted({ finalValue: '5000' })).toMatchObject({ serial: 'N-1' });
  });

  it('dates the change between the old meter’s last reading and the check date, both days included', () => {
    expect(refusedWith({ installedOn: '2026-11-21' })).toMatchObject({ code: 'visit.installedAfterCheck' });
    // Put in on the check date: the reading counts one day from the initial one.
    expect(accepted({ installedOn: taskDate }, '15')).toMatchObject({ installedOn: taskDate });
    expect(accepted({ installedOn: null }, '15')).toMatchObject({ installedOn: taskDate });
    expect(refusedWith({ installedOn: '2026-10-19' })).toMatchObject({
      code: 'visit.installedBeforeReading',
      message: expect.stringContaining('20.10.2026') as unknown,
    });
    expect(accepted({ installedOn: '2026-10-20', finalValue: '5000' }, '105')).toMatchObject({ installedOn: '2026-10-20' });
  });

  it('keeps the new meter’s verification no earlier than its installation', () => {
    expect(refusedWith({ verificationDue: '2026-11-09' })).toMatchObject({ code: 'visit.verificationBeforeInstall' });
    expect(accepted({ verificationDue: '2026-11-10' })).toMatchObject({ verificationDue: '2026-11-10' });
  });

  it('has no meter to replace on a point whose card has none', () => {
    const d = visitDistrict();
    d.db.prepare('DELETE FROM meters WHERE point_id = ?').run(d.pointOf(1));
    expect(d.refused(1, null, replaced())).toMatchObject({ code: 'visit.noMeter' });
    expect(d.refused(1, null, { condition: 'ok' })).toMatchObject({ code: 'visit.noMeter' });
  });
});

describe('a position with a replacement entered again', () => {
  it('keeps the same replacement while the reading is corrected', () => {
    const d = visitDistrict();
    const pointId = d.pointOf(1);
    d.enter(1, '40', replaced());
    const [change] = d.history(pointId);
    const { saved } = d.enter(1, '41', replaced());
    expect(d.history(pointId)).toEqual([change]);
    expect(saved).toMatchObject({ value: 41, consumption: 29 });
    expect(d.readings(pointId).map((r) => r.value)).toEqual([5000, 5090, 12, 41]);
  });

  it('refuses to move the check date before the replacement it keeps', () => {
    const d = visitDistrict();
    d.enter(1, '14', replaced({ installedOn: '2026-11-22' }), { checkedOn: '2026-11-23' });
    expect(d.refused(1, '14', replaced({ installedOn: '2026-11-22' }), { checkedOn: '2026-11-21' })).toMatchObject({
      code: 'visit.installedAfterCheck',
    });
    expect(d.enter(1, '14', replaced({ installedOn: '2026-11-22' }), { checkedOn: '2026-11-22' }).saved.checkedOn).toBe('2026-11-22');
  });

  it('takes the replacement back when entered without it, or with another', () => {
    const d = visitDistrict();
    const pointId = d.pointOf(1);
    const card = d.meter(pointId);
    d.enter(1, '40', { ...replaced(), condition: 'ok' });
    d.enter(1, '5093', null);
    expect(d.meter(pointId)).toEqual(card);
    expect(d.history(pointId)).toEqual([]);
    expect(d.readings(pointId).map((r) => [r.value, r.consumption])).toEqual([
      [5000, null],
      [5093, 93],
    ]);
    d.enter(1, '40', replaced({ serial: 'N-2', finalValue: '5091' }));
    expect(d.history(pointId)).toHaveLength(1);
    expect(d.meter(pointId)).toMatchObject({ serial: 'N-2' });
    expect(d.readings(pointId).map((r) => r.value)).toEqual([5000, 5091, 12, 40]);
  });

  it('refuses to take it back once the new meter has a reading of another visit', () => {
    const d = visitDistrict();
    d.enter(1, '40', replaced());
    const { taskId } = d.call('tasks.form', { routeId: d.route.id, taskDate: '2026-11-24', criteria: {} });
    d.enter(1, '52', null, { checkedOn: '2026-11-24', task: taskId });
    expect(d.refused(1, '40', replaced({ serial: 'N-2' }))).toMatchObject({
      code: 'visit.replacementSettled',
      message: expect.stringContaining('24.11.2026') as unknown,
    });
    // The same replacement with the reading corrected is still taken.
    expect(d.enter(1, '41', replaced()).saved.value).toBe(41);
  });
});

describe('placement, condition and seals found on a visit', () => {
  it('go to the card where they differ, with what it said before, and a doubtful condition queues the reading', () => {
    const d = visitDistrict();
    const pointId = d.pointOf(1);
    const { saved } = d.enter(1, '5093', { placement: 'stairwell', condition: 'sealBroken', seals: ' 123 456;789 ' });
    expect(d.meter(pointId)).toMatchObject({ placement: 'сходова клітка', condition: 'пломба порушена', seals: '123, 456, 789' });
    expect(saved.findings).toEqual({
      placement: 'stairwell',
      condition: 'sealBroken',
      seals: '123, 456, 789',
      serial: null,
      model: null,
      replacement: null,
    });
    // The reading passed its band; the broken seal alone sends it to Контроль показників, unasked.
    expect(d.call('checks.list', { status: 'waiting' }).rows).toEqual([
      expect.objectContaining({ value: 5093, checks: [{ code: 'meterCondition', condition: 'sealBroken' }] }),
    ]);
    const card = d.call('accounts.card', { accountId: d.accountOf(pointId) }).points[0]!;
    expect(card.meter).toMatchObject({ placement: 'сходова клітка', condition: 'пломба порушена', seals: '123, 456, 789' });
    expect(card.findings).toEqual([
      expect.objectContaining({
        foundOn: taskDate,
        placement: 'stairwell',
        condition: 'sealBroken',
        replaced: false,
        before: { placement: '', condition: '', seals: '', serial: `S${pointId}`, model: 'GAMA 100' },
        enteredBy: 'admin',
        seq: 1,
      }),
    ]);
  });

  it('queues a reading off a meter not working or with broken glass, not off a damaged or sound one', () => {
    const d = visitDistrict();
    d.enter(1, '5093', { condition: 'notWorking' });
    d.enter(2, '5093', { condition: 'glassBroken' });
    d.enter(3, '5093', { condition: 'damaged' });
    d.enter(4, '5093', { condition: 'ok' });
    expect(d.call('checks.list', { status: 'waiting' }).rows.map((r) => r.checks)).toEqual([
      [{ code: 'meterCondition', condition: 'notWorking' }],
      [{ code: 'meterCondition', condition: 'glassBroken' }],
    ]);
    // Without a reading there is nothing to doubt; the card still learns the state.
    d.enter(5, null, { condition: 'notWorking' });
    expect(d.call('checks.list', { status: 'waiting' }).total).toBe(2);
    expect(d.meter(d.pointOf(5))).toMatchObject({ condition: 'не працює' });
  });

  it('keeps each visit in the card’s history, and a re-entry takes back only what no later visit stated again', () => {
    const d = visitDistrict();
    const pointId = d.pointOf(1);
    d.enter(1, '5093', { placement: 'basement', condition: 'damaged', serial: 'S-REAL' });
    const { taskId } = d.call('tasks.form', { routeId: d.route.id, taskDate: '2026-11-24', criteria: {} });
    d.enter(1, '5105', { condition: 'ok' }, { checkedOn: '2026-11-24', task: taskId });
    expect(d.meter(pointId)).toMatchObject({ placement: 'підвал', condition: 'справний', serial: 'S-REAL' });
    const card = d.call('accounts.card', { accountId: d.accountOf(pointId) }).points[0]!;
    expect(card.findings.map((f) => [f.foundOn, f.condition, f.before.condition])).toEqual([
      ['2026-11-24', 'ok', 'пошкоджений'],
      [taskDate, 'damaged', ''],
    ]);
    // The first visit entered again with nothing found: its placement and serial go back, the later visit's state stays.
    d.enter(1, '5093', null);
    expect(d.meter(pointId)).toMatchObject({ placement: '', condition: 'справний', serial: `S${pointId}` });
    expect(d.call('accounts.card', { accountId: d.accountOf(pointId) }).points[0]!.findings).toHaveLength(1);
  });

  it('lists the removed meters on the card with their final readings', () => {
    const d = visitDistrict();
    const pointId = d.pointOf(1);
    d.enter(1, '40', { ...replaced(), placement: 'facade', seals: 'A-77' });
    const card = d.call('accounts.card', { accountId: d.accountOf(pointId) }).points[0]!;
    expect(card.meter).toMatchObject({ serial: 'N-1', placement: 'фасад', seals: 'A-77', condition: '', installedOn: '2026-11-10' });
    expect(card.removedMeters).toEqual([
      expect.objectContaining({
        serial: `S${pointId}`,
        digits: 6,
        removedOn: '2026-11-10',
        finalValue: 5090,
        finalConsumption: 90,
        nextInitialValue: 12,
        placement: '',
        removedBy: 'admin',
      }),
    ]);
    expect(card.findings).toEqual([expect.objectContaining({ replaced: true, serial: null, placement: 'facade', seals: 'A-77' })]);
  });

  it('refuses a serial as found together with a replacement', () => {
    const d = visitDistrict();
    expect(d.refused(1, '40', { ...replaced(), serial: 'X' })).toMatchObject({ code: 'visit.serialWithReplacement' });
  });
});
