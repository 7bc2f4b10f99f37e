import { expect, type Page } from '@playwright/test';
import { Operator } from './operator';

/** Робота з абонентом → Формування маршруту по вулиці: route, settlement, street, houses; F9 assigns. */
export class AssignByStreet {
  readonly op: Operator;
  readonly heading;
  readonly route;
  readonly settlement;
  readonly houses;
  /** Asks before points are taken off another route. */
  readonly moveDialog;
  /** To the chosen route's card, on its points. */
  readonly routePoints;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.heading = page.getByRole('heading', { name: 'Формування маршруту по вулиці' });
    this.route = page.getByTestId('assign-route');
    this.settlement = page.getByTestId('assign-settlement');
    this.houses = page.getByTestId('houses').getByRole('checkbox');
    this.moveDialog = page.getByRole('dialog', { name: 'Перенести точки обліку?' });
    this.routePoints = page.getByRole('button', { name: 'Точки обліку маршруту' });
  }

  /** From the menu the screen opens on its route picker. */
  async open() {
    await this.op.menu('Робота з абонентом', 'Формування маршруту по вулиці');
    await expect(this.route).toBeFocused();
  }

  selected(houses: number) {
    return this.page.getByText(`Вибрано будинків: ${houses}`);
  }

  async toRoutePoints() {
    await this.op.enterOn(this.routePoints);
  }
}
