import { describe, expect, it } from 'vitest';
import { testDistrict } from '../../../tests/support/test-district';
import { shiftDays } from './warning-rules';

const today = '2026-11-22';
const paymentHeader = ['О/р', 'Дата оплати', 'Сума', 'Джерело'];
const paymentMapping = { accountNumber: 0, paidOn: 1, amount: 2, source: 3 };

interface StoredWarning {
  id: number;
  pointId: number;
  kind: string;
  status: string;
  cancelReason: string | null;
  closedOn: string | null;
}

/**
 * The test district with a route over every point; p owes 600,00 on a bill delivered 30 days ago
 * and gets a non-payment warning formed with a walk task today, as an operator forms it.
 */
function district() {
  const d = testDistrict({}, { today });
  const route = d.call('routes.save', { number: 7, name: 'Усе', sectionId: d.section, executorId: d.controller });
  for (const settlementId of [d.settlements.town, d.settlements.village]) {
    d.call('routes.assign', { routeId: route.id, selector: { kind: 'settlement', settlementId } });
  }
  const p = d.points.sh2[0]!;
  const q = d.points.sa1[0]!;
  const accountNumber = (pointId: number) =>
    d.db
      .prepare<[number], { number: string }>('SELECT a.number FROM metering_points p JOIN accounts a ON a.id = p.account_id WHERE p.id = ?')
      .get(pointId)!.number;
  d.bill(p, '2026-09', 60000, shiftDays(today, -30));
  const formed = d.call('tasks.form', {
    routeId: route.id,
    taskDate: today,
    criteria: {},
    warnNonPayment: true,
    warnNonAdmittance: false,
    allowDuplicate: true,
  });
  expect(formed.warnings.nonPayment).toBe(1);
  const sql = (statement: string, ...values: unknown[]) => Number(d.db.prepare(statement).run(...values).lastInsertRowid);
  /** A warning written by hand, in a status the workflow has no channel for yet. */
  const handWritten = (pointId: number, kind: 'non_payment' | 'non_admittance', status: string) =>
    sql(
      `INSERT INTO disconnection_warnings (point_id, kind, status, as_of, debt_kop, debt_periods, refused_visits, cancel_reason, closed_on)
       VALUES (?, ?, ?, '2026-10-01', 60000, '[]', '[]', ?, ?)`,
      pointId,
      kind,
      status,
      status === 'cancelled' ? 'operator' : null,
      status === 'executed' || status === 'cancelled' ? '2026-10-15' : null,
    );
  /** A payments file of one row per [point, amount in гривні], paid today. */
  const pay = (...rows: [number, string][]) =>
    d.importFile('payments', {
      header: paymentHeader,
      rows: rows.map(([pointId, amount]) => [accountNumber(pointId), today, amount, 'каса']),
      mapping: paymentMapping,
    });
  const warnings = () =>
    d.db
      .prepare<[], StoredWarning>(
        `SELECT id, point_id AS pointId, kind, status, cancel_reason AS cancelReason, closed_on AS closedOn
         FROM disconnection_warnings ORDER BY id`,
      )
      .all();
  return { ...d, p, q, sql, handWritten, pay, warnings };
}

describe('a payments import cancels non-payment warnings paid below the minimum', () => {
  it('keeps a warning whose debt is left exactly at the minimum, cancels it a kopeck below, and says how many', () => {
    const d = district();
    expect(d.pay([d.p, '100,00'])).toEqual({ rows: 1, created: 1, updated: 0, unchanged: 0, cancelledWarnings: 0, reconnectionsFormed: 0 });
    expect(d.warnings()).toMatchObject([{ pointId: d.p, status: 'formed', cancelReason: null, closedOn: null }]);

    expect(d.pay([d.p, '0,01'])).toMatchObject({ created: 1, cancelledWarnings: 1 });
    expect(d.warnings()).toMatchObject([{ pointId: d.p, status: 'cancelled', cancelReason: 'paid', closedOn: today }]);
  });

  it('cancels an issued warning too', () => {
    const d = district();
    d.db.prepare("UPDATE disconnection_warnings SET status = 'issued', issued_how = 'in_hand', issued_on = ?").run(today);
    expect(d.pay([d.p, '600,00']).cancelledWarnings).toBe(1);
    expect(d.warnings()).toMatchObject([{ status: 'cancelled', cancelReason: 'paid', closedOn: today }]);
  });

  it('leaves an executed or cancelled warning, and a non-admittance one, as they are', () => {
    const d = district();
    d.db.prepare('DELETE FROM disconnection_warnings').run();
    const executed = d.handWritten(d.p, 'non_payment', 'executed');
    const cancelled = d.handWritten(d.p, 'non_payment', 'cancelled');
    const nonAdmittance = d.handWritten(d.p, 'non_admittance', 'formed');
    expect(d.pay([d.p, '600,00']).cancelledWarnings).toBe(0);
    expect(d.warnings()).toEqual([
      { id: executed, pointId: d.p, kind: 'non_payment', status: 'executed', cancelReason: null, closedOn: '2026-10-15' },
      { id: cancelled, pointId: d.p, kind: 'non_payment', status: 'cancelled', cancelReason: 'operator', closedOn: '2026-10-15' },
      { id: nonAdmittance, pointId: d.p, kind: 'non_admittance', status: 'formed', cancelReason: null, closedOn: null },
    ]);
  });

  it('looks only at the accounts the file pays: another account owing nothing keeps its warning', () => {
    const d = district();
    // q owes nothing, yet holds a warning (say the debt was settled in a bills file): a payment for p does not touch it.
    const other = d.handWritten(d.q, 'non_payment', 'formed');
    expect(d.pay([d.p, '50,00']).cancelledWarnings).toBe(0);
    expect(d.warnings().map((w) => [w.id === other ? 'q' : 'p', w.status])).toEqual([
      ['p', 'formed'],
      ['q', 'formed'],
    ]);
    // A payment to q's account now does cancel it.
    expect(d.pay([d.q, '1,00']).cancelledWarnings).toBe(1);
    expect(d.warnings().find((w) => w.id === other)).toMatchObject({ status: 'cancelled', cancelReason: 'paid' });
  });

  it('counts what one file cancels over its accounts, and the same file twice cancels nothing more', () => {
    const d = district();
    d.handWritten(d.q, 'non_payment', 'formed');
    const file = (): [number, string][] => [
      [d.p, '50,00'],
      [d.q, '1,00'],
    ];
    expect(d.pay(...file())).toMatchObject({ rows: 2, created: 2, cancelledWarnings: 1 });
    expect(d.warnings().map((w) => w.status)).toEqual(['formed', 'cancelled']);
    expect(d.pay([d.p, '50,01'])).toMatchObject({ created: 1, cancelledWarnings: 1 });
    expect(d.pay(...file())).toMatchObject({ created: 0, cancelledWarnings: 0 });
    expect(d.warnings().map((w) => w.status)).toEqual(['cancelled', 'cancelled']);
  });
});
