import { expect, type Page } from '@playwright/test';
import { Operator } from './operator';

/** Звіти → Реєстри відключень or Звіти про виконання обходу: the report picked by typing, its table, and its file by Ctrl+E. */
export class RegistersScreen {
  readonly op: Operator;
  readonly kind;
  readonly rows;
  readonly totals;
  /** The execution report's chart of readings per controller per day. */
  readonly byDay;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.kind = page.getByRole('combobox', { name: 'Реєстр' });
    this.rows = page.getByTestId('register').locator('tbody tr');
    this.totals = page.getByTestId('register-totals');
    this.byDay = page.getByTestId('readings-by-day');
  }

  /** From the menu the screen opens with the register picker focused. */
  async open(item = 'Реєстри відключень') {
    await this.op.menu('Звіти', item);
    await expect(this.kind).toBeFocused();
  }

  /** Звіти → Звіти про виконання обходу: the same screen over the walk reports. */
  async openWalkReports() {
    await this.open('Звіти про виконання обходу');
  }

  /** Types part of the register's name and leaves with Tab, as a form is filled without looking. */
  async choose(name: string) {
    await this.kind.focus();
    await this.op.pick(name);
  }

  /** The period typed over both dates, as dd.mm.yyyy. */
  async setPeriod(from: string, to: string) {
    for (const [label, value] of [
      ['Дата з', from],
      ['по', to],
    ] as const) {
      const field = this.page.getByLabel(label, { exact: true });
      await field.focus();
      await this.op.press('Control+a');
      await this.op.type(value);
      await this.op.press('Tab');
      await expect(field).toHaveValue(value);
    }
  }

  /** Ctrl+E, and the XLSX file it downloads. */
  async exportXlsx() {
    const download = this.page.waitForEvent('download');
    await this.op.press('Control+e');
    return download;
  }
}
