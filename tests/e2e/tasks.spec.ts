import Database from 'better-sqlite3';
import { readFile } from 'node:fs/promises';
import { localToday } from '../../shared/dates';
import { formatDate } from '../../shared/i18n/format';
import { paginate } from '../../src-main/core/tasks/sheet-layout';
import { expect, test } from './fixtures';
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
  await expect(list.refusal).toHaveText(`Завдання від 2031-01-02 по маршруту № ${route.number} не можна видалити: виконано позицій — 1.`);
  expect(db.prepare('SELECT count(*) AS n FROM walk_tasks WHERE id = ?').get(executedTask)).toEqual({ n: 1 });

  await list.focus();
  await op.press('ArrowDown');
  await expect(list.rows.nth(2)).toHaveAttribute('aria-selected', 'true');
  await op.press('Delete', 'Enter');
  await expect(status).toHaveText('Завдання видалено.');
  expect(db.prepare('SELECT count(*) AS n FROM walk_tasks WHERE id = ?').get(freshTask)).toEqual({ n: 0 });
});
