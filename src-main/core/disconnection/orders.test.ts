import { describe, expect, it } from 'vitest';
import { testDistrict } from '../../../tests/support/test-district';
import { shiftDays } from './warning-rules';

const today = '2026-12-04'; // a Friday
const noAccess = 1; // «Немає доступу до лічильника», non_admittance = 1

/** The test district with one route over every point, and warnings, visits and bills written by hand. */
function district() {
  const d = testDistrict({}, { today });
  const route = d.call('routes.save', { number: 7, name: 'Усе', sectionId: d.section, executorId: d.controller });
  for (const settlementId of [d.settlements.town, d.settlements.village]) {
    d.call('routes.assign', { routeId: route.id, selector: { kind: 'settlement', settlementId } });
  }
  const sql = (statement: string, ...values: unknown[]) => Number(d.db.prepare(statement).run(...values).lastInsertRowid);
  const value = <T>(statement: string, ...values: unknown[]) => d.db.prepare<unknown[], T>(statement).get(...values)!;
  /** An issued warning whose earliest cut-off date is the one given. */
  const issued = (pointId: number, kind: 'non_payment' | 'non_admittance', cutoffOn: string) =>
    sql(
      `INSERT INTO disconnection_warnings (point_id, kind, status, as_of, debt_kop, debt_periods, refused_visits, issued_how,
         issued_on, received_on, earliest_cutoff_on)
       VALUES (?, ?, 'issued', '2026-11-01', 60000, '[]', '[]', 'in_hand', '2026-11-05', '2026-11-05', ?)`,
      pointId,
      kind,
      cutoffOn,
    );
  /** An old bill the minimum (500,00 грн) is owed on, or the amount given. */
  const owes = (pointId: number, amountKop = 60000) => d.bill(pointId, '2026-08', amountKop, '2026-09-05');
  let taskNo = 0;
  /** A refused visit in a walk task of its own. */
  const refusedVisit = (pointId: number, on: string) => {
    const taskId = sql(
      "INSERT INTO walk_tasks (route_id, task_date, criteria, sort_order, route_number, route_name) VALUES (?, ?, '{}', 'address', 7, ?)",
      route.id,
      on,
      `Усе ${++taskNo}`,
    );
    sql(
      `INSERT INTO task_positions (task_id, seq, point_id, account_id, account_number, full_name, address, status, reason_code)
       VALUES (?, 1, ?, ?, '1', 'Бойко', 'адреса', 'not_executed', ?)`,
      taskId,
      pointId,
      d.accountOf(pointId),
      noAccess,
    );
  };
  const form = (input: Partial<Parameters<typeof d.call<'orders.form'>>[1]> = {}) =>
    d.call('orders.form', { routeId: route.id, orderDate: today, criterion: 'warnings', ...input });
  const order = (id: number | null) => d.call('orders.get', { id: id! });
  const pointsOf = (id: number | null) => order(id).positionsList.map((p) => p.pointId);
  const pointStatus = (pointId: number) => value<{ status: string }>('SELECT status FROM metering_points WHERE id = ?', pointId).status;
  const warningStatus = (id: number) => value<{ status: string }>('SELECT status FROM disconnection_warnings WHERE id = ?', id).status;
  const cutOff = (positionId: number, doneAt = `${today}T10:30`) =>
    d.call('orders.recordDone', { positionId, doneAt, executorId: d.controller, sealNumber: 'П-1', reading: 4000 });
  const p = d.points.sh2[0]!;
  const q = d.points.sa1[0]!;
  const v = d.points.po5[0]!; // in the village
  return { ...d, route, sql, value, issued, owes, refusedVisit, form, order, pointsOf, pointStatus, warningStatus, cutOff, p, q, v };
}

describe('forming a disconnection order from issued warnings', () => {
  it('takes a warning whose earliest cut-off is the order date or earlier, not the day after', () => {
    const d = district();
    for (const point of [d.p, d.q, d.v]) d.owes(point);
    d.issued(d.p, 'non_payment', shiftDays(today, -1));
    d.issued(d.q, 'non_payment', today);
    d.issued(d.v, 'non_payment', shiftDays(today, 1));
    const formed = d.form();
    expect(formed).toMatchObject({ name: '7, Усе', positions: 2, skippedMoratorium: 0 });
    expect(d.pointsOf(formed.orderId).sort()).toEqual([d.p, d.q].sort());
  });

  it('lists the positions in address order, with the debt as of the date and the warning they follow', () => {
    const d = district();
    for (const point of [d.p, d.q, d.v]) {
      d.owes(point);
      d.issued(point, 'non_payment', today);
    }
    const positions = d.order(d.form().orderId).positionsList;
    // Вільшанка before Коростишів; in the town Садова before Шевченка.
    expect(positions.map((p) => p.pointId)).toEqual([d.v, d.q, d.p]);
    expect(positions.map((p) => p.seq)).toEqual([1, 2, 3]);
    expect(positions[0]).toMatchObject({ basis: 'non_payment', debtKop: 60000, debtNowKop: 60000, outcome: null });
    expect(positions[0]!.address).toContain('Польова');
  });

  it('leaves out a warning only formed, a point whose debt fell below the minimum, and a non-admittance warning not yet due', () => {
    const d = district();
    d.owes(d.p);
    d.sql(
      `INSERT INTO disconnection_warnings (point_id, kind, status, as_of, debt_kop, debt_periods) VALUES (?, 'non_payment', 'formed', '2026-11-01', 60000, '[]')`,
      d.p,
    );
    d.owes(d.q, 49999);
    d.issued(d.q, 'non_payment', today);
    d.issued(d.v, 'non_admittance', shiftDays(today, 1));
    expect(d.refusal('orders.form', { routeId: d.route.id, orderDate: today, criterion: 'warnings' }).code).toBe('order.nothingSelected');
    expect(d.value<{ n: number }>('SELECT count(*) AS n FROM disconnection_orders').n).toBe(0);
  });

  it('follows a point’s due non-admittance warning when its non-payment one was paid below the minimum', () => {
    const d = district();
    d.owes(d.p, 49999);
    d.issued(d.p, 'non_payment', today);
    const nonAdmittance = d.issued(d.p, 'non_admittance', today);
    expect(d.order(d.form().orderId).positionsList).toMatchObject([{ pointId: d.p, basis: 'non_admittance', warningId: nonAdmittance }]);
  });

  it('says why nothing was ordered: every point picked lies under a moratorium', () => {
    const d = district();
    d.owes(d.v);
    d.issued(d.v, 'non_payment', today);
    d.call('moratoria.save', { settlementId: d.settlements.village, fromOn: today, toOn: null, note: '' });
    const refusal = d.refusal('orders.form', { routeId: d.route.id, orderDate: today, criterion: 'warnings' });
    expect(refusal.code).toBe('order.nothingSelected');
    expect(refusal.message).toContain('пропущено через мораторій: 1');
  });

  it('takes a due non-admittance warning without asking for a debt', () => {
    const d = district();
    d.issued(d.v, 'non_admittance', today);
    expect(d.order(d.form().orderId).positionsList).toMatchObject([{ pointId: d.v, basis: 'non_admittance', debtKop: null }]);
  });

  it('does not put a point into a second order while the first is «Новий», nor a disconnected one', () => {
    const d = district();
    d.owes(d.p);
    d.issued(d.p, 'non_payment', today);
    d.owes(d.q);
    d.issued(d.q, 'non_payment', today);
    d.form();
    expect(d.refusal('orders.form', { routeId: d.route.id, orderDate: today, criterion: 'warnings' }).code).toBe('order.nothingSelected');
    d.sql("UPDATE disconnection_orders SET status = 'done'");
    d.sql("UPDATE metering_points SET status = 'disconnected' WHERE id = ?", d.p);
    expect(d.pointsOf(d.form().orderId)).toEqual([d.q]);
  });

  it('skips a settlement under a moratorium on the order date and says how many, but not the day after it ends', () => {
    const d = district();
    for (const point of [d.p, d.v]) {
      d.owes(point);
      d.issued(point, 'non_payment', shiftDays(today, -5));
    }
    d.call('moratoria.save', { settlementId: d.settlements.village, fromOn: '2026-11-01', toOn: today, note: 'паводок' });
    const formed = d.form();
    expect(formed).toMatchObject({ positions: 1, skippedMoratorium: 1 });
    expect(d.pointsOf(formed.orderId)).toEqual([d.p]);
    d.sql("UPDATE disconnection_orders SET status = 'done'");
    d.sql("UPDATE metering_points SET status = 'disconnected' WHERE id = ?", d.p);
    expect(d.pointsOf(d.form({ orderDate: shiftDays(today, 1) }).orderId)).toEqual([d.v]);
  });

  it('prints as the crew’s sheet: every position in order, with empty places for the seal and the reading', () => {
    const d = district();
    for (const point of [d.p, d.q]) {
      d.owes(point);
      d.issued(point, 'non_payment', today);
    }
    const { orderId } = d.form();
    const sheet = d.core.services.orderSheet(orderId!, 'uk');
    expect(sheet).toMatchObject({ pages: 1, fileName: `order-${orderId}-${today}.pdf` });
    expect(sheet.html).toContain('Наряд на відключення · 7, Усе');
    expect(sheet.html).toContain('Пломба №');
    const accounts = d.order(orderId).positionsList.map((p) => p.accountNumber);
    const at = accounts.map((account) => sheet.html.indexOf(`<td>${account}</td>`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(sheet.html).toContain('600,00 грн');
  });

  it('forms the ticked warnings for the route’s other points in the same transaction', () => {
    const d = district();
    d.owes(d.p);
    d.issued(d.p, 'non_payment', today);
    d.owes(d.q);
    const formed = d.form({ warnNonPayment: true });
    expect(formed.warnings).toEqual({ nonPayment: 1, nonAdmittance: 0 });
    expect(d.value<{ pointId: number }>("SELECT point_id AS pointId FROM disconnection_warnings WHERE status = 'formed'").pointId).toBe(
      d.q,
    );
  });
});

describe('forming a disconnection order by debt or by refused visits', () => {
  it('takes a debt exactly at the sum, not a kopeck under, and only with its non-payment warning due', () => {
    const d = district();
    d.owes(d.p, 100000);
    d.owes(d.q, 99999);
    d.owes(d.v, 100000);
    const warning = d.issued(d.p, 'non_payment', today);
    d.issued(d.q, 'non_payment', today);
    // v owes as much but was never warned: nobody is cut off without notice.
    const formed = d.form({ criterion: 'debt', debtMinKop: 100000 });
    expect(formed).toMatchObject({ positions: 1, skippedNoNotice: 1 });
    expect(d.order(formed.orderId).positionsList).toMatchObject([{ pointId: d.p, basis: 'debt', debtKop: 100000, warningId: warning }]);
    expect(d.refusal('orders.form', { routeId: d.route.id, orderDate: today, criterion: 'debt' }).code).toBe('order.debtMinRequired');
  });

  it('never orders for a debt under the minimum, whatever sum is typed', () => {
    const d = district();
    d.owes(d.p, 49999);
    d.issued(d.p, 'non_payment', today);
    const refusal = d.refusal('orders.form', { routeId: d.route.id, orderDate: today, criterion: 'debt', debtMinKop: 100 });
    expect(refusal.code).toBe('order.nothingSelected');
  });

  it('takes two refused visits in the window, the 60th day before included and the 61st not, with the warning due', () => {
    const d = district();
    d.refusedVisit(d.p, shiftDays(today, -10));
    d.refusedVisit(d.p, shiftDays(today, -60));
    d.refusedVisit(d.q, shiftDays(today, -10));
    d.refusedVisit(d.q, shiftDays(today, -61));
    d.refusedVisit(d.v, shiftDays(today, -10));
    d.refusedVisit(d.v, shiftDays(today, -20));
    for (const point of [d.p, d.q]) d.issued(point, 'non_admittance', today);
    const formed = d.form({ criterion: 'non_admittance' });
    expect(formed).toMatchObject({ positions: 1, skippedNoNotice: 1 });
    expect(d.pointsOf(formed.orderId)).toEqual([d.p]);
  });
});

describe('recording a cut-off', () => {
  function ordered() {
    const d = district();
    const warnings = [d.p, d.q].map((point) => {
      d.owes(point);
      return d.issued(point, 'non_payment', today);
    });
    const detail = d.order(d.form().orderId);
    const [first, second] = detail.positionsList;
    return { ...d, orderId: detail.id, first: first!, second: second!, warnings };
  }

  it('disconnects the point, executes its warning and keeps the act; the order stays «Новий» until every position has an outcome', () => {
    const d = ordered();
    const after = d.cutOff(d.first.id);
    expect(after.status).toBe('new');
    expect(after.positionsList[0]).toMatchObject({
      outcome: 'done',
      doneAt: `${today}T10:30`,
      executorName: 'Мельник Іван Петрович',
      sealNumber: 'П-1',
      reading: 4000,
    });
    expect(d.pointStatus(d.first.pointId)).toBe('disconnected');
    expect(d.warningStatus(d.first.warningId!)).toBe('executed');
    expect(d.pointStatus(d.second.pointId)).toBe('connected');
    const done = d.call('orders.recordNotDone', { positionId: d.second.id, reason: 'no_access' });
    expect(done).toMatchObject({ status: 'done', done: 1, notDone: 1 });
    expect(d.pointStatus(d.second.pointId)).toBe('connected');
    expect(d.warningStatus(d.second.warningId!)).toBe('issued');
  });

  it('is refused once a payment took the debt below the minimum, with the debt named, and nothing changes', () => {
    const d = ordered();
    d.payment(d.accountOf(d.first.pointId), today, 10001);
    const refusal = d.refusal('orders.recordDone', {
      positionId: d.first.id,
      doneAt: `${today}T10:30`,
      executorId: d.controller,
      sealNumber: 'П-1',
      reading: 4000,
    });
    expect(refusal.code).toBe('order.debtPaid');
    expect(refusal.message).toContain('499,99');
    expect(d.pointStatus(d.first.pointId)).toBe('connected');
    expect(d.order(d.orderId).positionsList[0]!.outcome).toBeNull();
    // Paid a kopeck less, the debt stays at the minimum and the cut-off goes ahead.
    const e = ordered();
    e.payment(e.accountOf(e.first.pointId), today, 10000);
    expect(e.cutOff(e.first.id).positionsList[0]!.outcome).toBe('done');
  });

  it('is refused on a day to come, before the order date, twice, and in a settlement put under a moratorium since', () => {
    const d = ordered();
    const input = (doneAt: string) => ({ positionId: d.first.id, doneAt, executorId: d.controller, sealNumber: 'П-1', reading: 4000 });
    expect(d.refusal('orders.recordDone', input(`${shiftDays(today, 1)}T08:00`)).code).toBe('order.doneInFuture');
    expect(d.refusal('orders.recordDone', input(`${shiftDays(today, -1)}T08:00`)).code).toBe('order.doneBeforeOrder');
    d.call('moratoria.save', { settlementId: d.settlements.town, fromOn: today, toOn: null, note: '' });
    expect(d.refusal('orders.recordDone', input(`${today}T08:00`)).code).toBe('order.moratorium');
    d.sql('DELETE FROM moratoria');
    d.cutOff(d.first.id);
    expect(d.refusal('orders.recordDone', input(`${today}T08:00`)).code).toBe('order.alreadyRecorded');
    expect(d.refusal('orders.recordNotDone', { positionId: d.first.id, reason: 'refused' }).code).toBe('order.alreadyRecorded');
  });

  it('not done for "other" needs the words', () => {
    const d = ordered();
    expect(d.refusal('orders.recordNotDone', { positionId: d.first.id, reason: 'other', note: ' ' }).code).toBe('order.noteRequired');
    expect(d.call('orders.recordNotDone', { positionId: d.first.id, reason: 'other', note: 'собака' }).positionsList[0]).toMatchObject({
      outcome: 'not_done',
      notDoneReason: 'other',
      note: 'собака',
    });
  });

  it('flags a later reading above the cut-off reading as consumption after disconnection, not one on the day of the cut-off', () => {
    const d = district();
    d.owes(d.p);
    d.issued(d.p, 'non_payment', '2026-12-01');
    d.cutOff(d.order(d.form({ orderDate: '2026-12-01' }).orderId).positionsList[0]!.id, '2026-12-01T10:30');
    const task = d.call('tasks.form', { routeId: d.route.id, taskDate: '2026-12-01', criteria: { includeDisconnected: true } });
    const positionId = d.value<{ id: number }>('SELECT id FROM task_positions WHERE task_id = ? AND point_id = ?', task.taskId, d.p).id;
    const save = (checkedOn: string, value: string) =>
      d.call('entry.save', {
        positionId,
        checkedOn,
        maxConsumption: { electricity: 100000, gas: 100000 },
        outcome: { kind: 'reading', value, accepted: ['afterDisconnection'] },
      });
    const flag = () => d.value<{ flag: number }>('SELECT after_disconnection AS flag FROM readings WHERE point_id = ?', d.p).flag;
    save('2026-12-01', '4100');
    expect(flag()).toBe(0);
    // The day after the cut-off the rise is asked about, and taken only once accepted.
    expect(
      d.refusal('entry.save', {
        positionId,
        checkedOn: '2026-12-02',
        maxConsumption: { electricity: 100000, gas: 100000 },
        outcome: { kind: 'reading', value: '4100' },
      }),
    ).toMatchObject({ code: 'entry.check', details: { checks: [{ code: 'afterDisconnection', consumption: 100 }] } });
    save('2026-12-02', '4100');
    expect(flag()).toBe(1);
    expect(d.call('accounts.card', { accountId: d.accountOf(d.p) }).points[0]!.readings[0]).toMatchObject({
      value: 4100,
      afterDisconnection: true,
    });
    expect(
      d.core.services.exchange.readings({ dateFrom: '2026-12-01', dateTo: today, routeId: null, taskId: null, includeQueued: true }),
    ).toMatchObject([
      {
        accountNumber: d.value<{ n: string }>('SELECT number AS n FROM accounts WHERE id = ?', d.accountOf(d.p)).n,
        afterDisconnection: true,
      },
    ]);
    save('2026-12-02', '4000');
    expect(flag()).toBe(0);
    // Reconnected on the 3rd: a reading on the 4th is supplied energy again.
    const reconnection = d.call('reconnections.form', { pointId: d.p, basis: 'operator', note: 'суд', formedOn: '2026-12-03' });
    d.call('reconnections.record', {
      id: reconnection.id,
      doneAt: '2026-12-03T09:00',
      executorId: d.controller,
      sealNumber: 'П-2',
      reading: 4000,
    });
    save(today, '4300');
    expect(flag()).toBe(0);
  });
});

describe('reconnection', () => {
  function disconnected(pointId: 'p' | 'v' = 'p') {
    const d = district();
    const point = d[pointId];
    d.owes(point);
    d.issued(point, 'non_payment', '2026-11-20');
    const detail = d.order(d.form({ orderDate: '2026-11-20' }).orderId);
    d.cutOff(detail.positionsList[0]!.id, '2026-11-20T09:00');
    return { ...d, point };
  }

  it('after payment in a town: electricity within 3 working days, counted past the weekend', () => {
    const d = disconnected();
    expect(d.refusal('reconnections.form', { pointId: d.point, basis: 'paid', formedOn: today }).code).toBe('reconnection.stillOwes');
    d.payment(d.accountOf(d.point), today, 60000);
    const formed = d.call('reconnections.form', { pointId: d.point, basis: 'paid', formedOn: today });
    // Friday 4 December: Monday, Tuesday, Wednesday.
    expect(formed).toMatchObject({ place: 'town', deadlineOn: '2026-12-09', status: 'new', overdue: false });
    expect(d.refusal('reconnections.form', { pointId: d.point, basis: 'paid', formedOn: today }).code).toBe('reconnection.alreadyOpen');
  });

  it('counts working days past a public holiday: formed Friday 21 August, Independence Day on Monday', () => {
    const d = district();
    d.bill(d.p, '2026-05', 60000, '2026-06-05');
    d.issued(d.p, 'non_payment', '2026-08-03');
    d.cutOff(d.order(d.form({ orderDate: '2026-08-10' }).orderId).positionsList[0]!.id, '2026-08-10T09:00');
    const formed = d.call('reconnections.form', { pointId: d.p, basis: 'operator', note: 'суд', formedOn: '2026-08-21' });
    // Tuesday 25, Wednesday 26, Thursday 27: Saturday, Sunday and Monday 24 August are not counted.
    expect(formed.deadlineOn).toBe('2026-08-27');
  });

  it('in a village for gas: 5 calendar days; by the operator’s decision only with the grounds written', () => {
    const d = disconnected('v');
    d.sql("UPDATE metering_points SET commodity = 'gas' WHERE id = ?", d.point);
    expect(d.refusal('reconnections.form', { pointId: d.point, basis: 'operator', formedOn: today }).code).toBe(
      'reconnection.noteRequired',
    );
    const formed = d.call('reconnections.form', { pointId: d.point, basis: 'operator', note: 'реструктуризація', formedOn: today });
    expect(formed).toMatchObject({ place: 'village', commodity: 'gas', deadlineOn: '2026-12-09', basisNote: 'реструктуризація' });
  });

  it('is refused for a connected point and before the cut-off', () => {
    const d = disconnected();
    expect(d.refusal('reconnections.form', { pointId: d.q, basis: 'operator', note: 'x', formedOn: today }).code).toBe(
      'reconnection.notDisconnected',
    );
    expect(d.refusal('reconnections.form', { pointId: d.point, basis: 'operator', note: 'x', formedOn: '2026-11-19' }).code).toBe(
      'reconnection.formedBeforeCutoff',
    );
  });

  it('recorded, connects the point; done after the deadline, or not done past it, counts as overdue', () => {
    const d = disconnected();
    const formed = d.call('reconnections.form', { pointId: d.point, basis: 'operator', note: 'суд', formedOn: '2026-11-25' });
    // Wednesday 25 November + 3 working days = Monday 30 November; today is past it.
    expect(formed).toMatchObject({ deadlineOn: '2026-11-30', overdue: true });
    expect(d.call('reconnections.list', { status: 'overdue' }).rows.map((r) => r.id)).toEqual([formed.id]);
    const recorded = d.call('reconnections.record', {
      id: formed.id,
      doneAt: '2026-12-01T12:00',
      executorId: d.otherController,
      sealNumber: 'П-2',
      reading: 4001,
    });
    expect(recorded).toMatchObject({ status: 'done', overdue: true, executorName: 'Ткачук Олена Іванівна', sealNumber: 'П-2' });
    expect(d.pointStatus(d.point)).toBe('connected');
    expect(
      d.refusal('reconnections.record', { id: formed.id, doneAt: `${today}T12:00`, executorId: d.controller, sealNumber: 'П', reading: 1 })
        .code,
    ).toBe('reconnection.done');
  });

  it('on the deadline day is kept', () => {
    const d = disconnected();
    const formed = d.call('reconnections.form', { pointId: d.point, basis: 'operator', note: 'суд', formedOn: '2026-11-25' });
    const recorded = d.call('reconnections.record', {
      id: formed.id,
      doneAt: '2026-11-30T16:00',
      executorId: d.controller,
      sealNumber: 'П-2',
      reading: 4001,
    });
    expect(recorded.overdue).toBe(false);
    expect(d.call('reconnections.list', { status: 'overdue' }).rows).toEqual([]);
  });

  it('is formed by a payments import that pays the debt below the minimum, and said', () => {
    const d = disconnected();
    const account = d.value<{ number: string }>(
      'SELECT a.number FROM accounts a JOIN metering_points p ON p.account_id = a.id WHERE p.id = ?',
      d.point,
    ).number;
    const pay = (amount: string) =>
      d.importFile('payments', {
        header: ['О/р', 'Дата', 'Сума', 'Джерело'],
        rows: [[account, '04.12.2026', amount, 'банк']],
        mapping: { accountNumber: 0, paidOn: 1, amount: 2, source: 3 },
      });
    expect(pay('100,00')).toMatchObject({ created: 1, reconnectionsFormed: 0 });
    expect(pay('500,00')).toMatchObject({ created: 1, reconnectionsFormed: 1 });
    expect(d.call('reconnections.list', {}).rows).toMatchObject([
      { pointId: d.point, basis: 'paid', formedOn: today, deadlineOn: '2026-12-09' },
    ]);
  });

  it('shows on the account card beside the cut-off', () => {
    const d = disconnected();
    d.call('reconnections.form', { pointId: d.point, basis: 'operator', note: 'суд', formedOn: today });
    const card = d.call('accounts.card', { accountId: d.accountOf(d.point) });
    expect(card.points[0]).toMatchObject({
      status: 'disconnected',
      cutoffs: [{ orderName: '7, Усе', outcome: 'done', sealNumber: 'П-1', reading: 4000 }],
      reconnections: [{ basis: 'operator', status: 'new', deadlineOn: '2026-12-09' }],
    });
  });
});
