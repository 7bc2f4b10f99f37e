import ExcelJS from 'exceljs';
import { localToday } from '../../shared/dates';
import { shiftDays } from '../../src-main/core/disconnection/warning-rules';
import { expect, rpc, test } from './fixtures';
import { RegistersScreen } from './pages/registers';
import { warningRoute } from './warning-routes';

interface Order {
  id: number;
  positionsList: { id: number; pointId: number }[];
}

test('the cut-offs and orders registers list what the database holds, and the XLSX file holds the same rows', async ({ app, db }) => {
  const today = localToday();
  const warnedOn = shiftDays(today, -40);
  // Set up through the channels the other specs drive by keyboard: warnings issued 40 days ago, an order today, two cut-offs.
  const { route } = warningRoute(db);
  await rpc(app, 'tasks.form', { routeId: route.id, taskDate: warnedOn, criteria: {}, warnNonPayment: true, allowDuplicate: true });
  const formed = await rpc<{ rows: { id: number }[] }>(app, 'warnings.list', { status: 'formed', kind: 'non_payment', routeId: route.id });
  await rpc(app, 'warnings.issue', { ids: formed.rows.map((w) => w.id), how: 'in_hand', issuedOn: warnedOn });
  const { orderId } = await rpc<{ orderId: number }>(app, 'orders.form', { routeId: route.id, orderDate: today, criterion: 'warnings' });
  const order = await rpc<Order>(app, 'orders.get', { id: orderId });
  const executorId = db.prepare<[], { id: number }>('SELECT id FROM employees WHERE active = 1 ORDER BY id').get()!.id;
  for (const [index, position] of order.positionsList.slice(0, 2).entries()) {
    await rpc(app, 'orders.recordDone', {
      positionId: position.id,
      doneAt: `${today}T0${index + 8}:15`,
      executorId,
      sealNumber: `РЕГ-${index + 1}`,
      reading: 1000 + index,
    });
  }

  const registers = new RegistersScreen(app);
  await registers.open();
  await registers.choose('Відключ');
  const firstOfMonth = `${today.slice(0, 8)}01`;
  const cutoffs = db
    .prepare<[string, string], { seal: string; account: string }>(
      `SELECT seal_number AS seal, account_number AS account FROM order_positions
       WHERE outcome = 'done' AND substr(done_at, 1, 10) BETWEEN ? AND ? ORDER BY done_at, id`,
    )
    .all(firstOfMonth, today);
  expect(cutoffs.length).toBeGreaterThanOrEqual(2);
  await expect(registers.rows).toHaveCount(cutoffs.length);
  await expect(registers.totals).toContainText(`Усього: ${cutoffs.length}`);

  const download = await registers.exportXlsx();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const sheet = book.worksheets[0]!;
  expect(sheet.getRow(1).getCell(1).value).toBe('Реєстр відключень');
  const header = (sheet.getRow(3).values as unknown[]).slice(1);
  const seal = header.indexOf('Пломба') + 1;
  const account = header.indexOf('О/р') + 1;
  const fileRows = cutoffs.map((_, index) => sheet.getRow(4 + index));
  expect(fileRows.map((row) => ({ seal: row.getCell(seal).value, account: row.getCell(account).value }))).toEqual(cutoffs);
  // The warnings were handed over 40 days ago: every cut-off kept its notice period.
  expect(fileRows.every((row) => row.getCell(header.indexOf('Строк') + 1).value === 'Дотримано')).toBe(true);

  // The orders register counts the order as new: positions are still waiting for an outcome.
  await registers.choose('Наряд');
  const orders = db.prepare<[string, string], { n: number }>(
    'SELECT count(*) AS n FROM disconnection_orders WHERE order_date BETWEEN ? AND ?',
  );
  await expect(registers.rows).toHaveCount(orders.get(firstOfMonth, today)!.n);
  await expect(registers.rows.first()).toContainText(`${route.number}, ${route.name}`);
  await expect(registers.totals).toContainText('Новий: 1');
});

test('the task execution report counts what was entered, on screen and in its XLSX file', async ({ app, db }) => {
  const today = localToday();
  const { route } = warningRoute(db);
  const { taskId } = await rpc<{ taskId: number }>(app, 'tasks.form', {
    routeId: route.id,
    taskDate: today,
    criteria: {},
    allowDuplicate: true,
  });
  const save = async (seq: number, outcome: unknown) => {
    const position = await rpc<{ positionId: number }>(app, 'entry.position', { taskId, seq });
    await rpc(app, 'entry.save', {
      positionId: position.positionId,
      checkedOn: today,
      maxConsumption: { electricity: 1e6, gas: 1e6 },
      outcome,
    });
  };
  await save(1, { kind: 'reason', reasonCode: 1 });
  await save(2, { kind: 'reason', reasonCode: 2 });

  const reports = new RegistersScreen(app);
  await reports.openWalkReports();
  const firstOfMonth = `${today.slice(0, 8)}01`;
  const tasks = db
    .prepare<[string, string], { id: number; positions: number; notRead: number }>(
      `SELECT t.id, count(tp.id) AS positions, coalesce(sum(tp.status = 'not_executed'), 0) AS notRead
       FROM walk_tasks t JOIN task_positions tp ON tp.task_id = t.id WHERE t.task_date BETWEEN ? AND ?
       GROUP BY t.id ORDER BY t.task_date, t.route_number, t.id`,
    )
    .all(firstOfMonth, today);
  await expect(reports.rows).toHaveCount(tasks.length);
  // Above the table, the readings per controller per day of the same period; these two positions were not read.
  await expect(reports.byDay).toBeVisible();

  const download = await reports.exportXlsx();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const sheet = book.worksheets[0]!;
  expect(sheet.getRow(1).getCell(1).value).toBe('Виконання завдань');
  const header = (sheet.getRow(3).values as unknown[]).slice(1);
  const column = (name: string) => header.indexOf(name) + 1;
  const fileRows = tasks.map((_, index) => sheet.getRow(4 + index));
  expect(
    fileRows.map((row) => ({ positions: row.getCell(column('Позицій')).value, notRead: row.getCell(column('Не знято')).value })),
  ).toEqual(tasks.map(({ positions, notRead }) => ({ positions, notRead })));
  const ours = fileRows[tasks.findIndex((task) => task.id === taskId)]!;
  expect(ours.getCell(column('З них недопуск')).value).toBe(1);
});
