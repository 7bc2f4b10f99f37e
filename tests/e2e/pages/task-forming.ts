import { expect, type Page } from '@playwright/test';
import { Operator } from './operator';

/** Робота з абонентом → Формування завдання на обхід: the route, then F9 forms the task. */
export class TaskForming {
  readonly op: Operator;
  readonly route;
  readonly date;
  /** The question before a second task for a route and date. */
  readonly repeatQuestion;
  /** The debt threshold's sum field. */
  readonly debt;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.route = page.getByTestId('assign-route');
    this.date = page.getByLabel('Дата завдання');
    this.repeatQuestion = page.getByTestId('repeat-question');
    this.debt = page.getByRole('textbox', { name: 'Боржники, борг від' });
  }

  /** From the menu the screen opens on its route picker. */
  async open() {
    await this.op.menu('Робота з абонентом', 'Формування завдання на обхід');
    await expect(this.route).toBeFocused();
  }

  /**
   * The route typed as the list shows it ("12 — Name"), Enter to take it, F9 to form: blind, in one go.
   * With a date, Tab from the route to the date field (Tab selects what it holds) and type it over.
   */
  async form(route: { number: number; name: string }, date?: string) {
    await this.op.type(`${route.number} — ${route.name}`);
    await this.op.press('Enter');
    if (date !== undefined) {
      await this.op.press('Tab');
      await this.op.type(date);
    }
    await this.op.press('F9');
  }

  /** Every route of a section: Shift+Tab back to "Для", → to "усіх маршрутів дільниці", the section, the date, F9. */
  async formForSection(section: string, date: string) {
    await this.op.press('Shift+Tab', 'ArrowRight', 'Tab');
    await this.op.pick(section);
    await expect(this.date).toBeFocused();
    await this.op.type(date);
    await this.op.press('F9');
  }

  /** The route typed as the list shows it, Enter to take it; the criteria come next. */
  async chooseRoute(route: { number: number; name: string }) {
    await this.op.type(`${route.number} — ${route.name}`);
    await this.op.press('Enter');
  }

  /** Once formed, the focus is on "Маршрутний лист": Enter opens the preview. */
  async openSheet() {
    await this.op.press('Enter');
  }

  /**
   * "Боржники, борг від": Space ticks it, Tab goes to the sum (Chromium selects what is there, so
   * the typing replaces it), the sum typed in гривні as the operator writes it.
   */
  async debtFrom(sum: string) {
    await this.page.getByRole('checkbox', { name: 'Боржники, борг від' }).focus();
    await this.op.press('Space', 'Tab');
    await expect(this.debt).toBeFocused();
    await this.op.type(sum);
  }

  /** Both warning boxes: Space ticks the first, Tab moves to the second, Space ticks it. */
  async withBothWarnings() {
    await this.page.getByRole('checkbox', { name: 'Попередження за несплату' }).focus();
    await this.op.press('Space', 'Tab', 'Space');
    await expect(this.page.getByRole('checkbox', { name: 'Попередження за несплату' })).toBeChecked();
    await expect(this.page.getByRole('checkbox', { name: 'Попередження за недопуск' })).toBeChecked();
  }

  /** The non-payment box alone: Space ticks it. */
  async withNonPaymentWarning() {
    const box = this.page.getByRole('checkbox', { name: 'Попередження за несплату' });
    await box.focus();
    await this.op.press('Space');
    await expect(box).toBeChecked();
  }

  /** F9 forms the task from anywhere on the form. */
  async execute() {
    await this.op.press('F9');
  }
}
