import ExcelJS from 'exceljs';
import { localToday } from '../../shared/dates';
import { expect, openDistrict, rpc, test } from './fixtures';
import { Operator } from './pages';

test('a backup is previewed with its date and counts, then restored by keyboard', async ({ app, db, district }) => {
  const op = new Operator(app);
  await op.menu('Сервіс', 'Резервні копії');
  await expect(app.getByTestId('integrity')).toContainText(/integrity_check|триває/);
  const table = app.getByTestId('backups-table');
  await expect(table.getByRole('row').nth(1)).toContainText('при запуску');

  // A manual copy of the database as it is now, then a change that the restore must undo.
  await op.press('Insert');
  await expect(app.getByTestId('status')).toContainText('Копію створено');
  const accounts = (db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
  const settlements = (db.prepare('SELECT count(*) AS n FROM settlements').get() as { n: number }).n;
  await expect(table.getByRole('row').nth(1)).toContainText('вручну');
  const created = await app.evaluate(async () => {
    const response = await fetch('/api/rpc', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionStorage.getItem('obhid.token')}` },
      body: JSON.stringify({ channel: 'settlements.save', input: { name: 'Тимчасове', kind: 'село' } }),
    });
    return ((await response.json()) as { ok: boolean }).ok;
  });
  expect(created).toBe(true);

  await table.focus();
  await op.press('Home', 'Enter');
  const preview = app.getByTestId('backup-preview');
  await expect(preview).toContainText(accounts.toLocaleString('uk-UA').replace(/\s/g, ' '));
  await op.press('Enter');
  await expect(app.getByTestId('status')).toContainText('Базу відновлено з копії від');
  // A fresh connection: the file was replaced under the one the test held open.
  const after = openDistrict(district);
  expect((after.prepare('SELECT count(*) AS n FROM settlements').get() as { n: number }).n).toBe(settlements);
  after.close();
});

test('entered readings are exported to XLSX by keyboard, one row per entered position', async ({ app, db }) => {
  // This test's own entered position today: a task on a route, its first position not executed.
  const route = db.prepare<[], { id: number }>('SELECT route_id AS id FROM metering_points WHERE route_id IS NOT NULL LIMIT 1').get()!;
  const today = localToday();
  const { taskId } = await rpc<{ taskId: number }>(app, 'tasks.form', { routeId: route.id, taskDate: today, criteria: {} });
  const first = await rpc<{ positionId: number }>(app, 'entry.position', { taskId, seq: 1 });
  await rpc(app, 'entry.save', {
    positionId: first.positionId,
    checkedOn: today,
    maxConsumption: 1500,
    outcome: { kind: 'reason', reasonCode: 2 },
  });
  const op = new Operator(app);
  await op.menu('Звіти', 'Експорт показників');
  await expect(app.getByLabel('Дата з')).toBeFocused();
  const { dateFrom, dateTo } = await app.evaluate(() => ({
    dateFrom: (document.querySelector('input[type=date]') as HTMLInputElement).value,
    dateTo: (document.querySelectorAll('input[type=date]')[1] as HTMLInputElement).value,
  }));
  const download = app.waitForEvent('download');
  await op.press('Enter');
  const file = await (await download).path();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const expected = (
    db.prepare("SELECT count(*) AS n FROM task_positions WHERE status <> 'new' AND checked_on BETWEEN ? AND ?").get(dateFrom, dateTo) as {
      n: number;
    }
  ).n;
  expect(expected).toBeGreaterThan(0);
  expect(book.getWorksheet('Показники')!.rowCount - 1).toBe(expected);
  await expect(app.getByTestId('status')).toHaveText(new RegExp(`Експортовано рядків: ${expected} `));
});
