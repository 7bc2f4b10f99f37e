import { expect, type Page } from '@playwright/test';
import { Operator } from './operator';

/** Сервіс / Телефони контролерів: the field service on or off, a pairing code by F5, the phones' sessions. */
export class FieldService {
  readonly op: Operator;
  readonly code;
  readonly qr;
  readonly sessions;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.code = page.getByTestId('pairing-code');
    this.qr = page.getByTestId('pairing-qr');
    this.sessions = page.getByRole('grid', { name: 'Підключені телефони' });
  }

  /** The screen, once it has read the service's state: running, with the workstation's addresses. */
  async open() {
    await this.op.menu('Сервіс', 'Телефони контролерів');
    await expect(this.page.getByRole('heading', { name: 'Телефони контролерів' })).toBeVisible();
    await expect(this.page.getByTestId('field-addresses')).toBeVisible();
  }

  /** F5: a new six-digit code, shown large beside its QR code. */
  async newCode(): Promise<string> {
    await this.op.press('F5');
    await expect(this.code).toHaveText(/^\d{6}$/);
    await expect(this.qr).toBeVisible();
    return (await this.code.textContent())!;
  }
}
