import { describe, expect, it } from 'vitest';
import { testDistrict } from '../../../tests/support/test-district';
import { debts } from '../ledger/debt';

const billHeader = ['О/р', 'Вид', 'Період', 'Сума', 'Сплачено', 'Дата вручення'];
const billMapping = { accountNumber: 0, commodity: 1, period: 2, amount: 3, paid: 4, deliveredOn: 5 };
const paymentHeader = ['О/р', 'Дата оплати', 'Сума', 'Джерело'];
const paymentMapping = { accountNumber: 0, paidOn: 1, amount: 2, source: 3 };

describe('importing bills and payments', () => {
  it('writes bills by point and period once, and updates a changed one', () => {
    const d = testDistrict();
    const rows = [
      ['100', 'електроенергія', '2026-09', '450,00', '450', '05.10.2026'],
      ['100', '', '10.2026', '1 234,56', '', ''],
    ];
    expect(d.importFile('bills', { header: billHeader, rows, mapping: billMapping })).toEqual({
      rows: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
    });
    expect(
      d.db.prepare('SELECT period, amount_kop AS amount, paid_kop AS paid, delivered_on AS delivered FROM bills ORDER BY period').all(),
    ).toEqual([
      { period: '2026-09', amount: 45000, paid: 45000, delivered: '2026-10-05' },
      { period: '2026-10', amount: 123456, paid: 0, delivered: null },
    ]);
    expect(d.importFile('bills', { header: billHeader, rows, mapping: billMapping })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 2,
    });
    rows[1]![4] = '1234,56';
    expect(d.importFile('bills', { header: billHeader, rows, mapping: billMapping })).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 1,
    });
  });

  it('refuses the whole file over one unknown account or bad amount, naming each', () => {
    const d = testDistrict();
    const problems = d.importProblems('bills', {
      header: billHeader,
      rows: [
        ['100', '', '2026-09', '10', '', ''],
        ['999999', '', '2026-09', '10', '', ''],
        ['101', 'газ', '2026-13', 'десять', '', ''],
      ],
      mapping: billMapping,
    });
    expect(problems).toEqual([
      { line: 3, column: 'О/р', value: '999999', reason: 'такого особового рахунку немає — спершу імпортуйте абонентів' },
      { line: 4, column: 'Період', value: '2026-13', reason: 'період у вигляді РРРР-ММ або ММ.РРРР' },
      { line: 4, column: 'Сума', value: 'десять', reason: 'сума в гривнях, напр. 1234,56' },
      { line: 4, column: 'Вид', value: 'газ', reason: 'у рахунку немає точки обліку цього виду' },
    ]);
    expect(d.db.prepare('SELECT count(*) AS n FROM bills').get()).toEqual({ n: 0 });
  });

  it('writes payments once however often the file comes', () => {
    const d = testDistrict();
    const rows = [
      ['100', '12.10.2026', '300', 'Ощадбанк'],
      ['101', '2026-10-13', '150,50', ''],
    ];
    expect(d.importFile('payments', { header: paymentHeader, rows, mapping: paymentMapping })).toMatchObject({
      created: 2,
      unchanged: 0,
    });
    expect(d.importFile('payments', { header: paymentHeader, rows, mapping: paymentMapping })).toMatchObject({ created: 0, unchanged: 2 });
    expect(d.db.prepare('SELECT paid_on AS paidOn, amount_kop AS amount, source FROM payments ORDER BY paid_on').all()).toEqual([
      { paidOn: '2026-10-12', amount: 30000, source: 'Ощадбанк' },
      { paidOn: '2026-10-13', amount: 15050, source: '' },
    ]);
    expect(
      d.importProblems('payments', { header: paymentHeader, rows: [['100', '31.02.2026', '1', '']], mapping: paymentMapping }),
    ).toHaveLength(1);
  });

  it('refuses a payment of nothing or less: a refund shows in the bills', () => {
    const d = testDistrict();
    expect(
      d
        .importProblems('payments', {
          header: paymentHeader,
          rows: [
            ['100', '12.10.2026', '0', ''],
            ['100', '12.10.2026', '-5,00', ''],
          ],
          mapping: paymentMapping,
        })
        .map((p) => [p.line, p.column, p.reason]),
    ).toEqual([
      [2, 'Сума', 'сума оплати має бути більшою за нуль (повернення видно в рахунках)'],
      [3, 'Сума', 'сума оплати має бути більшою за нуль (повернення видно в рахунках)'],
    ]);
  });
});

/**
 * One consumer (account 100) through a month of files, as of the workstation's day: the September
 * bill of 450,00 delivered on 5 October, and what the payments and the next bills file do to it.
 */
describe('a payment counts once, whichever file brings it first', () => {
  const importDay = '2026-11-03';
  const setUp = () => {
    const d = testDistrict({}, { today: importDay });
    const point = d.points.sh2[0]!;
    const account = d.db.prepare<[number], { id: number }>('SELECT account_id AS id FROM metering_points WHERE id = ?').get(point)!.id;
    const ledger = debts(d.db);
    const bills = (paid: string, ...more: string[][]) =>
      d.importFile('bills', {
        header: billHeader,
        rows: [['100', '', '2026-09', '450,00', paid, '05.10.2026'], ...more],
        mapping: billMapping,
      });
    const pay = (paidOn: string, amount: string) =>
      d.importFile('payments', { header: paymentHeader, rows: [['100', paidOn, amount, 'Ощадбанк']], mapping: paymentMapping });
    const debt = () => ledger.ofPoints([point], '2026-11-10').get(point);
    const payments = () =>
      d.db
        .prepare(
          'SELECT paid_on AS paidOn, amount_kop AS amount, applied_kop AS applied FROM payments WHERE account_id = ? ORDER BY paid_on, id',
        )
        .all(account);
    const seen = () => d.db.prepare('SELECT bills_imported_on AS "on", paid_ahead_kop AS ahead FROM accounts WHERE id = ?').get(account);
    return { d, bills, pay, debt, payments, seen };
  };

  it('a payment imported before the bills that hold it: lowers the debt until they come, then is held by them', () => {
    const { bills, pay, debt, payments, seen } = setUp();
    bills('');
    expect(debt()).toBe(45000);
    pay('20.10.2026', '300,00');
    expect(debt()).toBe(15000);
    expect(payments()).toEqual([{ paidOn: '2026-10-20', amount: 30000, applied: 0 }]);
    // The next bills file says 300,00 is paid: that is the payment, not another one.
    bills('300,00');
    expect(payments()).toEqual([{ paidOn: '2026-10-20', amount: 30000, applied: 30000 }]);
    expect(debt()).toBe(15000);
    expect(seen()).toEqual({ on: importDay, ahead: 0 });
  });

  it('a payment imported after the bills that already hold it does not count again', () => {
    const { bills, pay, debt, payments, seen } = setUp();
    bills('300,00');
    expect(seen()).toEqual({ on: importDay, ahead: 30000 });
    expect(debt()).toBe(15000);
    pay('20.10.2026', '300,00');
    expect(payments()).toEqual([{ paidOn: '2026-10-20', amount: 30000, applied: 30000 }]);
    expect(debt()).toBe(15000);
    expect(seen()).toEqual({ on: importDay, ahead: 0 });
  });

  it('a later bills file that raises nothing paid keeps what the bills held ahead, so a late payment still counts once', () => {
    const { bills, pay, debt, seen } = setUp();
    bills('300,00');
    // The next file only adds October's bill, unpaid: the 300,00 held ahead stays ahead.
    bills('300,00', ['100', '', '2026-10', '120,00', '', '05.11.2026']);
    expect(seen()).toEqual({ on: importDay, ahead: 30000 });
    const before = debt();
    pay('20.10.2026', '300,00');
    expect(debt()).toBe(before);
  });

  it('a payment made after the day of the last bills import lowers the debt, whatever those bills held ahead', () => {
    const { bills, pay, debt, payments } = setUp();
    bills('100,00');
    pay('04.11.2026', '100,00');
    expect(payments()).toEqual([{ paidOn: '2026-11-04', amount: 10000, applied: 0 }]);
    expect(debt()).toBe(25000);
  });

  it('a bills file that holds part of the payments: the oldest first, the rest still lowers the debt', () => {
    const { bills, pay, debt, payments } = setUp();
    bills('');
    pay('15.10.2026', '100,00');
    pay('25.10.2026', '200,00');
    expect(debt()).toBe(15000);
    bills('150,00');
    expect(payments()).toEqual([
      { paidOn: '2026-10-15', amount: 10000, applied: 10000 },
      { paidOn: '2026-10-25', amount: 20000, applied: 5000 },
    ]);
    expect(debt()).toBe(15000);
    // The rest arrives in the billing system and in its next file.
    bills('300,00');
    expect(payments()).toEqual([
      { paidOn: '2026-10-15', amount: 10000, applied: 10000 },
      { paidOn: '2026-10-25', amount: 20000, applied: 20000 },
    ]);
    expect(debt()).toBe(15000);
  });

  it('the same bills file again tells nothing new, so a payment since it keeps lowering the debt', () => {
    const { bills, pay, debt, payments } = setUp();
    bills('');
    pay('20.10.2026', '300,00');
    expect(bills('')).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(payments()).toEqual([{ paidOn: '2026-10-20', amount: 30000, applied: 0 }]);
    expect(debt()).toBe(15000);
  });
});
