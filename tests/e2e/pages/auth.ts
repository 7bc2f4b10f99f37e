import { expect, type Page } from '@playwright/test';

/** Sign-in: login, Tab, password, Enter. */
export class SignInForm {
  readonly form;
  readonly login;
  readonly password;
  /** Why the sign-in was refused. */
  readonly error;

  constructor(readonly page: Page) {
    this.form = page.getByTestId('auth-form');
    this.login = page.getByLabel('Логін');
    this.password = page.getByLabel('Пароль');
    this.error = this.form.getByRole('alert');
  }

  /** The sign-in form by keyboard, from the login field it opens on. */
  async signIn(login: string, password: string) {
    await expect(this.login).toBeFocused();
    await this.page.keyboard.type(login);
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(password);
    await this.page.keyboard.press('Enter');
  }

  /** The password again, the field cleared first, and Enter. */
  async retypePassword(password: string) {
    await this.password.fill('');
    await this.password.focus();
    await this.page.keyboard.type(password);
    await this.page.keyboard.press('Enter');
  }
}

/** The first run, before any user exists: the administrator's form, which names the branch too. */
export class FirstRunForm {
  readonly heading;
  readonly branchName;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Перший запуск: адміністратор' });
    this.branchName = page.getByLabel('Назва філії (РЕМ)');
  }

  /** Branch, full name, login (offered as "admin"), password twice, Enter: all by keyboard from the first field. */
  async fill(admin: { branchName: string; fullName: string; login: string; password: string }) {
    const { keyboard } = this.page;
    await expect(this.branchName).toBeFocused();
    await keyboard.type(admin.branchName);
    await keyboard.press('Tab');
    await keyboard.type(admin.fullName);
    await keyboard.press('Tab');
    await keyboard.press('Control+A');
    await keyboard.type(admin.login);
    for (let field = 0; field < 2; field++) {
      await keyboard.press('Tab');
      await keyboard.type(admin.password);
    }
    await keyboard.press('Enter');
  }
}

/** The first run's second step: where the data comes from, each choice a button, arrows between them. */
export class FirstDataStep {
  readonly heading;
  readonly importChoice;
  readonly demoChoice;
  readonly laterChoice;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Перший запуск: дані' });
    this.importChoice = page.getByRole('button', { name: 'Імпорт з білінгової системи' });
    this.demoChoice = page.getByRole('button', { name: 'Демонстраційний район' });
    this.laterChoice = page.getByRole('button', { name: 'Пізніше' });
  }
}
