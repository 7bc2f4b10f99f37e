import { expect, type Page } from '@playwright/test';
import { Operator } from './operator';

/** Робота з абонентом → Формування завдання на обхід: the route, then F9 forms the task. */
export class TaskForming {
  readonly op: Operator;
  readonly route;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.route = page.getByTestId('assign-route');
  }

  /** From the menu the screen opens on its route picker. */
  async open() {
    await this.op.menu('Робота з абонентом', 'Формування завдання на обхід');
    await expect(this.route).toBeFocused();
  }

  /** The route typed as the list shows it ("12 — Name"), Enter to take it, F9 to form: blind, in one go. */
  async form(route: { number: number; name: string }) {
    await this.op.type(`${route.number} — ${route.name}`);
    await this.op.press('Enter', 'F9');
  }

  /** Once formed, the focus is on "Маршрутний лист": Enter opens the preview. */
  async openSheet() {
    await this.op.press('Enter');
  }
}
