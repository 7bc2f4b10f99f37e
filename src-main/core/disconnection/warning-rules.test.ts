import { describe, expect, it } from 'vitest';
import { testDistrict } from '../../../tests/support/test-district';
import { shiftDays, warningRules } from './warning-rules';

const asOf = '2026-11-22';
const daysBefore = (days: number) => shiftDays(asOf, -days);
const noAccess = 1; // «Немає доступу до лічильника», non_admittance = 1
const nobodyHome = 2; // non_admittance = 0

/** The test district with a route over every point, and hand-written tasks, warnings and orders. */
function district() {
  const d = testDistrict({}, { today: asOf });
  const route = d.call('routes.save', { number: 7, name: 'Усе', sectionId: d.section, executorId: d.controller });
  for (const settlementId of [d.settlements.town, d.settlements.village]) {
    d.call('routes.assign', { routeId: route.id, selector: { kind: 'settlement', settlementId } });
  }
  const sql = (statement: string, ...values: unknown[]) => Number(d.db.prepare(statement).run(...values).lastInsertRowid);
  const rules = warningRules(d.db);
  const p = d.points.sh2[0]!;
  const q = d.points.sa1[0]!;
  const task = (taskDate: string) =>
    sql(
      `INSERT INTO walk_tasks (route_id, task_date, criteria, sort_order, route_number, route_name) VALUES (?, ?, '{}', 'address', 7, 'Усе')`,
      route.id,
      taskDate,
    );
  let seq = 0;
  /** A position entered as not executed with the reason; checkedOn null leaves the task's date as the visit's. */
  const refusedAt = (taskId: number, pointId: number, checkedOn: string | null, reason = noAccess) =>
    sql(
      `INSERT INTO task_positions (task_id, seq, point_id, account_id, account_number, full_name, address, status, reason_code, checked_on)
       VALUES (?, ?, ?, ?, '1', 'Бойко', 'адреса', 'not_executed', ?, ?)`,
      taskId,
      ++seq,
      pointId,
      d.accountOf(pointId),
      reason,
      checkedOn,
    );
  /** A visit refused on the date, in a task of its own. */
  const refusedVisit = (pointId: number, on: string, reason = noAccess) => refusedAt(task(on), pointId, null, reason);
  const reading = (pointId: number, takenOn: string, kind = 'control') =>
    sql('INSERT INTO readings (point_id, taken_on, value, kind) VALUES (?, ?, 100, ?)', pointId, takenOn, kind);
  const warning = (pointId: number, kind: 'non_payment' | 'non_admittance', status: string) =>
    sql(
      `INSERT INTO disconnection_warnings (point_id, kind, status, as_of, debt_kop, debt_periods, refused_visits, issued_how, issued_on, cancel_reason)
       VALUES (?, ?, ?, '2026-01-10', 60000, '[]', '[]', ?, ?, ?)`,
      pointId,
      kind,
      status,
      status === 'formed' || status === 'cancelled' ? null : 'in_hand',
      status === 'formed' || status === 'cancelled' ? null : '2026-01-12',
      status === 'cancelled' ? 'paid' : null,
    );
  const order = (pointId: number, status: 'new' | 'done') => {
    const id = sql(
      "INSERT INTO disconnection_orders (route_id, name, order_date, status) VALUES (?, '7, Усе', '2026-11-01', ?)",
      route.id,
      status,
    );
    sql('INSERT INTO order_positions (order_id, seq, point_id) VALUES (?, 1, ?)', id, pointId);
  };
  const settings = rules.settings();
  const nonPayment = (...ids: number[]) => rules.nonPayment(ids, asOf, settings);
  const nonAdmittance = (...ids: number[]) => rules.nonAdmittance(ids, asOf, settings);
  const warned = {
    nonPayment: (...ids: number[]) => nonPayment(...ids).map((w) => w.pointId),
    nonAdmittance: (...ids: number[]) => nonAdmittance(...ids).map((w) => w.pointId),
  };
  return { ...d, route, sql, rules, p, q, task, refusedAt, refusedVisit, reading, warning, order, nonPayment, nonAdmittance, warned };
}

describe('the warning settings', () => {
  it('come with the defaults of the issue', () => {
    expect(warningRules(testDistrict().db).settings()).toEqual({ minDebtKop: 50000, billAgeDays: 20, windowDays: 60, visits: 2 });
  });
});

describe('non-payment warning', () => {
  it('counts a bill delivered exactly 20 days before the date, not one delivered 19 days before', () => {
    const d = district();
    d.bill(d.p, '2026-09', 60000, daysBefore(20));
    d.bill(d.q, '2026-09', 60000, daysBefore(19));
    expect(d.nonPayment(d.p, d.q)).toEqual([{ pointId: d.p, debtKop: 60000, periods: [{ period: '2026-09', unpaidKop: 60000 }] }]);
  });

  it('is formed for a debt exactly at the minimum, not for one a kopeck under', () => {
    const d = district();
    d.bill(d.p, '2026-09', 50000, daysBefore(30));
    d.bill(d.q, '2026-09', 50000, daysBefore(30), 1);
    expect(d.warned.nonPayment(d.p, d.q)).toEqual([d.p]);
  });

  it('adds up only the old bills: a recent one does not lift them to the minimum', () => {
    const d = district();
    d.bill(d.p, '2026-08', 30000, daysBefore(50));
    d.bill(d.p, '2026-10', 30000, daysBefore(10));
    expect(d.nonPayment(d.p)).toEqual([]);
    d.bill(d.p, '2026-09', 20000, daysBefore(21));
    expect(d.nonPayment(d.p)).toEqual([
      {
        pointId: d.p,
        debtKop: 50000,
        periods: [
          { period: '2026-08', unpaidKop: 30000 },
          { period: '2026-09', unpaidKop: 20000 },
        ],
      },
    ]);
  });

  it('takes payments off the oldest bills first, whatever the payment date', () => {
    const d = district();
    d.bill(d.p, '2026-07', 40000, daysBefore(80));
    d.bill(d.p, '2026-08', 40000, daysBefore(50));
    d.payment(d.accountOf(d.p), asOf, 30001);
    expect(d.nonPayment(d.p)).toEqual([]);
    d.bill(d.p, '2026-09', 40000, daysBefore(25));
    expect(d.nonPayment(d.p)[0]).toEqual({
      pointId: d.p,
      debtKop: 89999,
      periods: [
        { period: '2026-07', unpaidKop: 9999 },
        { period: '2026-08', unpaidKop: 40000 },
        { period: '2026-09', unpaidKop: 40000 },
      ],
    });
  });

  it('counts a bill without a delivery date from the day after its period', () => {
    const d = district();
    // Due 2026-11-01: 21 days before the date.
    d.bill(d.p, '2026-10', 60000, null);
    expect(d.warned.nonPayment(d.p)).toEqual([d.p]);
    expect(d.rules.nonPayment([d.p], '2026-11-20', d.rules.settings())).toEqual([]);
  });

  it.each([
    ['formed', false],
    ['issued', false],
    ['executed', true],
    ['cancelled', true],
  ])('after a non-payment warning %s: formed again = %s', (status, again) => {
    const d = district();
    d.bill(d.p, '2026-09', 60000, daysBefore(30));
    d.warning(d.p, 'non_payment', status);
    expect(d.warned.nonPayment(d.p)).toEqual(again ? [d.p] : []);
  });

  it.each(['formed', 'issued'])('is not held back by a non-admittance warning %s', (status) => {
    const d = district();
    d.bill(d.p, '2026-09', 60000, daysBefore(30));
    d.warning(d.p, 'non_admittance', status);
    expect(d.warned.nonPayment(d.p)).toEqual([d.p]);
  });

  it('is not formed while an order «Новий» holds the point; a done order does not matter', () => {
    const d = district();
    d.bill(d.p, '2026-09', 60000, daysBefore(30));
    d.bill(d.q, '2026-09', 60000, daysBefore(30));
    d.order(d.p, 'new');
    d.order(d.q, 'done');
    expect(d.warned.nonPayment(d.p, d.q)).toEqual([d.q]);
  });

  it('is not formed for a disconnected point', () => {
    const d = district();
    d.bill(d.p, '2026-09', 60000, daysBefore(30));
    d.sql("UPDATE metering_points SET status = 'disconnected' WHERE id = ?", d.p);
    expect(d.nonPayment(d.p)).toEqual([]);
  });

  it('follows the settings', () => {
    const d = district();
    d.bill(d.p, '2026-09', 30000, daysBefore(10));
    expect(d.rules.nonPayment([d.p], asOf, { ...d.rules.settings(), billAgeDays: 10, minDebtKop: 30000 })).toHaveLength(1);
  });
});

describe('non-admittance warning', () => {
  it('needs two tasks with a refused visit: one is not enough', () => {
    const d = district();
    d.refusedVisit(d.p, daysBefore(40));
    d.refusedVisit(d.q, daysBefore(40));
    d.refusedVisit(d.q, daysBefore(10));
    expect(d.nonAdmittance(d.p, d.q)).toEqual([{ pointId: d.q, visits: [daysBefore(40), daysBefore(10)] }]);
  });

  it('counts two positions of one task once, on the earlier date', () => {
    const d = district();
    const task = d.task(daysBefore(30));
    d.refusedAt(task, d.p, daysBefore(30));
    d.refusedAt(task, d.p, daysBefore(28));
    expect(d.nonAdmittance(d.p)).toEqual([]);
    d.refusedVisit(d.p, daysBefore(5));
    expect(d.nonAdmittance(d.p)).toEqual([{ pointId: d.p, visits: [daysBefore(30), daysBefore(5)] }]);
  });

  it('counts only reasons marked non-admittance', () => {
    const d = district();
    d.refusedVisit(d.p, daysBefore(30), nobodyHome);
    d.refusedVisit(d.p, daysBefore(20));
    expect(d.nonAdmittance(d.p)).toEqual([]);
    d.refusedVisit(d.p, daysBefore(10), 5);
    expect(d.warned.nonAdmittance(d.p)).toEqual([d.p]);
  });

  it('counts a visit exactly 60 days before the date, not one 61 days before; the check date over the task date', () => {
    const d = district();
    d.refusedVisit(d.p, daysBefore(10));
    d.refusedVisit(d.q, daysBefore(10));
    d.refusedVisit(d.p, daysBefore(60));
    d.refusedVisit(d.q, daysBefore(61));
    expect(d.warned.nonAdmittance(d.p, d.q)).toEqual([d.p]);
    // A task dated 61 days before, checked 60 days before, was visited inside the window.
    d.refusedAt(d.task(daysBefore(61)), d.q, daysBefore(60));
    expect(d.warned.nonAdmittance(d.q)).toEqual([d.q]);
  });

  it('does not count a visit after the date', () => {
    const d = district();
    d.refusedVisit(d.p, daysBefore(10));
    d.refusedVisit(d.p, shiftDays(asOf, 1));
    expect(d.nonAdmittance(d.p)).toEqual([]);
  });

  it('is held back by a control reading exactly 60 days before, not by one 61 days before or a self-reading', () => {
    const d = district();
    for (const point of [d.p, d.q]) {
      d.refusedVisit(point, daysBefore(30));
      d.refusedVisit(point, daysBefore(10));
    }
    d.reading(d.p, daysBefore(60));
    d.reading(d.q, daysBefore(61));
    d.reading(d.q, daysBefore(5), 'self');
    expect(d.warned.nonAdmittance(d.p, d.q)).toEqual([d.q]);
  });

  it.each([
    ['formed', false],
    ['issued', false],
    ['executed', true],
    ['cancelled', true],
  ])('after a non-admittance warning %s: formed again = %s', (status, again) => {
    const d = district();
    d.refusedVisit(d.p, daysBefore(30));
    d.refusedVisit(d.p, daysBefore(10));
    d.warning(d.p, 'non_admittance', status);
    d.warning(d.p, 'non_payment', 'issued');
    expect(d.warned.nonAdmittance(d.p)).toEqual(again ? [d.p] : []);
  });

  it('is not formed while an order «Новий» holds the point; a done order does not matter', () => {
    const d = district();
    for (const point of [d.p, d.q]) {
      d.refusedVisit(point, daysBefore(30));
      d.refusedVisit(point, daysBefore(10));
    }
    d.order(d.p, 'new');
    d.order(d.q, 'done');
    expect(d.warned.nonAdmittance(d.p, d.q)).toEqual([d.q]);
  });

  it('asks only about the points given', () => {
    const d = district();
    d.refusedVisit(d.p, daysBefore(30));
    d.refusedVisit(d.p, daysBefore(10));
    expect(d.nonAdmittance(d.q)).toEqual([]);
    expect(d.nonAdmittance()).toEqual([]);
  });

  it('answers the same asked of the whole district (read whole) as asked of its points one by one', () => {
    const d = district();
    const all = d.db.prepare<[], number>('SELECT id FROM metering_points ORDER BY id').pluck().all();
    const r = all.find((id) => id !== d.p && id !== d.q)!;
    for (const point of [d.p, d.q, r]) {
      d.refusedVisit(point, daysBefore(30));
      d.refusedVisit(point, daysBefore(10));
    }
    d.warning(r, 'non_admittance', 'issued');
    const oneByOne = all.flatMap((id) => d.nonAdmittance(id));
    expect(oneByOne.map((w) => w.pointId)).toEqual([d.p, d.q].sort((a, b) => a - b));
    expect(d.nonAdmittance(...all)).toEqual(oneByOne);
    // Most of the district asked, read whole: a point left out of the question stays out of the answer.
    expect(d.warned.nonAdmittance(...all.filter((id) => id !== d.p))).toEqual([d.q]);
    expect(d.rules.refusedVisits(all, asOf, d.rules.settings()).map((w) => w.pointId)).toEqual([d.p, d.q, r].sort((a, b) => a - b));
  });
});

describe('forming warnings with a walk task', () => {
  const form = (d: ReturnType<typeof district>, warn: boolean) =>
    d.call('tasks.form', {
      routeId: d.route.id,
      taskDate: asOf,
      criteria: {},
      warnNonPayment: warn,
      warnNonAdmittance: warn,
      allowDuplicate: true,
    });
  const stored = (d: ReturnType<typeof district>) =>
    d.db
      .prepare<
        [],
        { pointId: number; kind: string; status: string; asOf: string; taskId: number; debtKop: number | null; formedBy: string }
      >(
        `SELECT point_id AS pointId, kind, status, as_of AS asOf, task_id AS taskId, debt_kop AS debtKop, formed_by AS formedBy
         FROM disconnection_warnings ORDER BY id`,
      )
      .all();

  it('forms the ticked kinds once, as of the task date, and says how many', () => {
    const d = district();
    d.bill(d.p, '2026-09', 60000, daysBefore(30));
    d.refusedVisit(d.q, daysBefore(30));
    d.refusedVisit(d.q, daysBefore(10));
    expect(form(d, false).warnings).toEqual({ nonPayment: 0, nonAdmittance: 0 });
    expect(stored(d)).toEqual([]);

    const first = form(d, true);
    expect(first.warnings).toEqual({ nonPayment: 1, nonAdmittance: 1 });
    expect(stored(d)).toEqual([
      { pointId: d.p, kind: 'non_payment', status: 'formed', asOf, taskId: first.taskId, debtKop: 60000, formedBy: 'admin' },
      { pointId: d.q, kind: 'non_admittance', status: 'formed', asOf, taskId: first.taskId, debtKop: null, formedBy: 'admin' },
    ]);
    // A second task the same day forms nothing again.
    expect(form(d, true).warnings).toEqual({ nonPayment: 0, nonAdmittance: 0 });
    expect(stored(d)).toHaveLength(2);

    const audit = d.db
      .prepare<[], { entityId: number; newValue: string }>(
        "SELECT entity_id AS entityId, new_value AS newValue FROM audit_log WHERE channel = 'tasks.form' ORDER BY id",
      )
      .all()
      .map((row) => ({ entityId: row.entityId, ...(JSON.parse(row.newValue) as { warnings: unknown }) }));
    expect(audit.map((row) => row.warnings)).toEqual([
      { nonPayment: 0, nonAdmittance: 0 },
      { nonPayment: 1, nonAdmittance: 1 },
      { nonPayment: 0, nonAdmittance: 0 },
    ]);
    expect(audit[1]!.entityId).toBe(first.taskId);
  });

  it('keeps what the notice prints', () => {
    const d = district();
    d.bill(d.p, '2026-08', 30000, daysBefore(60));
    d.bill(d.p, '2026-09', 30000, daysBefore(30));
    d.refusedVisit(d.p, daysBefore(30));
    d.refusedVisit(d.p, daysBefore(10));
    form(d, true);
    const rows = d.db
      .prepare<[], { debtPeriods: string | null; refusedVisits: string | null }>(
        'SELECT debt_periods AS debtPeriods, refused_visits AS refusedVisits FROM disconnection_warnings ORDER BY kind',
      )
      .all();
    expect(rows.map((row) => JSON.parse(row.refusedVisits ?? 'null') as unknown)).toEqual([[daysBefore(30), daysBefore(10)], null]);
    expect(JSON.parse(rows[1]!.debtPeriods!)).toEqual([
      { period: '2026-08', unpaidKop: 30000 },
      { period: '2026-09', unpaidKop: 30000 },
    ]);
  });

  it('leaves its warnings standing when the task is deleted, so forming again does not duplicate them', () => {
    const d = district();
    d.bill(d.p, '2026-09', 60000, daysBefore(30));
    const { taskId } = form(d, true);
    d.call('tasks.delete', { id: taskId });
    expect(stored(d).map((w) => w.taskId)).toEqual([null]);
    expect(form(d, true).warnings.nonPayment).toBe(0);
  });

  it('cannot hold two warnings of a kind in force for a point', () => {
    const d = district();
    d.warning(d.p, 'non_payment', 'formed');
    expect(() => d.warning(d.p, 'non_payment', 'issued')).toThrow(/UNIQUE/);
    d.warning(d.p, 'non_payment', 'cancelled');
  });
});
