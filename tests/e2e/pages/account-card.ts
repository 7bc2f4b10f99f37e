import { expect, type Page } from '@playwright/test';
import { Operator } from './operator';

/** Робота з абонентом → Пошук особового рахунку: the number typed, Tab into the list, Enter opens the card. */
export class AccountSearch {
  readonly op: Operator;
  readonly search;
  readonly table;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.search = page.getByRole('textbox', { name: 'Пошук' });
    this.table = page.getByTestId('accounts-table');
  }

  async open() {
    await this.op.menu('Робота з абонентом', 'Пошук особового рахунку');
    await expect(this.search).toBeFocused();
  }

  /** The list row of an account, once the search has found it. */
  row(number: string) {
    return this.table.getByRole('row').filter({ hasText: number });
  }

  /** Types the number, waits for the one row it finds, then Tab and Enter: the card. */
  async openCard(number: string) {
    await this.op.type(number);
    await expect(this.table.getByRole('row')).toHaveCount(2);
    await expect(this.row(number)).toBeVisible();
    await this.op.press('Tab', 'Enter');
    const card = new AccountCard(this.page);
    await expect(card.body).toBeVisible();
    return card;
  }
}

/** Картка абонента: the debt as of today, each point's bills and marks, the payments. */
export class AccountCard {
  readonly op: Operator;
  readonly body;
  readonly debt;
  /** The payments table's rows, its header first. */
  readonly payments;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.body = page.getByTestId('account-card');
    this.debt = this.body.getByTestId('card-debt');
    this.payments = this.body.getByTestId('card-payments').getByRole('row');
  }

  /** The "Рахунки" tab of a point, by keyboard, and its rows (header first). */
  async bills(pointId: number) {
    const point = this.body.getByTestId(`point-${pointId}`);
    await this.op.enterOn(point.getByRole('tab', { name: /Рахунки/ }));
    return point.getByTestId(`bills-${pointId}`).getByRole('row');
  }

  /** The "Відключення" tab of a point, by keyboard, and its warnings' rows (header first, newest next). */
  async warnings(pointId: number) {
    const point = this.body.getByTestId(`point-${pointId}`);
    await this.op.enterOn(point.getByRole('tab', { name: /Відключення/ }));
    return point.getByTestId(`warnings-${pointId}`).getByRole('row');
  }

  /** The "Відключення" tab of a point, by keyboard, and its disconnection orders' rows (header first, newest next). */
  async cutoffs(pointId: number) {
    const point = this.body.getByTestId(`point-${pointId}`);
    await this.op.enterOn(point.getByRole('tab', { name: /Відключення/ }));
    return point.getByTestId(`cutoffs-${pointId}`).getByRole('row');
  }

  /** The "Відключення" tab of a point, by keyboard, and its reconnection orders' rows (header first, newest next). */
  async reconnections(pointId: number) {
    const point = this.body.getByTestId(`point-${pointId}`);
    await this.op.enterOn(point.getByRole('tab', { name: /Відключення/ }));
    return point.getByTestId(`reconnections-${pointId}`).getByRole('row');
  }

  /** The "Споживання" tab of a point, by keyboard: its chart by month and its control readings (header first, newest next). */
  async consumption(pointId: number) {
    const point = this.body.getByTestId(`point-${pointId}`);
    await this.op.enterOn(point.getByRole('tab', { name: /Споживання/ }));
    const chart = point.getByTestId('consumption-chart');
    // Recharts draws one rectangle a bar with a height; a month without a figure, or of 0, has none.
    return { chart, bars: chart.locator('path.recharts-rectangle'), readings: chart.getByTestId('consumption-readings').getByRole('row') };
  }

  /** The "Фото" tab of a point, by keyboard: the photos from controllers' phones, each with its line. */
  async photos(pointId: number) {
    const point = this.body.getByTestId(`point-${pointId}`);
    await this.op.enterOn(point.getByRole('tab', { name: 'Фото' }));
    return point.getByTestId(`photos-${pointId}`);
  }

  /** A point's heading, with its state (підключено, відключено). */
  point(pointId: number) {
    return this.body.getByTestId(`point-${pointId}`).getByRole('heading');
  }

  /** The button that forms a disconnected point's reconnection (F6 on the card does the same). */
  reconnectButton(pointId: number) {
    return this.body.getByTestId(`point-${pointId}`).getByRole('button', { name: /Наряд на підключення/ });
  }

  /** A point's mark line ("Є звернення", "На обстеження") with its buttons. */
  mark(pointId: number, name: 'Є звернення' | 'На обстеження') {
    return this.body.getByTestId(`marks-${pointId}`).getByTestId(name === 'Є звернення' ? 'mark-complaint' : 'mark-inspection');
  }

  /** "Позначити" or "Змінити": the note typed (the date stays today's), Enter saves. */
  async setMark(pointId: number, name: 'Є звернення' | 'На обстеження', note: string) {
    await this.op.enterOn(this.mark(pointId, name).getByRole('button', { name: /Позначити|Змінити/ }));
    const form = this.page.getByRole('dialog').filter({ has: this.page.getByLabel('Примітка') });
    await expect(form.getByLabel('Примітка')).toBeFocused();
    await this.op.type(note);
    await this.op.press('Enter');
    await expect(form).toBeHidden();
  }

  async clearMark(pointId: number, name: 'Є звернення' | 'На обстеження') {
    await this.op.enterOn(this.mark(pointId, name).getByRole('button', { name: 'Зняти' }));
  }

  async close() {
    await this.op.press('Escape');
    await expect(this.body).toBeHidden();
  }
}
