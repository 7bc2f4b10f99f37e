import { expect, type Locator, type Page } from '@playwright/test';

/** The controller's phone app (src-phone), driven by touch as a controller at the door would. */
export class PhoneApp {
  /** «Не надіслано: N · Надіслано: M», with the photos waiting and «Немає звʼязку» when they apply. */
  readonly status: Locator;
  readonly positions: Locator;
  readonly reading: Locator;
  readonly retype: Locator;
  readonly reason: Locator;
  readonly photo: Locator;
  readonly thumbnail: Locator;
  readonly save: Locator;
  readonly send: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByTestId('outbox-status');
    this.positions = page.getByTestId('position');
    this.reading = page.getByLabel('Показник', { exact: true });
    this.retype = page.getByLabel('Повторіть показник');
    this.reason = page.getByLabel('Причина невиконання');
    this.photo = page.getByLabel('Фото лічильника');
    this.thumbnail = page.getByRole('img', { name: 'Знімок лічильника' });
    this.save = page.getByRole('button', { name: 'Зберегти' });
    this.send = page.getByRole('button', { name: 'Надіслати' });
  }

  /** The code comes in the address from the QR code; the controller types their own login and password. */
  async pair(login: string, password: string) {
    const { page } = this;
    await page.getByLabel('Логін').fill(login);
    await page.getByLabel('Пароль', { exact: true }).fill(password);
    await page.getByRole('button', { name: "Під'єднати" }).tap();
    // The plan comes down by itself after pairing.
    await expect(this.positions.first()).toBeVisible();
  }

  position(positionId: number) {
    return this.page.locator(`[data-testid="position"][data-position-id="${positionId}"]`);
  }

  async open(positionId: number) {
    await this.position(positionId).tap();
    await expect(this.save).toBeVisible();
  }

  async saveAndBack(positionId: number) {
    await this.save.tap();
    await expect(this.position(positionId)).toHaveAttribute('data-done', 'true');
  }
}
