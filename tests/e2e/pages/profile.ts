import { expect, type Page } from '@playwright/test';
import { Operator } from './operator';

/** Сервіс / Профіль споживання, by keyboard: a commodity's months typed top to bottom. */
export class ProfileScreen {
  readonly op: Operator;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
  }

  async open() {
    await this.op.menu('Сервіс', 'Профіль споживання');
    await expect(this.share('Газ', 'Січень')).toBeFocused();
  }

  table(commodity: 'gas' | 'electricity') {
    return this.page.getByTestId(`profile-${commodity}`);
  }

  share(commodity: string, month: string) {
    return this.page.getByRole('textbox', { name: `${commodity}, ${month}`, exact: true });
  }

  row(commodity: 'gas' | 'electricity', month: string) {
    return this.table(commodity).getByRole('row').filter({ hasText: month });
  }

  /** Each share typed over the one there, Enter to the next month. */
  async typeColumn(shares: string[]) {
    for (const share of shares) {
      await this.op.type(share);
      await this.op.press('Enter');
    }
  }
}
