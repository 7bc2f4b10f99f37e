import { expect, type Page } from '@playwright/test';
import { Operator } from './operator';

/** Довідники → Маршрути: the list of routes; Insert opens the new-route form. */
export class RoutesList {
  readonly op: Operator;
  readonly heading;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.heading = page.getByRole('heading', { name: 'Маршрути' });
  }

  async open() {
    await this.op.menu('Довідники', 'Маршрути');
    await expect(this.heading).toBeVisible();
  }

  /** Insert: the new-route form, its number field focused. */
  async insert() {
    await this.op.press('Insert');
    const form = new RouteForm(this.page);
    await expect(form.number).toBeFocused();
    return form;
  }
}

/** The route form: number, name, section, controller; Enter saves. */
export class RouteForm {
  readonly op: Operator;
  readonly dialog;
  readonly number;

  constructor(readonly page: Page) {
    this.op = new Operator(page);
    this.dialog = page.getByRole('dialog', { name: 'Новий маршрут' });
    this.number = this.dialog.getByLabel('Номер');
  }

  /** Filled blind from the number field: Tab between fields, the section picked, Enter to save. */
  async fill(route: { number: number; name: string; section: string; executor: string }) {
    await this.op.type(String(route.number));
    await this.op.press('Tab');
    await this.op.type(route.name);
    await this.op.press('Tab');
    await this.op.pick(route.section);
    await this.op.type(route.executor);
    await this.op.press('Enter', 'Enter');
  }
}
