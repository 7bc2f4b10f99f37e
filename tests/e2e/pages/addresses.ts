import { expect, type Locator, type Page } from '@playwright/test';
import { Operator } from './operator';

/**
 * Довідники → Населені пункти, вулиці, будинки: three lists side by side. The arrows move in the
 * list that has the focus (and fill the next list), Tab goes to the next list, Insert adds in it.
 */
export class AddressesScreen {
  readonly op: Operator;
  readonly heading;
  readonly settlements;
  readonly streets;
  readonly houses;
  readonly dialog;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.heading = page.getByRole('heading', { name: 'Населені пункти, вулиці, будинки' });
    this.settlements = page.getByTestId('settlements-table');
    this.streets = page.getByTestId('streets-table');
    this.houses = page.getByTestId('houses-table');
    this.dialog = page.getByRole('dialog');
  }

  async open() {
    await this.op.menu('Довідники', 'Населені пункти, вулиці, будинки');
    await expect(this.heading).toBeVisible();
  }

  /** What the list shows in its first column, top to bottom. */
  firstColumn(list: Locator) {
    return list.locator('tbody tr td:first-child');
  }

  /** Insert, the name typed into the field the form opens on, Enter to save; back in the list when it is saved. */
  async add(list: Locator, name: string, kind?: string) {
    await list.focus();
    await this.op.press('Insert');
    await expect(this.dialog).toBeVisible();
    if (kind) await this.chooseKind(kind);
    await this.op.type(name);
    await this.op.press('Enter');
    await expect(this.dialog).toBeHidden();
  }

  /** The street form opens on its name: Shift+Tab back to the type, the arrows down its list to the one wanted, Enter, Tab. */
  private async chooseKind(label: string) {
    const kind = this.dialog.getByLabel('Тип', { exact: true });
    await this.op.press('Shift+Tab');
    await expect(kind).toBeFocused();
    await this.op.press('ArrowDown');
    const option = this.page.getByRole('option', { name: label, exact: true });
    await expect(option).toBeVisible();
    for (let i = 0; i < 10 && (await option.getAttribute('data-combobox-selected')) === null; i++) await this.op.press('ArrowDown');
    await this.op.press('Enter');
    await expect(kind).toHaveValue(label);
    await this.op.press('Tab');
  }

  /** The focus into a list, on the row at `index` (Home, then the arrows). */
  async goTo(list: Locator, index: number) {
    await list.focus();
    await this.op.press('Home', ...Array.from({ length: index }, () => 'ArrowDown'));
    await expect(list.locator(`tbody tr[data-row="${index}"]`)).toHaveAttribute('aria-selected', 'true');
  }
}
