import Database from 'better-sqlite3';
import { readFile } from 'node:fs/promises';
import { localToday } from '../../shared/dates';
import { formatDate } from '../../shared/i18n/format';
import { paginate } from '../../src-main/core/tasks/sheet-layout';
import { expect, rpc, test } from './fixtures';
import { RouteSheet } from './pages/route-sheet';
import { TaskForming } from './pages/task-forming';
import { TaskList } from './pages/task-list';
import { Workstation } from './pages/workstation';

/** Pages in a PDF as Chromium writes it: one /Type /Page object each. */
const pdfPages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;

test('a master forms a task by keyboard, finds it in the list and gets its route sheet as PDF', async ({ app, db }) => {
  const route = db
    .prepare<[], { id: number; number: number; name: string; points: number }>(
      `SELECT r.id, r.number, r.name, count(p.id) AS points FROM routes r JOIN metering_points p ON p.route_id = r.id
       WHERE p.status = 'connected' GROUP BY r.id HAVING count(p.id) BETWEEN 20 AND 500 ORDER BY count(p.id) DESC LIMIT 1`,
    )
    .get()!;
  const forming = new TaskForming(app);
  const sheet = new RouteSheet(app);
  const list = new TaskList(app);
  const { status } = new Workstation(app);

  await forming.open();
  await forming.form(route);
  await expect(status).toHaveText(/Сформовано завдання по маршруту № \d+: позицій — \d+\./);
  const task = db
    .prepare<[number], { id: number; positions: number; taskDate: string }>(
      `SELECT t.id, t.task_date AS taskDate, (SELECT count(*) FROM task_positions WHERE task_id = t.id) AS positions
       FROM walk_tasks t WHERE t.route_id = ? ORDER BY t.id DESC LIMIT 1`,
    )
    .get(route.id)!;
  expect(task.taskDate).toBe(localToday());
  expect(task.positions).toBe(route.points);
  await expect(status).toHaveText(`Сформовано завдання по маршруту № ${route.number}: позицій — ${route.points}.`);

  // The "Маршрутний лист" button takes the focus once the task is formed: Enter opens the preview.
  await forming.openSheet();
  const pages = paginate(Array.from({ length: route.points })).length;
  await expect(sheet.summary).toHaveText(`Сторінок: ${pages}, позицій: ${route.points}`);
  await expect(sheet.pages).toHaveCount(pages);
  await expect(sheet.positions).toHaveCount(route.points);
  await expect(sheet.pages.last()).toContainText(`Сторінка ${pages} з ${pages}`);

  const download = await sheet.savePdf();
  const file = await download.path();
  expect(download.suggestedFilename()).toBe(`route-${route.number}-${task.taskDate}.pdf`);
  expect(pdfPages(await readFile(file))).toBe(pages);

  await list.open('Звіти');
  // The task formed by this test, found by its route.
  const row = list.rowFor(route);
  await expect(row).toContainText(formatDate(localToday(), 'uk'));
  await expect(row).toContainText(String(route.points));
});

test('a task with an executed position cannot be deleted; one without can', async ({ app, db, district }) => {
  const route = db
    .prepare<[], { id: number; number: number }>(
      'SELECT r.id, r.number FROM routes r WHERE EXISTS (SELECT 1 FROM metering_points p WHERE p.route_id = r.id) ORDER BY r.number LIMIT 1',
    )
    .get()!;
  const writer = new Database(district.dbFile);
  writer.pragma('busy_timeout = 5000');
  const insertTask = writer.prepare(
    `INSERT INTO walk_tasks (route_id, task_date, criteria, sort_order, route_number, route_name) VALUES (?, ?, '{}', 'address', ?, 'тест')`,
  );
  const addPosition = writer.prepare(
    `INSERT INTO task_positions (task_id, seq, point_id, account_id, account_number, full_name, address, status)
     SELECT ?, 1, p.id, p.account_id, a.number, a.full_name, 'адреса', ? FROM metering_points p JOIN accounts a ON a.id = p.account_id
     WHERE p.route_id = ? LIMIT 1`,
  );
  const executedTask = Number(insertTask.run(route.id, '2031-01-02', route.number).lastInsertRowid);
  addPosition.run(executedTask, 'executed', route.id);
  const freshTask = Number(insertTask.run(route.id, '2031-01-01', route.number).lastInsertRowid);
  addPosition.run(freshTask, 'new', route.id);
  writer.close();
  const list = new TaskList(app);
  const { op, status } = new Workstation(app);

  await list.open();
  await expect(list.rows.nth(1)).toContainText('02.01.2031');
  await list.focus();
  await op.press('Delete');
  await expect(list.confirm).toContainText(`по маршруту № ${route.number} (1 позицій)`);
  await op.press('Enter');
  await expect(list.refusal).toHaveText(
    `Завдання від 02.01.2031 по маршруту № ${route.number} не можна видалити: рознесено позицій — 1 (показників — 1, причин невиконання — 0). Рознесені результати обходу зберігаються.`,
  );
  expect(db.prepare('SELECT count(*) AS n FROM walk_tasks WHERE id = ?').get(executedTask)).toEqual({ n: 1 });

  await list.focus();
  await op.press('ArrowDown');
  await expect(list.rows.nth(2)).toHaveAttribute('aria-selected', 'true');
  await op.press('Delete', 'Enter');
  await expect(status).toHaveText('Завдання видалено.');
  expect(db.prepare('SELECT count(*) AS n FROM walk_tasks WHERE id = ?').get(freshTask)).toEqual({ n: 0 });
});

test('a task with only non-execution reasons entered cannot be deleted: it stays with its positions', async ({ app, db, district }) => {
  const route = db
    .prepare<[], { id: number; number: number }>(
      'SELECT r.id, r.number FROM routes r WHERE EXISTS (SELECT 1 FROM metering_points p WHERE p.route_id = r.id) ORDER BY r.number LIMIT 1',
    )
    .get()!;
  const { code } = db.prepare<[], { code: number }>('SELECT code FROM non_execution_reasons WHERE non_admittance = 1 LIMIT 1').get()!;
  const writer = new Database(district.dbFile);
  writer.pragma('busy_timeout = 5000');
  const taskId = Number(
    writer
      .prepare(
        `INSERT INTO walk_tasks (route_id, task_date, criteria, sort_order, route_number, route_name)
         VALUES (?, '2030-06-01', '{}', 'address', ?, 'недопуск')`,
      )
      .run(route.id, route.number).lastInsertRowid,
  );
  writer
    .prepare(
      `INSERT INTO task_positions (task_id, seq, point_id, account_id, account_number, full_name, address, status, reason_code, checked_on)
       SELECT ?, row_number() OVER (ORDER BY p.id), p.id, p.account_id, a.number, a.full_name, 'адреса', 'not_executed', ?, '2030-06-01'
       FROM metering_points p JOIN accounts a ON a.id = p.account_id WHERE p.route_id = ? ORDER BY p.id LIMIT 3`,
    )
    .run(taskId, code, route.id);
  writer.close();
  const list = new TaskList(app);
  const { op } = new Workstation(app);
  // Counted, not looked up by id: SQLite gives a deleted task's id to the next one.
  const deletions = () => db.prepare<[], { n: number }>("SELECT count(*) AS n FROM audit_log WHERE channel = 'tasks.delete'").get()!.n;
  const deletionsBefore = deletions();

  await list.open();
  await list.between('01.06.2030', '01.06.2030');
  await expect(list.rows).toHaveCount(2);
  await expect(list.rows.nth(1)).toContainText('01.06.2030');
  await list.focus();
  await op.press('Delete');
  await expect(list.confirm).toContainText(`Видалити завдання від 01.06.2030 по маршруту № ${route.number} (3 позицій)?`);
  await op.press('Enter');
  await expect(list.refusal).toHaveText(
    `Завдання від 01.06.2030 по маршруту № ${route.number} не можна видалити: рознесено позицій — 3 (показників — 0, причин невиконання — 3). Рознесені результати обходу зберігаються.`,
  );
  expect(db.prepare('SELECT count(*) AS n FROM walk_tasks WHERE id = ?').get(taskId)).toEqual({ n: 1 });
  expect(db.prepare('SELECT status, reason_code AS reasonCode FROM task_positions WHERE task_id = ?').all(taskId)).toEqual(
    Array.from({ length: 3 }, () => ({ status: 'not_executed', reasonCode: code })),
  );
  expect(deletions()).toBe(deletionsBefore);
});

/** The smallest route with points, for tests that form tasks on it again and again. */
const smallRoute = (db: Database.Database) =>
  db
    .prepare<[], { id: number; number: number; name: string; sectionId: number }>(
      `SELECT r.id, r.number, r.name, r.section_id AS sectionId FROM routes r JOIN metering_points p ON p.route_id = r.id
       WHERE p.status = 'connected' GROUP BY r.id ORDER BY count(p.id), r.number LIMIT 1`,
    )
    .get()!;
const tasksOn = (db: Database.Database, routeId: number, taskDate: string) =>
  db
    .prepare<[number, string], { n: number }>('SELECT count(*) AS n FROM walk_tasks WHERE route_id = ? AND task_date = ?')
    .get(routeId, taskDate)!.n;

test('a date typed as 24.11.2027 forms the task on that day, and the list shows and filters it so', async ({ app, db }) => {
  const route = smallRoute(db);
  const forming = new TaskForming(app);
  const list = new TaskList(app);
  const { status } = new Workstation(app);

  await forming.open();
  await forming.form(route, '24.11.2027');
  await expect(status).toHaveText(new RegExp(`^Сформовано завдання по маршруту № ${route.number}: позицій — \\d+\\.$`));
  await expect(forming.date).toHaveValue('24.11.2027');
  expect(tasksOn(db, route.id, '2027-11-24')).toBe(1);

  await list.open();
  await list.between('24.11.2027', '24.11.2027');
  await expect(list.rows).toHaveCount(2);
  await expect(list.rowFor(route)).toContainText('24.11.2027');
});

test('a second task for the same route and date is asked about: Esc and "Ні" form nothing, "Так" forms it', async ({ app, db }) => {
  const route = smallRoute(db);
  const forming = new TaskForming(app);
  const { op, status } = new Workstation(app);
  const no = app.getByRole('button', { name: 'Ні', exact: true });

  await forming.open();
  await forming.form(route, '10.12.2027');
  await expect(status).toHaveText(new RegExp(`^Сформовано завдання по маршруту № ${route.number}`));
  expect(tasksOn(db, route.id, '2027-12-10')).toBe(1);

  // F9 again, as a second press by mistake would: the question, with the focus on "Ні".
  await op.press('F9');
  await expect(forming.repeatQuestion).toContainText(
    `Маршрут № ${route.number} вже має завдання на 10.12.2027 (завдань — 1). Сформувати ще одне?`,
  );
  await expect(no).toBeFocused();
  await op.press('Escape');
  await expect(forming.repeatQuestion).toBeHidden();
  await expect(status).toHaveText('Нічого не сформовано.');
  expect(tasksOn(db, route.id, '2027-12-10')).toBe(1);

  await op.press('F9');
  await expect(no).toBeFocused();
  await op.press('Enter');
  await expect(forming.repeatQuestion).toBeHidden();
  await expect(status).toHaveText('Нічого не сформовано.');
  expect(tasksOn(db, route.id, '2027-12-10')).toBe(1);

  await op.press('F9');
  await expect(no).toBeFocused();
  await op.press('Tab', 'Enter');
  await expect(status).toHaveText(new RegExp(`^Сформовано завдання по маршруту № ${route.number}`));
  expect(tasksOn(db, route.id, '2027-12-10')).toBe(2);
  const [, second] = db
    .prepare<[number], { newValue: string }>(
      "SELECT new_value AS newValue FROM audit_log WHERE channel = 'tasks.form' AND json_extract(new_value, '$.routeId') = ? AND json_extract(new_value, '$.taskDate') = '2027-12-10' ORDER BY id",
    )
    .all(route.id);
  expect(JSON.parse(second!.newValue)).toMatchObject({ allowDuplicate: true });
});

test('forming for a section asks once about the routes that already have a task that day', async ({ app, db }) => {
  const route = smallRoute(db);
  const section = db
    .prepare<[number], { name: string; routes: number }>(
      `SELECT s.name, (SELECT count(DISTINCT r.id) FROM routes r JOIN metering_points p ON p.route_id = r.id WHERE r.section_id = s.id) AS routes
       FROM sections s WHERE s.id = ?`,
    )
    .get(route.sectionId)!;
  expect(section.routes).toBeGreaterThan(1);
  await rpc(app, 'tasks.form', { routeId: route.id, taskDate: '2027-12-15', criteria: {} });
  const tasksThatDay = () =>
    db
      .prepare<[number], { n: number }>(
        "SELECT count(*) AS n FROM walk_tasks t JOIN routes r ON r.id = t.route_id WHERE r.section_id = ? AND t.task_date = '2027-12-15'",
      )
      .get(route.sectionId)!.n;
  const forming = new TaskForming(app);
  const { op, status } = new Workstation(app);

  await forming.open();
  await forming.formForSection(section.name, '15.12.2027');
  await expect(forming.repeatQuestion).toContainText('На 15.12.2027 завдання вже є для маршрутів (1):');
  await expect(forming.repeatQuestion).toContainText(`№ ${route.number} — ${route.name} (завдань — 1)`);
  // "Ні": the others only, no repeat.
  await expect(app.getByRole('button', { name: `Ні, лише для інших (${section.routes - 1})` })).toBeFocused();
  await op.press('Enter');
  await expect(status).toHaveText(
    new RegExp(`^Сформовано завдань: ${section.routes - 1}, .* Пропущено маршрутів, де завдання на цю дату вже є: 1\\.$`),
  );
  expect(tasksOn(db, route.id, '2027-12-15')).toBe(1);
  expect(tasksThatDay()).toBe(section.routes);

  // Again: now every route has one, so the focus is on "Скасувати"; Tab, Enter says yes for all.
  await op.press('F9');
  await expect(forming.repeatQuestion).toContainText(`На 15.12.2027 завдання вже є для маршрутів (${section.routes}):`);
  await expect(app.getByRole('button', { name: 'Скасувати' })).toBeFocused();
  await op.press('Tab', 'Enter');
  await expect(status).toHaveText(new RegExp(`^Сформовано завдань: ${section.routes}, `));
  expect(tasksThatDay()).toBe(2 * section.routes);
});
