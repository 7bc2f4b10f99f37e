import type { Page } from '@playwright/test';
import { Operator } from './operator';

/** The notices' print preview: the A5 notices two to a page in a frame; Ctrl+S saves the PDF, Esc goes back. */
export class NoticesPreview {
  readonly op: Operator;
  /** "Повідомлень: N, аркушів А4: M" */
  readonly summary;
  readonly pages;
  readonly notices;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.summary = page.getByTestId('notices-summary');
    const frame = page.frameLocator('[data-testid="notices-frame"]');
    this.pages = frame.locator('section.page');
    this.notices = frame.locator('.notice');
  }

  /** Ctrl+S, and the PDF it downloads. */
  async savePdf() {
    const download = this.page.waitForEvent('download');
    await this.op.press('Control+s');
    return download;
  }
}
