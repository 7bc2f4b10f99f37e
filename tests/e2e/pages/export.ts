import { expect, type Locator, type Page } from '@playwright/test';
import { parseDate } from '../../../shared/i18n/format';
import { Operator } from './operator';

/** Звіти → Експорт показників: a period, Enter exports the entered readings to XLSX. */
export class ExportScreen {
  readonly op: Operator;
  readonly dateFrom;
  readonly dateTo;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.dateFrom = page.getByLabel('Дата з');
    this.dateTo = page.getByLabel('по', { exact: true });
  }

  /** From the menu the screen opens on its first date. */
  async open() {
    await this.op.menu('Звіти', 'Експорт показників');
    await expect(this.dateFrom).toBeFocused();
  }

  /** The period as the form shows it (24.11.2026), read back as ISO dates. */
  async period() {
    const iso = async (field: Locator) => {
      const shown = await field.inputValue();
      const date = parseDate(shown);
      if (date === null) throw new Error(`the export screen shows an unreadable date: "${shown}"`);
      return date;
    };
    return { dateFrom: await iso(this.dateFrom), dateTo: await iso(this.dateTo) };
  }

  /** Enter, and the file it downloads. */
  async export() {
    const download = this.page.waitForEvent('download');
    await this.op.press('Enter');
    return download;
  }
}
