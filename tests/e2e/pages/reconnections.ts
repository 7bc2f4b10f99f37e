import { expect, type Page } from '@playwright/test';
import { Operator } from './operator';
import { fillAct, type Act } from './orders';

/** Робота з абонентом → Підключення після відключення: the reconnection orders; F4 records the active one. */
export class ReconnectionsRegister {
  readonly op: Operator;
  readonly table;
  /** The table's rows, its header first. */
  readonly rows;
  readonly active;
  readonly dialog;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.table = page.getByTestId('reconnections-table');
    this.rows = this.table.getByRole('row');
    this.active = this.table.locator('tr[aria-selected="true"]');
    this.dialog = page.getByRole('dialog');
  }

  async open() {
    await this.op.menu('Робота з абонентом', 'Підключення після відключення');
    // The first page read: keys typed next act on its rows, not on an empty table.
    await expect(this.table).toHaveAttribute('aria-busy', 'false');
  }

  /** The row of an account's reconnection made active with the arrows, from the first row down. */
  async activate(account: string) {
    await this.table.focus();
    await this.op.press('Home');
    for (let i = 0; i < 50 && !((await this.active.textContent()) ?? '').includes(account); i++) await this.op.press('ArrowDown');
    await expect(this.active).toContainText(account);
  }

  /** F4, then the act typed and saved. */
  async record(act: Act) {
    await this.op.press('F4');
    await fillAct(this.page, 'Дата підключення', act);
  }
}
