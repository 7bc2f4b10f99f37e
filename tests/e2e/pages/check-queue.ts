import { expect, type Page } from '@playwright/test';
import { Operator } from './operator';

/** Робота з абонентом → Контроль показників: the waiting readings, the active one's detail and chart, F2/F4/F6/F8. */
export class CheckQueue {
  readonly op: Operator;
  readonly rows;
  readonly detail;
  readonly sentences;
  readonly chart;
  readonly bars;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.rows = page.getByTestId('checks-table').locator('tbody tr');
    this.detail = page.getByTestId('check-detail');
    this.sentences = this.detail.getByTestId('check-sentence');
    this.chart = this.detail.getByTestId('consumption-chart');
    this.bars = this.chart.locator('path.recharts-rectangle');
  }

  async open() {
    await this.op.menu('Робота з абонентом', 'Контроль показників');
    await expect(this.page.getByRole('heading', { name: 'Контроль показників' })).toBeVisible();
  }

  /** The active row's decision by its key; a correction types the right value; Enter saves. */
  async decide(key: 'F2' | 'F4' | 'F6' | 'F8', value?: number, note = '') {
    await this.op.press(key);
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    if (value !== undefined) await this.op.type(String(value));
    if (note) {
      if (value !== undefined) await this.op.press('Tab');
      await this.op.type(note);
    }
    await this.op.press('Enter');
    await expect(dialog).toBeHidden();
  }
}
