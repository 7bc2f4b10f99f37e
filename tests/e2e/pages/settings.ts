import { expect, type Page } from '@playwright/test';
import { Operator } from './operator';

/** Сервіс → Налаштування: the arrows to a setting, Enter opens it, the value typed over, Enter saves. */
export class SettingsScreen {
  readonly op: Operator;
  readonly table;
  readonly dialog;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.table = page.getByTestId('settings-table');
    this.dialog = page.getByRole('dialog');
  }

  async open() {
    await this.op.menu('Сервіс', 'Налаштування');
    await expect(this.table).toBeVisible();
  }

  /** The setting's row, by its label. */
  row(label: string) {
    return this.table.getByRole('row').filter({ hasText: label });
  }

  /** A text setting: ↓ until its row is the active one, Enter, Ctrl+A and the new value over the old, Enter. */
  async setText(label: string, value: string) {
    await this.table.focus();
    for (let i = 0; i < 40 && (await this.row(label).getAttribute('aria-selected')) !== 'true'; i++) await this.op.press('ArrowDown');
    await this.op.press('Enter');
    const field = this.dialog.getByRole('textbox', { name: 'Значення' });
    await expect(field).toBeFocused();
    await this.op.press('Control+a');
    await this.op.type(value);
    await this.op.press('Enter');
    await expect(this.dialog).toBeHidden();
    await expect(this.row(label)).toContainText(value);
  }
}
