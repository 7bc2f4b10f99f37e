import { readFile } from 'node:fs/promises';
import { localToday } from '../../shared/dates';
import { formatDate } from '../../shared/i18n/format';
import { shiftDays, warningRules } from '../../src-main/core/disconnection/warning-rules';
import { debts } from '../../src-main/core/ledger/debt';
import { expect, test } from './fixtures';
import { AccountSearch } from './pages/account-card';
import { ImportScreen } from './pages/import';
import { OrderForming, OrderSheet, OrdersRegister, formReconnectionByOperator } from './pages/orders';
import { ReconnectionsRegister } from './pages/reconnections';
import { TaskForming } from './pages/task-forming';
import { WarningsRegister } from './pages/warnings';
import { Workstation } from './pages/workstation';
import { warningRoute } from './warning-routes';

interface Position {
  id: number;
  seq: number;
  pointId: number;
  accountId: number;
  accountNumber: string;
  warningId: number | null;
}

test('warnings issued long enough ago become an order; cut-offs and refusals are recorded, and a payment and a decision bring reconnections', async ({
  app,
  db,
}) => {
  const today = localToday();
  // The task and its warnings as of a day far enough back that the notice period has run out by today.
  const warnedOn = shiftDays(today, -40);
  const { route, points } = warningRoute(db);
  const rules = warningRules(db);
  const settings = rules.settings();
  const debtors = rules.nonPayment(points, warnedOn, settings).length;
  expect(debtors, 'the demo route had debtors to warn 40 days ago').toBeGreaterThanOrEqual(5);
  const { status } = new Workstation(app);
  const executor = db.prepare<[], { fullName: string }>('SELECT full_name AS fullName FROM employees WHERE active = 1 ORDER BY id').get()!;

  // A walk task with both warnings, dated back.
  const forming = new TaskForming(app);
  await forming.open();
  await forming.chooseRoute(route);
  await forming.op.press('Tab');
  await expect(forming.date).toBeFocused();
  await forming.op.type(formatDate(warnedOn, 'uk'));
  await forming.withBothWarnings();
  await forming.execute();
  await expect(status).toHaveText(new RegExp(`Сформовано попереджень: за несплату — ${debtors}, за недопуск — \\d+\\.$`));

  // Five non-payment warnings handed over in person on that day.
  const warnings = new WarningsRegister(app);
  await warnings.open();
  await warnings.onlyKind('за несплату');
  await warnings.focus();
  for (let i = 0; i < 5; i++) {
    await warnings.tick();
    await warnings.op.press('ArrowDown');
  }
  await warnings.issueInHand(formatDate(warnedOn, 'uk'));
  await expect(status).toHaveText(/Видано попереджень: 5\.$/);
  const issued = db
    .prepare<[], { id: number; pointId: number; cutoffOn: string }>(
      "SELECT id, point_id AS pointId, earliest_cutoff_on AS cutoffOn FROM disconnection_warnings WHERE status = 'issued'",
    )
    .all();
  expect(issued).toHaveLength(5);
  for (const warning of issued) expect(warning.cutoffOn <= today, 'the earliest cut-off date has passed').toBe(true);
  // Those still owing the minimum today are what the order takes.
  const owing = debts(db).ofPoints(
    issued.map((w) => w.pointId),
    today,
  );
  const expected = issued.filter((w) => (owing.get(w.pointId) ?? 0) >= settings.minDebtKop);
  expect(expected.length, 'at least four warned points still owe').toBeGreaterThanOrEqual(4);

  // The order: the route, the criterion «issued warnings» (the first), F9.
  const orderForming = new OrderForming(app);
  await orderForming.open();
  await orderForming.formByWarnings(route);
  await expect(status).toHaveText(`Сформовано наряд «${route.number}, ${route.name}»: позицій — ${expected.length}.`);
  const order = db
    .prepare<[], { id: number; name: string; status: string; criterion: string; orderDate: string }>(
      'SELECT id, name, status, criterion, order_date AS orderDate FROM disconnection_orders ORDER BY id DESC LIMIT 1',
    )
    .get()!;
  expect(order).toEqual({ id: order.id, name: `${route.number}, ${route.name}`, status: 'new', criterion: 'warnings', orderDate: today });
  const positions = db
    .prepare<[number], Position>(
      `SELECT op.id, op.seq, op.point_id AS pointId, p.account_id AS accountId, op.account_number AS accountNumber, op.warning_id AS warningId
       FROM order_positions op JOIN metering_points p ON p.id = op.point_id WHERE op.order_id = ? ORDER BY op.seq`,
    )
    .all(order.id);
  expect(positions.map((p) => p.warningId).sort()).toEqual(expected.map((w) => w.id).sort());

  await orderForming.openFormed();
  const sheet = new OrderSheet(app);
  await expect(sheet.rows).toHaveCount(positions.length + 1);
  await expect(sheet.status).toHaveText('Новий');
  // The crew's paper: Ctrl+S saves it as a PDF.
  const paper = await sheet.savePdf();
  expect(paper.suggestedFilename()).toMatch(/\.pdf$/);
  expect((await readFile(await paper.path())).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(status).toHaveText(/^PDF збережено: .+\.pdf \(\d+ стор\.\)$/);

  // The first three cut off, each with its act.
  const [paidUp, byDecision, fromCard, ...refused] = positions as [Position, Position, Position, ...Position[]];
  const act = (n: number) => ({ time: `0${n}:15`, executor: executor.fullName, seal: `ПЛ-00${n}`, reading: 12_340 + n });
  await sheet.focus();
  for (const [index, position] of [paidUp, byDecision, fromCard].entries()) {
    if (index > 0) await sheet.next();
    await sheet.openCutoff();
    await expect(sheet.debtNow).toContainText('Борг на сьогодні');
    await sheet.recordCutoff(act(index + 1));
    await expect(status).toHaveText(`Відключення записано: о/р ${position.accountNumber}.`);
    await expect(sheet.dialog).toBeHidden();
  }
  const cutoff = db.prepare<[number], Record<string, unknown>>(
    `SELECT op.outcome, op.done_at AS doneAt, op.seal_number AS seal, op.reading, op.executor_name AS executor,
       p.status AS pointStatus, w.status AS warningStatus
     FROM order_positions op JOIN metering_points p ON p.id = op.point_id LEFT JOIN disconnection_warnings w ON w.id = op.warning_id
     WHERE op.id = ?`,
  );
  expect(cutoff.get(paidUp.id)).toEqual({
    outcome: 'done',
    doneAt: `${today}T01:15`,
    seal: 'ПЛ-001',
    reading: 12_341,
    executor: executor.fullName,
    pointStatus: 'disconnected',
    warningStatus: 'executed',
  });
  await expect(sheet.rows.nth(1)).toContainText('Відключено');
  await expect(sheet.rows.nth(1)).toContainText('пломба ПЛ-001');

  // The rest not done: the consumer refused (↓↓), then «Інше» (↓×4) with the crew's words.
  for (const [index, position] of refused.entries()) {
    await sheet.next();
    await sheet.recordNotDone(index === 0 ? 2 : 4, index === 0 ? 'не відчинили хвіртку' : 'собака у дворі');
    await expect(status).toHaveText(`Невиконання записано: о/р ${position.accountNumber}.`);
    await expect(sheet.dialog).toBeHidden();
  }
  expect(
    db
      .prepare<[number], { outcome: string; reason: string; note: string }>(
        'SELECT outcome, not_done_reason AS reason, note FROM order_positions WHERE id = ?',
      )
      .get(refused[0]!.id),
  ).toEqual({ outcome: 'not_done', reason: 'refused', note: 'не відчинили хвіртку' });
  await expect(sheet.rows.nth(4)).toContainText('Відмова споживача');
  // Every position has its outcome: the order is done.
  await expect(sheet.status).toHaveText('Виконаний');
  expect(db.prepare<[number], { status: string }>('SELECT status FROM disconnection_orders WHERE id = ?').get(order.id)).toEqual({
    status: 'done',
  });

  // The second point reconnected by the operator's decision, from the order found in the register (F6).
  const orders = new OrdersRegister(app);
  await orders.open();
  await expect(orders.rows.nth(1)).toContainText('Виконаний');
  await orders.openFirst();
  await expect(sheet.rows).toHaveCount(positions.length + 1);
  await sheet.focus();
  await sheet.next();
  await sheet.formReconnectionByOperator('реструктуризація за договором');
  await expect(status).toHaveText(new RegExp(`^Сформовано наряд на підключення: о/р ${byDecision.accountNumber}, строк — до `));
  const reconnection = db.prepare<[number], { basis: string; note: string; formedOn: string; status: string }>(
    `SELECT basis, basis_note AS note, formed_on AS formedOn, status FROM reconnection_orders WHERE point_id = ? ORDER BY id DESC LIMIT 1`,
  );
  expect(reconnection.get(byDecision.pointId)).toEqual({
    basis: 'operator',
    note: 'реструктуризація за договором',
    formedOn: today,
    status: 'new',
  });

  // The first one's account pays everything it owes: the import forms its reconnection itself.
  const account = db
    .prepare<[number], { number: string; aheadKop: number }>('SELECT number, paid_ahead_kop AS aheadKop FROM accounts WHERE id = ?')
    .get(paidUp.accountId)!;
  const standing = debts(db).ofAccounts([paidUp.accountId], today).get(paidUp.accountId)!;
  const importing = new ImportScreen(app);
  await importing.importPayment({
    accountNumber: account.number,
    paidOn: today,
    amountKop: standing.debtKop + standing.notDueKop + account.aheadKop,
    source: 'e2e-каса',
  });
  await expect(importing.result).toContainText('сформовано нарядів на підключення: 1.');
  expect(reconnection.get(paidUp.pointId)).toEqual({ basis: 'paid', note: '', formedOn: today, status: 'new' });

  // The third from the account card: the point is disconnected with no reconnection, F6 forms one.
  const search = new AccountSearch(app);
  await search.open();
  let card = await search.openCard(fromCard.accountNumber);
  await expect(card.point(fromCard.pointId)).toContainText('відключено');
  await card.cutoffs(fromCard.pointId);
  await expect(card.reconnectButton(fromCard.pointId)).toBeVisible();
  await card.op.press('F6');
  await formReconnectionByOperator(app, 'рішення суду');
  await expect(status).toHaveText(new RegExp(`^Сформовано наряд на підключення: о/р ${fromCard.accountNumber}, строк — до `));
  await expect(card.reconnectButton(fromCard.pointId)).toBeHidden();
  const rows = await card.reconnections(fromCard.pointId);
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Новий');
  await expect(rows.nth(1)).toContainText('Рішення оператора: рішення суду');
  await card.close();

  // The crew puts the paid-up point back: F4 in the reconnections register, the act, Enter.
  const register = new ReconnectionsRegister(app);
  await register.open();
  await expect(register.rows).toHaveCount(4);
  await register.activate(paidUp.accountNumber);
  await register.record({ time: '09:40', executor: executor.fullName, seal: 'ПЛ-101', reading: 12_400 });
  await expect(status).toHaveText(`Підключення записано: о/р ${paidUp.accountNumber}.`);
  expect(
    db
      .prepare<[number], Record<string, unknown>>(
        `SELECT r.status, r.done_at AS doneAt, r.seal_number AS seal, r.reading, p.status AS pointStatus, p.disconnected_on AS disconnectedOn
         FROM reconnection_orders r JOIN metering_points p ON p.id = r.point_id WHERE r.point_id = ? ORDER BY r.id DESC LIMIT 1`,
      )
      .get(paidUp.pointId),
  ).toEqual({ status: 'done', doneAt: `${today}T09:40`, seal: 'ПЛ-101', reading: 12_400, pointStatus: 'connected', disconnectedOn: null });
  await expect(register.rows.filter({ hasText: paidUp.accountNumber })).toContainText('Виконаний');

  // All of it on the card: the warning executed, the cut-off's act, the reconnection done, the point connected.
  await search.open();
  card = await search.openCard(paidUp.accountNumber);
  await expect(card.point(paidUp.pointId)).toContainText('підключено');
  const warningRows = await card.warnings(paidUp.pointId);
  await expect(warningRows.filter({ hasText: 'за несплату' }).first()).toContainText('Виконаний');
  const cutoffRows = await card.cutoffs(paidUp.pointId);
  await expect(cutoffRows).toHaveCount(2);
  await expect(cutoffRows.nth(1)).toContainText(`${route.number}, ${route.name}`);
  await expect(cutoffRows.nth(1)).toContainText('відключено');
  await expect(cutoffRows.nth(1)).toContainText(`${formatDate(today, 'uk')} 01:15`);
  await expect(cutoffRows.nth(1)).toContainText('ПЛ-001');
  const reconnectionRows = await card.reconnections(paidUp.pointId);
  await expect(reconnectionRows).toHaveCount(2);
  await expect(reconnectionRows.nth(1)).toContainText('Борг сплачено');
  await expect(reconnectionRows.nth(1)).toContainText('Виконаний');
  await expect(reconnectionRows.nth(1)).toContainText(`${formatDate(today, 'uk')} 09:40`);
  await expect(card.reconnectButton(paidUp.pointId)).toBeHidden();
  await card.close();
});
