import { expect, test } from './fixtures';
import { MoratoriaScreen } from './pages/moratoria';
import { Workstation } from './pages/workstation';

test('an administrator declares a moratorium on a settlement by keyboard, and it is kept and audited', async ({ app, db }) => {
  const settlement = db.prepare<[], { id: number; name: string }>('SELECT id, name FROM settlements ORDER BY id LIMIT 1').get()!;
  const screen = new MoratoriaScreen(app);
  const { status } = new Workstation(app);
  await screen.open();
  await screen.add(settlement.name, '01.12.2026', '31.12.2026', 'Паводок, рішення ОВА');
  await expect(status).toHaveText(`Збережено: ${settlement.name}`);
  await expect(screen.row(settlement.name)).toContainText('01.12.2026');
  await expect(screen.row(settlement.name)).toContainText('31.12.2026');
  expect(db.prepare('SELECT id, settlement_id AS settlementId, from_on AS fromOn, to_on AS toOn, note FROM moratoria').all()).toEqual([
    { id: 1, settlementId: settlement.id, fromOn: '2026-12-01', toOn: '2026-12-31', note: 'Паводок, рішення ОВА' },
  ]);
  expect(db.prepare("SELECT action, entity, entity_id AS entityId, login FROM audit_log WHERE channel = 'moratoria.save'").all()).toEqual([
    { action: 'create', entity: 'moratorium', entityId: 1, login: 'admin' },
  ]);

  // An end before the start is refused in words, and nothing is written.
  await screen.add(settlement.name, '10.12.2026', '09.12.2026', '');
  await expect(screen.dialog.getByRole('alert')).toHaveText('Мораторій не може закінчитися (09.12.2026) раніше, ніж почався (10.12.2026).');
  await screen.op.press('Escape');
  expect(db.prepare('SELECT count(*) AS n FROM moratoria').get()).toEqual({ n: 1 });
});

test('the gas notice period is changed to 5 working days, and the change is audited', async ({ app, db }) => {
  const value = (key: string) => db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key)!.value;
  const { op } = new Workstation(app);
  const table = app.getByTestId('settings-table');
  const row = (label: string) => table.getByRole('row').filter({ hasText: label });
  const openRow = async (label: string) => {
    await table.focus();
    for (let i = 0; i < 40 && (await row(label).getAttribute('aria-selected')) !== 'true'; i++) await op.press('ArrowDown');
    await op.press('Enter');
  };
  await op.menu('Сервіс', 'Налаштування');
  const days = 'Строк попередження до відключення, газ, днів';
  const unit = 'Строк попередження до відключення, газ: які дні';
  await expect(row(days)).toContainText('3');
  await expect(row(unit)).toContainText('календарних днів');

  await openRow(days);
  const field = app.getByRole('dialog').getByRole('textbox', { name: 'Значення' });
  await expect(field).toBeFocused();
  await op.press('Control+a');
  await op.type('5');
  await op.press('Enter');
  await expect(app.getByRole('dialog')).toBeHidden();
  await expect(row(days)).toContainText('5');

  await openRow(unit);
  await expect(app.getByRole('dialog').getByRole('combobox', { name: 'Значення' })).toBeFocused();
  await op.press('Control+a');
  await op.type('робоч');
  await op.press('Enter', 'Enter');
  await expect(app.getByRole('dialog')).toBeHidden();
  await expect(row(unit)).toContainText('робочих днів');

  expect([value('disconnection.notice.gas.days'), value('disconnection.notice.gas.unit')]).toEqual(['5', 'working']);
  expect(
    db
      .prepare(
        "SELECT old_value AS oldValue, new_value AS newValue FROM audit_log WHERE channel = 'settings.save' AND new_value LIKE '%disconnection.notice.gas%' ORDER BY id",
      )
      .all(),
  ).toEqual([
    { oldValue: '{"disconnection.notice.gas.days":"3"}', newValue: '{"disconnection.notice.gas.days":"5"}' },
    { oldValue: '{"disconnection.notice.gas.unit":"calendar"}', newValue: '{"disconnection.notice.gas.unit":"working"}' },
  ]);
});
