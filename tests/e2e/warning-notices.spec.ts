import { execFileSync } from 'node:child_process';
import type Database from 'better-sqlite3';
import { localToday } from '../../shared/dates';
import { formatAmount, formatDate } from '../../shared/i18n/format';
import { deadlineRule, settingsReader, type Commodity } from '../../src-main/core/calendar/working-days';
import { daysInWords } from '../../src-main/core/disconnection/notice-layout';
import { paginate } from '../../src-main/core/tasks/sheet-layout';
import { expect, rpc, test } from './fixtures';
import { NoticesPreview } from './pages/notices';
import { RouteSheet } from './pages/route-sheet';
import { SettingsScreen } from './pages/settings';
import { TaskForming } from './pages/task-forming';
import { TaskList } from './pages/task-list';
import { WarningsRegister } from './pages/warnings';
import { Workstation } from './pages/workstation';
import { warningRoute } from './warning-routes';

interface StoredWarning {
  id: number;
  account: string;
  debtKop: number;
  status: 'formed' | 'issued';
  cutoffOn: string | null;
  commodity: Commodity;
}

/** The task's warnings in force as the database holds them, in the task's order (the order they print in). */
const warningsOfTask = (db: Database.Database, taskId: number) =>
  db
    .prepare<[number], StoredWarning>(
      `SELECT w.id, a.number AS account, w.debt_kop AS debtKop, w.status, w.earliest_cutoff_on AS cutoffOn, p.commodity
       FROM disconnection_warnings w JOIN metering_points p ON p.id = w.point_id JOIN accounts a ON a.id = p.account_id
       WHERE w.task_id = ? AND w.status IN ('formed', 'issued')
       ORDER BY (SELECT min(seq) FROM task_positions tp WHERE tp.task_id = w.task_id AND tp.point_id = w.point_id), w.kind DESC, w.id`,
    )
    .all(taskId);

/** The PDF's text (poppler's pdftotext), one string per notice: each begins with its heading. */
function printedNotices(pdf: string): string[] {
  const text = execFileSync('pdftotext', ['-raw', pdf, '-']).toString().replace(/\s+/g, ' ');
  return text.split('ПОПЕРЕДЖЕННЯ ').slice(1);
}

/** What the paper must say of each warning: its account, its debt, and its earliest cut-off as the database has it. */
function expectNoticesMatch(printed: string[], stored: StoredWarning[], db: Database.Database) {
  const settings = settingsReader(db);
  expect(printed).toHaveLength(stored.length);
  stored.forEach((warning, index) => {
    const notice = printed[index]!;
    expect(notice, `notice ${index + 1}`).toContain(`Особовий рахунок ${warning.account} `);
    expect(notice, `notice ${index + 1}`).toContain(`${formatAmount(warning.debtKop, 'uk')} грн`);
    if (warning.status === 'issued') {
      expect(notice, `notice ${index + 1}`).toContain(`не раніше ${formatDate(warning.cutoffOn, 'uk')}.`);
    } else {
      // Not handed out yet: the rule the cut-off will be counted by, from the district's settings.
      const rule = deadlineRule(settings, 'notice', warning.commodity, 'town');
      expect(notice, `notice ${index + 1}`).toContain(`не раніше ніж через ${daysInWords(rule.days, rule.unit)} від дня отримання`);
    }
    expect(notice, `notice ${index + 1}`).toContain('Коростишівський РЕМ, м. Коростишів, вул. Соборна, 3, тел. (04130) 5-12-34');
  });
}

test('a task formed with warnings prints their notices two to a page; the PDF says what the database holds', async ({ app, db }) => {
  const today = localToday();
  const { route } = warningRoute(db);
  // The branch's contacts, typed in by the administrator in Сервіс / Налаштування.
  const settings = new SettingsScreen(app);
  await settings.open();
  await settings.setText('Адреса філії (для попереджень)', 'м. Коростишів, вул. Соборна, 3');
  await settings.setText('Телефон філії (для попереджень)', '(04130) 5-12-34');
  expect(
    db
      .prepare("SELECT new_value AS newValue FROM audit_log WHERE channel = 'settings.save' AND new_value LIKE '%branch.%' ORDER BY id")
      .all(),
  ).toEqual([{ newValue: '{"branch.address":"м. Коростишів, вул. Соборна, 3"}' }, { newValue: '{"branch.phone":"(04130) 5-12-34"}' }]);

  const forming = new TaskForming(app);
  const { status } = new Workstation(app);
  await forming.open();
  await forming.chooseRoute(route);
  await forming.withNonPaymentWarnings();
  await forming.execute();
  await expect(status).toHaveText(/Сформовано попереджень: за несплату — \d+, за недопуск — 0\.$/);
  const task = db.prepare<[number], { id: number }>('SELECT max(id) AS id FROM walk_tasks WHERE route_id = ?').get(route.id)!;
  const formed = warningsOfTask(db, task.id);
  expect(formed.length, 'the route has debtors old enough to warn').toBeGreaterThan(2);
  // One handed over today, so its notice has a date to print; the rest are still formed.
  await rpc(app, 'warnings.issue', { ids: [formed[1]!.id], how: 'in_hand', issuedOn: today });
  const stored = warningsOfTask(db, task.id);
  expect(stored[1]).toMatchObject({ status: 'issued', cutoffOn: expect.any(String) });

  // Завдання на обхід: the newest task on top, F6 its notices.
  const list = new TaskList(app);
  const preview = new NoticesPreview(app);
  await list.open();
  await expect(list.rows.nth(1)).toContainText(`№ ${route.number} — ${route.name}`);
  await list.focus();
  await list.op.press('F6');
  const pages = Math.ceil(stored.length / 2);
  await expect(preview.summary).toHaveText(`Повідомлень: ${stored.length}, аркушів А4: ${pages}`);
  await expect(preview.pages).toHaveCount(pages);
  await expect(preview.notices).toHaveCount(stored.length);

  const download = await preview.savePdf();
  expect(download.suggestedFilename()).toBe(`notices-route-${route.number}-${today}.pdf`);
  await expect(status).toHaveText(`PDF збережено: notices-route-${route.number}-${today}.pdf (${pages} арк.)`);
  expectNoticesMatch(printedNotices(await download.path()), stored, db);
});

test('two warnings ticked in the register print on one sheet, by F6', async ({ app, db }) => {
  const register = new WarningsRegister(app);
  const preview = new NoticesPreview(app);
  await register.open();
  await register.focus();
  // Space ticks the first row, ↓ moves to the next, Space ticks it.
  await register.tick();
  await register.op.press('ArrowDown');
  await register.tick();
  await expect(register.rows.nth(1).getByRole('checkbox')).toBeChecked();
  await expect(register.rows.nth(2).getByRole('checkbox')).toBeChecked();
  const accounts = [
    (await register.rows.nth(1).getByRole('cell').nth(1).textContent())!.trim(),
    (await register.rows.nth(2).getByRole('cell').nth(1).textContent())!.trim(),
  ];
  await register.op.press('F6');
  await expect(preview.summary).toHaveText('Повідомлень: 2, аркушів А4: 1');
  const pdf = await (await preview.savePdf()).path();
  const stored = accounts.map((account) =>
    db
      .prepare<[string], StoredWarning>(
        `SELECT w.id, a.number AS account, w.debt_kop AS debtKop, w.status, w.earliest_cutoff_on AS cutoffOn, p.commodity
           FROM disconnection_warnings w JOIN metering_points p ON p.id = w.point_id JOIN accounts a ON a.id = p.account_id
           WHERE a.number = ? AND w.status IN ('formed', 'issued')`,
      )
      .get(account)!,
  );
  expectNoticesMatch(printedNotices(pdf), stored, db);
  // Esc goes back to the register, the ticks as they were left by the screen (none: it opened afresh).
  await preview.op.press('Escape');
  await expect(register.table).toBeVisible();
});

test("the route sheet with «include warnings» ticked ends with the task's notices", async ({ app, db }) => {
  const { route } = warningRoute(db);
  const task = db
    .prepare<[number], { id: number; positions: number }>(
      `SELECT t.id, (SELECT count(*) FROM task_positions WHERE task_id = t.id) AS positions
       FROM walk_tasks t WHERE t.route_id = ? ORDER BY t.id DESC LIMIT 1`,
    )
    .get(route.id)!;
  const stored = warningsOfTask(db, task.id);
  const list = new TaskList(app);
  const sheet = new RouteSheet(app);
  await list.open();
  await list.focus();
  // Enter opens the route sheet of the active (newest) task.
  await list.op.press('Enter');
  const sheetPages = paginate(Array.from({ length: task.positions })).length;
  await expect(sheet.summary).toHaveText(`Сторінок: ${sheetPages}, позицій: ${task.positions}`);
  await sheet.includeWarnings();
  const pages = sheetPages + Math.ceil(stored.length / 2);
  await expect(sheet.summary).toHaveText(`Сторінок: ${pages}, позицій: ${task.positions}`);
  await expect(sheet.pages).toHaveCount(pages);

  const pdf = await (await sheet.savePdf()).path();
  expectNoticesMatch(printedNotices(pdf), stored, db);
});
