import { expect, rpc, test } from './fixtures';
import { e2eAdmin } from '../support/district';
import { SignInForm } from './pages/auth';
import { Workstation } from './pages/workstation';

test('a wrong password is refused; an operator signs in and may not change routes', async ({ app, db }) => {
  const workstation = new Workstation(app);
  const signIn = new SignInForm(app);
  await rpc(app, 'users.save', { login: 'oper', fullName: 'Ковальчук Ірина', role: 'operator', password: 'operator-1' });
  await workstation.signOut();

  await signIn.signIn('oper', 'wrong-password');
  await expect(signIn.error).toHaveText('Невірний логін або пароль.');
  await signIn.retypePassword('operator-1');
  await expect(workstation.userBadge).toContainText('Ковальчук Ірина · оператор');

  // Hiding a button is not security: the core itself refuses.
  const before = (db.prepare('SELECT count(*) AS n FROM routes').get() as { n: number }).n;
  await expect(rpc(app, 'routes.save', { number: 4242, name: 'Заборонений', sectionId: null, executorId: null })).rejects.toThrow(
    'Недостатньо прав',
  );
  expect(db.prepare('SELECT count(*) AS n FROM routes').get()).toEqual({ n: before });

  await workstation.signOut();
  await signIn.signIn(e2eAdmin.login, e2eAdmin.password);
  await expect(workstation.userBadge).toContainText('адміністратор');
});
