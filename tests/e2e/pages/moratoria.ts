import { expect, type Page } from '@playwright/test';
import { Operator } from './operator';

/** Сервіс / Мораторій на відключення, by keyboard. */
export class MoratoriaScreen {
  readonly op: Operator;
  readonly table;
  readonly dialog;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.table = page.getByTestId('moratoria-table');
    this.dialog = page.getByRole('dialog');
  }

  async open() {
    await this.op.menu('Сервіс', 'Мораторій на відключення');
  }

  row(settlement: string) {
    return this.table.getByRole('row').filter({ hasText: settlement });
  }

  /** Insert, the settlement typed into its picker, the dates as the operator writes them (to may be left empty), a note, Enter. */
  async add(settlement: string, from: string, to: string, note: string) {
    const { op } = this;
    await op.press('Insert');
    await expect(this.dialog.getByRole('combobox', { name: 'Населений пункт' })).toBeFocused();
    await op.pick(settlement);
    await op.type(from);
    await op.press('Tab');
    await op.type(to);
    await op.press('Tab');
    await op.type(note);
    await op.press('Enter');
  }
}
