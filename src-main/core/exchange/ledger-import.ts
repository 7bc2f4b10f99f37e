import type { BillImportField, ImportProblem, PaymentImportField } from '../../../shared/contract/exchange';
import { requiredBillFields, requiredPaymentFields } from '../../../shared/contract/exchange';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db } from '../../db/open';
import { commodities, isoDate, isoPeriod, kopecks } from './import-values';
import { rejected, tableColumns, type ImportTable } from './import-table';

type Written = { created: number; updated: number };

const words = {
  uk: {
    required: 'обовʼязкове поле порожнє',
    account: 'такого особового рахунку немає — спершу імпортуйте абонентів',
    point: 'у рахунку немає точки обліку цього виду',
    commodity: 'очікується «електроенергія» або «газ»',
    period: 'період у вигляді РРРР-ММ або ММ.РРРР',
    money: 'сума в гривнях, напр. 1234,56',
    date: 'дата у вигляді ДД.ММ.РРРР або РРРР-ММ-ДД',
    duplicate: (line: number) => `те саме вже є в рядку ${line}`,
  },
  en: {
    required: 'a required field is empty',
    account: 'no such account — import the accounts first',
    point: 'the account has no metering point of this commodity',
    commodity: 'expected "electricity" or "gas"',
    period: 'a period as YYYY-MM or MM.YYYY',
    money: 'an amount in hryvnias, e.g. 1234.56',
    date: 'a date as DD.MM.YYYY or YYYY-MM-DD',
    duplicate: (line: number) => `the same is already on line ${line}`,
  },
};

/**
 * Bills (by metering point and period) and payments (by account, date, amount and source) from the
 * billing system. The same rules as accounts: every row checked, every problem listed, a clean file
 * written in one transaction, the same file twice changes nothing.
 */
export function ledgerImporter(db: Db) {
  const account = db.prepare<[string], { id: number }>('SELECT id FROM accounts WHERE number = ?');
  const point = db.prepare<{ accountId: number; commodity: string | null }, { id: number }>(
    'SELECT id FROM metering_points WHERE account_id = @accountId AND (@commodity IS NULL OR commodity = @commodity) ORDER BY id LIMIT 1',
  );
  const bill = db.prepare<[number, string], { id: number; amountKop: number; paidKop: number; deliveredOn: string | null }>(
    'SELECT id, amount_kop AS amountKop, paid_kop AS paidKop, delivered_on AS deliveredOn FROM bills WHERE point_id = ? AND period = ?',
  );
  const insertBill = db.prepare('INSERT INTO bills (point_id, period, amount_kop, paid_kop, delivered_on) VALUES (?, ?, ?, ?, ?)');
  const updateBill = db.prepare('UPDATE bills SET amount_kop = ?, paid_kop = ?, delivered_on = ? WHERE id = ?');
  const payment = db.prepare<[number, string, number, string], { id: number }>(
    'SELECT id FROM payments WHERE account_id = ? AND paid_on = ? AND amount_kop = ? AND source = ?',
  );
  const insertPayment = db.prepare('INSERT INTO payments (account_id, paid_on, amount_kop, source) VALUES (?, ?, ?, ?)');

  const bills = (table: ImportTable, locale: Locale): Written => {
    const w = words[locale];
    const { column, cell } = tableColumns<BillImportField>(table, requiredBillFields, locale);
    const problems: ImportProblem[] = [];
    const clean: { pointId: number; period: string; amount: number; paid: number; deliveredOn: string | null }[] = [];
    const seen = new Map<string, number>();
    table.rows.forEach((cells, index) => {
      const line = table.firstLine + index;
      const before = problems.length;
      const problem = (field: BillImportField, reason: string) =>
        problems.push({ line, column: column(field), value: cell(cells, field), reason });
      for (const field of requiredBillFields) if (!cell(cells, field)) problem(field, w.required);
      const commodityText = cell(cells, 'commodity').toLowerCase();
      const commodity = commodityText ? commodities[commodityText] : null;
      if (commodity === undefined) problem('commodity', w.commodity);
      const period = isoPeriod(cell(cells, 'period'));
      if (cell(cells, 'period') && !period) problem('period', w.period);
      const amount = kopecks(cell(cells, 'amount'));
      if (cell(cells, 'amount') && amount === null) problem('amount', w.money);
      const paid = cell(cells, 'paid') ? kopecks(cell(cells, 'paid')) : 0;
      if (paid === null) problem('paid', w.money);
      const deliveredOn = cell(cells, 'deliveredOn') ? isoDate(cell(cells, 'deliveredOn')) : null;
      if (cell(cells, 'deliveredOn') && !deliveredOn) problem('deliveredOn', w.date);
      const accountId = cell(cells, 'accountNumber') ? account.get(cell(cells, 'accountNumber'))?.id : undefined;
      if (cell(cells, 'accountNumber') && accountId === undefined) problem('accountNumber', w.account);
      const pointId = accountId === undefined || commodity === undefined ? undefined : point.get({ accountId, commodity })?.id;
      if (accountId !== undefined && commodity !== undefined && pointId === undefined) problem('commodity', w.point);
      if (problems.length > before || pointId === undefined || !period || amount === null || paid === null) return;
      const key = `${pointId}\u0000${period}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) return void problem('period', w.duplicate(earlier));
      seen.set(key, line);
      clean.push({ pointId, period, amount, paid, deliveredOn });
    });
    if (problems.length) throw rejected(problems);
    let created = 0;
    let updated = 0;
    for (const row of clean) {
      const current = bill.get(row.pointId, row.period);
      if (!current) {
        insertBill.run(row.pointId, row.period, row.amount, row.paid, row.deliveredOn);
        created++;
      } else if (current.amountKop !== row.amount || current.paidKop !== row.paid || current.deliveredOn !== row.deliveredOn) {
        updateBill.run(row.amount, row.paid, row.deliveredOn, current.id);
        updated++;
      }
    }
    return { created, updated };
  };

  const payments = (table: ImportTable, locale: Locale): Written => {
    const w = words[locale];
    const { column, cell } = tableColumns<PaymentImportField>(table, requiredPaymentFields, locale);
    const problems: ImportProblem[] = [];
    const clean: { accountId: number; paidOn: string; amount: number; source: string }[] = [];
    table.rows.forEach((cells, index) => {
      const line = table.firstLine + index;
      const before = problems.length;
      const problem = (field: PaymentImportField, reason: string) =>
        problems.push({ line, column: column(field), value: cell(cells, field), reason });
      for (const field of requiredPaymentFields) if (!cell(cells, field)) problem(field, w.required);
      const paidOn = isoDate(cell(cells, 'paidOn'));
      if (cell(cells, 'paidOn') && !paidOn) problem('paidOn', w.date);
      const amount = kopecks(cell(cells, 'amount'));
      if (cell(cells, 'amount') && amount === null) problem('amount', w.money);
      const accountId = cell(cells, 'accountNumber') ? account.get(cell(cells, 'accountNumber'))?.id : undefined;
      if (cell(cells, 'accountNumber') && accountId === undefined) problem('accountNumber', w.account);
      if (problems.length > before || accountId === undefined || !paidOn || amount === null) return;
      clean.push({ accountId, paidOn, amount, source: cell(cells, 'source') });
    });
    if (problems.length) throw rejected(problems);
    let created = 0;
    for (const row of clean) {
      if (payment.get(row.accountId, row.paidOn, row.amount, row.source)) continue;
      insertPayment.run(row.accountId, row.paidOn, row.amount, row.source);
      created++;
    }
    return { created, updated: 0 };
  };

  return { bills, payments };
}
