import type { Page } from '@playwright/test';
import { Operator } from './operator';

/** A route's card: its tabs, the points on it; F5 goes to assignment by street. */
export class RouteCard {
  readonly op: Operator;
  /** Shown while the route has no points. */
  readonly empty;
  readonly pointsTab;
  /** The points table's rows, its header first. */
  readonly pointRows;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.empty = page.getByText('Маршрут порожній');
    this.pointsTab = page.getByRole('tab', { name: /Точки обліку/ });
    this.pointRows = page.getByTestId('route-points').getByRole('row');
  }

  heading(number: number) {
    return this.page.getByRole('heading', { name: new RegExp(`Маршрут № ${number}`) });
  }

  async assignByStreet() {
    await this.op.press('F5');
  }
}
