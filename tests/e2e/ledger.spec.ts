import type Database from 'better-sqlite3';
import { localToday } from '../../shared/dates';
import { formatAmount, formatDate, formatMoney, formatPeriod } from '../../shared/i18n/format';
import { expect, test } from './fixtures';
import { AccountSearch } from './pages/account-card';
import { ImportScreen } from './pages/import';
import { TaskForming } from './pages/task-forming';
import { Workstation } from './pages/workstation';

/**
 * Each point's debt as of a day, worked out here straight from the tables rather than by the app's
 * rule: in the demo district every account has one point and no bill is overpaid, so the debt is
 * what is open on the bills due by the day less the payments the bills do not hold yet.
 */
const debtSql = `
  SELECT p.id AS pointId, p.route_id AS routeId, a.number AS accountNumber, max(0,
      coalesce((SELECT sum(b.amount_kop - b.paid_kop) FROM bills b WHERE b.point_id = p.id
        AND coalesce(b.delivered_on, date(b.period || '-01', '+1 month')) <= @today), 0)
      - coalesce((SELECT sum(y.amount_kop - y.applied_kop) FROM payments y WHERE y.account_id = p.account_id), 0)) AS debt
  FROM metering_points p JOIN accounts a ON a.id = p.account_id WHERE p.status = 'connected'`;
type Debt = { pointId: number; routeId: number | null; accountNumber: string; debt: number };
const debts = (db: Database.Database, today: string) => db.prepare<{ today: string }, Debt>(debtSql).all({ today });

test.beforeAll(({ db }) => {
  // What debtSql takes for granted.
  expect(
    db.prepare('SELECT count(*) AS n FROM (SELECT account_id FROM metering_points GROUP BY account_id HAVING count(*) > 1)').get(),
  ).toEqual({ n: 0 });
  expect(db.prepare('SELECT count(*) AS n FROM bills WHERE paid_kop > amount_kop').get()).toEqual({ n: 0 });
});

test('the account card shows the ledger, and its debt falls when a payment is imported', async ({ app, db }) => {
  const today = localToday();
  const debtor = debts(db, today).find((row) => row.debt >= 300_00 && row.debt <= 5_000_00)!;
  const bills = db
    .prepare<[number], { period: string; amount: number; paid: number; delivered: string | null }>(
      'SELECT period, amount_kop AS amount, paid_kop AS paid, delivered_on AS delivered FROM bills WHERE point_id = ? ORDER BY period DESC',
    )
    .all(debtor.pointId);
  const search = new AccountSearch(app);
  await search.open();
  let card = await search.openCard(debtor.accountNumber);
  await expect(search.row(debtor.accountNumber)).toContainText(formatAmount(debtor.debt, 'uk'));
  await expect(card.debt).toHaveText(formatMoney(debtor.debt, 'uk'));
  const rows = await card.bills(debtor.pointId);
  await expect(rows).toHaveCount(1 + Math.min(24, bills.length));
  const newest = bills[0]!;
  await expect(rows.nth(1)).toContainText(formatPeriod(newest.period, 'uk'));
  await expect(rows.nth(1)).toContainText(formatMoney(newest.amount, 'uk'));
  await expect(rows.nth(1)).toContainText(formatMoney(newest.paid, 'uk'));
  await expect(rows.nth(1)).toContainText(formatDate(newest.delivered, 'uk'));
  // The district's payments are all in its bills already: none of them lowers the debt again.
  await expect(card.payments.nth(1)).toContainText('так');
  await card.close();

  // Half the debt, paid today, in a file from the bank through the billing system.
  const paid = Math.round(debtor.debt / 2);
  const screen = new ImportScreen(app);
  await screen.importPayment({ accountNumber: debtor.accountNumber, paidOn: today, amountKop: paid, source: 'e2e-каса' });
  await expect(screen.result).toContainText('створено 1');
  expect(
    db.prepare("SELECT paid_on AS paidOn, amount_kop AS amount, applied_kop AS applied FROM payments WHERE source = 'e2e-каса'").all(),
  ).toEqual([{ paidOn: today, amount: paid, applied: 0 }]);
  const after = debts(db, today).find((row) => row.pointId === debtor.pointId)!.debt;
  expect(after).toBe(debtor.debt - paid);

  await search.open();
  card = await search.openCard(debtor.accountNumber);
  await expect(card.debt).toHaveText(formatMoney(after, 'uk'));
  await expect(card.payments.nth(1)).toContainText(formatDate(today, 'uk'));
  await expect(card.payments.nth(1)).toContainText(formatMoney(paid, 'uk'));
  await expect(card.payments.nth(1)).toContainText('e2e-каса');
  await expect(card.payments.nth(1)).toContainText('ні — зменшує борг');
  await card.close();
});

test('a debt threshold typed in гривні forms a task with exactly the points that owe that much or more', async ({ app, db }) => {
  const today = localToday();
  const all = debts(db, today);
  // A route where the threshold splits the debtors: some owe more, some less, one exactly that much.
  const byRoute = new Map<number, Debt[]>();
  for (const row of all) if (row.routeId !== null) byRoute.set(row.routeId, [...(byRoute.get(row.routeId) ?? []), row]);
  const [routeId, points] = [...byRoute].find(([, rows]) => rows.filter((row) => row.debt > 1_000_00).length >= 4)!;
  const owing = points.filter((row) => row.debt > 0).sort((a, b) => b.debt - a.debt);
  const threshold = owing[Math.floor(owing.length / 2)]!.debt;
  const expected = points.filter((row) => row.debt >= threshold).map((row) => row.pointId);
  // Debtors a kopeck or more short of it are left out, and so are those who owe nothing.
  expect(owing.some((row) => row.debt < threshold)).toBe(true);
  expect(points.some((row) => row.debt === 0)).toBe(true);
  const route = db.prepare<[number], { number: number; name: string }>('SELECT number, name FROM routes WHERE id = ?').get(routeId)!;
  const forming = new TaskForming(app);
  const { status } = new Workstation(app);

  await forming.open();
  await forming.chooseRoute(route);
  await forming.debtFrom(formatAmount(threshold, 'uk'));
  await expect(forming.debt).toHaveValue(formatAmount(threshold, 'uk'));
  await forming.execute();
  await expect(status).toHaveText(`Сформовано завдання по маршруту № ${route.number}: позицій — ${expected.length}.`);

  const task = db
    .prepare<[number], { id: number; criteria: string }>('SELECT id, criteria FROM walk_tasks WHERE route_id = ? ORDER BY id DESC LIMIT 1')
    .get(routeId)!;
  expect(JSON.parse(task.criteria)).toMatchObject({ debtMinKop: threshold });
  const positions = db
    .prepare<[number], { pointId: number }>('SELECT point_id AS pointId FROM task_positions WHERE task_id = ?')
    .all(task.id)
    .map((row) => row.pointId);
  expect(positions.sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
});

test('complaint and inspection marks are set and cleared on the card, each change audited', async ({ app, db }) => {
  const today = localToday();
  const point = db
    .prepare<[], { pointId: number; accountNumber: string }>(
      `SELECT p.id AS pointId, a.number AS accountNumber FROM metering_points p JOIN accounts a ON a.id = p.account_id
       WHERE p.complaint_since IS NULL AND p.inspection_since IS NULL ORDER BY p.id LIMIT 1`,
    )
    .get()!;
  const marks = () =>
    db
      .prepare(
        'SELECT complaint_since AS complaint, complaint_note AS note, inspection_since AS inspection FROM metering_points WHERE id = ?',
      )
      .get(point.pointId);
  const audited = () =>
    db
      .prepare<[number], { n: number }>("SELECT count(*) AS n FROM audit_log WHERE channel = 'points.setMark' AND entity_id = ?")
      .get(point.pointId)!.n;
  const search = new AccountSearch(app);
  const { status } = new Workstation(app);
  await search.open();
  const card = await search.openCard(point.accountNumber);
  await expect(card.mark(point.pointId, 'Є звернення')).toContainText('немає');

  await card.setMark(point.pointId, 'Є звернення', 'Скарга на нарахування');
  await expect(status).toHaveText('Позначку «Є звернення» збережено.');
  await expect(card.mark(point.pointId, 'Є звернення')).toContainText(`з ${formatDate(today, 'uk')} — Скарга на нарахування`);
  expect(marks()).toEqual({ complaint: today, note: 'Скарга на нарахування', inspection: null });

  await card.clearMark(point.pointId, 'Є звернення');
  await expect(status).toHaveText('Позначку «Є звернення» знято.');
  await expect(card.mark(point.pointId, 'Є звернення')).toContainText('немає');
  expect(marks()).toEqual({ complaint: null, note: '', inspection: null });
  expect(audited()).toBe(2);
  await card.close();
});

test('the minimum debt setting is shown and typed in гривні and kept in kopecks', async ({ app, db }) => {
  const value = () => db.prepare("SELECT value FROM settings WHERE key = 'warnings.minDebtKop'").get();
  const { op } = new Workstation(app);
  const table = app.getByTestId('settings-table');
  const row = table.getByRole('row').filter({ hasText: 'Мінімальний борг для попередження' });
  await op.menu('Сервіс', 'Налаштування');
  await expect(row).toContainText('500,00 грн');
  await table.focus();
  for (let i = 0; i < 10 && (await row.getAttribute('aria-selected')) !== 'true'; i++) await op.press('ArrowDown');
  await op.press('Enter');
  const field = app.getByRole('dialog').getByRole('textbox', { name: 'Значення' });
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('500,00');
  await op.type('1 250,5');
  await op.press('Enter');
  await expect(row).toContainText('1 250,50 грн');
  expect(value()).toEqual({ value: '125050' });
});
