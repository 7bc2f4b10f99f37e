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

/** The first run, before any user exists: the administrator's form. */
export class FirstRunForm {
  readonly heading;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Перший запуск: адміністратор' });
  }
}
