import { localToday } from '../../shared/dates';
import { formatDate, formatMoney } from '../../shared/i18n/format';
import { warningRules } from '../../src-main/core/disconnection/warning-rules';
import { debts } from '../../src-main/core/ledger/debt';
import { expect, test } from './fixtures';
import { AccountSearch } from './pages/account-card';
import { ImportScreen } from './pages/import';
import { TaskForming } from './pages/task-forming';
import { Workstation } from './pages/workstation';

test('a non-payment warning formed with a task is on the card, and a payments file that pays below the minimum cancels it', async ({
  app,
  db,
}) => {
  const today = localToday();
  const rules = warningRules(db);
  const settings = rules.settings();
  // A route with no task today (so no repeat question) and a point the non-payment rule picks on it.
  const routes = db
    .prepare<[string], { id: number; number: number; name: string }>(
      `SELECT r.id, r.number, r.name FROM routes r JOIN metering_points p ON p.route_id = r.id
       WHERE p.status = 'connected' AND NOT EXISTS (SELECT 1 FROM walk_tasks t WHERE t.route_id = r.id AND t.task_date = ?)
       GROUP BY r.id HAVING count(p.id) BETWEEN 20 AND 500 ORDER BY count(p.id), r.id`,
    )
    .all(today);
  const pointsOf = db.prepare<[number], { id: number }>("SELECT id FROM metering_points WHERE route_id = ? AND status = 'connected'");
  const found = routes
    .map((route) => ({
      route,
      warned: rules.nonPayment(
        pointsOf.all(route.id).map((p) => p.id),
        today,
        settings,
      ),
    }))
    .find(({ warned }) => warned.length > 0)!;
  const { route, warned } = found;
  const debtor = warned[0]!.pointId;
  const account = db
    .prepare<[number], { id: number; number: string; aheadKop: number }>(
      `SELECT a.id, a.number, a.paid_ahead_kop AS aheadKop FROM metering_points p JOIN accounts a ON a.id = p.account_id WHERE p.id = ?`,
    )
    .get(debtor)!;
  // Nothing the last bills file held ahead: the whole payment lowers the debt (docs/domain.md, "Debt").
  expect(account.aheadKop).toBe(0);

  const forming = new TaskForming(app);
  const { status } = new Workstation(app);
  await forming.open();
  await forming.chooseRoute(route);
  await forming.withNonPaymentWarnings();
  await forming.execute();
  await expect(status).toHaveText(new RegExp(`Сформовано попереджень: за несплату — ${warned.length}, за недопуск — 0\\.$`));
  const warning = () =>
    db
      .prepare<[number], { status: string; asOf: string; debtKop: number; cancelReason: string | null; closedOn: string | null }>(
        `SELECT status, as_of AS asOf, debt_kop AS debtKop, cancel_reason AS cancelReason, closed_on AS closedOn
         FROM disconnection_warnings WHERE point_id = ? AND kind = 'non_payment' ORDER BY id DESC LIMIT 1`,
      )
      .get(debtor)!;
  expect(warning()).toEqual({ status: 'formed', asOf: today, debtKop: warned[0]!.debtKop, cancelReason: null, closedOn: null });

  const search = new AccountSearch(app);
  await search.open();
  let card = await search.openCard(account.number);
  let rows = await card.warnings(debtor);
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('за несплату');
  await expect(rows.nth(1)).toContainText('Сформований');
  await expect(rows.nth(1)).toContainText(formatDate(today, 'uk'));
  await expect(rows.nth(1)).toContainText(formatMoney(warned[0]!.debtKop, 'uk'));
  await card.close();

  // Paid so that a kopeck short of the minimum stays owed as of today.
  const owed = debts(db).ofPoints([debtor], today).get(debtor)!;
  const paid = owed - settings.minDebtKop + 1;
  const screen = new ImportScreen(app);
  await screen.importPayment({ accountNumber: account.number, paidOn: today, amountKop: paid, source: 'e2e-каса' });
  await expect(screen.result).toHaveText(
    'Рядків: 1; створено 1, оновлено 0, без змін 0; скасовано попереджень: 1; сформовано нарядів на підключення: 0.',
  );
  expect(debts(db).ofPoints([debtor], today).get(debtor)).toBe(settings.minDebtKop - 1);
  expect(warning()).toMatchObject({ status: 'cancelled', cancelReason: 'paid', closedOn: today });
  const audit = db
    .prepare<[], { newValue: string }>("SELECT new_value AS newValue FROM audit_log WHERE channel = 'import.run' ORDER BY id DESC LIMIT 1")
    .get()!;
  expect(JSON.parse(audit.newValue)).toMatchObject({ kind: 'payments', created: 1, cancelledWarnings: 1 });

  await search.open();
  card = await search.openCard(account.number);
  rows = await card.warnings(debtor);
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Скасований');
  await expect(rows.nth(1)).toContainText('сплачено (борг менший за мінімальний)');
  await card.close();
});
