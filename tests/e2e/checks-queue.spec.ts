import ExcelJS from 'exceljs';
import { walkReportKinds } from '../../shared/contract/registers';
import { candidates, taskInOrder } from './entry-tasks';
import { expect, rpc, test } from './fixtures';
import { CheckQueue } from './pages/check-queue';
import { RegistersScreen } from './pages/registers';
import { ReadingEntry } from './pages/reading-entry';

interface Band {
  consumption: number;
  low: number;
  high: number;
}

test('a spike and a zero from a sheet wait in Контроль показників with the point chart, are decided, reported and exported', async ({
  app,
  db,
}) => {
  // Two points last read on 19 September or before: more than 60 days before the sheet's 20 November.
  const points = candidates(db, 2, 0, '2026-09-19');
  expect(points).toHaveLength(2);
  const { taskId, order, prevs } = await taskInOrder(app, db, points);
  const expectedOf = async (seq: number) => (await rpc<{ expected: Band | null }>(app, 'entry.position', { taskId, seq })).expected;
  const spikeBand = (await expectedOf(1))!;
  expect(spikeBand, 'the demo district gives every point a history to judge by').not.toBeNull();
  const spike = prevs[0]! + spikeBand.high * 2 + 7;
  const [spikePoint, zeroPoint] = order.map((position) => position.pointId) as [number, number];

  // Typed from the sheet: the expected consumption and its band stand beside the value.
  const entry = new ReadingEntry(app);
  await entry.open(taskId);
  const uk = new Intl.NumberFormat('uk-UA');
  await expect(app.getByTestId('entry-expected')).toContainText(`${uk.format(spikeBand.low)}–${uk.format(spikeBand.high)}`);
  await entry.typeReading(spike);
  await expect(entry.plausibility.dialog).toContainText('більше звичайного для цієї точки');
  await entry.plausibility.accept();
  await expect(entry.seq).toHaveText('Позиція 2 з 2');
  await entry.typeReading(prevs[1]!);
  await expect(entry.plausibility.dialog).toContainText('Нульове споживання за');
  await entry.plausibility.accept();
  await expect(entry.summary).toContainText('У черзі «Контроль показників»: 2');

  const items = () =>
    db
      .prepare<[], { id: number; pointId: number; checks: string; decision: string | null; decidedBy: string | null; value: number }>(
        'SELECT id, point_id AS pointId, checks, decision, decided_by AS decidedBy, value FROM reading_checks ORDER BY id',
      )
      .all();
  expect(items().map((item) => [item.pointId, (JSON.parse(item.checks) as { code: string }[]).map((c) => c.code)])).toEqual([
    [spikePoint, ['tooHigh']],
    [zeroPoint, ['zero']],
  ]);

  // Both wait in the queue; the active one shows why and the point's two years as bars.
  const queue = new CheckQueue(app);
  await queue.open();
  await expect(queue.rows).toHaveCount(2);
  await expect(queue.sentences.first()).toContainText('більше звичайного для цієї точки');
  await expect(queue.bars.first()).toBeVisible();
  expect(await queue.bars.count()).toBeGreaterThan(0);

  // F4: the right value for the spike, as the controller reads it on a second look.
  const right = prevs[0]! + Math.round(spikeBand.consumption);
  await queue.decide('F4', right, 'описка в листі');
  await expect(queue.rows).toHaveCount(1);
  await expect(queue.sentences.first()).toContainText('Нульове споживання');
  await expect(queue.bars.first()).toBeVisible();
  const corrected = db
    .prepare<[number], { value: number; consumption: number }>(
      'SELECT value, consumption FROM readings WHERE task_position_id = (SELECT id FROM task_positions WHERE task_id = ? AND seq = 1)',
    )
    .get(taskId)!;
  expect(corrected).toEqual({ value: right, consumption: right - prevs[0]! });

  // F6: a control re-read; the route has no task to come, so it waits for the next one formed.
  await queue.decide('F6');
  await expect(queue.rows).toHaveCount(0);
  expect(items().map((item) => [item.decision, item.decidedBy])).toEqual([
    ['corrected', 'admin'],
    ['reread', 'admin'],
  ]);
  const routeId = db.prepare<[number], { routeId: number }>('SELECT route_id AS routeId FROM walk_tasks WHERE id = ?').get(taskId)!.routeId;
  const next = await rpc<{ taskId: number }>(app, 'tasks.form', {
    routeId,
    taskDate: '2026-12-31',
    criteria: { complaint: true },
    allowDuplicate: true,
  });
  expect(
    db.prepare<[number], { pointId: number }>('SELECT point_id AS pointId FROM task_positions WHERE task_id = ?').all(next.taskId),
  ).toEqual([{ pointId: zeroPoint }]);

  // Every walk report runs for the sheet's day; each shows what the core lists for it.
  const reports = new RegistersScreen(app);
  await reports.openWalkReports();
  await reports.setPeriod('20.11.2026', '20.11.2026');
  const names: Record<(typeof walkReportKinds)[number], string> = {
    execution: 'Виконання завдань',
    controllers: 'по контролерах',
    noControl: 'без контрольного',
    nonAdmittance: 'Недопуск',
    suspicious: 'Сумнівні',
    verificationDue: 'Повірка',
  };
  for (const kind of walkReportKinds) {
    await reports.choose(names[kind]);
    const listed = await rpc<{ rows: unknown[] }>(app, 'registers.table', { kind, dateFrom: '2026-11-20', dateTo: '2026-11-20' });
    await expect(reports.rows).toHaveCount(listed.rows.length);
  }

  // The suspicious readings in XLSX: the queue's items of the day, each with its check and decision.
  await reports.choose(names.suspicious);
  const download = await reports.exportXlsx();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const sheet = book.worksheets[0]!;
  expect(sheet.getRow(1).getCell(1).value).toBe('Сумнівні показники');
  const header = (sheet.getRow(3).values as unknown[]).slice(1);
  const cell = (row: number, name: string) => sheet.getRow(row).getCell(header.indexOf(name) + 1).text;
  const fromDb = db
    .prepare<[], { account: string; value: number; decision: string }>(
      `SELECT a.number AS account, c.value, c.decision FROM reading_checks c JOIN metering_points p ON p.id = c.point_id
       JOIN accounts a ON a.id = p.account_id ORDER BY c.id`,
    )
    .all();
  const words: Record<string, string> = { corrected: 'виправлено', reread: 'повторний контроль' };
  const fileRows = fromDb.map((_, index) => ({
    account: cell(4 + index, 'О/р'),
    value: Number(cell(4 + index, 'Показник')),
    decision: cell(4 + index, 'Рішення'),
  }));
  expect(fileRows.sort((a, b) => a.account.localeCompare(b.account))).toEqual(
    fromDb.map((item) => ({ ...item, decision: words[item.decision] })).sort((a, b) => a.account.localeCompare(b.account)),
  );
  expect(cell(4, 'Перевірка') === 'завелике' || cell(5, 'Перевірка') === 'завелике').toBe(true);
});
