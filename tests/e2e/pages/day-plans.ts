import { expect, type Page } from '@playwright/test';
import { Operator } from './operator';

/** Робота з абонентом / Денний план: every controller's plan side by side, driven by ←/→, ↑/↓, Space and F-keys. */
export class DayPlans {
  readonly op: Operator;
  readonly date;
  readonly dialog;
  readonly leftOut;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.date = page.getByLabel('Дата', { exact: true });
    this.dialog = page.getByRole('dialog');
    this.leftOut = page.getByTestId('plans-left-out');
  }

  async open() {
    await this.op.menu('Робота з абонентом', 'Денний план');
  }

  column(employeeId: number) {
    return this.page.getByTestId(`plan-${employeeId}`);
  }

  summary(employeeId: number) {
    return this.page.getByTestId(`plan-summary-${employeeId}`);
  }

  table(employeeId: number) {
    return this.page.getByTestId(`plan-table-${employeeId}`);
  }

  /** A controller's points, in walk order (the header row left out). */
  rows(employeeId: number) {
    return this.table(employeeId)
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell') });
  }

  /** The controller whose plan the keys act on. */
  async expectActive(employeeId: number) {
    await expect(this.column(employeeId)).toHaveAttribute('data-active', 'true');
    await expect(this.table(employeeId)).toBeFocused();
  }

  /** F6, then the controller picked by ↓ from the top of the list, Enter. */
  async moveTo(name: string) {
    await this.op.press('F6');
    await expect(this.dialog).toBeVisible();
    const wanted = this.dialog.getByRole('radio', { name });
    for (let i = 0; i < 20 && !(await wanted.isChecked()); i++) await this.op.press('ArrowDown');
    await expect(wanted).toBeChecked();
    await this.op.press('Enter');
    await expect(this.dialog).toBeHidden();
  }

  /** F9 and Enter on the confirmation. */
  async formAll() {
    await this.op.press('F9');
    await expect(this.dialog).toBeVisible();
    await this.op.press('Enter');
    await expect(this.dialog).toBeHidden();
  }
}
