import { expect, type Page } from '@playwright/test';
import { Operator } from './operator';

/** Робота з абонентом → Попередження про відключення: Space ticks a row, F4 issues, F8 cancels. */
export class WarningsRegister {
  readonly op: Operator;
  readonly table;
  /** The table's rows, its header first. */
  readonly rows;
  readonly dialog;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.table = page.getByTestId('warnings-table');
    this.rows = this.table.getByRole('row');
    this.dialog = page.getByRole('dialog');
  }

  async open() {
    await this.op.menu('Робота з абонентом', 'Попередження про відключення');
    // The first page read: keys typed next act on its rows, not on an empty table.
    await expect(this.table).toHaveAttribute('aria-busy', 'false');
  }

  /** The focus into the table, on its active row (the first, until the arrows move it). */
  async focus() {
    await this.table.focus();
  }

  /** Space ticks the active row. */
  async tick() {
    await this.op.press('Space');
  }

  /**
   * F4 opens the issue form on "вручено особисто"; ↓ moves to "рекомендованим листом", Tab to the
   * date (Chromium selects what the field holds, so the typing replaces it), Enter issues.
   */
  async issueByMail(date: string) {
    await this.op.press('F4');
    await expect(this.page.getByRole('radio', { name: 'вручено особисто' })).toBeFocused();
    await this.op.press('ArrowDown');
    await expect(this.page.getByRole('radio', { name: 'рекомендованим листом' })).toBeChecked();
    await this.op.press('Tab');
    await expect(this.page.getByLabel('Дата вручення (відправлення листа)')).toBeFocused();
    await this.op.type(date);
    await this.op.press('Enter');
  }

  /** F4 opens the issue form on "вручено особисто"; Tab to the date, typed over, Enter issues. */
  async issueInHand(date: string) {
    await this.op.press('F4');
    await expect(this.page.getByRole('radio', { name: 'вручено особисто' })).toBeFocused();
    await this.op.press('Tab');
    await expect(this.page.getByLabel('Дата вручення (відправлення листа)')).toBeFocused();
    await this.op.type(date);
    await this.op.press('Enter');
  }

  /**
   * F8 opens the cancel form on its first reason; ↓ three times reaches "інша причина (оператор)",
   * Tab the note, Enter cancels.
   */
  async cancelWithOwnReason(note: string) {
    await this.op.press('F8');
    await expect(this.page.getByRole('radio', { name: 'реструктуризація боргу' })).toBeFocused();
    await this.op.press('ArrowDown', 'ArrowDown', 'ArrowDown');
    await expect(this.page.getByRole('radio', { name: 'інша причина (оператор)' })).toBeChecked();
    await this.op.press('Tab');
    await this.op.type(note);
    await this.op.press('Enter');
  }

  /** The status filter, by keyboard: ↓ opens its list, the arrows down to the one wanted, Enter. */
  async onlyStatus(status: string) {
    await this.only('Статус', status);
  }

  /** The kind filter ("за несплату", "за недопуск"), the same way. */
  async onlyKind(kind: string) {
    await this.only('Вид', kind);
  }

  private async only(filter: string, value: string) {
    const select = this.page.getByRole('combobox', { name: filter });
    await select.focus();
    await this.op.press('ArrowDown');
    const option = this.page.getByRole('option', { name: value, exact: true });
    await expect(option).toBeVisible();
    for (let i = 0; i < 10 && (await option.getAttribute('data-combobox-selected')) === null; i++) await this.op.press('ArrowDown');
    await this.op.press('Enter');
    await expect(select).toHaveValue(value);
  }
}
