import { execFileSync } from 'node:child_process';
import { localToday } from '../../shared/dates';
import { formatDate } from '../../shared/i18n/format';
import { addDays } from '../../src-main/core/calendar/working-days';
import { expect, test } from './fixtures';
import { DayPlans } from './pages/day-plans';
import { RouteSheet } from './pages/route-sheet';
import { TaskList } from './pages/task-list';
import { Workstation } from './pages/workstation';

interface Controller {
  id: number;
  name: string;
}

test('the master forms the next working day’s plans for every controller by keyboard, moves points between two and prints every sheet in one PDF', async ({
  app,
  db,
}) => {
  const date = addDays(localToday(), 1, 'working');
  const controllers = db
    .prepare<[], Controller>(
      `SELECT e.id, e.full_name AS name FROM employees e
       WHERE e.is_controller = 1 AND e.active = 1 AND EXISTS (SELECT 1 FROM routes r WHERE r.executor_id = e.id)
       ORDER BY e.name_key, e.id`,
    )
    .all();
  expect(controllers.length, 'the district has two controllers with routes or more').toBeGreaterThan(1);
  const [first, second] = controllers as [Controller, Controller];
  const plans = new DayPlans(app);
  const sheets = new RouteSheet(app);
  const { status } = new Workstation(app);

  await plans.open();
  // The next working day, every active controller's plan side by side; the keys start on the first.
  await expect(plans.date).toHaveValue(formatDate(date, 'uk'));
  for (const controller of controllers) await expect(plans.column(controller.id)).toContainText(controller.name);
  await expect(plans.summary(first.id)).toHaveText(/^Точок: \d+ · очікується показників: [\d,]+ з 45 · бал останньої: \d+$/);
  await plans.expectActive(first.id);

  // The first two points of the first controller's day ticked (Space, ↓, Space) and moved by F6 to the second.
  const [one, two] = [await plans.rows(first.id).nth(0).innerText(), await plans.rows(first.id).nth(1).innerText()];
  await plans.op.press('Space', 'ArrowDown', 'Space');
  await plans.moveTo(second.name);
  await expect(status).toHaveText(`Переміщено точок: 2 — до ${second.name}.`);
  const moved = db
    .prepare<[string, number], number>('SELECT point_id FROM plan_points WHERE plan_date = ? AND employee_id = ? AND moved = 1')
    .pluck()
    .all(date, second.id);
  expect(moved).toHaveLength(2);
  const accountOf = db
    .prepare<[number], string>('SELECT a.number FROM metering_points p JOIN accounts a ON a.id = p.account_id WHERE p.id = ?')
    .pluck();
  const movedAccounts = moved.map((pointId) => accountOf.get(pointId)!);
  expect(movedAccounts.every((account) => `${one}\n${two}`.includes(account))).toBe(true);

  // → to the second controller: the two are in their day, marked as moved; F4 locks it.
  await plans.op.press('ArrowRight');
  await plans.expectActive(second.id);
  await expect(plans.rows(second.id).filter({ hasText: 'переміщено' })).toHaveCount(2);
  for (const account of movedAccounts) await expect(plans.table(first.id)).not.toContainText(account);
  await plans.op.press('F4');
  await expect(status).toHaveText(new RegExp(`^${second.name}: план закріплено \\(\\d+ точок\\)\\.$`));
  const locked = db
    .prepare<[string, number], number>('SELECT count(*) FROM plan_points WHERE plan_date = ? AND employee_id = ?')
    .pluck()
    .get(date, second.id)!;
  expect(db.prepare('SELECT locked_by FROM plan_locks WHERE plan_date = ? AND employee_id = ?').pluck().get(date, second.id)).toBe('admin');

  // F9 forms every plan, Enter confirms.
  await plans.formAll();
  await expect(status).toHaveText(/^Сформовано завдань: \d+ для контролерів: \d+, позицій: \d+, попереджень: 0\.$/);
  const tasks = db
    .prepare<[string], { id: number; executorId: number; executorName: string; positions: number }>(
      `SELECT t.id, t.executor_id AS executorId, t.executor_name AS executorName,
         (SELECT count(*) FROM task_positions WHERE task_id = t.id) AS positions
       FROM walk_tasks t WHERE t.kind = 'plan' AND t.task_date = ? ORDER BY t.id`,
    )
    .all(date);
  const positions = tasks.reduce((sum, task) => sum + task.positions, 0);
  await expect(status).toHaveText(
    `Сформовано завдань: ${tasks.length} для контролерів: ${controllers.length}, позицій: ${positions}, попереджень: 0.`,
  );
  for (const controller of controllers) {
    const own = tasks.filter((task) => task.executorId === controller.id);
    expect(own.length, controller.name).toBeGreaterThan(0);
    expect(own.every((task) => task.executorName === controller.name)).toBe(true);
    await expect(plans.column(controller.id)).toContainText('Сформовано');
  }
  const pointsOf = db.prepare<[number], number>(
    `SELECT tp.point_id FROM walk_tasks t JOIN task_positions tp ON tp.task_id = t.id WHERE t.kind = 'plan' AND t.task_date = '${date}' AND t.executor_id = ?`,
  );
  expect(pointsOf.pluck().all(second.id)).toHaveLength(locked);
  expect(pointsOf.pluck().all(second.id)).toEqual(expect.arrayContaining(moved));
  expect(pointsOf.pluck().all(first.id)).not.toEqual(expect.arrayContaining([moved[0]]));

  // F7: every sheet of the day in one document; Ctrl+S saves it as one PDF.
  await plans.op.press('F7');
  await expect(sheets.page.getByTestId('sheets-pages')).toHaveText(new RegExp(`^Сторінок: \\d+, позицій: ${positions}$`));
  const pages = Number((await sheets.page.getByTestId('sheets-pages').innerText()).match(/Сторінок: (\d+)/)![1]);
  const download = await sheets.savePdf();
  expect(download.suggestedFilename()).toBe(`route-sheets-${date}.pdf`);
  await expect(status).toHaveText(`PDF збережено: route-sheets-${date}.pdf (${pages} стор.)`);
  const file = await download.path();
  expect(execFileSync('pdfinfo', [file]).toString()).toMatch(new RegExp(`^Pages:\\s+${pages}$`, 'm'));
  const text = execFileSync('pdftotext', ['-raw', file, '-']).toString();
  for (const controller of controllers) expect(text).toContain(`Виконавець: ${controller.name}`);
  expect(text.match(/Критерій: Денний план/g)).toHaveLength(pages);
});

test('a plan’s task is handed to another controller from the task list by F7, and the audit log keeps who had it', async ({ app, db }) => {
  const list = new TaskList(app);
  const plans = new DayPlans(app);
  const { status } = new Workstation(app);
  // The newest task on top: one of the plans the test before formed.
  const task = db
    .prepare<[], { id: number; executorId: number; executorName: string }>(
      `SELECT id, executor_id AS executorId, executor_name AS executorName FROM walk_tasks
       ORDER BY task_date DESC, route_number, id DESC LIMIT 1`,
    )
    .get()!;
  const other = db
    .prepare<[number], { id: number; name: string }>(
      `SELECT id, full_name AS name FROM employees WHERE is_controller = 1 AND active = 1 AND id <> ? ORDER BY name_key, id LIMIT 1`,
    )
    .get(task.executorId)!;
  await list.open();
  await expect(list.rows.nth(1)).toContainText('Денний план');
  await expect(list.rows.nth(1)).toContainText(task.executorName);
  await list.focus();
  await list.op.press('F7');
  await expect(plans.dialog.getByRole('radio', { name: other.name })).toBeChecked();
  await expect(plans.dialog.getByRole('radio', { name: task.executorName })).toHaveCount(0);
  await list.op.press('Enter');
  await expect(status).toHaveText(`Завдання передано: ${other.name}.`);
  await expect(list.rows.nth(1)).toContainText(other.name);
  expect(db.prepare('SELECT executor_id AS id, executor_name AS name FROM walk_tasks WHERE id = ?').get(task.id)).toEqual(other);
  const entry = db
    .prepare<[], { oldValue: string; newValue: string }>(
      "SELECT old_value AS oldValue, new_value AS newValue FROM audit_log WHERE channel = 'tasks.reassign' ORDER BY id DESC LIMIT 1",
    )
    .get()!;
  expect(JSON.parse(entry.oldValue)).toMatchObject({ taskId: task.id, executorId: task.executorId, executorName: task.executorName });
  expect(JSON.parse(entry.newValue)).toMatchObject({ taskId: task.id, executorId: other.id, executorName: other.name });
});
