import { expect, type Page } from '@playwright/test';
import { Operator } from './operator';

/** Звіти → Експорт показників: a period, Enter exports the entered readings to XLSX. */
export class ExportScreen {
  readonly op: Operator;
  readonly dateFrom;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.dateFrom = page.getByLabel('Дата з');
  }

  /** From the menu the screen opens on its first date. */
  async open() {
    await this.op.menu('Звіти', 'Експорт показників');
    await expect(this.dateFrom).toBeFocused();
  }

  /** The period as the form holds it, ISO dates. */
  period() {
    return this.page.evaluate(() => ({
      dateFrom: (document.querySelector('input[type=date]') as HTMLInputElement).value,
      dateTo: (document.querySelectorAll('input[type=date]')[1] as HTMLInputElement).value,
    }));
  }

  /** Enter, and the file it downloads. */
  async export() {
    const download = this.page.waitForEvent('download');
    await this.op.press('Enter');
    return download;
  }
}
