import { expect, type Page } from '@playwright/test';
import { Operator } from './operator';

/** Сервіс → Користувачі: Insert opens the form; the fields in order, Tab between them, Enter saves. */
export class UsersScreen {
  readonly op: Operator;
  readonly table;
  readonly form;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.table = page.getByTestId('users-table');
    this.form = page.getByRole('dialog', { name: 'Новий користувач' });
  }

  async open() {
    await this.op.menu('Сервіс', 'Користувачі');
    await expect(this.table).toBeVisible();
  }

  /** A controller's user: login, name, the role «контролер», the controller employee it stands for, a password. */
  async addController(user: { login: string; fullName: string; employee: string; password: string }) {
    await this.op.press('Insert');
    await expect(this.form.getByLabel('Логін')).toBeFocused();
    await this.op.type(user.login);
    await this.op.press('Tab');
    await this.op.type(user.fullName);
    await this.op.press('Tab');
    // The role shows «оператор» until another is typed over it.
    await this.op.press('Control+A');
    await this.op.pick('контролер');
    await expect(this.form.getByRole('combobox', { name: 'Працівник-контролер' })).toBeFocused();
    await this.op.pick(user.employee);
    await expect(this.form.getByLabel('Пароль')).toBeFocused();
    await this.op.type(user.password);
    await this.op.press('Enter');
    await expect(this.form).toBeHidden();
  }
}
