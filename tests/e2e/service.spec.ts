import { expect, openDistrict, test } from './fixtures';
import { Operator } from './pages';

test('a backup is previewed with its date and counts, then restored by keyboard', async ({ app, db }) => {
  const op = new Operator(app);
  await op.menu('Сервіс', 'Резервні копії');
  await expect(app.getByTestId('integrity')).toContainText(/integrity_check|триває/);
  const table = app.getByTestId('backups-table');
  await expect(table.getByRole('row').nth(1)).toContainText('при запуску');

  // A manual copy of the database as it is now, then a change that the restore must undo.
  await op.press('Insert');
  await expect(app.getByTestId('status')).toContainText('Копію створено');
  const accounts = (db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
  const settlements = (db.prepare('SELECT count(*) AS n FROM settlements').get() as { n: number }).n;
  await expect(table.getByRole('row').nth(1)).toContainText('вручну');
  const created = await app.evaluate(async () => {
    const response = await fetch('/api/rpc', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionStorage.getItem('obhid.token')}` },
      body: JSON.stringify({ channel: 'settlements.save', input: { name: 'Тимчасове', kind: 'село' } }),
    });
    return (await response.json()).ok as boolean;
  });
  expect(created).toBe(true);

  await table.focus();
  await op.press('Home', 'Enter');
  const preview = app.getByTestId('backup-preview');
  await expect(preview).toContainText(accounts.toLocaleString('uk-UA').replace(/\s/g, ' '));
  await op.press('Enter');
  await expect(app.getByTestId('status')).toContainText('Базу відновлено з копії від');
  // A fresh connection: the file was replaced under the one the test held open.
  const after = openDistrict();
  expect((after.prepare('SELECT count(*) AS n FROM settlements').get() as { n: number }).n).toBe(settlements);
  after.close();
});
