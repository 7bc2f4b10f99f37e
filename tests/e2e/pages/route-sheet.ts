import type { Page } from '@playwright/test';
import { Operator } from './operator';

/** The route sheet's print preview: the sheet in a frame, its page count; Ctrl+S saves the PDF. */
export class RouteSheet {
  readonly op: Operator;
  /** "Сторінок: N, позицій: M" */
  readonly summary;
  readonly pages;
  readonly positions;
  /** Each position's address, in the order the sheet prints them. */
  readonly addresses;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.summary = page.getByTestId('sheet-pages');
    const sheet = page.frameLocator('[data-testid="sheet-frame"]');
    this.pages = sheet.locator('section.page');
    this.positions = sheet.locator('tr.pos');
    this.addresses = this.positions.locator('td:nth-child(4)');
  }

  /** «Додати попередження, сформовані із завданням»: the focus on the box, Space ticks it. */
  async includeWarnings() {
    await this.page.getByRole('checkbox', { name: 'Додати попередження, сформовані із завданням' }).focus();
    await this.op.press('Space');
  }

  /** Ctrl+S, and the PDF it downloads. */
  async savePdf() {
    const download = this.page.waitForEvent('download');
    await this.op.press('Control+s');
    return download;
  }
}
