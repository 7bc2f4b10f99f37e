import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ExportedReading } from '../../shared/contract/exchange';
import { testDistrict } from '../../tests/support/test-district';
import { readingColumns, readingsCsv, readingsXlsx } from './readings-file';

/** Two entered positions (a reading over the maximum, a refusal of access) and one left open. */
function enteredTask() {
  const d = testDistrict();
  const route = d.call('routes.save', { number: 8, name: 'Експорт', sectionId: null, executorId: null });
  d.call('routes.assign', { routeId: route.id, selector: { kind: 'houses', houseIds: [d.houses.sh2, d.houses.sa1, d.houses.po5] } });
  const { taskId } = d.call('tasks.form', { routeId: route.id, taskDate: '2026-11-20', criteria: {} });
  d.db.prepare("INSERT INTO readings (point_id, taken_on, value, kind) VALUES (?, '2026-06-01', 1000, 'control')").run(d.points.sa1[0]);
  const first = d.call('entry.position', { taskId, seq: 1 });
  const second = d.call('entry.position', { taskId, seq: 2 });
  d.call('entry.save', {
    positionId: second.positionId,
    checkedOn: '2026-11-20',
    maxConsumption: { electricity: 10, gas: 10 },
    outcome: { kind: 'reading', value: '1500', accepted: ['overMaximum'] },
    problems: [1],
    note: 'пломба',
  });
  d.call('entry.save', {
    positionId: first.positionId,
    checkedOn: '2026-11-21',
    maxConsumption: { electricity: 10, gas: 10 },
    outcome: { kind: 'reason', reasonCode: 5 },
  });
  return { ...d, taskId, routeId: route.id };
}

describe('exporting entered readings', () => {
  it('lists executed and not executed positions with reasons, flags and who entered them', () => {
    const d = enteredTask();
    const month = { routeId: null, taskId: null, dateFrom: '2026-11-01', dateTo: '2026-11-30' };
    // The reading accepted over the maximum waits in Контроль показників: left out unless asked for, and counted.
    expect(d.core.services.exchange.readings(month).map((r) => r.status)).toEqual(['not_executed']);
    expect(d.core.services.exchange.skippedQueued(month)).toBe(1);
    const rows = d.core.services.exchange.readings({ ...month, includeQueued: true });
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.status === 'executed')).toMatchObject({
      queued: true,
      estimated: false,
      value: 1500,
      consumption: 500,
      overMaxAccepted: true,
      problems: 'Порушена пломба',
      note: 'пломба',
      enteredBy: 'admin',
    });
    expect(rows.find((r) => r.status === 'not_executed')).toMatchObject({
      value: null,
      reasonCode: 5,
      reason: 'Відмова в допуску',
      checkedOn: '2026-11-21',
    });
    expect(
      d.core.services.exchange.readings({ routeId: null, taskId: null, ...{ dateFrom: '2026-11-21', dateTo: '2026-11-21' } }),
    ).toHaveLength(1);
    // Once a master confirmed it, it goes to billing with the rest.
    const [item] = d.call('checks.list', { status: 'waiting' }).rows;
    d.call('checks.decide', { id: item!.id, decision: 'confirmed' });
    expect(d.core.services.exchange.readings(month)).toHaveLength(2);
    expect(d.core.services.exchange.skippedQueued(month)).toBe(0);
    expect(
      d.core.services.exchange.readings({ dateFrom: '2026-11-01', dateTo: '2026-11-30', routeId: d.routeId + 1, taskId: null }),
    ).toHaveLength(0);
  });

  it('writes CSV that reads back to the same table, Cyrillic intact', () => {
    const d = enteredTask();
    const rows: ExportedReading[] = d.core.services.exchange.readings({
      routeId: null,
      taskId: null,
      ...{ dateFrom: '2026-11-01', dateTo: '2026-11-30' },
      includeQueued: true,
    });
    const text = readingsCsv(rows).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ';' }).data.filter((line) => line.length > 1);
    expect(parsed[0]).toEqual(readingColumns.map(([, header]) => header));
    expect(parsed).toHaveLength(3);
    expect(parsed.some((line) => line.includes('Відмова в допуску'))).toBe(true);
  });

  it('writes XLSX that Excel-compatible readers open', async () => {
    const d = enteredTask();
    const rows: ExportedReading[] = d.core.services.exchange.readings({
      routeId: null,
      taskId: null,
      ...{ dateFrom: '2026-11-01', dateTo: '2026-11-30' },
      includeQueued: true,
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readingsXlsx(rows)) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Показники')!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).getCell(1).value).toBe('Особовий рахунок');
    const values = [sheet.getRow(2).values, sheet.getRow(3).values].flat();
    expect(values).toContain(1500);
    expect(values).toContain('Відмова в допуску');
  });
});
