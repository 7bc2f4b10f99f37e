import type { BillImportField, ImportProblem, PaymentImportField } from '../../../shared/contract/exchange';
import { requiredBillFields, requiredPaymentFields } from '../../../shared/contract/exchange';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db } from '../../db/open';
import { parseDate, parseMoney } from '../../../shared/i18n/format';
import { commodities, isoPeriod } from './import-values';
import { rejected, tableColumns, type ImportTable } from './import-table';
import { reconnections } from '../disconnection/reconnection';
import { warningCancelling } from '../disconnection/warning-cancelling';

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
    positive: 'сума оплати має бути більшою за нуль (повернення видно в рахунках)',
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
    positive: 'a payment is more than zero (a refund shows in the bills)',
  },
};

/**
 * Bills (by metering point and period) and payments (by account, date, amount and source) from the
 * billing system. The same rules as accounts: every row checked, every problem listed, a clean file
 * written in one transaction, the same file twice changes nothing.
 *
 * Each import also moves the line between payments the bills' paid amounts already hold and those
 * they do not (payments.applied_kop), which is what keeps a payment from counting twice in a debt
 * (docs/domain.md, "Debt"):
 * - a bills import that creates or changes an account's bills raises its paid amounts by some sum:
 *   money the billing system has applied since. That sum goes to the account's payments not yet
 *   applied, oldest first; what is left over is money we have not heard of yet, kept with the day
 *   of the import (accounts.paid_ahead_kop, bills_imported_on) until its next bills import;
 * - a payment imported later, dated on or before that day, is taken as held by those bills as far
 *   as that leftover goes.
 *
 * A payments import then cancels the non-payment warnings of the accounts it brought new payments
 * to whose debt fell below the minimum (disconnection/warning-cancelling.ts), in the same transaction.
 */
export function ledgerImporter(db: Db, today: () => string) {
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
  const insertPayment = db.prepare('INSERT INTO payments (account_id, paid_on, amount_kop, source, applied_kop) VALUES (?, ?, ?, ?, ?)');
  const notApplied = db.prepare<[number], { id: number; openKop: number }>(
    'SELECT id, amount_kop - applied_kop AS openKop FROM payments WHERE account_id = ? AND applied_kop < amount_kop ORDER BY paid_on, id',
  );
  const apply = db.prepare('UPDATE payments SET applied_kop = applied_kop + ? WHERE id = ?');
  const billsSeen = db.prepare<[number], { on: string | null; aheadKop: number }>(
    'SELECT bills_imported_on AS "on", paid_ahead_kop AS aheadKop FROM accounts WHERE id = ?',
  );
  const setBillsSeen = db.prepare('UPDATE accounts SET bills_imported_on = ?, paid_ahead_kop = ? WHERE id = ?');
  const setAhead = db.prepare('UPDATE accounts SET paid_ahead_kop = ? WHERE id = ?');
  const warnings = warningCancelling(db);
  const reconnecting = reconnections(db, today);

  /** What an account's bills now hold beyond before goes to its payments, oldest first; the rest waits. */
  const applyRaise = (accountId: number, raisedKop: number) => {
    let left = Math.max(0, raisedKop);
    for (const payment of notApplied.all(accountId)) {
      if (left === 0) break;
      const take = Math.min(left, payment.openKop);
      apply.run(take, payment.id);
      left -= take;
    }
    // What the bills held beyond the payments known before stays ahead too: a raise adds, never resets.
    setBillsSeen.run(today(), (billsSeen.get(accountId)?.aheadKop ?? 0) + left, accountId);
  };

  const bills = (table: ImportTable, locale: Locale): Written => {
    const w = words[locale];
    const { column, cell } = tableColumns<BillImportField>(table, requiredBillFields, locale);
    const problems: ImportProblem[] = [];
    const clean: { accountId: number; pointId: number; period: string; amount: number; paid: number; deliveredOn: string | null }[] = [];
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
      const amount = parseMoney(cell(cells, 'amount'));
      if (cell(cells, 'amount') && amount === null) problem('amount', w.money);
      const paid = cell(cells, 'paid') ? parseMoney(cell(cells, 'paid')) : 0;
      if (paid === null) problem('paid', w.money);
      const deliveredOn = cell(cells, 'deliveredOn') ? parseDate(cell(cells, 'deliveredOn')) : null;
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
      clean.push({ accountId: accountId!, pointId, period, amount, paid, deliveredOn });
    });
    if (problems.length) throw rejected(problems);
    let created = 0;
    let updated = 0;
    // By how much each account's paid amounts rose, for the accounts whose bills this file changes.
    const raised = new Map<number, number>();
    for (const row of clean) {
      const current = bill.get(row.pointId, row.period);
      if (!current) {
        insertBill.run(row.pointId, row.period, row.amount, row.paid, row.deliveredOn);
        created++;
      } else if (current.amountKop !== row.amount || current.paidKop !== row.paid || current.deliveredOn !== row.deliveredOn) {
        updateBill.run(row.amount, row.paid, row.deliveredOn, current.id);
        updated++;
      } else continue;
      raised.set(row.accountId, (raised.get(row.accountId) ?? 0) + row.paid - (current?.paidKop ?? 0));
    }
    // A file that changes nothing for an account (the same file again) tells nothing about its payments.
    for (const [accountId, raisedKop] of raised) applyRaise(accountId, raisedKop);
    return { created, updated };
  };

  const payments = (table: ImportTable, locale: Locale): Written & { cancelledWarnings: number; reconnectionsFormed: number } => {
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
      const paidOn = parseDate(cell(cells, 'paidOn'));
      if (cell(cells, 'paidOn') && !paidOn) problem('paidOn', w.date);
      const amount = parseMoney(cell(cells, 'amount'));
      if (cell(cells, 'amount') && amount === null) problem('amount', w.money);
      if (amount !== null && amount <= 0) problem('amount', w.positive);
      const accountId = cell(cells, 'accountNumber') ? account.get(cell(cells, 'accountNumber'))?.id : undefined;
      if (cell(cells, 'accountNumber') && accountId === undefined) problem('accountNumber', w.account);
      if (problems.length > before || accountId === undefined || !paidOn || amount === null) return;
      clean.push({ accountId, paidOn, amount, source: cell(cells, 'source') });
    });
    if (problems.length) throw rejected(problems);
    let created = 0;
    // A file that brings an account nothing new (the same file again) changes nothing for it, its warnings included.
    const paidAccounts = new Set<number>();
    // Oldest first, so what the last bills import held ahead goes to the payments it can have held.
    const byDate = clean
      .map((row, index) => ({ row, index }))
      .sort((a, b) => a.row.paidOn.localeCompare(b.row.paidOn) || a.index - b.index);
    for (const { row } of byDate) {
      if (payment.get(row.accountId, row.paidOn, row.amount, row.source)) continue;
      const seen = billsSeen.get(row.accountId)!;
      // Paid after the day of the last bills import: those bills cannot hold it.
      const held = seen.on !== null && row.paidOn <= seen.on ? Math.min(row.amount, seen.aheadKop) : 0;
      insertPayment.run(row.accountId, row.paidOn, row.amount, row.source, held);
      if (held > 0) setAhead.run(seen.aheadKop - held, row.accountId);
      paidAccounts.add(row.accountId);
      created++;
    }
    const paid = [...paidAccounts];
    // The file's payments are what paid the debts: the reconnection's deadline runs from today, formed by nobody in person.
    return { created, updated: 0, cancelledWarnings: warnings.paid(paid, today()), reconnectionsFormed: reconnecting.paid(paid, null) };
  };

  return { bills, payments };
}
