import { localToday } from '../../shared/dates';
import { formatDate } from '../../shared/i18n/format';
import { addDays, deadline, settingsReader, type Commodity } from '../../src-main/core/calendar/working-days';
import { warningRules } from '../../src-main/core/disconnection/warning-rules';
import { expect, test } from './fixtures';
import { TaskForming } from './pages/task-forming';
import { WarningsRegister } from './pages/warnings';
import { Workstation } from './pages/workstation';
import { warningRoute } from './warning-routes';

test('a master forms a task with the non-payment warning, then issues one warning by registered mail by keyboard', async ({ app, db }) => {
  const today = localToday();
  const { route, points } = warningRoute(db);
  const rules = warningRules(db);
  const debtors = rules.nonPayment(points, today, rules.settings()).length;
  expect(debtors, 'the demo route has debtors old enough to warn').toBeGreaterThan(0);

  const forming = new TaskForming(app);
  const { status } = new Workstation(app);
  await forming.open();
  await forming.chooseRoute(route);
  await forming.withNonPaymentWarnings();
  await forming.execute();
  await expect(status).toHaveText(new RegExp(`Сформовано попереджень: за несплату — ${debtors}, за недопуск — 0\\.$`));

  const register = new WarningsRegister(app);
  await register.open();
  await expect(register.rows).toHaveCount(Math.min(debtors, 50) + 1);
  // The first row in address order: its account names the warning the database must show issued.
  const first = register.rows.nth(1);
  await expect(first).toContainText('Сформований');
  const account = (await first.getByRole('cell').nth(1).textContent())!.trim();
  await register.focus();
  await register.tick();
  await expect(first.getByRole('checkbox')).toBeChecked();
  await register.issueByMail(formatDate(today, 'uk'));
  await expect(status).toHaveText(/Видано попереджень: 1\.$/);
  await expect(register.dialog).toBeHidden();

  const stored = db
    .prepare<[string], { status: string; how: string; issuedOn: string; receivedOn: string; cutoffOn: string; commodity: Commodity }>(
      `SELECT w.status, w.issued_how AS how, w.issued_on AS issuedOn, w.received_on AS receivedOn,
         w.earliest_cutoff_on AS cutoffOn, p.commodity
       FROM disconnection_warnings w JOIN metering_points p ON p.id = w.point_id JOIN accounts a ON a.id = p.account_id
       WHERE a.number = ? AND w.kind = 'non_payment'`,
    )
    .get(account)!;
  // The expectation from the same calendar the core counts by, with this district's settings.
  const settings = settingsReader(db);
  const receivedOn = addDays(today, Number(settings('warnings.mailReceivedDays')), 'calendar');
  expect(receivedOn).toBe(addDays(today, 3, 'calendar'));
  expect(stored).toEqual({
    status: 'issued',
    how: 'mail',
    issuedOn: today,
    receivedOn,
    cutoffOn: deadline(settings, 'notice', stored.commodity, 'town', receivedOn),
    commodity: stored.commodity,
  });
  // The one ticked was issued; the rest stay formed.
  expect(db.prepare("SELECT count(*) AS n FROM disconnection_warnings WHERE status = 'issued'").get()).toEqual({ n: 1 });
  await expect(first).toContainText('Виданий');
  await expect(first).toContainText('рекомендованим листом');
  await expect(first).toContainText(formatDate(stored.cutoffOn, 'uk'));
});

test("the issued warning is found by its status and cancelled for the operator's own reason, with a note", async ({ app, db }) => {
  // The file's tests share one district in order: this one meets the warning the first issued.
  const register = new WarningsRegister(app);
  const { status } = new Workstation(app);
  await register.open();
  await register.onlyStatus('Виданий');
  await expect(register.rows).toHaveCount(2);
  const issued = db.prepare<[], { id: number }>("SELECT id FROM disconnection_warnings WHERE status = 'issued'").get()!;
  // Nothing ticked: F8 takes the active row.
  await register.focus();
  await register.cancelWithOwnReason('споживач помер');
  await expect(status).toHaveText(/Скасовано попереджень: 1\.$/);
  expect(
    db
      .prepare<[number], { status: string; reason: string; note: string; closedOn: string }>(
        'SELECT status, cancel_reason AS reason, cancel_note AS note, closed_on AS closedOn FROM disconnection_warnings WHERE id = ?',
      )
      .get(issued.id),
  ).toEqual({ status: 'cancelled', reason: 'operator', note: 'споживач помер', closedOn: localToday() });
  await expect(register.rows).toHaveCount(1);
});
