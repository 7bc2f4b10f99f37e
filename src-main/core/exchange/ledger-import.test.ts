import { describe, expect, it } from 'vitest';
import { testDistrict } from '../../../tests/support/test-district';

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
});
