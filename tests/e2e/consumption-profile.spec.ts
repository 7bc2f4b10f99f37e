import type Database from 'better-sqlite3';
import { expect, test } from './fixtures';
import { ProfileScreen } from './pages/profile';
import { Workstation } from './pages/workstation';

const sharesOf = (db: Database.Database, commodity: string) =>
  db.prepare<[string], number>('SELECT share FROM consumption_profile WHERE commodity = ? ORDER BY month').pluck().all(commodity);

test('an administrator types the gas profile as percentages by keyboard, and the core weighs its days by it', async ({ app, db }) => {
  const screen = new ProfileScreen(app);
  const { status } = new Workstation(app);
  await screen.open();
  await expect(screen.row('gas', 'Січень')).toContainText('16,0 %');
  await expect(screen.row('gas', 'Січень')).toContainText('1,92');

  // A month left empty is named, Ctrl+Enter saves nothing and the cursor stays on it.
  await screen.op.press('Backspace', 'Backspace', 'Backspace', 'Backspace');
  await screen.op.press('Control+Enter');
  await expect(status).toHaveText('Частка за місяць «Січень» — введіть число.');
  expect(sharesOf(db, 'gas')[0]).toBe(0.16);

  await expect(screen.share('Газ', 'Січень')).toBeFocused();
  await screen.typeColumn(['20', '15', '12', '7', '3', '1', '1', '1', '3', '8', '12', '17']);
  await expect(screen.table('gas').getByRole('button', { name: /Зберегти/ })).toBeFocused();
  await screen.op.press('Enter');
  await expect(status).toHaveText('Профіль збережено: Газ');
  await expect(screen.row('gas', 'Січень')).toContainText('20,0 %');
  await expect(screen.row('gas', 'Січень')).toContainText('2,40');
  expect(sharesOf(db, 'gas')).toEqual([20, 15, 12, 7, 3, 1, 1, 1, 3, 8, 12, 17]);
  expect(sharesOf(db, 'electricity')).toEqual(Array.from({ length: 12 }, () => 1 / 12));
  expect(db.prepare("SELECT login, entity, action FROM audit_log WHERE channel = 'profile.save'").all()).toEqual([
    { login: 'admin', entity: 'consumptionProfile', action: 'change' },
  ]);
});
