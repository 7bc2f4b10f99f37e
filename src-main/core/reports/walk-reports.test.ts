import { describe, expect, it } from 'vitest';
import { testDistrict } from '../../../tests/support/test-district';

const today = '2026-12-04';
const noAccess = 1; // «Немає доступу до лічильника», non_admittance = 1
const nobodyHome = 2; // non_admittance = 0

/** One route over the town's points (sh2, sh10 ×3, sh10a, sa1), its executor the test district's controller. */
function district() {
  const d = testDistrict({}, { today });
  const route = d.call('routes.save', { number: 7, name: 'Центр', sectionId: d.section, executorId: d.controller });
  d.call('routes.assign', { routeId: route.id, selector: { kind: 'settlement', settlementId: d.settlements.town } });
  const positionsOf = (taskId: number) =>
    d.db
      .prepare<[number], { id: number; pointId: number }>(
        'SELECT id, point_id AS pointId FROM task_positions WHERE task_id = ? ORDER BY seq',
      )
      .all(taskId);
  const save = (
    positionId: number,
    checkedOn: string,
    outcome: { kind: 'reading'; value: string } | { kind: 'reason'; reasonCode: number },
  ) => d.call('entry.save', { positionId, checkedOn, maxConsumption: { electricity: 100000, gas: 100000 }, outcome });
  /** The account number of a point, as the reports print it. */
  const value = (pointId: number) =>
    d.db
      .prepare<[number], { n: string }>('SELECT a.number AS n FROM accounts a JOIN metering_points p ON p.account_id = a.id WHERE p.id = ?')
      .get(pointId)!.n;
  const report = (kind: 'execution' | 'controllers' | 'noControl' | 'nonAdmittance' | 'verificationDue', extra: object = {}) =>
    d.call('registers.table', { kind, dateFrom: '2026-11-01', dateTo: today, ...extra });
  return { ...d, route, positionsOf, save, report, value };
}

describe('the walk reports', () => {
  it('count a task’s positions read, not read, not entered and refused access, with the reasons', () => {
    const d = district();
    const { taskId } = d.call('tasks.form', { routeId: d.route.id, taskDate: '2026-11-20', criteria: {} });
    const [a, b, c] = d.positionsOf(taskId);
    d.save(a!.id, '2026-11-20', { kind: 'reading', value: '100' });
    d.save(b!.id, '2026-11-20', { kind: 'reason', reasonCode: noAccess });
    d.save(c!.id, '2026-11-21', { kind: 'reason', reasonCode: nobodyHome });
    const table = d.report('execution');
    expect(table.rows).toEqual([
      {
        route: '7, Центр',
        taskDate: '2026-11-20',
        controller: 'Мельник Іван Петрович',
        positions: 6,
        read: 1,
        notRead: 2,
        noAccess: 1,
        open: 3,
        noAccessShare: 33.3,
        reasons: '1 — 1; 2 — 1',
      },
    ]);
    expect(table.totals).toEqual([
      { label: 'Завдань', count: 1 },
      { label: 'Позицій', count: 6 },
      { label: 'Знято', count: 1 },
      { label: 'Не знято', count: 2 },
    ]);
    // Outside the period, nothing.
    expect(d.call('registers.table', { kind: 'execution', dateFrom: '2026-11-21', dateTo: today }).rows).toEqual([]);
  });

  it('give a controller’s readings per working day: the days they read a meter on', () => {
    const d = district();
    const first = d.call('tasks.form', { routeId: d.route.id, taskDate: '2026-11-20', criteria: {} }).taskId;
    const second = d.call('tasks.form', { routeId: d.route.id, taskDate: '2026-11-23', criteria: {} }).taskId;
    const [a, b] = d.positionsOf(first);
    d.save(a!.id, '2026-11-20', { kind: 'reading', value: '100' });
    d.save(b!.id, '2026-11-20', { kind: 'reading', value: '100' });
    const [c] = d.positionsOf(second);
    d.save(c!.id, '2026-11-23', { kind: 'reading', value: '150' });
    expect(d.report('controllers').rows).toMatchObject([{ controller: 'Мельник Іван Петрович', tasks: 2, read: 3, days: 2, perDay: 1.5 }]);
  });

  it('list points without a control reading for 180 days or more as of the period’s end, and those never read', () => {
    const d = district();
    const reading = (pointId: number, takenOn: string) =>
      d.db.prepare("INSERT INTO readings (point_id, taken_on, value, kind) VALUES (?, ?, 100, 'control')").run(pointId, takenOn);
    const [p, q] = [d.points.sh2[0]!, d.points.sa1[0]!];
    reading(p, '2026-06-07'); // 180 days before 4 December
    reading(q, '2026-06-08'); // 179 days
    for (const point of [...d.points.sh10, ...d.points.sh10a, ...d.points.po5]) reading(point, '2026-11-01');
    const rows = d.report('noControl').rows;
    expect(rows.map((row) => [row.account, row.lastControl, row.daysSince])).toEqual([[d.value(p), '2026-06-07', 180]]);
    // In address order: Садова before Шевченка.
    expect(d.report('noControl', { days: 179 }).rows.map((row) => row.daysSince)).toEqual([179, 180]);
    d.db.prepare('DELETE FROM readings WHERE point_id = ?').run(p);
    expect(d.report('noControl').rows.map((row) => row.daysSince)).toEqual(['ніколи']);
  });

  it('list points refused twice in the window with the dates, not once', () => {
    const d = district();
    const refuse = (taskDate: string, pointIds: number[]) => {
      const { taskId } = d.call('tasks.form', { routeId: d.route.id, taskDate, criteria: {}, allowDuplicate: true });
      for (const position of d.positionsOf(taskId).filter((x) => pointIds.includes(x.pointId))) {
        d.save(position.id, taskDate, { kind: 'reason', reasonCode: noAccess });
      }
    };
    const [p, q] = [d.points.sh2[0]!, d.points.sa1[0]!];
    refuse('2026-11-10', [p, q]);
    refuse('2026-11-24', [p]);
    expect(d.report('nonAdmittance').rows).toEqual([
      expect.objectContaining({ account: d.value(p), visitCount: 2, visits: '10.11.2026, 24.11.2026' }),
    ]);
  });

  it('list meters due for verification in the period, the day of its end included', () => {
    const d = district();
    const due = (pointId: number, on: string) => d.db.prepare('UPDATE meters SET verification_due = ? WHERE point_id = ?').run(on, pointId);
    due(d.points.sh2[0]!, today);
    due(d.points.sa1[0]!, '2026-12-05');
    expect(d.report('verificationDue').rows.map((row) => [row.account, row.verificationDue])).toEqual([[d.value(d.points.sh2[0]!), today]]);
  });
});
