import { describe, expect, it } from 'vitest';
import type { ControllerPlan } from '../../../shared/contract/plans';
import { testDistrict } from '../../../tests/support/test-district';
import { addressNumberKey } from '../addresses/house-number';
import { shifted } from './days';

const today = '2026-11-09'; // a Monday
const date = '2026-11-10'; // the plans' day, a Tuesday

/**
 * The test district with two routes: route 1, the town's points, walked by the controller; route 2,
 * the village's one point, by the other controller. Helpers write readings and visits as entry would.
 */
function planDistrict() {
  const d = testDistrict({}, { today });
  const town = d.call('routes.save', { number: 1, name: 'Центр', sectionId: d.section, executorId: d.controller });
  d.call('routes.assign', { routeId: town.id, selector: { kind: 'settlement', settlementId: d.settlements.town } });
  const village = d.call('routes.save', { number: 2, name: 'Вільшанка', sectionId: null, executorId: d.otherController });
  d.call('routes.assign', { routeId: village.id, selector: { kind: 'settlement', settlementId: d.settlements.village } });
  const sql = (statement: string, ...values: unknown[]) => d.db.prepare(statement).run(...values);
  const p = {
    sh2: d.points.sh2[0]!,
    sh10: d.points.sh10,
    sh10a: d.points.sh10a[0]!,
    sa1: d.points.sa1[0]!,
    po5: d.points.po5[0]!,
  };
  const town6 = [p.sh2, ...p.sh10, p.sh10a, p.sa1];
  const read = (pointId: number, takenOn: string) =>
    sql("INSERT INTO readings (point_id, taken_on, value, kind) VALUES (?, ?, 100, 'control')", pointId, takenOn);
  /** A visit on a task of its own: read (a position executed), or not with a reason's code. */
  const visit = (pointId: number, on: string, outcome: 'read' | number) => {
    const routeId = d.db.prepare<[number], number>('SELECT route_id FROM metering_points WHERE id = ?').pluck().get(pointId)!;
    const taskId = Number(
      sql(
        "INSERT INTO walk_tasks (route_id, task_date, criteria, sort_order, route_number, route_name) VALUES (?, ?, '{}', 'address', 1, 'x')",
        routeId,
        on,
      ).lastInsertRowid,
    );
    sql(
      `INSERT INTO task_positions (task_id, seq, point_id, account_id, account_number, full_name, address, status, reason_code, checked_on)
       SELECT ?, 1, p.id, p.account_id, a.number, a.full_name, '', ?, ?, ? FROM metering_points p JOIN accounts a ON a.id = p.account_id WHERE p.id = ?`,
      taskId,
      outcome === 'read' ? 'executed' : 'not_executed',
      outcome === 'read' ? null : outcome,
      on,
      pointId,
    );
  };
  const capacity = (employeeId: number, planCapacity: number | null) => {
    const e = d.call('employees.list', {}).find((row) => row.id === employeeId)!;
    d.call('employees.save', { id: e.id, fullName: e.fullName, isController: true, planCapacity });
  };
  const propose = (on = date) => d.call('plans.propose', { date: on });
  const planOf = (employeeId: number, on = date): ControllerPlan => propose(on).plans.find((plan) => plan.employeeId === employeeId)!;
  const ids = (plan: ControllerPlan) => plan.points.map((point) => point.pointId);
  return { ...d, town, village, sql, p, town6, read, visit, capacity, propose, planOf, ids };
}

describe('proposing the day’s plans', () => {
  it('takes the point 181 days unread and leaves the one at 179 when the day holds two, never-read first by score', () => {
    const d = planDistrict();
    d.capacity(d.controller, 2);
    d.read(d.p.sh2, shifted(date, -181));
    d.read(d.p.sa1, shifted(date, -179));
    for (const pointId of d.p.sh10) d.read(pointId, shifted(date, -10));
    const day = d.propose();
    expect(day.date).toBe(date);
    expect(day.plans.map((plan) => plan.employeeId)).toEqual([d.controller, d.otherController]); // not the retired one
    const plan = day.plans[0]!;
    // Шевченка 2 (overdue, 100) and 10а (never read, 120), in walk order; Садова 1 at 179 days (39) waits.
    expect(d.ids(plan)).toEqual([d.p.sh2, d.p.sh10a]);
    expect(plan.points.map((point) => [point.score, point.reasons])).toEqual([
      [100, [{ code: 'controlOverdue', days: 181 }]],
      [120, [{ code: 'neverRead' }]],
    ]);
    expect(plan).toMatchObject({ count: 2, capacity: 2, expectedTenths: 20, lastScore: 100, streets: ['вул. Шевченка'], routes: [1] });
    expect(day.leftOut).toEqual({ recent: 3, coolOff: 0, sameWeekday: 0 });
    // A day of three takes the 179-day point last; Садова comes before Шевченка in the walk.
    d.capacity(d.controller, 3);
    const three = d.planOf(d.controller);
    expect(d.ids(three)).toEqual([d.p.sa1, d.p.sh2, d.p.sh10a]);
    expect(three.lastScore).toBe(39);
    expect(three.streets).toEqual(['вул. Садова', 'вул. Шевченка']);
    // The setting is the capacity of a controller without a figure of their own.
    d.capacity(d.controller, null);
    expect(d.planOf(d.controller).capacity).toBe(45);
  });

  it('overbooks points read on 40 % of visits: a day of 2 readings takes 5 of them', () => {
    const d = planDistrict();
    d.capacity(d.controller, 2);
    const lastReading = shifted(date, -200);
    for (const pointId of d.town6) d.read(pointId, lastReading);
    // Five visits each before the last reading: two read, three not (nobody home). Садова 1 has none.
    for (const pointId of d.town6.filter((id) => id !== d.p.sa1)) {
      ['read', 'read', 2, 2, 2].forEach((outcome, i) => d.visit(pointId, shifted(date, -300 + i * 7), outcome as 'read' | number));
    }
    const plan = d.planOf(d.controller);
    expect(plan.count).toBe(5); // ceil(2 / 0.4)
    expect(plan.expectedTenths).toBe(20);
    // Садова 1, with no visits of its own, takes the district's rate (10 of 25 visits read).
    expect(plan.points.every((point) => point.accessPermille === 400)).toBe(true);
    d.capacity(d.controller, 3);
    expect(d.planOf(d.controller)).toMatchObject({ count: 6, expectedTenths: 24 }); // all there is
  });

  it('brings a refused point back after the cool-off, on another weekday than the refusal', () => {
    const d = planDistrict();
    for (const pointId of d.town6) d.read(pointId, shifted(date, -200));
    d.visit(d.p.sh2, '2026-11-04', 5); // a Wednesday: Відмова в допуску
    const day = (on: string) => d.propose(on);
    const has = (on: string) => d.ids(day(on).plans[0]!).includes(d.p.sh2);
    expect(has('2026-11-10')).toBe(false); // 6 days after
    expect(day('2026-11-10').leftOut.coolOff).toBe(1);
    expect(has('2026-11-11')).toBe(false); // 7 days after, a Wednesday again
    expect(day('2026-11-11').leftOut.sameWeekday).toBe(1);
    expect(has('2026-11-12')).toBe(true); // a Thursday
    expect(day('2026-11-12').plans[0]!.points.find((point) => point.pointId === d.p.sh2)!.reasons).toContainEqual({
      code: 'revisit',
      count: 1,
    });
  });

  it('proposes a non-admittance warning after two refusals, forms it only when asked, and hands it over next', () => {
    const d = planDistrict();
    d.visit(d.p.po5, '2026-10-20', 1);
    d.visit(d.p.po5, '2026-11-03', 1);
    const other = d.planOf(d.otherController);
    expect(other.points).toEqual([]);
    expect(other.warningProposals).toMatchObject([{ pointId: d.p.po5, routeNumber: 2, refusals: ['2026-10-20', '2026-11-03'] }]);
    const formed = d.call('plans.form', { date });
    expect(formed.warnings).toBe(0);
    expect(d.db.prepare('SELECT count(*) FROM disconnection_warnings').pluck().get()).toBe(0);
    d.call('tasks.delete', { id: formed.taskIds[0]! });
    expect(d.call('plans.form', { date, formWarnings: true }).warnings).toBe(1);
    expect(d.db.prepare('SELECT kind, status, refused_visits AS visits FROM disconnection_warnings').get()).toEqual({
      kind: 'non_admittance',
      status: 'formed',
      visits: '["2026-10-20","2026-11-03"]',
    });
    // The next day the notice is to be handed over: the point is visited for it, the refusals' weekday aside.
    const next = d.planOf(d.otherController, '2026-11-17'); // a Tuesday, as both refusals
    expect(next.points.map((point) => [point.pointId, point.reasons[0]])).toEqual([[d.p.po5, { code: 'warning' }]]);
  });

  it('walks the route’s walk sequence: street by street, a building whole, a street reversed by the master walked so', () => {
    const d = planDistrict();
    // Points joining the route by its own channel take their places beside their address neighbours.
    const extra = (streetId: number, number: string, apartments: string[]) => {
      const houseId = d.call('houses.save', { streetId, number }).id;
      return apartments.map((apartment) => {
        const account = Number(
          d.sql(
            "INSERT INTO accounts (number, full_name, house_id, apartment) VALUES (?, 'Лисенко Олег', ?, ?)",
            `9${houseId}${apartment}`,
            houseId,
            apartment,
          ).lastInsertRowid,
        );
        return Number(
          d.sql(
            "INSERT INTO metering_points (account_id, house_id, apartment, apartment_key, commodity) VALUES (?, ?, ?, ?, 'gas')",
            account,
            houseId,
            apartment,
            addressNumberKey(apartment),
          ).lastInsertRowid,
        );
      });
    };
    const joining = [
      ...extra(d.streets.shevchenka, '12', ['3', '1']),
      ...extra(d.streets.sadova, '3', []),
      ...extra(d.streets.shevchenka, '4', ['']),
      ...extra(d.streets.sadova, '11', ['2', '10', '1']),
      ...extra(d.streets.shevchenka, '1', ['']),
      ...extra(d.streets.sadova, '3а', ['']),
    ];
    d.call('routes.assign', { routeId: d.town.id, selector: { kind: 'points', pointIds: joining } });
    const walked = (taskId: number) =>
      d.db
        .prepare<[number], { street: string; house: string; apartment: string }>(
          `SELECT st.name AS street, h.number AS house, p.apartment FROM task_positions tp
           JOIN metering_points p ON p.id = tp.point_id JOIN houses h ON h.id = p.house_id JOIN streets st ON st.id = h.street_id
           WHERE tp.task_id = ? ORDER BY tp.seq`,
        )
        .all(taskId)
        .map((row) => `${row.street} ${row.house}${row.apartment ? `/${row.apartment}` : ''}`);
    const sadova = ['Садова 1', 'Садова 3а', 'Садова 11/1', 'Садова 11/2', 'Садова 11/10'];
    const shevchenka = [
      'Шевченка 1',
      'Шевченка 2',
      'Шевченка 4',
      'Шевченка 10/1',
      'Шевченка 10/2',
      'Шевченка 10/10',
      'Шевченка 10а',
      'Шевченка 12/1',
      'Шевченка 12/3',
    ];
    const [taskId] = d.call('plans.form', { date }).taskIds;
    expect(walked(taskId!)).toEqual([...sadova, ...shevchenka]);
    // Never back along a street: each street one run.
    const streets = walked(taskId!).map((line) => line.split(' ')[0]);
    expect(streets.filter((street, i) => street !== streets[i - 1])).toEqual(['Садова', 'Шевченка']);

    // The master walks Шевченка the other way on this route: the next day's plan follows, buildings still whole.
    d.call('routes.resequence', { routeId: d.town.id, change: { kind: 'reverseStreet', streetId: d.streets.shevchenka } });
    const next = '2026-11-11';
    const [nextTask] = d.call('plans.form', { date: next }).taskIds;
    expect(walked(nextTask!)).toEqual([
      ...sadova,
      'Шевченка 12/3',
      'Шевченка 12/1',
      'Шевченка 10а',
      'Шевченка 10/10',
      'Шевченка 10/2',
      'Шевченка 10/1',
      'Шевченка 4',
      'Шевченка 2',
      'Шевченка 1',
    ]);
  });
});

describe('moving, locking and forming the day’s plans', () => {
  it('moves points to another controller, locks a plan, forms every plan as walk tasks of kind plan', () => {
    const d = planDistrict();
    d.capacity(d.controller, 3);
    for (const pointId of d.town6) d.read(pointId, shifted(date, pointId === d.p.sa1 ? -400 : -200));
    // Садова 1, the longest unread, leads the controller's day of three.
    expect(d.ids(d.planOf(d.controller))).toEqual([d.p.sa1, d.p.sh2, d.p.sh10[0]]);

    // Садова 1 to the other controller: it leaves the controller's plan, which the proposal refills.
    expect(d.call('plans.move', { date, pointIds: [d.p.sa1], toEmployeeId: d.otherController })).toEqual({ moved: 1 });
    const mine = d.planOf(d.controller);
    const theirs = d.planOf(d.otherController);
    expect(d.ids(mine)).toEqual([d.p.sh2, d.p.sh10[0], d.p.sh10[1]]);
    expect(theirs.points.map((point) => [point.pointId, point.moved])).toEqual([
      [d.p.sa1, true],
      [d.p.po5, false],
    ]);
    expect(theirs.routes).toEqual([1, 2]);

    // Locked, the plan keeps its points whatever happens to them meanwhile.
    const locked = d.ids(mine);
    expect(d.call('plans.lock', { date, employeeId: d.controller, locked: true })).toEqual({ locked: true, points: 3 });
    d.read(locked[0]!, today); // read today: a proposal would leave it out now
    expect(d.planOf(d.controller)).toMatchObject({ locked: true, count: 3 });
    expect(d.ids(d.planOf(d.controller))).toEqual(locked);
    d.call('plans.lock', { date, employeeId: d.controller, locked: false });
    const refilled = d.ids(d.planOf(d.controller));
    expect(refilled).toEqual([...d.p.sh10]);
    d.call('plans.lock', { date, employeeId: d.controller, locked: true });

    // A re-read the correction queue is waiting to place goes with the plan that takes the point.
    d.sql(
      "INSERT INTO reading_checks (point_id, taken_on, value, checks, decision, decided_by) VALUES (?, ?, 100, '[]', 'reread', 'майстер')",
      d.p.sa1,
      today,
    );
    const plans = d.propose().plans;
    const formed = d.call('plans.form', { date });
    expect(formed).toMatchObject({ controllers: 2, positions: plans[0]!.count + plans[1]!.count, warnings: 0 });
    const tasks = d.db
      .prepare<[], { id: number; kind: string; routeNumber: number; executorId: number; executorName: string; taskDate: string }>(
        `SELECT id, kind, route_number AS routeNumber, executor_id AS executorId, executor_name AS executorName, task_date AS taskDate
         FROM walk_tasks WHERE kind = 'plan' ORDER BY id`,
      )
      .all();
    // The other controller walks two routes: a task each, both in their name.
    expect(tasks.map((t) => [t.routeNumber, t.executorId, t.taskDate])).toEqual([
      [1, d.controller, date],
      [1, d.otherController, date],
      [2, d.otherController, date],
    ]);
    expect(formed.taskIds).toEqual(tasks.map((t) => t.id));
    const positions = (taskId: number) =>
      d.db.prepare<[number], number>('SELECT point_id FROM task_positions WHERE task_id = ? ORDER BY seq').pluck().all(taskId);
    expect(positions(tasks[0]!.id)).toEqual(refilled);
    expect(positions(tasks[1]!.id)).toEqual([d.p.sa1]);
    expect(positions(tasks[2]!.id)).toEqual([d.p.po5]);
    const rereadPosition = d.db.prepare('SELECT reread_position_id FROM reading_checks').pluck().get();
    expect(rereadPosition).toBe(d.db.prepare('SELECT id FROM task_positions WHERE task_id = ?').pluck().get(tasks[1]!.id));
    // The task list and the sheet read a plan's task like any other.
    expect(d.call('tasks.get', { id: tasks[0]!.id })).toMatchObject({ kind: 'plan', total: 3, executorName: 'Мельник Іван Петрович' });
    expect(d.call('tasks.sheet', { taskId: tasks[0]!.id }).html).toContain('Денний план');
    // All the day's sheets in one document, one after another, each numbering its own pages.
    const bundle = d.call('tasks.sheets', { taskIds: formed.taskIds });
    const single = formed.taskIds.map((taskId) => d.call('tasks.sheet', { taskId }));
    expect(bundle.pages).toBe(single.reduce((sum, sheet) => sum + sheet.pages, 0));
    expect(bundle.positions).toBe(formed.positions);
    expect(bundle.html.match(/<section class="page"/g)).toHaveLength(bundle.pages);
    expect(bundle.html.match(/Виконавець: <b>Ткачук Олена Іванівна/g)).toHaveLength(2);
    expect(bundle.fileName).toBe(`route-sheets-${date}.pdf`);

    // Formed, the plans show their tasks; nothing is left to form, move into or lock.
    const after = d.propose();
    expect(after.plans.map((plan) => plan.formedTaskIds)).toEqual([[tasks[0]!.id], [tasks[1]!.id, tasks[2]!.id]]);
    expect(d.ids(after.plans[0]!)).toEqual(refilled);
    expect(d.refusal('plans.form', { date }).code).toBe('plan.nothingToForm');
    expect(d.refusal('plans.move', { date, pointIds: [d.p.sh2], toEmployeeId: d.controller }).code).toBe('plan.alreadyFormed');
    expect(d.refusal('plans.lock', { date, employeeId: d.otherController, locked: false }).code).toBe('plan.alreadyFormed');
    // A point a formed task is to visit cannot go into another plan of the day.
    const third = d.call('employees.save', { fullName: 'Гнатюк Ольга', isController: true });
    expect(d.refusal('plans.move', { date, pointIds: [d.p.sa1], toEmployeeId: third.id })).toMatchObject({ code: 'plan.pointTaken' });
  });

  it('hands a moved point back when its new controller leaves, and never plans a point a task formed since will visit', () => {
    const d = planDistrict();
    const third = d.call('employees.save', { fullName: 'Гнатюк Ольга', isController: true });
    d.call('plans.move', { date, pointIds: [d.p.sa1], toEmployeeId: third.id });
    expect(d.ids(d.planOf(d.controller))).not.toContain(d.p.sa1);
    expect(d.ids(d.planOf(third.id))).toEqual([d.p.sa1]);
    d.call('employees.save', { id: third.id, fullName: 'Гнатюк Ольга', isController: true, active: false });
    expect(d.ids(d.planOf(d.controller))).toContain(d.p.sa1);
    // Moved to the other controller, then a task by criteria for the route on the day takes it in.
    d.call('plans.move', { date, pointIds: [d.p.sa1], toEmployeeId: d.otherController });
    d.call('tasks.form', { routeId: d.town.id, taskDate: date, criteria: {} });
    expect(d.ids(d.planOf(d.otherController))).toEqual([d.p.po5]);
    expect(d.ids(d.planOf(d.controller))).toEqual([]);
  });

  it('refuses a day gone by and a plan for anyone but an active controller', () => {
    const d = planDistrict();
    expect(d.refusal('plans.form', { date: shifted(today, -1) }).code).toBe('plan.pastDate');
    expect(d.refusal('plans.move', { date, pointIds: [d.p.sh2], toEmployeeId: d.retired }).code).toBe('plan.notAController');
    const master = d.call('employees.save', { fullName: 'Майстер Петро', isController: false });
    expect(d.refusal('plans.lock', { date, employeeId: master.id, locked: true }).code).toBe('plan.notAController');
    expect(d.refusal('plans.move', { date, pointIds: [999_999], toEmployeeId: d.controller }).code).toBe('notFound.point');
    // The next working day is the day asked when none is: a Friday's is the Monday after.
    expect(testDistrict({}, { today: '2026-11-13' }).call('plans.propose', {}).date).toBe('2026-11-16');
  });

  it('gives a formed task to another active controller, audited, and to nobody else', () => {
    const d = planDistrict();
    const [taskId] = d.call('plans.form', { date }).taskIds;
    expect(d.call('tasks.reassign', { id: taskId!, employeeId: d.otherController })).toMatchObject({
      executorId: d.otherController,
      executorName: 'Ткачук Олена Іванівна',
    });
    const entry = d.db
      .prepare<[], { oldValue: string; newValue: string }>(
        "SELECT old_value AS oldValue, new_value AS newValue FROM audit_log WHERE channel = 'tasks.reassign'",
      )
      .get()!;
    expect(JSON.parse(entry.oldValue)).toMatchObject({ taskId, executorId: d.controller, executorName: 'Мельник Іван Петрович' });
    expect(JSON.parse(entry.newValue)).toMatchObject({ taskId, executorId: d.otherController });
    expect(d.refusal('tasks.reassign', { id: taskId!, employeeId: d.retired }).message).toContain('Мороз Петро Іванович');
    const master = d.call('employees.save', { fullName: 'Майстер Петро', isController: false });
    expect(d.refusal('tasks.reassign', { id: taskId!, employeeId: master.id }).code).toBe('task.notAController');
    expect(d.call('tasks.get', { id: taskId! }).executorId).toBe(d.otherController);
  });
});
