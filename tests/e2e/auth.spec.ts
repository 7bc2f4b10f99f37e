import { expect, rpc, signIn, test } from './fixtures';
import { e2eAdmin } from '../support/district';

test('a wrong password is refused; an operator signs in and may not change routes', async ({ app, db }) => {
  await rpc(app, 'users.save', { login: 'oper', fullName: 'Ковальчук Ірина', role: 'operator', password: 'operator-1' });
  await app.getByTestId('user-badge').getByRole('button', { name: 'Вийти' }).click();

  await signIn(app, 'oper', 'wrong-password');
  await expect(app.getByRole('alert')).toHaveText('Невірний логін або пароль.');
  await app.getByLabel('Пароль').fill('');
  await app.getByLabel('Пароль').focus();
  await app.keyboard.type('operator-1');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('user-badge')).toContainText('Ковальчук Ірина · оператор');

  // Hiding a button is not security: the core itself refuses.
  const before = (db.prepare('SELECT count(*) AS n FROM routes').get() as { n: number }).n;
  await expect(rpc(app, 'routes.save', { number: 4242, name: 'Заборонений', sectionId: null, executorId: null })).rejects.toThrow(
    'Недостатньо прав',
  );
  expect(db.prepare('SELECT count(*) AS n FROM routes').get()).toEqual({ n: before });

  await app.getByTestId('user-badge').getByRole('button', { name: 'Вийти' }).click();
  await signIn(app, e2eAdmin.login, e2eAdmin.password);
  await expect(app.getByTestId('user-badge')).toContainText('адміністратор');
});
