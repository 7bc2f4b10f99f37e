import { expect, type Page } from '@playwright/test';
import { Operator } from './operator';

/** A route's card: its tabs, the points on it, their walk order (F4); F5 goes to assignment by street. */
export class RouteCard {
  readonly op: Operator;
  /** Shown while the route has no points. */
  readonly empty;
  readonly pointsTab;
  /** The points table's rows, its header first. */
  readonly pointRows;
  /** Порядок обходу: the walk order's table, and its rows (the header first). */
  readonly walkOrder;
  readonly walkRows;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.empty = page.getByText('Маршрут порожній');
    this.pointsTab = page.getByRole('tab', { name: /Точки обліку/ });
    this.pointRows = page.getByTestId('route-points').getByRole('row');
    this.walkOrder = page.getByTestId('walk-sequence');
    this.walkRows = this.walkOrder.getByRole('row');
  }

  heading(number: number) {
    return this.page.getByRole('heading', { name: new RegExp(`Маршрут № ${number}`) });
  }

  async assignByStreet() {
    await this.op.press('F5');
  }

  /** F4: the walk order tab, its table taking the keys. */
  async openWalkOrder() {
    await this.op.press('F4');
    await expect(this.walkOrder).toBeFocused();
  }

  /** The row of the walk order the keys act on. */
  activeWalkRow() {
    return this.walkOrder.locator('tr[aria-selected="true"]');
  }

  /** The active row's place in the walk (its № column, after the tick box). */
  activePlace() {
    return this.activeWalkRow().getByRole('cell').nth(1);
  }
}
