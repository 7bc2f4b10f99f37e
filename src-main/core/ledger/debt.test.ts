import { describe, expect, it } from 'vitest';
import { testDistrict } from '../../../tests/support/test-district';
import { createRandom } from '../../seed/random';
import { debts } from './debt';

/** The test district with its ledger and a second point for one account. */
function ledgerDistrict() {
  const d = testDistrict();
  const run = (sql: string, ...values: unknown[]) => d.db.prepare(sql).run(...values);
  /** A gas point on the same account as `pointId`: one consumer, two supplies. */
  const secondPoint = (pointId: number) =>
    Number(
      run(
        "INSERT INTO metering_points (account_id, house_id, apartment, commodity) SELECT account_id, house_id, apartment, 'gas' FROM metering_points WHERE id = ?",
        pointId,
      ).lastInsertRowid,
    );
  return { ...d, ledger: debts(d.db), secondPoint };
}

describe('debt from bills and payments', () => {
  it('counts a bill from its delivery date: delivered the day before or the day of the date asked about, not the day after', () => {
    const d = ledgerDistrict();
    const [before, same, after] = d.points.sh10 as [number, number, number];
    d.bill(before, '2026-09', 45000, '2026-10-04');
    d.bill(same, '2026-09', 45000, '2026-10-05');
    d.bill(after, '2026-09', 45000, '2026-10-06');
    const owed = d.ledger.ofPoints([before, same, after, d.points.po5[0]!], '2026-10-05');
    expect([...owed]).toEqual([
      [before, 45000],
      [same, 45000],
      [after, 0],
      [d.points.po5[0], 0],
    ]);
    expect(d.ledger.ofPoints([after], '2026-10-06').get(after)).toBe(45000);
  });

  it('counts a bill without a delivery date from the day after its period', () => {
    const d = ledgerDistrict();
    const point = d.points.sh2[0]!;
    d.bill(point, '2026-09', 30000, null);
    expect(d.ledger.ofPoints([point], '2026-09-30').get(point)).toBe(0);
    expect(d.ledger.ofPoints([point], '2026-10-01').get(point)).toBe(30000);
    expect(d.ledger.bills([point])).toEqual([expect.objectContaining({ dueOn: '2026-10-01', unpaidKop: 30000 })]);
  });

  it('leaves owed what the billing system has not marked paid, and takes off payments the bills do not hold yet', () => {
    const d = ledgerDistrict();
    const point = d.points.sh2[0]!;
    const account = d.accountOf(point);
    d.bill(point, '2026-08', 45000, '2026-09-05', 45000);
    d.bill(point, '2026-09', 45000, '2026-10-05', 20000);
    expect(d.ledger.ofPoints([point], '2026-11-01').get(point)).toBe(25000);
    // Held by the bills already (the August one's paid): it must not count a second time.
    d.payment(account, '2026-09-20', 45000, 45000);
    expect(d.ledger.ofPoints([point], '2026-11-01').get(point)).toBe(25000);
    // Half held: 5000 of it is news to the bills.
    d.payment(account, '2026-10-20', 10000, 5000);
    expect(d.ledger.ofPoints([point], '2026-11-01').get(point)).toBe(20000);
    // A payment after the date asked about still counts: the date picks the bills, not the payments.
    d.payment(account, '2026-11-15', 20000);
    expect(d.ledger.ofPoints([point], '2026-11-01').get(point)).toBe(0);
    expect(d.ledger.ofAccounts([account], '2026-11-01').get(account)).toEqual({ debtKop: 0, notDueKop: 0, creditKop: 0 });
  });

  it("spreads an account's unpaid-for payments over its points' bills, oldest due first", () => {
    const d = ledgerDistrict();
    const electricity = d.points.sh2[0]!;
    const gas = d.secondPoint(electricity);
    const account = d.accountOf(electricity);
    d.bill(electricity, '2026-08', 20000, '2026-09-05');
    d.bill(gas, '2026-09', 25000, '2026-10-05');
    d.bill(electricity, '2026-10', 10000, '2026-11-05');
    d.payment(account, '2026-10-20', 30000);
    // The August electricity bill is covered first, then 10000 of the September gas bill.
    expect([...d.ledger.ofPoints([electricity, gas], '2026-11-10')]).toEqual([
      [electricity, 10000],
      [gas, 15000],
    ]);
    // Before the October bill is delivered, it is billed but not due.
    expect([...d.ledger.ofPoints([electricity, gas], '2026-11-04')]).toEqual([
      [electricity, 0],
      [gas, 15000],
    ]);
    expect(d.ledger.ofAccounts([account], '2026-11-04').get(account)).toEqual({ debtKop: 15000, notDueKop: 10000, creditKop: 0 });
    expect(
      d.ledger
        .bills([electricity, gas])
        .sort((a, b) => a.period.localeCompare(b.period))
        .map((b) => [b.period, b.unpaidKop]),
    ).toEqual([
      ['2026-08', 0],
      ['2026-09', 15000],
      ['2026-10', 10000],
    ]);
    // Asking for one point still spreads the account's credit over both.
    expect(d.ledger.ofPoints([gas], '2026-11-10').get(gas)).toBe(15000);
  });

  it('carries what a bill was overpaid by to the next one, and shows an overpayment as credit, never as negative debt', () => {
    const d = ledgerDistrict();
    const point = d.points.sa1[0]!;
    const account = d.accountOf(point);
    d.bill(point, '2026-08', 20000, '2026-09-05', 26000);
    d.bill(point, '2026-09', 20000, '2026-10-05');
    expect(d.ledger.ofPoints([point], '2026-10-10').get(point)).toBe(14000);
    d.payment(account, '2026-10-12', 20000);
    expect(d.ledger.ofPoints([point], '2026-10-10').get(point)).toBe(0);
    expect(d.ledger.ofAccounts([account], '2026-10-10').get(account)).toEqual({ debtKop: 0, notDueKop: 0, creditKop: 6000 });
    // A credit note (a negative bill) is credit too.
    d.bill(point, '2026-10', -1000, '2026-11-05');
    expect(d.ledger.ofAccounts([account], '2026-11-10').get(account)).toEqual({ debtKop: 0, notDueKop: 0, creditKop: 7000 });
  });

  it('answers for many points in one go, each as of the same date, and for none', () => {
    const d = ledgerDistrict();
    const all = Object.values(d.points).flat();
    all.forEach((point, index) => d.bill(point, '2026-09', 1000 * (index + 1), '2026-10-05'));
    const owed = d.ledger.ofPoints(all, '2026-10-05');
    expect([...owed.values()]).toEqual(all.map((_, index) => 1000 * (index + 1)));
    expect(d.ledger.ofPoints([], '2026-10-05').size).toBe(0);
    expect(d.ledger.ofAccounts([], '2026-10-05').size).toBe(0);
    expect(d.ledger.bills([])).toEqual([]);
  });

  it('gives the figures of the rule read plainly, bill by bill, on a mixed ledger of credits, overpaid and negative bills', () => {
    const d = ledgerDistrict();
    const random = createRandom(12);
    const first = Object.values(d.points).flat();
    const points = [...first, ...first.filter((_, i) => i % 2 === 0).map((point) => d.secondPoint(point))];
    const periods = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
    const delivered = ['2026-06-05', '2026-07-05', '2026-07-05', '2026-09-05', '2026-10-05', '2026-11-05'];
    for (const point of points) {
      periods.forEach((period, i) => {
        if (random.chance(0.15)) return;
        const amount = random.chance(0.1) ? -random.int(1, 3000) : random.int(0, 40000);
        const paid = random.pick([0, amount, Math.max(0, amount), random.int(0, 50000)]);
        d.bill(point, period, amount, random.chance(0.3) ? null : delivered[i]!, Math.max(0, paid));
      });
    }
    const accounts = [...new Set(points.map((point) => d.accountOf(point)))];
    for (const account of accounts) {
      for (let n = random.int(0, 3); n > 0; n--) {
        const amount = random.int(1, 30000);
        d.payment(account, '2026-10-20', amount, random.pick([0, amount, random.int(0, amount)]));
      }
    }

    // The rule as docs/domain.md words it, over every bill and payment, nothing left out.
    type Bill = { id: number; pointId: number; accountId: number; period: string; amountKop: number; paidKop: number; dueOn: string };
    const all = d.db
      .prepare<[], Bill>(
        `SELECT b.id, b.point_id AS pointId, p.account_id AS accountId, b.period, b.amount_kop AS amountKop, b.paid_kop AS paidKop,
           coalesce(b.delivered_on, date(b.period || '-01', '+1 month')) AS dueOn
         FROM bills b JOIN metering_points p ON p.id = b.point_id`,
      )
      .all();
    const payments = d.db
      .prepare<[], { accountId: number; kop: number }>('SELECT account_id AS accountId, amount_kop - applied_kop AS kop FROM payments')
      .all();
    const unpaid = new Map<number, number>();
    const credit = new Map<number, number>();
    for (const account of accounts) {
      const bills = all
        .filter((b) => b.accountId === account)
        .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.period.localeCompare(b.period) || a.pointId - b.pointId || a.id - b.id);
      let left = Math.max(
        0,
        payments.filter((y) => y.accountId === account).reduce((sum, y) => sum + y.kop, 0) +
          bills.reduce((sum, b) => sum + Math.max(0, b.paidKop - b.amountKop), 0),
      );
      for (const b of bills) {
        const open = Math.max(0, b.amountKop - b.paidKop);
        const covered = Math.min(open, left);
        left -= covered;
        unpaid.set(b.id, open - covered);
      }
      credit.set(account, left);
    }
    expect([...unpaid.values()].some((kop) => kop > 0) && [...credit.values()].some((kop) => kop > 0)).toBe(true);

    expect(new Map(d.ledger.bills(points).map((b) => [b.id, b.unpaidKop]))).toEqual(unpaid);
    for (const asOf of ['2026-06-30', '2026-08-01', '2026-10-05', '2026-12-31']) {
      const due = all.filter((b) => b.dueOn <= asOf);
      const owed = (point: number) => due.filter((b) => b.pointId === point).reduce((sum, b) => sum + unpaid.get(b.id)!, 0);
      expect(d.ledger.ofPoints(points, asOf)).toEqual(new Map(points.map((point) => [point, owed(point)])));
      const standings = d.ledger.ofAccounts(accounts, asOf);
      for (const account of accounts) {
        const of = all.filter((b) => b.accountId === account);
        expect(standings.get(account)).toEqual({
          debtKop: of.filter((b) => b.dueOn <= asOf).reduce((sum, b) => sum + unpaid.get(b.id)!, 0),
          notDueKop: of.filter((b) => b.dueOn > asOf).reduce((sum, b) => sum + unpaid.get(b.id)!, 0),
          creditKop: credit.get(account),
        });
      }
      // Every point (read from the district's indexes whole) and a few (found account by account).
      const few = points.filter((_, i) => i % 4 === 1);
      for (const [asked, minKop] of [
        [points, 1],
        [points, 20000],
        [few, 1],
      ] as const) {
        expect(d.ledger.owing(asked, asOf, minKop)).toEqual(
          asked
            .filter((point) => owed(point) > 0 && owed(point) >= minKop)
            .sort((a, b) => a - b)
            .map((pointId) => ({
              pointId,
              debtKop: owed(pointId),
              periods: due
                .filter((b) => b.pointId === pointId && unpaid.get(b.id)! > 0)
                .sort((a, b) => a.period.localeCompare(b.period))
                .map((b) => ({ period: b.period, unpaidKop: unpaid.get(b.id) })),
            })),
        );
        // The totals alone, as a day's plan ranks by them: the same points, the same sums.
        expect(d.ledger.owingTotals(asked, asOf, minKop)).toEqual(
          new Map(asked.filter((point) => owed(point) > 0 && owed(point) >= minKop).map((point) => [point, owed(point)])),
        );
      }
    }
  });
});
