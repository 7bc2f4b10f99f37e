import { describe, expect, it } from 'vitest';
import type { TaskCriteria } from '../../../shared/contract/tasks';
import { testDistrict } from '../../../tests/support/test-district';
import { importUkrainianOrder, ukrainianOrder } from '../../../tests/support/ukrainian-order';
import { closingRows, paginate, rowsPerPage } from './sheet-layout';

const taskDate = '2026-11-22';
const daysBefore = (days: number) => new Date(Date.parse(taskDate) - days * 86_400_000).toISOString().slice(0, 10);
const daysAfter = (days: number) => daysBefore(-days);

/** A route holding every point of the test district, and helpers to form tasks on it. */
function routeWithEverything() {
  const d = testDistrict();
  const route = d.call('routes.save', { number: 7, name: 'Усе', sectionId: d.section, executorId: d.controller });
  for (const settlementId of [d.settlements.town, d.settlements.village]) {
    d.call('routes.assign', { routeId: route.id, selector: { kind: 'settlement', settlementId } });
  }
  // Selection tests form the same route and date many times: each repeat is a confirmed one.
  const form = (criteria: Partial<TaskCriteria> = {}, sortOrder: 'address' | 'account' = 'address') =>
    d.call('tasks.form', { routeId: route.id, taskDate, criteria, sortOrder, allowDuplicate: true });
  const positions = (taskId: number) =>
    d.db
      .prepare<
        [number],
        {
          seq: number;
          pointId: number;
          accountNumber: string;
          address: string;
          fullName: string;
          meterSerial: string;
          prevValue: number | null;
          prevDate: string | null;
        }
      >(
        `SELECT seq, point_id AS pointId, account_number AS accountNumber, address, full_name AS fullName,
           meter_serial AS meterSerial, prev_value AS prevValue, prev_date AS prevDate
         FROM task_positions WHERE task_id = ? ORDER BY seq`,
      )
      .all(taskId);
  const selected = (criteria: Partial<TaskCriteria>) =>
    positions(form(criteria).taskId)
      .map((p) => p.pointId)
      .sort((a, b) => a - b);
  const reading = (pointId: number, takenOn: string, value: number, kind = 'control') =>
    d.db.prepare('INSERT INTO readings (point_id, taken_on, value, kind) VALUES (?, ?, ?, ?)').run(pointId, takenOn, value, kind);
  const sql = (statement: string, ...values: unknown[]) => d.db.prepare(statement).run(...values);
  return { ...d, route, form, positions, selected, reading, sql };
}

describe('forming a walk task', () => {
  it('takes every point of the route in natural address order when no criterion is set', () => {
    const d = routeWithEverything();
    const tenSlashOne = d.call('houses.save', { streetId: d.streets.shevchenka, number: '10/1' });
    const twelve = d.call('houses.save', { streetId: d.streets.shevchenka, number: '12' });
    for (const houseId of [tenSlashOne.id, twelve.id]) {
      const account = Number(
        d.sql("INSERT INTO accounts (number, full_name, house_id) VALUES (?, 'Лисенко Олег', ?)", `9${houseId}`, houseId).lastInsertRowid,
      );
      d.sql(
        "INSERT INTO metering_points (account_id, house_id, commodity, route_id) VALUES (?, ?, 'electricity', ?)",
        account,
        houseId,
        d.route.id,
      );
    }
    const { taskId, positions } = d.form();
    expect(positions).toBe(9);
    expect(d.positions(taskId).map((p) => p.address)).toEqual([
      'с. Вільшанка, вул. Польова, 5',
      'м. Коростишів, вул. Садова, 1',
      'м. Коростишів, вул. Шевченка, 2',
      'м. Коростишів, вул. Шевченка, 10, кв. 1',
      'м. Коростишів, вул. Шевченка, 10, кв. 2',
      'м. Коростишів, вул. Шевченка, 10, кв. 10',
      'м. Коростишів, вул. Шевченка, 10а',
      'м. Коростишів, вул. Шевченка, 10/1',
      'м. Коростишів, вул. Шевченка, 12',
    ]);
    expect(d.positions(taskId).map((p) => p.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('orders positions by address in Ukrainian order: streets by the alphabet, house letters too, and keeps that order', () => {
    const d = testDistrict();
    importUkrainianOrder(d);
    const settlementId = d.call('settlements.list', {}).find((s) => s.name === ukrainianOrder.settlement)!.id;
    const route = d.call('routes.save', { number: 30, name: 'Іванків', sectionId: null, executorId: null });
    d.call('routes.assign', { routeId: route.id, selector: { kind: 'settlement', settlementId } });
    const { taskId } = d.call('tasks.form', { routeId: route.id, taskDate, criteria: {}, sortOrder: 'address' });
    const positions = () =>
      d.db
        .prepare<[number], { address: string }>('SELECT address FROM task_positions WHERE task_id = ? ORDER BY seq')
        .all(taskId)
        .map((p) => p.address.replace('смт Іванків, ', ''));
    const gogolya = [
      ...ukrainianOrder.apartmentsOfGogolya2.map((apartment) => `вул. Гоголя, 2, кв. ${apartment}`),
      ...ukrainianOrder.housesOfGogolya.slice(1).map((house) => `вул. Гоголя, ${house}`),
    ];
    const otherStreets = ukrainianOrder.streets.slice(1).map((street) => `${street}, 1`);
    expect(positions()).toEqual([...gogolya, ...otherStreets]);

    // The sheet prints what forming numbered: a street renamed afterwards changes nothing on it.
    const gonty = d.call('streets.list', { settlementId }).find((s) => s.name === 'Ґонти')!;
    d.call('streets.save', { id: gonty.id, settlementId, name: 'Яблунева', kind: 'вул.' });
    expect(positions()).toEqual([...gogolya, ...otherStreets]);
    const { html } = d.call('tasks.sheet', { taskId });
    const printed = [...html.matchAll(/смт Іванків, ([^<]*)</g)].map((match) => match[1]);
    expect(printed).toEqual([...gogolya, ...otherStreets]);
  });

  it('sorts by account number as numbers are read, not as text', () => {
    const d = routeWithEverything();
    const numbers = ['100', '9', '10', '1000', '99', '11', '2'];
    d.db
      .prepare('SELECT id FROM accounts ORDER BY id')
      .all()
      .forEach((row, i) => {
        d.sql('UPDATE accounts SET number = ? WHERE id = ?', numbers[i], (row as { id: number }).id);
      });
    const { taskId } = d.form({}, 'account');
    expect(d.positions(taskId).map((p) => p.accountNumber)).toEqual(['2', '9', '10', '11', '99', '100', '1000']);
  });

  it('selects debtors whose debt from bills and payments equals the sum or exceeds it, and no one a kopeck short', () => {
    const d = routeWithEverything();
    const { bill } = d;
    const pay = (pointId: number, amountKop: number) =>
      d.sql(
        "INSERT INTO payments (account_id, paid_on, amount_kop, source) SELECT account_id, '2026-11-20', ?, 'каса' FROM metering_points WHERE id = ?",
        amountKop,
        pointId,
      );
    const [exactly, short, over, paidDown, late, stored] = [
      d.points.sh2[0]!,
      d.points.sh10a[0]!,
      d.points.sa1[0]!,
      d.points.po5[0]!,
      d.points.sh10[0]!,
      d.points.sh10[1]!,
    ];
    bill(exactly, '2026-09', 30000, '2026-10-05');
    bill(exactly, '2026-10', 25000, '2026-11-05', 5000); // 200,00 of it still owed: 500,00 in all
    bill(short, '2026-10', 49999, '2026-11-05');
    bill(over, '2026-10', 70000, '2026-11-05');
    bill(paidDown, '2026-10', 70000, '2026-11-05');
    pay(paidDown, 20001); // not in the bills yet, and it takes the debt a kopeck under
    bill(late, '2026-09', 30000, '2026-10-05');
    bill(late, '2026-10', 30000, daysAfter(1)); // delivered the day after the task date: not due yet
    // A stored balance is nobody's debt any more.
    d.sql('UPDATE accounts SET balance_kop = -90000 WHERE id = (SELECT account_id FROM metering_points WHERE id = ?)', stored);
    expect(d.selected({ debtMinKop: 50000 })).toEqual([exactly, over].sort((a, b) => a - b));
    expect(d.selected({ debtMinKop: 49999 })).toEqual([exactly, short, over, paidDown].sort((a, b) => a - b));
    expect(d.selected({ debtMinKop: 30000 })).toEqual([exactly, short, over, paidDown, late].sort((a, b) => a - b));
    // With another criterion, "all" keeps only the debtors that meet it too.
    d.sql('UPDATE metering_points SET complaint_since = ? WHERE id IN (?, ?)', daysBefore(3), over, stored);
    expect(d.selected({ debtMinKop: 50000, complaint: true, match: 'all' })).toEqual([over]);
    expect(d.selected({ debtMinKop: 50000, complaint: true, match: 'any' })).toEqual([exactly, over, stored].sort((a, b) => a - b));
  });

  it('selects points without a control reading for N days or more, exactly N included', () => {
    const d = routeWithEverything();
    const [a, b, c, e] = [d.points.sh2[0]!, d.points.sh10a[0]!, d.points.sa1[0]!, d.points.po5[0]!];
    d.reading(a, daysBefore(180), 100);
    d.reading(b, daysBefore(179), 100);
    d.reading(c, daysBefore(400), 100);
    d.reading(c, daysBefore(10), 150, 'self'); // a self-reading is not a control
    d.reading(e, daysBefore(200), 100);
    d.reading(e, daysAfter(3), 120); // after the task date: not yet taken on that day
    for (const id of d.points.sh10) d.reading(id, daysBefore(30), 50);
    expect(d.selected({ noControlDays: 180 })).toEqual([a, c, e].sort((x, y) => x - y));
    expect(d.selected({ noControlDays: 181 })).toEqual([c, e].sort((x, y) => x - y));
  });

  it('selects complaints, inspections and meters due for verification within N days, combined by any or all', () => {
    const d = routeWithEverything();
    const [a, b, c] = [d.points.sh2[0]!, d.points.sh10a[0]!, d.points.sa1[0]!];
    d.sql('UPDATE metering_points SET complaint_since = ? WHERE id IN (?, ?)', daysBefore(5), a, b);
    d.sql('UPDATE metering_points SET inspection_since = ? WHERE id = ?', daysBefore(5), b);
    d.sql('UPDATE meters SET verification_due = ? WHERE point_id = ?', daysAfter(30), c);
    d.sql('UPDATE meters SET verification_due = ? WHERE point_id = ?', daysBefore(400), a);
    expect(d.selected({ complaint: true })).toEqual([a, b].sort((x, y) => x - y));
    expect(d.selected({ inspection: true })).toEqual([b]);
    expect(d.selected({ complaint: true, inspection: true, match: 'all' })).toEqual([b]);
    expect(d.selected({ inspection: true, verificationDueDays: 30, match: 'any' })).toEqual([b, c, a].sort((x, y) => x - y));
    expect(d.selected({ verificationDueDays: 29 })).toEqual([a]);
  });

  it('leaves disconnected points out unless asked for', () => {
    const d = routeWithEverything();
    d.sql("UPDATE metering_points SET status = 'disconnected' WHERE id = ?", d.points.sh2[0]);
    expect(d.selected({})).not.toContain(d.points.sh2[0]);
    expect(d.selected({ includeDisconnected: true })).toContain(d.points.sh2[0]);
  });

  it('forms nothing and says so when the criterion selects no point', () => {
    const d = routeWithEverything();
    const refusal = d.refusal('tasks.form', { routeId: d.route.id, taskDate, criteria: { complaint: true } });
    expect(refusal.code).toBe('task.nothingSelected');
    expect(refusal.message).toContain('№ 7');
    expect(d.db.prepare('SELECT count(*) AS n FROM walk_tasks').get()).toEqual({ n: 0 });
    expect(d.db.prepare('SELECT count(*) AS n FROM task_positions').get()).toEqual({ n: 0 });
  });

  it('keeps a snapshot of what the sheet printed, untouched by later changes', () => {
    const d = routeWithEverything();
    const point = d.points.sh2[0]!;
    d.reading(point, '2026-05-01', 4100);
    d.reading(point, '2026-08-01', 4321);
    d.reading(point, '2026-09-01', 4400, 'self');
    const { taskId } = d.form();
    const before = d.positions(taskId).find((p) => p.pointId === point)!;
    expect(before).toMatchObject({ fullName: 'Бойко Ганна Петрівна', meterSerial: `S${point}`, prevValue: 4321, prevDate: '2026-08-01' });
    d.sql(
      "UPDATE accounts SET full_name = 'Коваль Ганна Петрівна' WHERE id = (SELECT account_id FROM metering_points WHERE id = ?)",
      point,
    );
    d.sql("UPDATE meters SET serial = 'NEW-1' WHERE point_id = ?", point);
    d.reading(point, '2026-11-20', 4500);
    expect(d.positions(taskId).find((p) => p.pointId === point)).toEqual(before);
    const sheet = d.call('tasks.sheet', { taskId });
    expect(sheet.html).toContain('Бойко Ганна Петрівна');
    expect(sheet.html).not.toContain('Коваль');
    expect(sheet.html).toContain('01.08.2026');
  });

  it('records the route and executor as they were when the task was formed', () => {
    const d = routeWithEverything();
    const { taskId } = d.form();
    d.call('routes.save', { id: d.route.id, number: 7, name: 'Перейменований', sectionId: d.section, executorId: d.otherController });
    expect(d.call('tasks.get', { id: taskId })).toMatchObject({ routeName: 'Усе', executorName: 'Мельник Іван Петрович', total: 7 });
  });
});

describe('a second task for the same route and date', () => {
  const tasksOf = (d: ReturnType<typeof routeWithEverything>) =>
    d.db.prepare('SELECT route_id AS routeId, task_date AS taskDate FROM walk_tasks ORDER BY id').all();
  const formedAudits = (d: ReturnType<typeof routeWithEverything>) =>
    d.db
      .prepare<[], { newValue: string }>("SELECT new_value AS newValue FROM audit_log WHERE channel = 'tasks.form' ORDER BY id")
      .all()
      .map((row) => JSON.parse(row.newValue) as { allowDuplicate: boolean });

  it('is formed without a question on another date', () => {
    const d = routeWithEverything();
    d.call('tasks.form', { routeId: d.route.id, taskDate, criteria: {} });
    d.call('tasks.form', { routeId: d.route.id, taskDate: daysAfter(1), criteria: {} });
    d.call('tasks.form', { routeId: d.route.id, taskDate: daysBefore(1), criteria: {} });
    expect(tasksOf(d)).toHaveLength(3);
  });

  it('is formed without a question for another route on the same date', () => {
    const d = routeWithEverything();
    const other = d.call('routes.save', { number: 8, name: 'Інший', sectionId: d.section, executorId: null });
    d.call('routes.assign', { routeId: other.id, selector: { kind: 'points', pointIds: [d.points.sh2[0]!] }, confirmMove: true });
    d.call('tasks.form', { routeId: d.route.id, taskDate, criteria: {} });
    d.call('tasks.form', { routeId: other.id, taskDate, criteria: {} });
    expect(tasksOf(d)).toEqual([
      { routeId: d.route.id, taskDate },
      { routeId: other.id, taskDate },
    ]);
  });

  it('is refused for the same route and date without the flag, naming the task there, and formed with it', () => {
    const d = routeWithEverything();
    const first = d.call('tasks.form', { routeId: d.route.id, taskDate, criteria: {} });
    const refusal = d.refusal('tasks.form', { routeId: d.route.id, taskDate, criteria: { complaint: false } });
    expect(refusal.code).toBe('task.duplicate');
    expect(refusal.message).toBe('Маршрут № 7 вже має завдання на 22.11.2026 (завдань — 1). Сформувати ще одне?');
    expect(refusal.details).toEqual([{ id: first.taskId, routeNumber: 7, routeName: 'Усе', positions: 7 }]);
    expect(tasksOf(d)).toHaveLength(1);
    expect(d.db.prepare('SELECT count(*) AS n FROM task_positions').get()).toEqual({ n: 7 });
    expect(formedAudits(d)).toHaveLength(1);

    const second = d.call('tasks.form', { routeId: d.route.id, taskDate, criteria: {}, allowDuplicate: true });
    expect(second).toEqual({ taskId: expect.any(Number) as unknown, positions: 7, warnings: { nonPayment: 0, nonAdmittance: 0 } });
    expect(tasksOf(d)).toEqual([
      { routeId: d.route.id, taskDate },
      { routeId: d.route.id, taskDate },
    ]);
    // The log says the repeat was asked for.
    expect(formedAudits(d).map((entry) => entry.allowDuplicate)).toEqual([false, true]);
    // A third is refused too, listing both.
    expect(d.refusal('tasks.form', { routeId: d.route.id, taskDate, criteria: {} }).details).toHaveLength(2);
  });

  it('lists the routes to form with the tasks each already has on the date', () => {
    const d = routeWithEverything();
    const other = d.call('routes.save', { number: 8, name: 'Інший', sectionId: d.section, executorId: null });
    d.call('routes.assign', { routeId: other.id, selector: { kind: 'points', pointIds: [d.points.sh2[0]!] }, confirmMove: true });
    d.call('tasks.form', { routeId: d.route.id, taskDate, criteria: {} });
    d.call('tasks.form', { routeId: other.id, taskDate: daysAfter(1), criteria: {} });
    const onDate = (date: string | null) => d.call('tasks.routesToForm', { taskDate: date }).map((r) => [r.number, r.tasksOnDate]);
    expect(onDate(taskDate)).toEqual([
      [7, 1],
      [8, 0],
    ]);
    expect(onDate(daysAfter(1))).toEqual([
      [7, 0],
      [8, 1],
    ]);
    expect(onDate(null)).toEqual([
      [7, 0],
      [8, 0],
    ]);
  });
});

describe('the task list and deleting tasks', () => {
  it('lists tasks by date, route, executor and status with executed counts', () => {
    const d = routeWithEverything();
    const first = d.form();
    const second = d.call('tasks.form', { routeId: d.route.id, taskDate: '2026-10-01', criteria: {} });
    d.sql("UPDATE task_positions SET status = 'executed' WHERE task_id = ? AND seq <= 2", first.taskId);
    d.sql("UPDATE task_positions SET status = 'not_executed' WHERE task_id = ? AND seq = 3", first.taskId);
    const all = d.call('tasks.list', {});
    expect(all.total).toBe(2);
    expect(all.rows.map((r) => r.id)).toEqual([first.taskId, second.taskId]);
    expect(all.rows[0]).toMatchObject({ total: 7, executed: 2, notExecuted: 1, routeNumber: 7 });
    expect(d.call('tasks.list', { dateFrom: '2026-11-01' }).rows.map((r) => r.id)).toEqual([first.taskId]);
    expect(d.call('tasks.list', { dateTo: '2026-10-31' }).rows.map((r) => r.id)).toEqual([second.taskId]);
    expect(d.call('tasks.list', { executorId: d.otherController }).total).toBe(0);
    expect(d.call('tasks.list', { executorId: d.controller, routeId: d.route.id }).total).toBe(2);
    d.sql("UPDATE task_positions SET status = 'executed' WHERE task_id = ?", second.taskId);
    expect(d.call('tasks.list', { status: 'done' }).rows.map((r) => r.id)).toEqual([second.taskId]);
    expect(d.call('tasks.list', { status: 'open' }).rows.map((r) => r.id)).toEqual([first.taskId]);
  });

  const auditOf = (d: ReturnType<typeof routeWithEverything>, taskId: number) =>
    d.db
      .prepare<[number], { action: string; channel: string; oldValue: string | null }>(
        "SELECT action, channel, old_value AS oldValue FROM audit_log WHERE entity = 'task' AND entity_id = ? AND action = 'delete'",
      )
      .all(taskId);
  const count = (d: ReturnType<typeof routeWithEverything>, table: 'walk_tasks' | 'task_positions') =>
    (d.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  it('deletes a task no position of which has an outcome, positions included, and audits it', () => {
    const d = routeWithEverything();
    const { taskId } = d.form();
    expect(d.call('tasks.delete', { id: taskId })).toEqual({ deleted: 1 });
    expect(count(d, 'walk_tasks')).toBe(0);
    expect(count(d, 'task_positions')).toBe(0);
    expect(d.refusal('tasks.get', { id: taskId }).code).toBe('notFound.task');
    const [entry, ...more] = auditOf(d, taskId);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ action: 'delete', channel: 'tasks.delete' });
    expect(JSON.parse(entry!.oldValue!)).toMatchObject({ id: taskId, routeNumber: 7, taskDate, total: 7 });
  });

  it('refuses to delete a task with only a non-execution reason entered, and changes nothing', () => {
    const d = routeWithEverything();
    const { taskId } = d.form();
    d.sql("UPDATE task_positions SET status = 'not_executed', reason_code = 1 WHERE task_id = ? AND seq = 1", taskId);
    const refusal = d.refusal('tasks.delete', { id: taskId });
    expect(refusal.code).toBe('task.hasOutcomes');
    expect(refusal.message).toBe(
      'Завдання від 22.11.2026 по маршруту № 7 не можна видалити: рознесено позицій — 1 (показників — 0, причин невиконання — 1). Рознесені результати обходу зберігаються.',
    );
    expect(d.refusal('tasks.delete', { id: taskId }, 'en').message).toBe(
      'The task of 22/11/2026 for route No. 7 cannot be deleted: 1 position(s) have been entered (0 reading(s), 1 non-execution reason(s)). Entered walk results are kept.',
    );
    expect(d.positions(taskId)).toHaveLength(7);
    expect(count(d, 'walk_tasks')).toBe(1);
    expect(auditOf(d, taskId)).toEqual([]);
  });

  it('refuses to delete a task with only a reading entered, and changes nothing', () => {
    const d = routeWithEverything();
    const { taskId } = d.form();
    const [position] = d.positions(taskId).filter((p) => p.seq === 4);
    d.sql("UPDATE task_positions SET status = 'executed' WHERE task_id = ? AND seq = 4", taskId);
    d.sql(
      "INSERT INTO readings (point_id, taken_on, value, kind, task_position_id) VALUES (?, ?, 4500, 'control', (SELECT id FROM task_positions WHERE task_id = ? AND seq = 4))",
      position!.pointId,
      taskDate,
      taskId,
    );
    const refusal = d.refusal('tasks.delete', { id: taskId });
    expect(refusal.code).toBe('task.hasOutcomes');
    expect(refusal.message).toContain('рознесено позицій — 1 (показників — 1, причин невиконання — 0)');
    expect(d.positions(taskId)).toHaveLength(7);
    expect(auditOf(d, taskId)).toEqual([]);
  });

  it('counts every entered position, readings and reasons apart', () => {
    const d = routeWithEverything();
    const { taskId } = d.form();
    d.sql("UPDATE task_positions SET status = 'executed' WHERE task_id = ? AND seq IN (1, 2)", taskId);
    d.sql("UPDATE task_positions SET status = 'not_executed', reason_code = 2 WHERE task_id = ? AND seq IN (3, 5, 6)", taskId);
    expect(d.refusal('tasks.delete', { id: taskId }).message).toContain('рознесено позицій — 5 (показників — 2, причин невиконання — 3)');
  });

  it('keeps a route that has tasks even when its points are removed', () => {
    const d = routeWithEverything();
    d.form();
    const ids = d.db
      .prepare<[number], { id: number }>('SELECT id FROM metering_points WHERE route_id = ?')
      .all(d.route.id)
      .map((r) => r.id);
    d.call('routes.removePoints', { routeId: d.route.id, pointIds: ids });
    expect(d.refusal('routes.delete', { id: d.route.id }).code).toBe('route.hasTasks');
  });
});

describe('the route sheet', () => {
  it('breaks pages by whole rows and leaves room for the totals on the last one', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => i);
    expect(paginate(rows(1)).map((p) => p.length)).toEqual([1]);
    expect(paginate(rows(rowsPerPage - closingRows)).map((p) => p.length)).toEqual([rowsPerPage - closingRows]);
    expect(paginate(rows(rowsPerPage - closingRows + 1)).map((p) => p.length)).toEqual([rowsPerPage - closingRows + 1, 0]);
    expect(paginate(rows(2 * rowsPerPage + 3)).map((p) => p.length)).toEqual([rowsPerPage, rowsPerPage, 3]);
  });

  it('prints a header with page x of y on every page and the legend of reason codes', () => {
    const d = routeWithEverything();
    const { taskId } = d.form({}, 'address');
    const sheet = d.call('tasks.sheet', { taskId });
    expect(sheet).toMatchObject({ pages: 1, positions: 7, fileName: 'route-7-2026-11-22.pdf' });
    expect(sheet.html).toContain('Маршрутний лист · Маршрут № 7 «Усе»');
    expect(sheet.html).toContain('Сторінка 1 з 1');
    expect(sheet.html).toContain('Мельник Іван Петрович');
    expect(sheet.html).toContain('усі точки обліку');
    expect(sheet.html).toContain('Відмова в допуску');
    expect(sheet.html.match(/<tr class="pos">/g)).toHaveLength(7);
    expect(d.call('tasks.sheet', { taskId }, 'en').html).toContain('Page 1 of 1');
  });

  it('escapes what it prints and adds bill pages for consumers with unpaid bills', () => {
    const d = routeWithEverything();
    d.sql(
      "UPDATE accounts SET full_name = '<script>alert(1)</script>' WHERE id = (SELECT account_id FROM metering_points WHERE id = ?)",
      d.points.sa1[0],
    );
    for (const [i, point] of [d.points.sa1[0], d.points.sh2[0]].entries()) {
      d.sql(
        "INSERT INTO bills (point_id, period, amount_kop, paid_kop, delivered_on) VALUES (?, '2026-09', 45000, ?, '2026-10-05')",
        point,
        i * 1000,
      );
    }
    d.sql("INSERT INTO bills (point_id, period, amount_kop, paid_kop) VALUES (?, '2026-09', 45000, 45000)", d.points.po5[0]);
    const { taskId } = d.form();
    const sheet = d.call('tasks.sheet', { taskId, includeBills: true });
    expect(sheet.html).not.toContain('<script>');
    expect(sheet.html).toContain('&lt;script&gt;');
    expect(sheet.html.match(/class="slip"/g)).toHaveLength(2);
    expect(sheet.pages).toBe(2);
    expect(sheet.html).toContain('Сторінка 2 з 2');
    expect(sheet.html).toContain('440,00');
  });

  it("prints each consumer's bills as the debt rule sees them on the task date: payments not yet in the bills count as paid", () => {
    const d = routeWithEverything();
    const point = d.points.sh2[0]!;
    d.sql("INSERT INTO bills (point_id, period, amount_kop, paid_kop, delivered_on) VALUES (?, '2026-09', 45000, 0, '2026-10-05')", point);
    d.sql("INSERT INTO bills (point_id, period, amount_kop, paid_kop, delivered_on) VALUES (?, '2026-10', 51000, 0, '2026-11-05')", point);
    // Delivered after the task date: not owed yet on the sheet.
    d.sql("INSERT INTO bills (point_id, period, amount_kop, paid_kop, delivered_on) VALUES (?, '2026-11', 77700, 0, '2026-12-05')", point);
    d.sql(
      "INSERT INTO payments (account_id, paid_on, amount_kop, source) SELECT account_id, '2026-11-10', 50000, 'каса' FROM metering_points WHERE id = ?",
      point,
    );
    const { taskId } = d.form();
    const html = d.call('tasks.sheet', { taskId, includeBills: true }).html;
    const slip = html.slice(html.indexOf('class="slip"'));
    expect(html.match(/class="slip"/g)).toHaveLength(1);
    // September is paid by the payment; 50,00 of it goes on to October.
    expect(slip).not.toContain('2026-09');
    expect(slip).toContain('<td>10.2026</td><td class="num">510,00</td><td class="num">50,00</td><td class="num">460,00</td>');
    expect(slip).not.toContain('777,00');
    expect(slip).toContain('Разом до сплати, грн: 460,00');
  });
});
