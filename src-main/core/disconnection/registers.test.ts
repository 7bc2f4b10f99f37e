import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { testDistrict } from '../../../tests/support/test-district';
import { registerXlsx } from '../../exchange/register-xlsx';
import { registerPage } from './register-page';

const today = '2026-12-04';

/**
 * Two issued warnings, an order over both: one cut off on its earliest cut-off date, the other a
 * day before it (the notice period missed); then a reconnection done after its deadline and one
 * still open within it.
 */
function pipeline() {
  const d = testDistrict({}, { today });
  const route = d.call('routes.save', { number: 7, name: 'Усе', sectionId: d.section, executorId: d.controller });
  d.call('routes.assign', { routeId: route.id, selector: { kind: 'settlement', settlementId: d.settlements.town } });
  const p = d.points.sh2[0]!;
  const q = d.points.sa1[0]!;
  const warn = (pointId: number, cutoffOn: string) =>
    d.db
      .prepare(
        `INSERT INTO disconnection_warnings (point_id, kind, status, as_of, debt_kop, debt_periods, issued_how, issued_on, received_on,
           earliest_cutoff_on) VALUES (?, 'non_payment', 'issued', '2026-11-02', 60000, '[]', 'mail', '2026-11-03', '2026-11-06', ?)`,
      )
      .run(pointId, cutoffOn);
  for (const point of [p, q]) d.bill(point, '2026-08', 60000, '2026-09-05');
  warn(p, '2026-11-19');
  warn(q, '2026-11-19');
  const order = d.call('orders.form', { routeId: route.id, orderDate: '2026-11-19', criterion: 'debt', debtMinKop: 50000 });
  const positions = d.call('orders.get', { id: order.orderId! }).positionsList;
  const act = (pointId: number, doneAt: string) =>
    d.call('orders.recordDone', {
      positionId: positions.find((x) => x.pointId === pointId)!.id,
      doneAt,
      executorId: d.controller,
      sealNumber: `S-${pointId}`,
      reading: 1000,
    });
  act(q, '2026-11-20T11:00');
  act(p, '2026-11-19T09:30');
  // The core never cuts off before the notice period has run; a cut-off carried over from before
  // Obhid may have been, and the register must say so: both warnings are dated 20 November by hand,
  // a day after p's cut-off and the day of q's.
  d.db.prepare("UPDATE disconnection_warnings SET earliest_cutoff_on = '2026-11-20'").run();
  const late = d.call('reconnections.form', { pointId: p, basis: 'operator', note: 'суд', formedOn: '2026-11-25' });
  d.call('reconnections.record', { id: late.id, doneAt: '2026-12-01T10:00', executorId: d.controller, sealNumber: 'N-1', reading: 1000 });
  d.call('reconnections.form', { pointId: q, basis: 'operator', note: 'суд', formedOn: today });
  const table = (kind: 'warnings' | 'orders' | 'cutoffs' | 'reconnections', status = 'all' as const) =>
    d.call('registers.table', { kind, dateFrom: '2026-11-01', dateTo: '2026-12-31', status });
  return { ...d, p, q, table };
}

describe('the disconnection registers', () => {
  it('list cut-offs with the notice period kept on the earliest cut-off date and missed a day before it', () => {
    const d = pipeline();
    const cutoffs = d.table('cutoffs');
    expect(cutoffs.rows.map((r) => [r.seal, r.doneAt, r.earliestCutoffOn, r.deadline])).toEqual([
      [`S-${d.p}`, '2026-11-19T09:30', '2026-11-20', 'Порушено'],
      [`S-${d.q}`, '2026-11-20T11:00', '2026-11-20', 'Дотримано'],
    ]);
    expect(cutoffs.totals).toEqual(
      expect.arrayContaining([
        { label: 'Дотримано', count: 1 },
        { label: 'Порушено', count: 1 },
      ]),
    );
    expect(
      d.call('registers.table', { kind: 'cutoffs', dateFrom: '2026-11-01', dateTo: '2026-12-31', status: 'missed' }).rows,
    ).toHaveLength(1);
  });

  it('list reconnections done late as done and overdue, and one within its deadline as new', () => {
    const d = pipeline();
    const rows = d.table('reconnections').rows.map((r) => [r.formedOn, r.deadlineOn, r.status, r.deadline]);
    expect(rows).toEqual([
      ['2026-11-25', '2026-11-30', 'Виконаний', 'Прострочений'],
      [today, '2026-12-09', 'Новий', null],
    ]);
    const overdue = d.call('registers.table', { kind: 'reconnections', dateFrom: '2026-11-01', dateTo: '2026-12-31', status: 'overdue' });
    expect(overdue.rows.map((r) => r.formedOn)).toEqual(['2026-11-25']);
  });

  it('list warnings by status over the period of their forming date, and orders by status', () => {
    const d = pipeline();
    expect(d.table('warnings').rows.map((r) => r.status)).toEqual(['Виконаний', 'Виконаний']);
    expect(d.call('registers.table', { kind: 'warnings', dateFrom: '2026-11-03', dateTo: '2026-12-31' }).rows).toEqual([]);
    expect(d.table('orders').rows).toEqual([
      { name: '7, Усе', orderDate: '2026-11-19', criterion: 'Борг', status: 'Виконаний', positions: 2, done: 2, notDone: 0, open: 0 },
    ]);
    expect(d.call('registers.table', { kind: 'orders', dateFrom: '2026-11-01', dateTo: '2026-12-31' }, 'en').columns[0]).toEqual({
      key: 'name',
      kind: 'text',
      label: 'Order',
    });
  });

  it('write to XLSX the rows the table holds: dates as dates, money in гривні', async () => {
    const d = pipeline();
    const table = d.table('warnings');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await registerXlsx(table, '01.11.2026 – 31.12.2026')) as never);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(3).values).toEqual([undefined, ...table.columns.map((c) => c.label)]);
    const first = sheet.getRow(4);
    expect(first.getCell(1).value).toBe(table.rows[0]!.account);
    expect(first.getCell(6).value).toEqual(new Date('2026-11-02T00:00:00Z'));
    expect(first.getCell(7).value).toBe(600);
    expect(sheet.getRow(5).getCell(1).value).toBe(table.rows[1]!.account);
  });

  it('print every row with the branch and period, and say so when there is nothing', () => {
    const d = pipeline();
    const page = registerPage(d.table('cutoffs'), 'uk', today);
    expect(page.pages).toBe(1);
    expect(page.html).toContain('Реєстр відключень');
    expect(page.html).toContain('19.11.2026 09:30');
    expect(page.html).toContain(`S-${d.q}`);
    expect(page.html).toContain('01.11.2026 – 31.12.2026');
    const empty = registerPage(d.call('registers.table', { kind: 'orders', dateFrom: '2025-01-01', dateTo: '2025-01-31' }), 'uk', today);
    expect(empty.html).toContain('Записів немає.');
  });
});
