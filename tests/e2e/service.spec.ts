import ExcelJS from 'exceljs';
import { localToday } from '../../shared/dates';
import { expect, openDistrict, rpc, test } from './fixtures';
import { BackupsScreen } from './pages/backups';
import { ExportScreen } from './pages/export';
import { Workstation } from './pages/workstation';

test('a backup is previewed with its date and counts, then restored by keyboard', async ({ app, db, district }) => {
  const backups = new BackupsScreen(app);
  const { status } = new Workstation(app);
  await backups.open();
  await expect(backups.rows.nth(1)).toContainText('при запуску');

  // A manual copy of the database as it is now, then a change that the restore must undo.
  await backups.backUpNow();
  await expect(status).toContainText('Копію створено');
  const accounts = (db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
  const settlements = (db.prepare('SELECT count(*) AS n FROM settlements').get() as { n: number }).n;
  await expect(backups.rows.nth(1)).toContainText('вручну');
  await rpc(app, 'settlements.save', { name: 'Тимчасове', kind: 'село' });
  expect((db.prepare('SELECT count(*) AS n FROM settlements').get() as { n: number }).n).toBe(settlements + 1);

  await backups.previewNewest();
  await expect(backups.preview).toContainText(accounts.toLocaleString('uk-UA').replace(/\s/g, ' '));
  await backups.restore();
  await expect(status).toContainText('Базу відновлено з копії від');
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
    maxConsumption: { electricity: 1500, gas: 500 },
    outcome: { kind: 'reason', reasonCode: 2 },
  });
  const exporter = new ExportScreen(app);
  const { status } = new Workstation(app);
  await exporter.open();
  const { dateFrom, dateTo } = await exporter.period();
  const download = await exporter.export();
  const file = await download.path();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const expected = (
    db.prepare("SELECT count(*) AS n FROM task_positions WHERE status <> 'new' AND checked_on BETWEEN ? AND ?").get(dateFrom, dateTo) as {
      n: number;
    }
  ).n;
  expect(expected).toBeGreaterThan(0);
  expect(book.getWorksheet('Показники')!.rowCount - 1).toBe(expected);
  await expect(status).toHaveText(new RegExp(`Експортовано рядків: ${expected} `));
});
